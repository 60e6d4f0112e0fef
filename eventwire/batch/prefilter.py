"""A cheap test that an article cannot have events, so batch runs can skip spaCy for it.

The extractor makes an event only from a sentence in which the cue lexicon finds a cue or
which opens with a known label ("Arrests: ..."). This filter asks a looser question of the
whole text: does any cue pattern match anywhere (without the "support context" vetoes and
the overlap resolution), or any known label followed by a colon? Sentences are slices of the
text that start after whitespace or a full stop and end before them, so a pattern that matches
in a sentence matches at the same place in the whole text: an article this filter rejects gets
no event by construction. tests/batch checks that output is identical with and without it.
"""

from __future__ import annotations

import re

from ..events.detect import CueLexicon


class CuePrefilter:
    """``may_have_events(text)`` is False only for texts the extractor gives no event."""

    def __init__(self, lexicon: CueLexicon | None = None) -> None:
        lexicon = lexicon or CueLexicon.default()
        # The lexicon's own regexes, with their word boundaries; also as one union, which
        # scans the text once instead of once per entry.
        self._cues = [e.regex for e in lexicon.entries]
        flags = {rx.flags for rx in self._cues}
        self._union = (re.compile("|".join(f"(?:{rx.pattern})" for rx in self._cues),
                                  flags.pop()) if len(flags) == 1 else None)
        labels = sorted(lexicon.label_prefixes, key=len, reverse=True)
        self._labels = (re.compile("(?:" + "|".join(re.escape(k) for k in labels) + r") *:\s",
                                   re.I) if labels else None)

    def may_have_events(self, text: str) -> bool:
        if self._labels is not None and self._labels.search(text):
            return True
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
