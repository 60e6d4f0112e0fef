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
    try:
        return _unpacked_identifier()
    except Exception:  # noqa: BLE001 - another py3langid layout, or no cache: its own loader
        return _load_identifier(norm_probs=True)


def _unpacked_identifier() -> Any:
    """py3langid's identifier from an unpacked copy of its model in the user cache directory.

    The package ships its model LZMA-packed, and unpacking it took half a CPU second on each
    load (each batch run, each ``eventwire extract``); the copy is the same arrays, unpacked
    once from the installed package (never downloaded), and loads in milliseconds. Its name
    carries the package's version and the packed file's size, so an upgrade makes a new one."""
    import lzma
    import os
    import tempfile
    from importlib.metadata import version
    from pathlib import Path

    import numpy as np
    import platformdirs
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    packed = Path(MODEL_DIR) / MODEL_FILE
    cache = Path(platformdirs.user_cache_dir("eventwire"))
    unpacked = cache / f"py3langid-{version('py3langid')}-{packed.stat().st_size}.npz"
    if not unpacked.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".py3langid-", suffix=".npz")
        try:
            with os.fdopen(fd, "wb") as out, lzma.open(packed) as src:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
            os.replace(tmp, unpacked)  # whole or not at all, even with runs side by side
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    with np.load(unpacked, allow_pickle=False) as data:  # as py3langid.modelio.load_model
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
            tk_row=_to_array(data["nextmove_row"]))


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
