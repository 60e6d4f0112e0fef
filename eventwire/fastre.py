"""Regex pieces written for the re module's fast paths.

The re module passes over an alternative of an alternation without entering it when the
alternative opens with a plain character or a plain (case-sensitive) class that the
character at hand is not in; an alternative that opens case-blind (re.I) is entered, and one
that opens with a lookahead too. ``caseless_class`` writes a case-blind character as such a
plain class of exactly the characters it matches.
"""

from __future__ import annotations

import re

# The non-ASCII characters that the re module matches case-blind for an ASCII letter (and
# for no other ASCII character): "İ" and "ı" for i, the Kelvin sign for k, the long s for s.
# tests/core/test_core_fastre.py checks this against every code point.
NON_ASCII_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def caseless_chars(ch: str) -> str | None:
    """Exactly the characters that ``ch`` matches case-blind, for an ASCII ``ch``; None for
    any other character."""
    if len(ch) != 1 or not ch.isascii():
        return None
    low = ch.lower()
    return "".join(sorted({ch, low, ch.upper(), *NON_ASCII_CASES.get(low, "")}))


def caseless_class(ch: str) -> str | None:
    """A case-sensitive class of exactly the characters that ``ch`` matches case-blind, for
    an ASCII ``ch``; None for any other character."""
    chars = caseless_chars(ch)
    return None if chars is None else "(?-i:[" + "".join(map(re.escape, chars)) + "])"
