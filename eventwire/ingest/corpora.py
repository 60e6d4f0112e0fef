"""Corpora of articles: JSONL, CSV and Parquet, one record per Article, with a column mapping.

A column mapping names, for each Article field, the column that holds it:
``{"text": "body", "id": "doc_id", "published": "date"}``. Fields: id, text, html, url,
published, title, author. Unmapped fields are looked for under their own name.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from ..errors import InputError
from ..records import Article
from .article import article_from_string, parse_date
from .failures import InputFailure

FIELDS = ("id", "text", "html", "url", "published", "title", "author")
_ALIASES = {"id": ("id", "article_id"), "published": ("published", "date")}


def normalize_column_map(column_map: Mapping[str, str] | None) -> dict[str, str]:
    """field -> column. Accepts either direction ({"text": "body"} or {"body": "text"})."""
    out: dict[str, str] = {}
    for key, value in (column_map or {}).items():
        if key in FIELDS or key == "article_id":
            out["id" if key == "article_id" else key] = value
        elif value in FIELDS or value == "article_id":
            out["id" if value == "article_id" else value] = key
        else:
            raise InputError(
                "--column", f"unknown field in column mapping {key}={value} (fields: {FIELDS})"
            )
    return out


def _pick(row: Mapping[str, Any], fields: Mapping[str, str], name: str) -> Any:
    if name in fields:
        return row.get(fields[name])
    for alias in _ALIASES.get(name, (name,)):
        if row.get(alias) not in (None, ""):
            return row.get(alias)
    return None


def record_to_article(
    row: Mapping[str, Any],
    source: str,
    fields: Mapping[str, str],
    *,
    published: _dt.date | None,
    max_bytes: int,
    languages: frozenset[str],
) -> Article:
    """One corpus record to an Article; raises InputError naming the record."""
    text, html = _pick(row, fields, "text"), _pick(row, fields, "html")
    body = html if html not in (None, "") else text
    if body in (None, ""):
        wanted = fields.get("text", "text")
        raise InputError(source, f"record has no '{wanted}' or 'html' field (or it is empty)")
    if not isinstance(body, str | bytes):
        raise InputError(source, f"'text' must be a string, got {type(body).__name__}")
    own_date = parse_date(_pick(row, fields, "published"), source)
    article_id = _pick(row, fields, "id")
    art = article_from_string(
        body,
        source=source,
        published=published,
        url=_str_or_none(_pick(row, fields, "url")),
        title=_str_or_none(_pick(row, fields, "title")),
        article_id=str(article_id) if article_id not in (None, "") else None,
        author=_str_or_none(_pick(row, fields, "author")),
        max_bytes=max_bytes,
        languages=languages,
        force_html=True if html not in (None, "") else None,
    )
    if own_date is not None:
        art.published = own_date  # the corpus's own metadata beats what the page says
    return art


def _str_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def origin_of(source: str) -> str:
    """The input a record's own id belongs to: a file's absolute path (so ``a.csv`` and
    ``./a.csv`` are one input), a URL or ``<stdin>`` as given."""
    if source.startswith("<") or "://" in source:
        return source
    return os.path.abspath(source)


def _records(
    rows: Iterable[tuple[str, Mapping[str, Any] | InputFailure]],
    fields: Mapping[str, str],
    kw: dict[str, Any],
    source: str,
) -> Iterator[Article | InputFailure]:
    origin = origin_of(source)
    for where, row in rows:
        if isinstance(row, InputFailure):
            yield row
            continue
        try:
            art = record_to_article(row, where, fields, **kw)
        except InputError as exc:
            yield InputFailure(where, exc.reason)
            continue
        except (RecursionError, ValueError, TypeError, AttributeError) as exc:
            # an odd record the HTML/text stages choke on is that record's failure
            yield InputFailure(where, f"cannot read this record ({type(exc).__name__}: "
                                      f"{_short(exc)})")
            continue
        if _pick(row, fields, "id") not in (None, ""):
            art.origin = origin  # the record's own id: unique only within this input
        yield art


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """The stream's lines, each held to ``limit + 1`` bytes: a longer line is read through
    in blocks and handed on cut (the reader then refuses it as over the limit), so one
    2 GB line never sits in memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of this line, a block at a time
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
        yield line


