"""The web app's answer cache: the JSON (and its gzip) of the reading endpoints, kept while
the store is unchanged.

Every answer is filed under the store's change token (``Store.change_token``), read before
the answer is computed: a write committed by anyone (a reviewer's edit or merge, ``store add``
or ``watch`` in another process) changes the token and empties the cache, so an answer is
never older than the last write. The unfiltered world map and statistics, which every first
visit asks for and which cost hundreds of milliseconds to build, are then built once per
change instead of once per visitor. Concurrent requests for an answer being built wait for it
instead of building it again.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import orjson

from ..store import Store

GZIP_MIN_BYTES = 2048  # smaller answers are sent as they are (as the gzip middleware does)
GZIP_LEVEL = 5


def encode(obj: Any) -> bytes:
    """Compact JSON as UTF-8, the same text as ``json.dumps(obj, ensure_ascii=False,
    separators=(",", ":"))``; orjson writes a map's tens of thousands of points five times
    faster."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:  # what orjson refuses (an int past 64 bits...): the standard encoder
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Answer:
    body: bytes  # JSON
    gz: bytes | None  # the same, gzipped (None for a small answer)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gz or b"")


def _answer(obj: Any) -> Answer:
    body = encode(obj)
    gz = gzip.compress(body, GZIP_LEVEL, mtime=0) if len(body) >= GZIP_MIN_BYTES else None
    return Answer(body, gz)


class AnswerCache:
    """Answers by key, least recently used dropped past ``max_bytes``; 0 turns it off.

    At most ``builders`` answers are built at once (the rest wait their turn): a build is
    mostly Python holding the GIL, so more builds at once than cores only add thread switches
    (at 20 concurrent clients on 2 cores, 2 builders answer a quarter faster than 40)."""

    def __init__(self, store: Store, max_bytes: int = 64 << 20, builders: int = 2) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self._builders = threading.BoundedSemaphore(max(1, builders))
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._token: Any = None
        self._entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self._size = 0
        self._building: dict[tuple[Any, Hashable], threading.Lock] = {}

    def get(self, key: Hashable, build: Callable[[], Any]) -> Answer:
        """The answer for ``key``: cached if the store has not changed since it was built,
        else ``build()`` (a JSON-able object), encoded and kept."""
        token = self.store.change_token() if self.max_bytes > 0 else None
        if token is None:  # off, or a store that cannot tell when it changes
            with self._builders:
                return _answer(build())
        with self._lock:
            hit = self._lookup(token, key)
            if hit is not None:
                return hit
            building = self._building.setdefault((token, key), threading.Lock())
        with building:  # one request builds, the others for the same answer wait for it
            with self._lock:
                hit = self._lookup(token, key)
                if hit is not None:
                    return hit
                self.misses += 1
            try:
                with self._builders:
                    answer = _answer(build())
                with self._lock:
                    self._keep(token, key, answer)
            finally:
                with self._lock:
                    self._building.pop((token, key), None)
        return answer

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _lookup(self, token: Any, key: Hashable) -> Answer | None:
        if token != self._token:  # the store changed: every answer kept is stale
            self._entries.clear()
            self._size = 0
            self._token = token
            return None
        hit = self._entries.get(key)
        if hit is not None:
            self._entries.move_to_end(key)
            self.hits += 1
        return hit

    def _keep(self, token: Any, key: Hashable, answer: Answer) -> None:
        if token != self._token or answer.size > self.max_bytes // 4:
            return  # built on a store that has changed since, or too big to keep
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= old.size
        self._entries[key] = answer
        self._size += answer.size
        while self._size > self.max_bytes:
            _k, dropped = self._entries.popitem(last=False)
            self._size -= dropped.size
