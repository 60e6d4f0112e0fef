"""Word lists written as regexes, found by looking words up in a table instead of scanning.

A genre's vocabulary (relevance.yaml) is a few hundred whole-word, case-insensitive patterns
such as ``stocks?`` or ``semi-?finals?``, counted over whole articles. A regex tries every
alternative at every word start; here each pattern's finite language is spelled out once
(``stock``, ``stocks``, ``semifinal``, ``semi-final``, ...), a trailing ``\\w*`` becomes a
prefix (``attack\\w*``), and a text is split into its words once and looked up: about ten
times faster over an article. A pattern that cannot be spelled out (``\\d{1,3}-\\d{1,3} win``)
stays a regex.

Words are runs of word characters joined by inner hyphens ("semi-final"), as the regexes'
``(?<![\\w-])...(?![\\w-])`` boundaries see them: "war" is not found in "anti-war", "team" is
found in "team's". A phrase ("stock market", "s&p") is matched over consecutive words with the
same characters between them as its spelling has, its longest reading first.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import ConfigError

_WORD = re.compile(r"\w+(?:-\w+)*")
_LIMIT = 4000  # spellings per pattern before it is kept as a regex
_STAR = "\x00"  # marks a trailing \w* in a spelling


class _NotFinite(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Words:
    """A text split into words once, for any number of TermSet lookups."""

    text: str
    spans: list[tuple[int, int]]
    lower: list[str]
    # the words as written, for case-sensitive sets (made on first use, then kept)
    _written: list[list[str]] = field(default_factory=list, compare=False, repr=False)
    # (case, n) -> the text's distinct words (n = 0) or their first n letters (made on first
    # use, then kept)
    _distinct: dict[tuple[bool, int], set[str]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Words:
        spans = list(map(re.Match.span, _WORD.finditer(text)))
        low = text.lower()
        return cls(text, spans, [low[s:e] for s, e in spans])

    @property
    def written(self) -> list[str]:
        if not self._written:
            text = self.text
            self._written.append([text[s:e] for s, e in self.spans])
        return self._written[0]

    def distinct(self, case: bool, n: int = 0) -> set[str]:
        """The text's distinct words (as written when ``case``, else lower-cased), or with
        ``n`` their first n letters: made once per text, so that each set first asks whether
        the text has any of its words at all (most sets find none in most texts)."""
        key = (case, n)
        found = self._distinct.get(key)
        if found is None:
            found = {w[:n] for w in self.distinct(case)} if n else \
                set(self.written if case else self.lower)
            self._distinct[key] = found
        return found


class TermSet:
    """Whole-word ``patterns`` (regexes), matched case-insensitively unless ``case``."""

    def __init__(self, patterns: Sequence[str], *, case: bool = False) -> None:
        self.case = case
        # words joined by spaces -> the characters between them in each spelling
        self.phrases: dict[str, set[tuple[str, ...]]] = {}
        self.longest: dict[str, int] = {}  # first word -> most words of a phrase it starts
        self.prefixes: dict[int, set[str]] = {}  # length -> prefixes of a trailing \w*
        loose: list[str] = []
        for pattern in patterns:
            if not isinstance(pattern, str):
                raise ConfigError(f"pattern {pattern!r} is not a string")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"pattern {pattern!r} is not a valid regex: {exc}") from None
            for p in _alternatives(pattern):
                try:
                    spellings = _spell(p, 0 if case else re.I)
                    for s in spellings:
                        self._add(s if case else s.lower())
                except _NotFinite:
                    loose.append(p)
        shortest = min(self.prefixes, default=0)
        # (n, the first n letters of every prefix): a word can take a prefix only if it
        # starts with one of these
        self._head = (shortest, {stem[:shortest] for stems in self.prefixes.values()
                                 for stem in stems})
        flags = 0 if case else re.I
        self.loose = re.compile(
            rf"(?<![\w-])(?:{'|'.join(f'(?:{p})' for p in loose)})(?!(?<=[\w-])[\w-])",
            flags) if loose else None

    def _add(self, spelling: str) -> None:
        if spelling.endswith(_STAR):
            stem = spelling[:-1]
            if not _WORD.fullmatch(stem):
                raise _NotFinite  # "\\w*" after more than one word: keep the regex
            self.prefixes.setdefault(len(stem), set()).add(stem)
            return
        spans = [m.span() for m in _WORD.finditer(spelling)]
        if not spans or spelling[:spans[0][0]] or spelling[spans[-1][1]:]:
            return  # no word, or signs around it ("%"): whole-word matching never finds it
        words = [spelling[s:e] for s, e in spans]
        gaps = tuple(spelling[spans[j][1]:spans[j + 1][0]] for j in range(len(spans) - 1))
        self.phrases.setdefault(" ".join(words), set()).add(gaps)
        first = words[0]
        self.longest[first] = max(self.longest.get(first, 0), len(words))

    def contains(self, word: str) -> bool:
        """Is ``word`` (a word or a phrase) one of the terms, whole?"""
        found = self.find(word)
        return bool(found) and found[0] == word.strip()

    def _prefixed(self, word: str) -> bool:
        """Does a trailing-\\w* pattern take the word ("attacked" for ``attack\\w*``)?"""
        return any(word[:n] in stems and "-" not in word[n:]
                   for n, stems in self.prefixes.items() if len(word) >= n)

    def find(self, text: str | Words) -> list[str]:
        """Every match in the text, as written there, left to right for the table's terms
        (the longest phrase at each word), then the regex-only patterns'."""
        words = text if isinstance(text, Words) else Words.of(text)
        keys = words.written if self.case else words.lower
        spans = words.spans
        longest = self.longest
        # words that may start a term: a cheap pass over the text's words for those that are
        # a term's first word or open like a trailing \w* prefix, skipped when the text has
        # no such word at all
        first = longest.keys() & words.distinct(self.case)
        heads: set[str] = set()
        if self.prefixes:
            m, stems = self._head
            heads = stems & words.distinct(self.case, m)
        if heads:
            hits = [i for i, w in enumerate(keys) if w in first or w[:m] in heads]
        elif first:
            hits = [i for i, w in enumerate(keys) if w in first]
        else:
            hits = []
        out: list[str] = []
        n = len(keys)
        after = 0  # the first word not inside the last match
        for i in hits:
            if i < after:
                continue
            key = keys[i]
            step = 0
            for k in range(min(longest.get(key, 0), n - i), 0, -1):
                gaps = self.phrases.get(key if k == 1 else " ".join(keys[i:i + k]))
                if gaps is not None and (k == 1 or _gaps(words.text, spans, i, k) in gaps):
                    step = k
                    break
            if not step and self.prefixes and self._prefixed(key):
                step = 1
            if step:
                out.append(words.text[spans[i][0]:spans[i + step - 1][1]])
                after = i + step
        if self.loose is not None:
            out.extend(m.group(0) for m in self.loose.finditer(words.text))
        return out


