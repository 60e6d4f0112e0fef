"""CLI: ``eventwire batch`` (registered by one line at the bottom of eventwire/cli.py)."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from ..errors import EventwireError


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"eventwire: error: {message}", err=True)
    sys.exit(code)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Output directory: events as Parquet partitioned by year=/month= of the "
                   "event date, failures.jsonl, and the state a restart resumes from.")
@click.option("--db", default=None,
              help="Also (or only) store articles and events in this event store: a SQLite "
                   "path or postgresql://USER@HOST:PORT/DB.")
@click.option("--state", type=click.Path(file_okay=False), default=None,
              help="Resume state directory when only --db is given "
                   "(default: DB.batch beside a SQLite file, else ./eventwire-batch.state).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default=True,
              help="Worker processes (forked from one that loaded the model once).")
@click.option("--dask", type=click.Choice(["local"]), default=None,
              help="Run on a Dask LocalCluster of --workers processes.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run on an existing Dask cluster (eventwire must be installed on it).")
@click.option("--published", callback=_date, default=None, metavar="DATE",
              help="Report date (YYYY-MM-DD) for articles that state none.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Articles (or page files) per unit of work and of resumption.")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Texts per spaCy nlp.pipe batch.")
@click.option("--no-prefilter", is_flag=True,
              help="Parse every article, also those without any event cue (slower; the "
                   "output is the same).")
@click.option("--restart", is_flag=True,
              help="Forget the progress recorded in the output directory and start over.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
def batch_cmd(inputs: tuple[str, ...], out: str | None, db: str | None, state: str | None,
              workers: int, dask: str | None, scheduler: str | None, published: dt.date | None,
              chunk_size: int, batch_size: int, no_prefilter: bool, restart: bool,
              quiet: bool) -> None:
    """Extract events from a large corpus on all cores or a Dask cluster.

    INPUT is a JSONL/CSV/Parquet corpus, a WARC/ARC file, a .txt/.html file or a directory
    of them. Progress (articles/s, ETA, errors) goes to stderr. The run is resumable: run the
    same command again after a crash or kill and it skips finished inputs and chunks, ending
    with the same output as an uninterrupted run. Inputs or articles that cannot be read are
    listed in OUT/failures.jsonl and the run goes on; the exit status is then 1.

    \b
    eventwire batch news.jsonl crawl/ --out events/ --workers 8
    eventwire batch archive/*.warc.gz --db events.sqlite --dask local
    eventwire batch corpus.parquet --out events/ --scheduler tcp://10.0.0.5:8786
    """
    from .runner import BatchOptions, run_batch

    if not out and not db:
        _fail("give --out DIR or --db URL (or both)")
    options = BatchOptions(out=out, db=db, state=state, workers=workers, dask=dask,
                           scheduler=scheduler, published=published, chunk_size=chunk_size,
                           batch_size=batch_size, prefilter=not no_prefilter, restart=restart,
                           progress=not quiet)
    try:
        summary = run_batch(list(inputs), options)
    except KeyboardInterrupt:
        _fail("interrupted; finished chunks are kept, run the same command to resume", 130)
        return
    except EventwireError as exc:
        _fail(str(exc))
        return
    if not quiet:
        where = " and ".join(x for x in (out, db) if x)
        if summary.already_complete:
            click.echo(f"eventwire: {where}: this job is already complete", err=True)
        click.echo(f"eventwire: {summary.articles:,} article(s), {summary.events:,} event(s), "
                   f"{summary.failures:,} failure(s) -> {where}", err=True)
        if summary.articles_this_run:
            mbs = [mb for _, mb in sorted(summary.peak_rss_mb.items())]
            peaks = (", ".join(f"{mb:.0f} MB" for mb in mbs) if len(mbs) <= 8 else
                     f"{max(mbs):.0f} MB at most over {len(mbs)} processes (replaced "
                     "every 100 chunks)")
            click.echo(f"eventwire: this run: {summary.articles_this_run:,} article(s) in "
                       f"{summary.seconds:.1f} s ({summary.rate:.1f}/s, {summary.skipped:,} "
                       f"without event cues and {summary.other_news:,} other news (sports, "
                       f"markets, ...) skipped) on {summary.backend}; peak memory per "
                       f"worker: {peaks}", err=True)
        for line in summary.failure_lines[:20]:
            click.echo(f"  {line}", err=True)
        if summary.failures > len(summary.failure_lines[:20]):
            click.echo(f"  ... and {summary.failures - len(summary.failure_lines[:20]):,} "
                       "more (failures.jsonl)", err=True)
    if summary.failures:
        sys.exit(1)
