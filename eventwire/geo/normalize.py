"""Name keys that make transliteration variants of one toponym meet in the index.

Two levels: ``name_key`` folds case, diacritics, apostrophes/ayns, hyphens and Arabic
articles in non-final position ("Al-Na'ema", "al Naema", "Alnaema" is left alone);
``loose_key`` also maps vowels and doubled letters onto one form ("Tall"/"Tal"/"Tell",
"Teir"/"Tayr") and is used only when the strict key finds nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DROP = str.maketrans("", "", "'’‘`´ʿʾʻʼ\u02bf\u02be\u2032")
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ħ": "h",
    }
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Arabic (and Berber/Persian-press) articles, dropped before another word.
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "ash", "an", "adh", "ath", "ed",
                      "er", "es", "et", "ez", "ul", "il", "aal"})
# Words that say what kind of place a name is; stripped when comparing admin names.
GENERIC = frozenset(
    {
        "governorate", "province", "region", "state", "district", "county", "oblast", "raion",
        "rayon", "municipality", "department", "prefecture", "division", "territory", "sub",
        "subcounty", "subdistrict", "township", "muhafazat", "mayorality", "of", "the", "city",
        "wilayat", "vilayet", "ili", "krai", "kray", "okrug", "voivodeship", "canton", "parish",
        "emirate", "regional", "metropolitan", "autonomous", "republic", "distrikt", "commune",
        "provincia", "departamento", "estado", "capital", "area", "zone", "sector", "nahiya",
        "qadaa", "kaza", "mohafazat", "daerah", "kabupaten", "kota", "tehsil", "taluk",
        "oblasti", "departement", "dipartimento", "distrito", "landkreis",
        "kreis", "comarca", "arrondissement", "governorat", "wilaya", "l", "de", "do", "da",
        "del", "du", "des", "la",
    }
)


@functools.lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces."""
    text = text.translate(_SPECIAL).translate(_DROP)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", text.lower()).strip()


@functools.lru_cache(maxsize=262_144)
def name_key(text: str) -> str:
    tokens = fold(text).split()
    if len(tokens) > 1:
        kept = [t for t in tokens[:-1] if t not in ARTICLES]
        tokens = kept + tokens[-1:]
    return " ".join(tokens)


_VOWELS = str.maketrans({"e": "a", "o": "u", "y": "i", "w": "u", "q": "k", "j": "j"})
_DOUBLE = re.compile(r"(.)\1+")


_ASSIMILATED = re.compile(r"\b[ae]([bdhjklnrstz])\1")  # "Ezzor", "Arraqqa": al- + sun letter


@functools.lru_cache(maxsize=262_144)
def loose_key(text: str) -> str:
    key = _ASSIMILATED.sub(r"\1", name_key(text)).replace(" ", "")
    key = key.replace("kh", "k").replace("dh", "d").replace("gh", "g").replace("ou", "u")
    key = key.replace("bh", "b").replace("jh", "j")  # Indic aspirates: "Nijhgadh"/"Nijgadh"
    key = key.replace("ph", "f").replace("ee", "i").replace("ck", "k")
    key = key.translate(_VOWELS)
    key = _DOUBLE.sub(r"\1", key)
    if len(key) > 3 and key.endswith("h") and key[-2] in "aiu":
        key = key[:-1]  # "Maaleh"/"Ma'la", "Raqqah"/"Raqqa"
    return key


@functools.lru_cache(maxsize=262_144)
def admin_key(text: str) -> str:
    """Key for comparing admin names: generic words dropped ("Basra Governorate" -> "basra")."""
    tokens = [t for t in name_key(text).split() if t not in GENERIC]
    return " ".join(tokens) if tokens else name_key(text)


@functools.lru_cache(maxsize=262_144)
def admin_loose(text: str) -> str:
    return loose_key(admin_key(text))


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (alternate names in other scripts are skipped)."""
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x024F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


@functools.cache
def _cyrillic() -> dict[str, tuple[str, str]]:
    from pathlib import Path

    table: dict[str, tuple[str, str]] = {}
    text = (Path(__file__).parent / "cyrillic.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        latin = parts[1] if len(parts) > 1 else ""
        table[parts[0]] = (latin, parts[2] if len(parts) > 2 and parts[2] else latin)
    return table


def romanize(text: str) -> str:
    """Cyrillic in Latin letters ("Олександрівка" -> "Oleksandrivka"); others unchanged."""
    table = _cyrillic()
    out = []
    start = True
    for ch in text:
        low = ch.lower()
        if low in table:
            latin, initial = table[low]
            latin = initial if start else latin
            out.append(latin.capitalize() if ch != low else latin)
        elif ch in "'’ʼ":
            continue  # the apostrophe before "я", "ю", "є" is not written
        else:
            out.append(ch)
        start = not ch.isalpha() and ch not in "'’ʼ"
    return "".join(out)
