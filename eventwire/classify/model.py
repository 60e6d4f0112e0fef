"""The learned sub-event-type classifier: MiniLM vectors + TF-IDF words, logistic regression.

Features are the 384-d MiniLM vector (meaning, robust to wording) next to an L2-normalised
TF-IDF vector of the sentence's words and word pairs (the decisive cue words: "dispersed",
"tear gas", "shelled", "abducted"). Measured on ACLED notes, the pair beats either alone.

A model is one small JSON file (weights rounded to 6 significant digits, keys sorted) so the
same training data always gives the same bytes and the file can be read without pickle. At
run time only numpy and the embedder are needed; scikit-learn is used to fit.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from .embed import DIMENSION, EMBEDDER_ID, get_embedder
from .lexical import Lexicon

FORMAT = "eventwire-subtype-classifier"
FORMAT_VERSION = 1
NONE_LABEL = "none"  # "this sentence reports no event" (modelled when training data has it)
DEFAULT_MODEL = Path(__file__).resolve().parent / "model" / "acled_default.json"
DEFAULT_C = 4.0  # inverse regularisation; chosen on project-written held-out data


class SubtypeClassifier:
    """Scores sentences against an ontology's labels (ACLED sub-event types by default)."""

    def __init__(
        self,
        labels: Sequence[str],
        coef: np.ndarray,
        intercept: np.ndarray,
        parents: dict[str, str] | None = None,
        meta: dict[str, Any] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.lexicon = lexicon or Lexicon([], [])
        width = DIMENSION + len(self.lexicon)
        if coef.shape != (len(labels), width) or intercept.shape != (len(labels),):
            raise ConfigError("classifier weights do not match its labels")
        self._labels = list(labels)
        self._coef = coef.astype(np.float32)
        self._intercept = intercept.astype(np.float32)
        self.parents: dict[str, str] = dict(parents or {})
        self.meta: dict[str, Any] = dict(meta or {})

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    def event_type(self, label: str) -> str | None:
        """The parent event type of a sub-type label (None for "none" or flat ontologies)."""
        return self.parents.get(label)

    # -- prediction -------------------------------------------------------------------------
    def decision(self, sentences: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities, shape (n, labels); ``vectors`` = precomputed MiniLM vectors."""
        if vectors is None:
            vectors = get_embedder().embed(list(sentences))
        logits = vectors @ self._coef[:, :DIMENSION].T + self._intercept
        if len(self.lexicon):
            logits += self.lexicon.logits(sentences, self._coef[:, DIMENSION:])
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict_proba(self, sentences: list[str]) -> list[dict[str, float]]:
        """label -> probability for each sentence (probabilities sum to 1 per sentence)."""
        if not sentences:
            return []
        probs = self.decision(list(sentences))
        return [
            {lab: float(p) for lab, p in zip(self._labels, row, strict=True)} for row in probs
        ]

    def predict(self, sentences: list[str], allow_none: bool = True) -> list[tuple[str, float]]:
        """The best label and its probability per sentence."""
        out: list[tuple[str, float]] = []
        for probs in self.predict_proba(sentences):
            if not allow_none:
                probs = {k: v for k, v in probs.items() if k != NONE_LABEL}
            best = max(probs, key=lambda k: probs[k])
            out.append((best, probs[best]))
        return out

    # -- persistence ------------------------------------------------------------------------
    def to_json(self) -> str:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "embedder": EMBEDDER_ID,
            "labels": self._labels,
            "parents": self.parents,
            "intercept": [_round(x) for x in self._intercept.tolist()],
            "coef": [[_round(x) for x in row] for row in self._coef.tolist()],
            "lexicon": self.lexicon.to_dict(),
            "meta": self.meta,
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n"

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def from_json(cls, text: str, source: str = "model") -> SubtypeClassifier:
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{source}: not a classifier model (invalid JSON: {exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ConfigError(f"{source}: not an eventwire classifier model")
        if doc.get("version") != FORMAT_VERSION:
            raise ConfigError(f"{source}: model format version {doc.get('version')} unsupported")
        if doc.get("embedder") != EMBEDDER_ID:
            raise ConfigError(f"{source}: model was trained on embedder {doc.get('embedder')!r}")
        try:
            return cls(
                doc["labels"],
                np.asarray(doc["coef"], dtype=np.float32),
                np.asarray(doc["intercept"], dtype=np.float32),
                doc.get("parents"),
                doc.get("meta"),
                Lexicon.from_dict(doc.get("lexicon") or {"terms": [], "idf": []}),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise ConfigError(f"{source}: damaged classifier model ({exc})") from exc

    @classmethod
    def load(cls, path: str | Path | None = None) -> SubtypeClassifier:
        """Load a model file; None = the shipped default ACLED model. Cached per path."""
        return _load_cached(str(Path(path).resolve()) if path else str(DEFAULT_MODEL))


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> SubtypeClassifier:
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{path}: classifier model not found (train one with `eventwire train`)")
    return SubtypeClassifier.from_json(p.read_text(encoding="utf-8"), source=path)


def _round(x: float) -> float:
    """5 significant digits: tiny float noise from the BLAS must not change the file."""
    if x == 0 or not math.isfinite(x) or abs(x) < 1e-6:
        return 0.0
    return float(f"{x:.5g}")