def _gaps(text: str, spans: list[tuple[int, int]], i: int, k: int) -> tuple[str, ...]:
    """The characters between words i..i+k-1 of the text."""
    return tuple(text[spans[j][1]:spans[j + 1][0]] for j in range(i, i + k - 1))


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, outside any group or class; a pattern that
    is one non-capturing group is opened first: "(?:a|b(?:c|d))" -> ["a", "b(?:c|d)"]."""
    while pattern.startswith("(?:") and _closing(pattern) == len(pattern) - 1:
        pattern = pattern[3:-1]
    out, start = [], 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _closing(pattern: str) -> int:
    """Where the group that opens the pattern closes (-1 when it does not)."""
    for i, c, depth in _structure(pattern):
        if c == ")" and depth == 0:
            return i
    return -1


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of the pattern outside
    escapes and character classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]" or pattern[i + 1:i + 3] == "^]":
                i += 2 if pattern[i + 1] == "]" else 3
                continue
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth
        i += 1


def _spell(pattern: str, flags: int) -> list[str]:
    """Every string ``pattern`` matches (a trailing \\w* as _STAR); _NotFinite when they
    are too many or unbounded."""
    out = _seq(_sre_parse.parse(pattern, flags).data)
    return sorted(set(out))


def _seq(items: Iterable[tuple[object, object]]) -> list[str]:
    out = [""]
    items = list(items)
    for n, (op, av) in enumerate(items):
        if _is_word_star(op, av):
            if n != len(items) - 1:
                raise _NotFinite
            out = [s + _STAR for s in out]
            continue
        parts = _item(op, av)
        out = [a + b for a in out for b in parts]
        if len(out) > _LIMIT:
            raise _NotFinite
    return out


def _is_word_star(op: object, av: object) -> bool:
    if op is not _sre.MAX_REPEAT and op is not _sre.MIN_REPEAT:
        return False
    low, high, body = av  # type: ignore[misc]
    return low == 0 and high == _sre.MAXREPEAT and list(body.data) == [
        (_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]


def _item(op: object, av: object) -> list[str]:
    if op is _sre.LITERAL:
        return [chr(av)]  # type: ignore[arg-type]
    if op is _sre.IN:
        chars: list[str] = []
        for o, a in av:  # type: ignore[attr-defined]
            if o is _sre.LITERAL:
                chars.append(chr(a))
            elif o is _sre.RANGE and a[1] - a[0] < 64:
                chars.extend(chr(c) for c in range(a[0], a[1] + 1))
            else:
                raise _NotFinite
        return chars
    if op is _sre.SUBPATTERN:
        return _seq(av[3].data)  # type: ignore[index]
    if op is _sre.BRANCH:
        out: list[str] = []
        for branch in av[1]:  # type: ignore[index]
            out.extend(_seq(branch.data))
        return out
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        low, high, body = av  # type: ignore[misc]
        if high == _sre.MAXREPEAT or high > 3:
            raise _NotFinite
        one = _seq(body.data)
        out = []
        for times in range(low, high + 1):
            reps = [""]
            for _ in range(times):
                reps = [a + b for a in reps for b in one]
            out.extend(reps)
        return out
    raise _NotFinite
