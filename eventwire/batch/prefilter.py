"""A cheap test that an article cannot have events, so batch runs can skip spaCy for it.

The extractor makes an event only from a sentence in which the cue lexicon finds a cue or
which opens with a known label ("Arrests: ..."). This filter asks a looser question of the
whole text: does any cue pattern match anywhere (without the "support context" vetoes and
the overlap resolution), or any known label followed by a colon? Sentences are slices of the
text that start after whitespace or a full stop and end before them, so a pattern that matches
in a sentence matches at the same place in the whole text: an article this filter rejects gets
no event by construction. tests/batch checks that output is identical with and without it.

Given the relevance stage, it also turns away other news whose candidates that stage would
all drop, before spaCy: an article that its words make a sports, market, technology or
entertainment report (``Relevance.genre``, the very call the pipeline makes) and that holds
no protest word, no label, no weapon that keeps its sense in such news and no word of people
killed or hurt. In such an article the relevance stage keeps a candidate only on that
evidence (``Relevance.judge``), so none would be kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..events.detect import CueLexicon
from ..events.relevance import OTHER

if TYPE_CHECKING:
    from ..events.relevance import Relevance

NO_CUE = "no event cue"
OTHER_NEWS = "other news"


class CuePrefilter:
    """``may_have_events(text)`` is False only for texts the extractor gives no event."""

    def __init__(self, lexicon: CueLexicon | None = None,
                 relevance: Relevance | None = None) -> None:
        lexicon = lexicon or CueLexicon.default()
        self._relevance = relevance
        self._entries = lexicon.entries
        # The lexicon's own regexes, with their word boundaries; also as one union (the
        # lexicon's any-cue gate), which scans the text once instead of once per entry.
        self._cues = [e.regex for e in lexicon.entries]
        self._union: re.Pattern[str] | None = lexicon.any_cue
        labels = sorted(lexicon.label_prefixes, key=len, reverse=True)
        self._labels = (re.compile("(?:" + "|".join(re.escape(k) for k in labels) + r") *:\s",
                                   re.I) if labels else None)
        self._label_len = max((len(k) for k in labels), default=0)

    def may_have_events(self, text: str) -> bool:
        return self.reason(text) is None

    def reason(self, text: str) -> str | None:
        """Why the text can give no event (``NO_CUE``, ``OTHER_NEWS``), or None."""
        if self._labels is not None and self._has_label(text):
            return None
        if not self._any_cue(text):
            return NO_CUE
        if self._relevance is not None and self._other_news(text):
            return OTHER_NEWS
        return None

    def _other_news(self, text: str) -> bool:
        """Other news in which the relevance stage would drop every candidate."""
        rel = self._relevance
        assert rel is not None
        genre = rel.genre(text)
        if genre.eventful or genre.name == OTHER:
            return False  # other news keeps its plain cues ("took control of the town")
        if rel.evidence["arms"].search(text) or rel.evidence["harm"].search(text):
            return False  # "a bomb went off near the stadium"
        return not any(e.family in ("protest", "label") and e.regex.search(text)
                       for e in self._entries)

    def _any_cue(self, text: str) -> bool:
        if self._union is not None:
            m = self._union.search(text)
            if m is None:
                return False  # no entry matches anywhere
            if m.end() > m.start():
                return True
            # an empty match could hide a real one at the same place: ask entry by entry
        for rx in self._cues:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    return True
        return False

    def _has_label(self, text: str) -> bool:
        """``self._labels.search(text)``, tried only just before each ": " (a label match
        ends with one), instead of at every place in the text."""
        assert self._labels is not None
        for colon in _COLON.finditer(text):
            at = colon.start()
            lo = at
            while lo > 0 and text[lo - 1] == " ":
                lo -= 1
            if self._labels.search(text, max(0, lo - self._label_len), at + 2):
                return True
        return False


_COLON = re.compile(r":\s")
