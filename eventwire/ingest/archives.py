"""WARC / ARC files (gzipped or not), streamed record by record: HTML responses only."""

from __future__ import annotations

import datetime as _dt
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..records import Article
from .article import article_from_string
from .decode import human_size
from .failures import InputFailure

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# gzip member, WARC version line, ARC v1 file header: anything else is not an archive.
_ARCHIVE_STARTS = (b"\x1f\x8b", b"WARC/", b"filedesc://")


def read_archive(
    stream: BinaryIO,
    source: str,
    *,
    published: _dt.date | None = None,
    max_bytes: int,
    languages: frozenset[str],
) -> Iterator[Article | InputFailure]:
    """Yield one Article (or InputFailure) per HTML response record of a WARC/ARC stream.

    Non-HTML records (requests, metadata, images, robots.txt) are skipped silently: they
    are not articles. The archive itself fails once if it is unreadable or truncated, after
    the records read before the damage.
    """
    records = 0
    html_records = 0
    head = stream.read(16)
    if not head.startswith(_ARCHIVE_STARTS):
        yield InputFailure(source, "not a readable WARC/ARC archive (no WARC/ARC header)")
        return
    stream.seek(0)
    last = None
    end = 0
    try:
        iterator = ArchiveIterator(stream, arc2warc=True)
        for record in iterator:
            records += 1
            last = record
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode() or ""
            if not ctype.startswith(_HTML_TYPES) or status != "200":
                continue
            html_records += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            body = record.content_stream().read(max_bytes + 1)
            if len(body) <= max_bytes and _unread(record):
                break  # the archive ends inside this record: reported below
            # After the read: asking warcio for the offset first consumes the record.
            where = f"{source}@{iterator.get_record_offset()}"
            if len(body) > max_bytes:
                yield InputFailure(
                    f"{where} {uri}".strip(),
                    f"record body over the {human_size(max_bytes)} limit per article",
                )
                continue
            date = _warc_date(record.rec_headers.get_header("WARC-Date")) or published
            try:
                art = article_from_string(
                    body,
                    source=uri or where,
                    url=uri or None,
                    published=date,
                    max_bytes=max_bytes,
                    languages=languages,
                    force_html=True,
                )
            except InputError as exc:
                yield InputFailure(f"{where} {uri}".strip(), exc.reason)
                continue
            yield art
        if last is not None:
            end = iterator.get_record_offset() + iterator.get_record_length()
    except ArchiveLoadFailed as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        yield InputFailure(source, f"not a readable WARC/ARC archive ({reason})")
        return
    except (EOFError, zlib.error, OSError) as exc:
        yield InputFailure(
            source,
            f"truncated or corrupt archive after {records} records ({type(exc).__name__}: {exc})",
        )
        return
    if last is not None and (_unread(last, drain=True) or _trailing_garbage(stream, end)):
        yield InputFailure(
            source, f"truncated or corrupt archive after {records} records (archive ends early)"
        )
        return
    if html_records == 0:
        yield InputFailure(source, f"archive has no HTML response records ({records} records read)")


def _warc_date(value: str | None) -> _dt.date | None:
    """The crawl date: a fallback report date when the page states none."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _unread(record: object, drain: bool = False) -> bool:
    """True when a record's declared length was not all there (the file was cut short)."""
    raw = getattr(record, "raw_stream", None)
    if raw is None:
        return False
    if drain:
        while raw.read(65536):
            pass
    return bool(getattr(raw, "limit", 0))


def _trailing_garbage(stream: BinaryIO, end: int) -> bool:
    """Bytes after the last complete record that are not padding: a cut gzip member."""
    try:
        stream.seek(end)
        rest = stream.read(1 << 20)
    except (OSError, ValueError):
        return False
    return bool(rest.strip(b"\r\n\x00 "))
