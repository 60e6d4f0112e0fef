"""Bytes to text, refusing what is not text: empty, binary, undecodable, oversized."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # per article; a bigger "article" is not one
# Characters of clean text per article. The NER's memory grows with the text (about 3.5 MB
# per 1,000 characters: 1 GB at 300,000), so a book-length "article" is refused with one
# line instead of taking gigabytes and minutes; the longest news reports are ~50,000.
DEFAULT_MAX_CHARS = 200_000

# Magic numbers of formats people point eventwire at by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# C0 controls other than tab/newline/CR/formfeed never occur in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def check_size(size: int, source: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            source,
            f"{human_size(size)} is over the {human_size(max_bytes)} limit per article "
            "(raise --max-bytes if this really is one article)",
        )


def check_chars(n: int, source: str, max_chars: int) -> None:
    if n > max_chars:
        raise InputError(
            source,
            f"article text is {n:,} characters, over the {max_chars:,}-character limit per "
            "article (split it into separate articles)",
        )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` as UTF-8 (BOMs honoured), else a declared or cp1252 charset if clean."""
    if not data.strip():
        raise InputError(source, "empty input (no text)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}), not text or HTML")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), source)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not valid {codec} despite its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text or HTML")
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy pages: a declared charset first, then cp1252 (a superset of Latin-1 for text).
    candidates: list[str] = []
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "replace"))
    candidates.append("cp1252")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _CONTROL.search(text):
            return text
    raise InputError(
        source,
        f"not UTF-8 text (invalid byte at offset {utf8_error.start}) and not cleanly "
        "decodable as cp1252; re-save it as UTF-8",
    )


def _checked(text: str, source: str) -> str:
    bad = len(_CONTROL.findall(text[:65536]))
    if bad > 8:
        raise InputError(source, "binary file (control characters), not text or HTML")
    return text
