"""Offline language identification (py3langid ships its model inside the package)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..errors import UnsupportedLanguageError

SUPPORTED = frozenset({"en"})
_MIN_CHARS = 40  # below this a guess is noise: accept the text
_MIN_PROB = 0.90
_URLS = re.compile(r"https?://\S+")
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_BARE_WORDS = 3
# A long text whose opening is surely a supported language is judged on that opening alone
# (the identifier's cost grows with the characters it reads); any other text is judged on its
# first 5,000 characters as before, so a foreign text is refused just as it was.
_OPENING = 1000
_SURE_OPENING = 0.999


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    # Our own instance (normalised probabilities) so other users of py3langid are unaffected.
    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for ``text``, judged on its first 5,000 characters."""
    sample = _URLS.sub(" ", text[:5000])
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def _without_names(text: str) -> str:
    """The text's words that do not start with a capital: names, acronyms and numbers go.

    Names say little about a report's language; the words around them say it all ("youths
    led by ... assaulted ... at ... village in ... ward")."""
    return " ".join(w for w in _WORDS.findall(_URLS.sub(" ", text)) if not w[0].isupper())


def check_language(text: str, source: str, supported: frozenset[str] = SUPPORTED) -> str:
    """The article's language; raises UnsupportedLanguageError when it is surely another."""
    if len(text.strip()) < _MIN_CHARS:
        return "en"
    if len(text) > _OPENING:
        lang, prob = _identifier().classify(_URLS.sub(" ", text[:_OPENING]))
        if lang in supported and prob >= _SURE_OPENING:
            return str(lang)
    lang, prob = detect_language(text)
    if lang in supported:
        return lang
    # A short report dense with names of people, groups and villages is judged on its names
    # (Shona, Tagalog, Pidgin...): judge it again on its lower-case words alone.
    bare = _without_names(text[:5000])
    if len(bare.split()) >= _MIN_BARE_WORDS:
        again = str(_identifier().classify(bare)[0])
        if again in supported:
            return again
    if prob < _MIN_PROB:
        # An unsure guess (short or mixed text): keep it only if a supported language is a
        # close runner-up, never label clearly foreign text as English.
        ranked = _identifier().rank(_URLS.sub(" ", text[:5000]))[:3]
        for code, _score in ranked:
            if code in supported:
                return str(code)
    raise UnsupportedLanguageError(source, f"language '{lang}' is not supported")