def read_jsonl(
    stream: Iterable[bytes], source: str, fields: Mapping[str, str], *,
    report_empty: bool = True, numbers: Iterable[int] | None = None, **kw: Any
) -> Iterator[Article | InputFailure]:
    """One Article per JSON line; a bad line is one InputFailure named "file.jsonl:LINE".

    A file with no records at all is one failure ("empty input"), unless ``report_empty`` is
    False (a slice of a bigger file). ``numbers`` gives each line's number when ``stream``
    is a slice of a file (default: 1, 2, ...)."""

    def rows() -> Iterator[tuple[str, Mapping[str, Any] | InputFailure]]:
        max_bytes = kw["max_bytes"]
        seen = False
        numbered = (zip(numbers, stream, strict=True) if numbers is not None
                    else enumerate(stream, 1))
        for lineno, raw in numbered:
            where = f"{source}:{lineno}"
            if not raw.strip():
                continue
            seen = True
            if len(raw) > max_bytes:
                yield where, InputFailure(where, "line is over the size limit per article")
                continue
            try:
                row = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield where, InputFailure(where, f"malformed JSON line ({_short(exc)})")
                continue
            except RecursionError:
                yield where, InputFailure(where, "JSON line is nested too deeply to be a record")
                continue
            if not isinstance(row, dict):
                yield where, InputFailure(where, "JSON line is not an object {...}")
                continue
            yield where, row
        if not seen and report_empty:
            yield source, InputFailure(source, "empty input (no JSON lines)")

    yield from _records(rows(), fields, kw, source)


def read_csv(
    stream: BinaryIO, source: str, fields: Mapping[str, str], **kw: Any
) -> Iterator[Article | InputFailure]:
    """One Article per CSV row (header required); delimiter sniffed (comma, tab, semicolon)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    try:
        sample = text.read(65536)
    except UnicodeDecodeError:
        yield InputFailure(source, "CSV file is not UTF-8; re-save it as UTF-8")
        return
    if not sample.strip():
        yield InputFailure(source, "empty input (no text)")
        return
    try:
        dialect: Any = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(_chain(sample, text), dialect=dialect)
    header = reader.fieldnames or []
    wanted = {fields.get("text", "text"), fields.get("html", "html")}
    if not wanted & set(header):
        yield InputFailure(
            source,
            f"CSV has no text column (looked for {sorted(wanted)}; header: {header[:8]}); "
            "map one with --column text=NAME",
        )
        return

    def rows() -> Iterator[tuple[str, Mapping[str, Any] | InputFailure]]:
        try:
            start = reader.line_num + 1
            for row in reader:
                # Name a record by the line it starts on (text fields may span lines).
                yield f"{source}:{start}", row
                start = reader.line_num + 1
        except (csv.Error, UnicodeDecodeError) as exc:
            where = f"{source}:{reader.line_num}"
            yield where, InputFailure(where, f"malformed CSV ({_short(exc)})")

    yield from _records(rows(), fields, kw, source)


def _chain(first: str, rest: io.TextIOBase) -> Iterator[str]:
    # DictReader needs lines; re-join the sniffed sample with the rest of the stream.
    buf = io.StringIO(first + rest.readline())
    yield from buf
    yield from rest


def read_parquet(
    path: str, source: str, fields: Mapping[str, str], **kw: Any
) -> Iterator[Article | InputFailure]:
    """One Article per Parquet row, read in batches so big files stream."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError...
        yield InputFailure(source, f"not a readable Parquet file ({_short(exc)})")
        return
    names = pf.schema_arrow.names
    wanted = {fields.get("text", "text"), fields.get("html", "html")}
    if not wanted & set(names):
        yield InputFailure(
            source,
            f"Parquet file has no text column (looked for {sorted(wanted)}; columns: "
            f"{names[:8]}); map one with --column text=NAME",
        )
        return

    def rows() -> Iterator[tuple[str, Mapping[str, Any] | InputFailure]]:
        index = 0
        try:
            for batch in pf.iter_batches(batch_size=512):
                for row in batch.to_pylist():
                    index += 1
                    yield f"{source}:{index}", row
        except Exception as exc:  # a corrupt row group
            where = f"{source}:{index + 1}"
            yield where, InputFailure(where, f"corrupt Parquet data ({_short(exc)})")

    yield from _records(rows(), fields, kw, source)


def _short(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
