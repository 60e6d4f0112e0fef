"""Exact and near-duplicate articles: a wire story re-published by twenty outlets is coded once.

Exact copies share the hash of their normalized text; near copies (new headline, trimmed
ending, outlet boilerplate) are found with MinHash over word 5-shingles and an LSH index
(datasketch), then confirmed by the Jaccard estimate, or by containment (a copy trimmed to
its first paragraphs is mostly inside the original). The first article seen is the
original; later copies point at its ``article_id`` so their outlets count as sources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..records import Article

if TYPE_CHECKING:
    from datasketch import MinHash

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DupResult:
    """Whether an article copies one seen before: kind, the original's id, similarity."""

    kind: Literal["unique", "exact", "near"]
    of: str | None = None  # article_id of the original (None when unique)
    similarity: float = 1.0  # estimated Jaccard (or containment) of word 5-shingles

    @property
    def is_duplicate(self) -> bool:
        return self.kind != "unique"


@dataclass(slots=True)
class _Original:
    article_id: str
    copies: list[str] = field(default_factory=list)  # article_ids of its copies
    outlets: list[str] = field(default_factory=list)  # outlets of original + copies


class Deduplicator:
    """Stateful: feed articles in order with :meth:`check`; ask for copies and sources later."""

    def __init__(
        self,
        threshold: float = 0.7,
        num_perm: int = 128,
        shingle_size: int = 5,
        containment: float = 0.85,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.containment = containment
        # datasketch is imported here, not with the module: it pulls in scipy (half a second)
        # and every batch worker imports eventwire.ingest without deduplicating anything
        from datasketch import MinHashLSH

        # The index finds candidates loosely; each is then confirmed by Jaccard or containment.
        self._lsh = MinHashLSH(threshold=min(threshold, 0.4), num_perm=num_perm)
        self._sizes: dict[str, int] = {}
        self._hashes: dict[str, str] = {}  # text hash -> original article_id
        self._minhashes: dict[str, MinHash] = {}
        self._originals: dict[str, _Original] = {}

    # -- public ----------------------------------------------------------------------------
    def check(self, article: Article) -> DupResult:
        """Classify ``article`` against everything seen so far, then remember it."""
        words = [w.lower() for w in _WORD.findall(article.text)]
        digest = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
        original = self._hashes.get(digest)
        if original is not None:
            self._count(original, article)
            return DupResult("exact", self._originals[original].article_id, 1.0)

        mh, size = self._minhash(words)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(mh):
            jac = float(mh.jaccard(self._minhashes[candidate]))
            other = self._sizes[candidate]
            # |A & B| from the Jaccard estimate; a trimmed copy is mostly inside the original.
            shared = jac * (size + other) / (1.0 + jac)
            contained = shared / max(1, min(size, other))
            if jac >= self.threshold:
                sim = jac
            elif contained >= self.containment:
                sim = min(1.0, contained)
            else:
                continue
            if best is None or sim > best[0]:
                best = (sim, candidate)
        if best is not None:
            self._hashes[digest] = best[1]
            self._count(best[1], article)
            return DupResult("near", self._originals[best[1]].article_id, round(best[0], 3))

        key = article.article_id
        if key in self._minhashes:  # same id, different text: keep ids unique in the index
            key = f"{key}#{len(self._minhashes)}"
        self._hashes[digest] = key
        self._minhashes[key] = mh
        self._sizes[key] = size
        self._lsh.insert(key, mh)
        self._originals[key] = _Original(
            article.article_id, [], [article.outlet] if article.outlet else []
        )
        return DupResult("unique")

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, DupResult]]:
        """Check every article in turn: yields (article, result)."""
        for art in articles:
            yield art, self.check(art)

    def copies(self, article_id: str) -> list[str]:
        """The article_ids found to copy ``article_id`` (empty if none or unknown)."""
        orig = self._originals.get(article_id)
        return list(orig.copies) if orig else []

    def source_count(self, article_id: str) -> int:
        """How many reports carry this story: the original plus its copies."""
        orig = self._originals.get(article_id)
        return 1 + len(orig.copies) if orig else 0

    def outlets(self, article_id: str) -> list[str]:
        """Distinct outlets that carried the story, in the order first seen."""
        orig = self._originals.get(article_id)
        return list(dict.fromkeys(orig.outlets)) if orig else []

    # -- internals -------------------------------------------------------------------------
    def _count(self, original: str, article: Article) -> None:
        orig = self._originals[original]
        orig.copies.append(article.article_id)
        if article.outlet:
            orig.outlets.append(article.outlet)

    def _minhash(self, words: list[str]) -> tuple[MinHash, int]:
        k = self.shingle_size
        if len(words) <= k:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
        from datasketch import MinHash

        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch([s.encode("utf-8") for s in shingles])
        return mh, len(shingles)
