"""The eventwire command line (click). Its help text is the first documentation."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from typing import IO, Any

import click

from . import __version__
from .errors import EventwireError


def _start_batch_pool_early() -> None:
    """``eventwire batch`` on a local pool: its fork server starts loading the model now,
    while this process imports the commands below (most of a second)."""
    import multiprocessing
    from pathlib import Path

    # A pool worker re-runs the ``eventwire`` console script (as ``__mp_main__``, with this
    # process's argv) before it takes its work: only the command's own process starts a pool
    if multiprocessing.current_process().name != "MainProcess" or \
            multiprocessing.parent_process() is not None:
        return
    prog = Path(sys.argv[0])
    if sys.argv[1:2] == ["batch"] and "eventwire" in (prog.name, prog.parent.name):
        from .batch.server import start_early

        start_early(sys.argv[2:])


_start_batch_pool_early()


class _DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date in YYYY-MM-DD form", param, ctx)


DATE = _DateParam()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """Turn news reports into ACLED-style event data, offline.

    \b
    eventwire extract article.html --published 2024-05-02
    eventwire extract corpus.jsonl --format acled-csv -o events.csv
    eventwire eval gold.jsonl --limit 500
    """


def fail(message: str, code: int = 2) -> None:
    """Print one clear line to stderr and exit: no tracebacks for users."""
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(code)


@main.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--published", type=DATE, default=None,
              help="Report date (YYYY-MM-DD) for inputs that state none; relative dates "
                   "such as 'on Sunday' are resolved against it.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "acled-csv",
                                                    "geojson"]),
              default=None, help="Output format (default: table on a terminal, else jsonl).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write events to this file instead of standard output.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on loopback and private network addresses.")
@click.option("--min-confidence", type=float, default=0.0, show_default=True,
              help="Drop events whose confidence is below this.")
@click.option("--model", "model", default="default", show_default=True, metavar="MODEL",
              help="Event types: 'default' = the rules, with the shipped classifier deciding "
                   "where a rule's cue word is weak; 'none' = the rules alone; or a file made "
                   "by 'eventwire train', which then decides every event's type.")
@click.option("--focus", default=None, metavar="COUNTRIES",
              help="Countries the input is about ('SY' or 'Syria,Iraq'): an ambiguous "
                   "place name leans towards their namesakes.")
@click.option("--explain", is_flag=True,
              help="Also write the candidate events the relevance stage dropped, each with "
                   "its reason in 'dropped' (other sense, generic, history, ...); kept "
                   "events carry theirs in 'explanation'.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
def extract(
    inputs: tuple[str, ...],
    published: dt.date | None,
    fmt: str | None,
    output: str | None,
    allow_private: bool,
    min_confidence: float,
    model: str,
    focus: str | None,
    explain: bool,
    quiet: bool,
) -> None:
    """Extract events from news articles.

    INPUT is a .txt or .html file, a directory, '-' for standard input, a JSONL/CSV/Parquet
    file of articles ({id, text | html, url?, published?, title?}), a URL, a feed, an OPML
    list or a WARC file. With no INPUT, standard input is read. An input that cannot be
    read is reported on one line and the rest go on; the exit status is 1 if any failed.
    """
    from .export import EventWriter
    from .guard import extract_each
    from .ingest import InputFailure, read_inputs, summarize_failures
    from .ingest.failures import FailureLog
    if not inputs:
        if sys.stdin.isatty():
            fail("no INPUT given (a file, directory, URL or '-' for standard input)")
        inputs = ("-",)
    out: IO[str]
    try:
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        fail(f"{output}: cannot write the output file ({exc.strerror or exc})")
    chosen = fmt or ("table" if out.isatty() else "jsonl")
    writer = EventWriter(out, chosen)
    failures = FailureLog()
    pipeline = _pipeline(model)
    if focus or explain:
        try:
            pipeline = _with_focus(pipeline, pipeline.geocoder.parse_focus(focus)
                                   if focus else {}, explain=explain)
        except EventwireError as exc:
            fail(str(exc))
    started = time.perf_counter()
    done = 0
    show_progress = not quiet and sys.stderr.isatty()

    def articles() -> Any:
        for item in read_inputs(list(inputs), published=published, stdin=sys.stdin.buffer,
                                allow_private=allow_private):
            if isinstance(item, InputFailure):
                failures.add(item)
                click.echo(f"eventwire: {item.source}: {item.reason}", err=True)
                continue
            yield item

    try:
        for article, events, reason in extract_each(pipeline, articles()):
            if events is None:
                failure = InputFailure(article.source_name or article.article_id,
                                       reason or "extraction failed")
                failures.add(failure)
                click.echo(f"eventwire: {failure.source}: {failure.reason}", err=True)
                continue
            writer.write(e for e in events if e.confidence >= min_confidence)
            done += 1
            if show_progress and done % 50 == 0:
                rate = done / (time.perf_counter() - started)
                click.echo(f"\r  {done} articles  {rate:.1f}/s", err=True, nl=False)
    except EventwireError as exc:
        fail(str(exc))
    finally:
        writer.close()
        if output:
            out.close()
    if show_progress and done >= 50:
        click.echo("", err=True)
    if not quiet and (failures or (output and done)):
        summary = f"{done} article(s) read, {writer.count} event(s) written"
        if failures:
            summary += f"; {len(failures)} input(s) failed"
        click.echo(f"eventwire: {summary}", err=True)
        if failures:
            click.echo(summarize_failures(failures), err=True)
    if failures:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N gold records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-confusion", is_flag=True, help="Leave out the per-class and confusion tables.")
@click.option("--model", "model", default="default", show_default=True, metavar="MODEL",
              help="Event types as extract's --model: 'default', 'none' (the rules alone) or "
                   "a file from 'eventwire train'.")
@click.option("--focus", default=None, metavar="auto|COUNTRIES",
              help="Countries the gold texts are about, as extract's --focus; 'auto' finds "
                   "them in a first pass over the texts (never the gold fields).")
def eval_command(
    gold: str, limit: int | None, as_json: bool, no_confusion: bool, model: str,
    focus: str | None,
) -> None:
    """Score the extractor on a gold JSONL file (ACLED-style or UCDP GED rows).

    Each record's text is extracted with the record's date as report date (UCDP: its
    source_date); the first event told as fact is compared with the gold fields.
    """
    from .evaluate import evaluate, format_report, read_gold, stderr_progress

    try:
        total = sum(1 for _ in read_gold(gold, limit))
        progress = stderr_progress(total) if sys.stderr.isatty() else None
        pipeline = _pipeline(model)
        if focus:
            geo = pipeline.geocoder
            chosen = (geo.focus_of(g.text for g in read_gold(gold, limit)) if focus == "auto"
                      else geo.parse_focus(focus))
            click.echo(f"focus: {', '.join(sorted(chosen)) or 'none'}", err=True)
            pipeline = _with_focus(pipeline, chosen)
        report = evaluate(gold, limit=limit, progress=progress, pipeline=pipeline)
    except EventwireError as exc:
        fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_report(report, confusion=not no_confusion))


def _pipeline(model: str) -> Any:
    """The default pipeline (rules, and the shipped classifier where a rule's cue is weak),
    the rules alone ('none'), or one whose own classifier decides every event's type."""
    from .pipeline import pipeline_for

    try:
        return pipeline_for(model)
    except EventwireError as exc:
        fail(str(exc))


def _with_focus(pipeline: Any, focus: dict[str, float], explain: bool = False) -> Any:
    """A pipeline like ``pipeline`` (shared, so not changed in place) with a country focus
    (and, with ``explain``, returning dropped candidates too)."""
    return pipeline.variant(focus=focus, explain=explain)


def run() -> None:
    """Console entry point: library errors become one line, never a traceback."""
    try:
        main(standalone_mode=True)
    except EventwireError as exc:  # pragma: no cover - commands catch their own
        fail(str(exc))


def _register_commands() -> None:
    """Commands that live beside the part of the package they drive."""
    from .batch.commands import batch_cmd
    from .classify.commands import train_command
    from .geo.commands import register_geo
    from .ingest.commands import ingest_command
    from .store.commands import register as register_store
    from .web.commands import register as register_web

    main.add_command(ingest_command)
    register_store(main)
    register_geo(main)
    register_web(main)
    main.add_command(batch_cmd)
    main.add_command(train_command)


_register_commands()
