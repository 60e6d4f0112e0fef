"""Event cues: which words in a sentence signal which ACLED sub-event type (cues.yaml)."""

from __future__ import annotations

import functools
import re
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ..errors import ConfigError
from ..fastre import caseless_class
from .modality import past_form

# Families whose cues can be background to another event ("backed by airstrikes")
_SUPPORTING = {"explosion", "battle", "territory"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in a text: offsets are into the text given to ``CueLexicon.find``."""

    sub_event_type: str
    family: str
    strong: bool
    weight: float
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Entry:
    sub_event_type: str
    family: str
    strong: bool
    weight: float
    regex: re.Pattern[str]


class CueLexicon:
    """Compiled cue patterns, label prefixes and sub-type refiners from a YAML file."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.entries = [
            _Entry(
                c["sub"],
                c["family"],
                c.get("strength", "strong") == "strong",
                float(c.get("weight", 1.0)),
                _compile(c["patterns"]),
            )
            for c in spec["cues"]
        ]
        self.label_prefixes: dict[str, str] = {
            k.lower(): v for k, v in (spec.get("label_prefixes") or {}).items()
        }
        self.refiners: dict[str, re.Pattern[str]] = {
            name: _compile(patterns) for name, patterns in (spec.get("refiners") or {}).items()
        }
        self.support = _compile_tail(spec.get("support_context") or [])
        deeds = spec.get("crowd_deeds") or {}
        # verb lemmas of a crowd's damage or assault, and the nouns of crowds that do them
        self.crowd_deeds: frozenset[str] = frozenset(deeds.get("deeds") or ())
        self.crowd_doers: frozenset[str] = frozenset(deeds.get("doers") or ())
        self.crowd_symbols: frozenset[str] = frozenset(deeds.get("symbols") or ())
        # the deeds' word forms ("burned", "burnt", "stoned", "dragged", "beaten"): the parse
        # is asked only when one is there
        stems = sorted({w.removesuffix("e") for w in self.crowd_deeds} |
                       {w + w[-1] for w in self.crowd_deeds if w.endswith("g")})
        self.crowd_deed_gate = re.compile(
            r"\b(?:" + "|".join(stems) + r")(?:e|es|s|ed|d|ing|t|en)?\b",
            re.I) if self.crowd_deeds else None
        # one scan that rules out most sentences (those with no cue at all) before the
        # per-entry passes
        self.any_cue = compile_gate([p for c in spec["cues"] for p in c["patterns"]])
        # every place where some cue matches (a zero-width match at each): an entry can
        # match only at one of them, so ``find`` tries each entry there instead of scanning
        self._cue_starts = compile_starts([p for c in spec["cues"] for p in c["patterns"]])
        self._prefix_re = re.compile(r"^\s*(?P<label>[A-Z][\w /-]{2,40}):\s")

    @classmethod
    @functools.cache
    def default(cls) -> CueLexicon:
        text = resources.files(__package__).joinpath("cues.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text))

    def find(self, text: str) -> list[Cue]:
        """Cues in ``text``, overlaps resolved in favour of strong, heavy, long matches."""
        starts = self.cue_starts(text)
        if not starts:
            return []
        found: list[Cue] = []
        for entry in self.entries:
            for m in _entry_matches(entry.regex, text, starts):
                if m.end() == m.start():
                    continue
                if (entry.family in _SUPPORTING and self.support is not None
                        and self.support.search(text, 0, m.start())
                        and not past_form(m.group(0).split()[0])):
                    # (a deed told by its verb is the sentence's own: "troops backed by
                    # clan militia recaptured the town")
                    continue
                found.append(Cue(entry.sub_event_type, entry.family, entry.strong, entry.weight,
                                 m.start(), m.end(), m.group(0)))
        found.sort(key=lambda c: (not c.strong, -(c.end - c.start), -c.weight, c.start))
        kept: list[Cue] = []
        for cue in found:
            if any(k.start < cue.end and cue.start < k.end for k in kept):
                continue
            kept.append(cue)
        kept.sort(key=lambda c: c.start)
        return kept

    def cue_starts(self, text: str) -> list[int]:
        """Every place in ``text`` where some cue matches, in order."""
        starts: list[int] = []
        search = self._cue_starts.search
        m = search(text)
        while m is not None:
            starts.append(m.start())
            m = search(text, m.start() + 1)
        return starts

    def label_prefix(self, text: str) -> tuple[str, int] | None:
        """("Looting/property destruction", length) for a note opening with "Looting: "."""
        m = self._prefix_re.match(text)
        if not m:
            return None
        sub = self.label_prefixes.get(m.group("label").strip().lower())
        return (sub, m.end()) if sub else None

    def refiner(self, name: str, text: str) -> re.Match[str] | None:
        regex = self.refiners.get(name)
        return regex.search(text) if regex else None


def _entry_matches(regex: re.Pattern[str], text: str,
                   starts: list[int]) -> list[re.Match[str]]:
    """``list(regex.finditer(text))``, trying ``regex`` only at ``starts`` (every place any
    cue can match, in order): finditer's next match is the first place at or after the last
    match's end where the regex matches, and that is one of ``starts``. An empty match, which
    finditer treats apart, sends the entry back to finditer itself."""
    out: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue
        m = regex.match(text, at)
        if m is None:
            continue
        if m.end() == at:
            return list(regex.finditer(text))
        out.append(m)
        end = m.end()
    return out


_END = r"(?!(?<=[\w-])[\w-])"


def _compile_tail(patterns: list[str]) -> re.Pattern[str] | None:
    """Patterns that must end where the cue starts (they are anchored with $)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _compile(patterns: list[str]) -> re.Pattern[str]:
    for p in patterns:
        if not isinstance(p, str):
            raise ConfigError(f"cue pattern {p!r} is not a string (quote it in the YAML file)")
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"cue pattern {p!r} is not a valid regex: {exc}") from None
    body = "|".join(f"(?:{p})" for p in patterns)
    # a match may not stop inside a word; one that ends on a space or a lookahead
    # ("overtook (?=[A-Z])") is followed by a word by design
    return re.compile(rf"(?<![\w-])(?:{body}){_END}", re.I)


def compile_grouped(patterns: list[str]) -> re.Pattern[str]:
    """What ``_compile(patterns)`` finds, at the same places, but faster to search.

    The regex engine tries every alternative at every word start; here the alternatives are
    grouped by the letter they can start with, behind a one-character lookahead, so at each
    word start it tries only the group that can match there (about 3x faster). A pattern
    whose first letter is not known for sure goes in ungrouped.
    """
    _compile(patterns)  # the same checks and error messages
    groups: dict[str, list[str]] = {}
    loose: list[str] = []
    for p in patterns:
        chars = _first_chars(p)
        if chars is None:
            loose.append(p)
            continue
        for ch in chars:
            groups.setdefault(ch, []).append(p)
    alts = [f"(?=[{re.escape(ch)}{re.escape(ch.upper())}])(?:"
            + "|".join(f"(?:{p})" for p in group) + ")"
            for ch, group in sorted(groups.items())]
    alts += [f"(?:{p})" for p in loose]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)}){_END}", re.I)


def compile_gate(patterns: list[str]) -> re.Pattern[str]:
    """A regex that matches where ``_compile(patterns)`` matches, at the same places, for
    asking *whether* and *where* a text has a match (not which pattern made it).

    ``compile_grouped`` with a second level: in a first letter's group, the patterns are
    grouped again by the two letters they start with, so at a word start only the patterns
    that can match its first two letters are tried (a first letter's group holds up to 50
    patterns, and "the", "said", "and" start a word everywhere). Within a group the patterns
    are in another order than in the lexicon, so where two of them match at one place the
    match may be the other's: the same place, and never empty where the lexicon's is not
    (only patterns that cannot match the empty string are grouped).
    """
    alts = [alt for _ch, alt in _gate_alternatives(patterns)]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)}){_END}", re.I)


def compile_starts(patterns: list[str]) -> re.Pattern[str]:
    """A regex that matches (from its start) at exactly the places where ``compile_gate``'s
    matches, for listing every such place with ``search`` (see ``CueLexicon.find``).

    ``compile_gate`` tries each first letter's group at a word start behind a lookahead
    ``(?=[aA])``, and the regex engine enters all 25 of them one after the other. Here each
    group opens with a case-sensitive class that consumes the first character instead: the
    engine skips an alternative whose first item is a plain class without entering it, so
    only the group of the word's own first letter is tried. That group is then matched,
    with its own lookahead and the gate's word-end check, from the word start again (a
    lookahead inside a one-character lookbehind). The class holds the characters the
    lookahead can match (eventwire.fastre), so an alternative succeeds at a place exactly
    when the gate's group, followed by the end check, matches there: the same places,
    about 30% faster on news text.
    """
    alts = []
    for ch, alt in _gate_alternatives(patterns):
        body = f"(?=(?:{alt}){_END})"
        if ch is None:  # a pattern whose first character is not known: tried as it is
            alts.append(body)
            continue
        # exactly the characters the group's lookahead lets through; for a character
        # other than ASCII, any character (a superset: the lookahead decides)
        opening = caseless_class(ch) or r"[\s\S]"
        alts.append(f"{opening}(?<={body}[\\s\\S])")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})", re.I)


def _gate_alternatives(patterns: list[str]) -> list[tuple[str | None, str]]:
    """``compile_gate``'s alternatives, each with the first letter of its group (None for
    a pattern tried ungrouped)."""
    _compile(patterns)  # the same checks and error messages
    groups: dict[str, dict[str, list[str]]] = {}
    loose: list[str] = []
    for p in patterns:
        heads = _first_two(p)
        if heads is not None:
            for head in heads:
                groups.setdefault(head[0], {}).setdefault(head, []).append(p)
            continue
        chars = _first_chars(p)
        if chars is None:
            loose.append(p)
            continue
        for ch in chars:
            groups.setdefault(ch, {}).setdefault(ch, []).append(p)

    def either(ch: str) -> str:
        return f"[{re.escape(ch)}{re.escape(ch.upper())}]"

    alts: list[tuple[str | None, str]] = []
    for ch, subgroups in sorted(groups.items()):
        inner = [f"(?={either(head[0])}{either(head[1])})(?:"
                 + "|".join(f"(?:{p})" for p in group) + ")"
                 for head, group in sorted(subgroups.items()) if len(head) == 2]
        inner += ["(?:" + "|".join(f"(?:{p})" for p in subgroups[ch]) + ")"] \
            if ch in subgroups else []
        alts.append((ch, f"(?={either(ch)})(?:" + "|".join(inner) + ")"))
    alts += [(None, f"(?:{p})") for p in loose]
    return alts


def _first_two(pattern: str) -> set[str] | None:
    """The lower-cased two-letter openings a match of ``pattern`` (matched
    case-insensitively) can have, or None when that is not known for sure (a class like
    \\w, a match shorter than two characters, too many openings)."""
    try:
        heads = _openings(_sre_parse.parse(pattern, re.I).data, 2)
    except _Unknown:
        return None
    if any(len(h) != 2 for h in heads):
        return None
    lower = {h.lower() for h in heads}
    return lower if all(len(h) == 2 for h in lower) else None


class _Unknown(Exception):
    pass


def _openings(items: Any, n: int) -> set[str]:
    """The first ``n`` characters of every match of a sequence of parsed regex items (a
    shorter string where a match can end sooner); raises _Unknown when they cannot be
    listed."""
    out = {""}
    for op, av in items:
        nxt: set[str] = set()
        for head in out:
            if len(head) >= n:
                nxt.add(head)
                continue
            for tail in _item_openings(op, av, n - len(head)):
                nxt.add(head + tail)
        if len(nxt) > 400:
            raise _Unknown
        out = nxt
        if all(len(h) >= n for h in out):
            break
    return out


def _class_chars(av: Any, widest: int) -> set[str] | None:
    """The characters a parsed character class matches, or None for a category, a negated
    class or a range wider than ``widest``."""
    chars: set[str] = set()
    for o, a in av:
        if o is _sre.LITERAL:
            chars.add(chr(a))
        elif o is _sre.RANGE and a[1] - a[0] < widest:
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return None
    return chars


def _item_openings(op: Any, av: Any, n: int) -> set[str]:
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN:
        chars = _class_chars(av, 64)
        if chars is None:
            raise _Unknown
        return chars
    if op is _sre.SUBPATTERN:
        return _openings(av[3].data, n)
    if op is _sre.BRANCH:
        return set().union(*(_openings(branch.data, n) for branch in av[1]))
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        low, high, body = av
        seq = [(_sre.SUBPATTERN, (None, 0, 0, body))] * min(low, n)
        out = _openings(seq, n) if seq else {""}
        for _ in range(min(high, n) - min(low, n)):
            more = {h + t for h in out if len(h) < n for t in _openings(body.data, n - len(h))}
            out = out | more
        return {h[:n] for h in out}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}
    raise _Unknown


def _first_chars(pattern: str) -> set[str] | None:
    """The lower-cased characters a non-empty match of ``pattern`` can start with (matched
    case-insensitively), or None when that is not known (a class like \\w, an empty match)."""
    chars, nullable = _first_of(_sre_parse.parse(pattern, re.I).data)
    if chars is None or nullable or any(len(c.lower()) != 1 for c in chars):
        return None
    return {c.lower() for c in chars}


def _first_of(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a sequence of parsed regex items."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _sre.LITERAL:
        return {chr(av)}, False
    if op is _sre.IN:
        return _class_chars(av, 256), False
    if op is _sre.SUBPATTERN:
        return _first_of(av[3].data)
    if op is _sre.ATOMIC_GROUP:
        return _first_of(av.data)
    if op is _sre.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            chars, nullable = _first_of(branch.data)
            if chars is None:
                return None, False
            out |= chars
            empty = empty or nullable
        return out, empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        chars, nullable = _first_of(av[2].data)
        return chars, (nullable or av[0] == 0) if chars is not None else False
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    return None, False
