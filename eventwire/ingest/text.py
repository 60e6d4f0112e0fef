"""Cleaning scraped plain text: drop page furniture, find the headline and photo captions.

Scraped pages arrive as lines: navigation ("Accessibility links", "Breaking News"), a
headline, a photo caption, the story, then footers. Events are coded from the story *and* the
caption (evidence offsets point into the text), so captions stay in the text and are also
listed apart: a caption often carries the only explicit date ("... on March 5, 2017").
The phrase lists live in ``boilerplate.yaml``; only the decisions are here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# "on March 5, 2017" / "on 5 March 2017" / "on Sunday, March 5, 2017": the photo-agency formula.
_FULL_DATE = re.compile(
    rf"\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
# Reporting verbs and quotes: story text attributes, captions describe a picture.
_ATTRIBUTION = re.compile(
    r"[\"“”]|\b(?:said|says|told|according to|announced|reported|stated)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class _Lists:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    caption_label: re.Pattern[str]
    caption_credits: tuple[re.Pattern[str], ...]
    # words one of which a credit line must hold (None: no such list, ask every pattern)
    credit_words: tuple[str, ...] | None


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = yaml.safe_load(
        resources.files("eventwire.ingest").joinpath("boilerplate.yaml").read_text("utf-8")
    )
    labels = sorted(raw["caption_labels"], key=len, reverse=True)
    return _Lists(
        exact=frozenset(_norm(s) for s in raw["exact"]),
        prefixes=tuple(_norm(s) + (" " if s.endswith(" ") else "") for s in raw["prefixes"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["patterns"]),
        caption_label=re.compile(
            r"^(?:" + "|".join(re.escape(s) for s in labels) + r")\s*[:,|]\s*", re.IGNORECASE
        ),
        caption_credits=tuple(re.compile(p, re.IGNORECASE) for p in raw["caption_credits"]),
        credit_words=_needed_words(raw["caption_credits"]),
    )


def _norm(line: str) -> str:
    line = unicodedata.normalize("NFKC", line).replace("\u00a0", " ")
    # runs of whitespace made one space, none at the ends: str.split() splits on the
    # characters the re module's \s matches (both ask Py_UNICODE_ISSPACE), 3x faster
    return " ".join(line.split()).lower()


def is_boilerplate(line: str) -> bool:
    """True when a single line is page furniture (navigation, share, cookie, copyright...)."""
    lists = _lists()
    norm = _norm(line)
    if not norm:
        return False
    bare = norm.rstrip(" .:!»›>|-–—")
    if norm in lists.exact or bare in lists.exact:
        return True
    if norm.startswith(lists.prefixes):  # the tuple: one call, not one per prefix
        return True
    if any(p.search(norm) for p in lists.patterns):
        return True
    # "Print this page | Email this story | Home": a line of link labels between separators.
    parts = [x for x in re.split(r"\s[|•·»]\s", norm) if x.strip()]
    return len(parts) >= 2 and all(is_short_label(x) for x in parts)


def is_short_label(line: str) -> bool:
    """A menu item: a few words, no sentence punctuation."""
    # at most 4 words: no 5th word (a paragraph's words are not all listed to count them)
    return next(itertools.islice(_WORD.finditer(line), 4, None), None) is None and \
        not _SENTENCE_END.search(line.strip())


def _is_headline(line: str) -> bool:
    words = _WORD.findall(line)
    stripped = line.strip()
    if not 2 <= len(words) <= 20 or len(stripped) > 160:
        return False
    # Headlines do not end in a full stop (they may end in ? or !) and start with a capital.
    return not stripped.endswith(".") and (stripped[0].isupper() or stripped[0].isdigit())


def caption_from_label(line: str) -> str | None:
    """The caption text when the line starts with a caption label ("Image caption, ...")."""
    match = _lists().caption_label.match(line)
    if match and len(_WORD.findall(line[match.end() :])) >= 4:
        return line[match.end() :].strip()
    return None


def _has_credit(line: str) -> bool:
    lists = _lists()
    words = lists.credit_words
    if words is not None and line.isascii():
        low = line.lower()
        if not any(w in low for w in words):
            return False  # none of the words a credit needs: no pattern can match
    return any(p.search(line) for p in lists.caption_credits)


def _needed_words(patterns: list[str]) -> tuple[str, ...] | None:
    """Strings one of which any match of any pattern holds (lower case, ASCII): for each
    pattern the most telling of the literal parts every match has ("(afp|ap|reuters|epa)\\s+
    photo" needs "photo", "/\\s*(afp|reuters)" needs "/"); None when a pattern has no such
    part. Every caption line was searched with every credit pattern; most lines hold none of
    these words. Only an ASCII line is judged by them: matching without case lets "ſ" match
    "s"."""
    try:  # CPython's own regex parser: a private module, so its absence only costs speed
        import re._parser as sre_parse
    except ImportError:
        return None
    out: set[str] = set()
    for pattern in patterns:
        try:
            parts = _literal_parts(sre_parse.parse(pattern, re.I).data)
        except (AttributeError, TypeError, ValueError):
            return None
        options = [words for words in parts if all(w and w.isascii() for w in words)]
        if not options:
            return None
        out |= {w.lower() for w in max(options, key=_telling)}
    return tuple(sorted(out))


def _telling(words: set[str]) -> int:
    """How rarely prose holds one of the words: a sign ("(", "/") seldom, "ap" often."""
    return min(len(w) if w.isalnum() else 10 for w in words)


def _literal_parts(items: Any) -> list[set[str]]:
    """Parts every match of a parsed regex has: a run of characters ({"photo"}), or a choice
    whose alternatives all start with one ({"afp", "ap", "epa"}: one of them)."""
    import re._constants as _sre

    out: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            out.append({run})
            run = ""
        if op is _sre.BRANCH:
            starts = [_leading_run(getattr(b, "data", b)) for b in av[1]]
            if all(starts):
                out.append(set(starts))
        elif op is _sre.SUBPATTERN:
            out += _literal_parts(av[3].data)
    if run:
        out.append({run})
    return out


def _leading_run(items: Any) -> str:
    import re._constants as _sre

    run = ""
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        run += chr(av)
    return run


def _looks_like_lead_caption(para: str) -> bool:
    """The agency caption formula near the top: one descriptive sentence with a full date.

    "Smoke rises over the old city in X on March 5, 2017, during ..." - a caption names the
    day with its year and attributes nothing; a story lede says "on Sunday" and quotes people.
    """
    if _ATTRIBUTION.search(para) or not _FULL_DATE.search(para):
        return False
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para.strip()) if s]
    return len(sentences) <= 2 and len(_WORD.findall(para)) <= 70


def _paragraphs(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]


def clean_text(text: str) -> tuple[str, list[str], str | None]:
    """Clean scraped plain text: returns (clean text, captions, title).

    Boilerplate lines and runs of menu items are dropped; the first headline-like line before
    the story becomes the title (kept in the text as its own line); photo captions stay in the
    text and are also returned in ``captions``. Paragraphs are separated by a blank line.
    """
    lines = [ln for ln in _paragraphs(text) if ln]
    # Pass 1: drop furniture lines; a run of 3+ short lines is a menu (drop it whole).
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if is_boilerplate(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and is_short_label(lines[j]) and not is_boilerplate(lines[j]):
            j += 1
        run = j - i
        if run >= 3:
            i = j
            continue
        kept.append(lines[i])
        i += 1

    # Pass 2: the title is the first headline-like line that precedes real prose.
    title: str | None = None
    body_start = 0
    for idx, line in enumerate(kept):
        if _is_headline(line):
            rest = kept[idx + 1 :]
            if rest and any(len(_WORD.findall(r)) >= 12 for r in rest[:3]):
                title = line
                body_start = idx + 1
            break
        if len(_WORD.findall(line)) >= 12:
            break
    # Short non-sentence lines before the headline are leftovers of the page header.
    if title is not None:
        head = [ln for ln in kept[: body_start - 1] if not is_short_label(ln)]
        kept = head + kept[body_start - 1 :]
        body_start = kept.index(title) + 1

    # Pass 3: captions (labelled, credited, or the agency formula just under the headline).
    captions: list[str] = []
    out: list[str] = []
    for idx, line in enumerate(kept):
        labelled = caption_from_label(line)
        if labelled is not None:
            captions.append(labelled)
            out.append(labelled)
            continue
        near_top = body_start <= idx < body_start + 2
        if _has_credit(line) or (near_top and _looks_like_lead_caption(line)):
            captions.append(line)
        out.append(line)
    return "\n\n".join(out), captions, title
