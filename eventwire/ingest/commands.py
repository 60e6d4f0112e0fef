"""`eventwire ingest`: read any inputs and write clean Article records as JSON lines."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from typing import TextIO

import click

from .dedup import Deduplicator
from .failures import FailureLog, InputFailure, summarize_failures
from .fetch import FetchOptions
from .readers import IngestOptions, read_inputs


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from exc


def _columns(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> dict:
    out: dict[str, str] = {}
    for item in value:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise click.BadParameter(f"{item!r}: use FIELD=COLUMN, e.g. text=body")
        out[field.strip()] = column.strip()
    return out


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.File("w"), default="-", help="JSONL file (default stdout)."
)
@click.option("--published", callback=_date, help="Report date for inputs that state none.")
@click.option(
    "--column",
    "columns",
    multiple=True,
    callback=_columns,
    help="Corpus column for an Article field, FIELD=COLUMN (id text html url published title).",
)
@click.option("--allow-private", is_flag=True, help="Allow fetching loopback/private addresses.")
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=20 * 1024 * 1024,
    show_default=True,
    help="Size limit per article.",
)
@click.option("--user-agent", default=None, help="User agent sent with every request.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds per request.")
@click.option("--retries", type=click.IntRange(0), default=2, show_default=True)
@click.option(
    "--rate",
    "min_interval",
    type=float,
    default=1.0,
    show_default=True,
    help="Minimum seconds between requests to one host.",
)
@click.option("--no-robots", is_flag=True, help="Ignore robots.txt (only for your own sites).")
@click.option("--cache-dir", default=None, help="Keep pages for conditional GET across runs.")
@click.option("--dedup/--no-dedup", default=False, help="Drop exact and near-duplicate copies.")
def ingest_command(
    inputs: tuple[str, ...],
    output: TextIO,
    published: _dt.date | None,
    columns: dict[str, str],
    allow_private: bool,
    max_bytes: int,
    user_agent: str | None,
    timeout: float,
    retries: int,
    min_interval: float,
    no_robots: bool,
    cache_dir: str | None,
    dedup: bool,
) -> None:
    """Read INPUT... (files, folders, '-', JSONL/CSV/Parquet, URLs, feeds, WARC) to Articles.

    Writes one JSON Article per line; failures go to stderr, one line each, with a summary
    at the end. Exit code 1 when any input failed.
    """
    fetch = FetchOptions(
        timeout=timeout,
        retries=retries,
        min_interval=min_interval,
        respect_robots=not no_robots,
        allow_private=allow_private,
        cache_dir=cache_dir,
        max_bytes=max_bytes,
    )
    if user_agent:
        fetch.user_agent = user_agent
    options = IngestOptions(max_bytes=max_bytes, fetch=fetch)
    failures = FailureLog()
    dedupe = Deduplicator() if dedup else None
    written = copies = 0
    for item in read_inputs(
        list(inputs),
        published=published,
        stdin=sys.stdin.buffer,
        allow_private=allow_private,
        column_map=columns,
        options=options,
    ):
        if isinstance(item, InputFailure):
            failures.add(item)
            click.echo(f"eventwire: error: {item.source}: {item.reason}", err=True)
            continue
        if dedupe is not None and dedupe.check(item).is_duplicate:
            copies += 1
            continue
        output.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        written += 1
    output.flush()
    note = f"{written} article{'s' if written != 1 else ''} written"
    if dedup:
        note += f", {copies} duplicate cop{'ies' if copies != 1 else 'y'} dropped"
    click.echo(f"eventwire: {note}", err=True)
    if failures:
        click.echo(summarize_failures(failures), err=True)
        sys.exit(1)
