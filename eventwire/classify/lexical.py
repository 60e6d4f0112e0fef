"""A small TF-IDF vectorizer (words and word pairs) that is part of a classifier model file.

Written here rather than taken from scikit-learn so that a model needs no pickle and run
time needs no scikit-learn: lower-cased word tokens of two or more characters, unigrams and
bigrams, sublinear term frequency, smoothed idf, L2 norm (the same recipe as scikit-learn's
TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str) -> list[str]:
    """The unigrams and bigrams of one text."""
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


class Lexicon:
    """Term -> column, with the idf weight of each column."""

    def __init__(self, vocab: Sequence[str], idf: Sequence[float]) -> None:
        self.vocab = list(vocab)
        self.idf = np.asarray(idf, dtype=np.float32)
        self._index = {t: i for i, t in enumerate(self.vocab)}

    def __len__(self) -> int:
        return len(self.vocab)

    @classmethod
    def fit(cls, texts: Iterable[str], min_df: int = 2) -> Lexicon:
        docs = [set(terms(t)) for t in texts]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d)
        n = len(docs)
        vocab = sorted(t for t, c in df.items() if c >= min_df)
        idf = [round(math.log((1 + n) / (1 + df[t])) + 1.0, 5) for t in vocab]
        return cls(vocab, idf)

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one text's L2-normalised TF-IDF vector (sparse)."""
        counts = Counter(t for t in terms(text) if t in self._index)
        cols = np.array(sorted(self._index[t] for t in counts), dtype=np.int64)
        inv = {self._index[t]: c for t, c in counts.items()}
        vals = np.array([(1.0 + math.log(inv[c])) * self.idf[c] for c in cols], dtype=np.float32)
        norm = float(np.linalg.norm(vals))
        return cols, (vals / norm if norm > 0 else vals)

    def logits(self, texts: Sequence[str], coef: np.ndarray) -> np.ndarray:
        """texts x coef.T without building the dense (n, vocabulary) matrix."""
        out = np.zeros((len(texts), coef.shape[0]), dtype=np.float32)
        for i, text in enumerate(texts):
            cols, vals = self.row(text)
            if len(cols):
                out[i] = coef[:, cols] @ vals
        return out

    def sparse(self, texts: Sequence[str]):  # -> scipy.sparse.csr_matrix (training only)
        from scipy.sparse import csr_matrix

        indptr, indices, data = [0], [], []
        for text in texts:
            cols, vals = self.row(text)
            indices.extend(cols.tolist())
            data.extend(vals.tolist())
            indptr.append(len(indices))
        return csr_matrix((data, indices, indptr), shape=(len(texts), len(self.vocab)),
                          dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:
        return {"terms": self.vocab, "idf": [round(float(x), 5) for x in self.idf.tolist()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lexicon:
        return cls(data["terms"], data["idf"])
