"""CLI: ``eventwire export``, ``eventwire watch`` and ``eventwire store ...`` (registered by one
line at the bottom of eventwire/cli.py)."""

from __future__ import annotations

import json
import logging
import sys
import threading
from typing import Any

import click

from ..cli import fail
from ..errors import EventwireError

DB_HELP = ("Event store: a SQLite file path or postgresql://USER@HOST:PORT/DB "
           "(default: $EVENTWIRE_DB, else eventwire.sqlite in the user data directory).")


def open_store(db: str | None, *, create: bool = True) -> Any:
    """The store at ``db``; commands that only read pass ``create=False``."""
    from .store import Store

    try:
        return Store.open(db, create=create)
    except EventwireError as exc:
        fail(str(exc))


@click.command("export")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]),
              default="jsonl", show_default=True)
@click.option("--from", "date_from", default=None, help="First event date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Last event date (YYYY-MM-DD).")
@click.option("--country", default=None, help="ISO3 code or country name.")
@click.option("--type", "event_type", default=None, help="ACLED event or sub-event type.")
@click.option("--min-fatalities", type=int, default=None)
@click.option("--min-sources", type=int, default=None, help="Only events told by N+ articles.")
@click.option("-o", "--output", default=None, help="Output file (default: stdout; "
              "required for parquet).")
def export_cmd(db: str | None, fmt: str, date_from: str | None, date_to: str | None,
               country: str | None, event_type: str | None, min_fatalities: int | None,
               min_sources: int | None, output: str | None) -> None:
    """Export deduplicated (canonical) events, each with its list of sources."""
    from ..dedup import parse_date
    from .export import export

    for name, value in (("--from", date_from), ("--to", date_to)):
        if value and parse_date(value) is None:
            fail(f"{name} {value}: not a date (use YYYY-MM-DD)")
    store = open_store(db, create=False)
    try:
        events = store.canonical_events(date_from=date_from, date_to=date_to, country=country,
                                        event_type=event_type, min_fatalities=min_fatalities,
                                        min_sources=min_sources)
        n = export(events, fmt, output if output else (None if fmt == "parquet" else
                                                        sys.stdout))
    except EventwireError as exc:
        fail(str(exc))
    finally:
        store.close()
    if output:
        click.echo(f"eventwire: wrote {n} event(s) to {output}", err=True)


@click.command("watch")
@click.argument("feeds", type=click.Path(dir_okay=False))
@click.option("--every", default="15m", show_default=True,
              help="Polling interval (30s, 15m, 2h).")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option("--allow-private", is_flag=True,
              help="Allow feeds on loopback/private addresses (local testing).")
@click.option("--min-interval", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("-q", "--quiet", is_flag=True, help="Log warnings only.")
def watch_cmd(feeds: str, every: str, db: str | None, once: bool, allow_private: bool,
              min_interval: float, quiet: bool) -> None:
    """Poll FEEDS (a text file of feed URLs, or an OPML file) forever: fetch new articles,
    extract, store and deduplicate. Failing feeds back off; SIGTERM stops cleanly."""
    from .watch import Watcher, install_signal_handlers, parse_every, read_feed_list

    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    # Alembic logs each plugin it sets up and each migration step at INFO: not watch's news
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        seconds = parse_every(every)
        urls = read_feed_list(feeds)
    except (ValueError, EventwireError) as exc:
        fail(str(exc))
    store = open_store(db)
    stop = threading.Event()
    install_signal_handlers(stop)
    watcher = Watcher(store, urls, every=seconds, allow_private=allow_private,
                      min_interval=min_interval, stop=stop)
    logging.getLogger("eventwire.watch").info(
        "watch: %d feed(s) every %.0fs into %s", len(urls), seconds, store.backend)
    try:
        last = watcher.run(max_polls=1 if once else None)
    finally:
        watcher.close()
        store.close()
    if once and last is not None and last.feeds_polled and last.feeds_failed == last.feeds_polled:
        fail(f"every feed failed ({last.feeds_failed}); first: {last.errors[0]}", code=1)


@click.group("store")
def store_group() -> None:
    """Inspect and review the event store (canonical events, mentions, merges)."""


@store_group.command("info")
@click.option("--db", default=None, help=DB_HELP)
def info_cmd(db: str | None) -> None:
    """Counts of articles, mentions and canonical events."""
    from .db import safe_url

    store = open_store(db, create=False)
    with store:
        click.echo(json.dumps({"db": safe_url(store.url), **store.stats()}, indent=2))


@store_group.command("add")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--published", default=None, help="Report date for inputs that state none.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on loopback and private network addresses.")
def add_cmd(inputs: tuple[str, ...], db: str | None, published: str | None,
            allow_private: bool) -> None:
    """Read INPUTS (files, directories, URLs, feeds, corpora), extract and store them."""
    from ..dedup import parse_date
    from ..guard import extract_each
    from ..ingest.failures import InputFailure
    from ..ingest.readers import read_inputs
    from ..pipeline import Pipeline

    day = parse_date(published) if published else None
    if published and day is None:
        fail(f"--published {published}: not a date (use YYYY-MM-DD)")
    store = open_store(db)
    pipeline = Pipeline()
    failed = added = updated = unchanged = 0

    def articles() -> Any:
        nonlocal failed
        for item in read_inputs(list(inputs), published=day,
                                allow_private=allow_private):
            if isinstance(item, InputFailure):
                failed += 1
                click.echo(f"eventwire: error: {item.source}: {item.reason}", err=True)
                continue
            yield item

    with store:
        for article, events, reason in extract_each(pipeline, articles()):
            name = article.source_name or article.article_id
            if events is None:
                failed += 1
                click.echo(f"eventwire: error: {name}: {reason}", err=True)
                continue
            try:
                res = store.add_article(article, events)
            except EventwireError as exc:
                fail(str(exc))
            if res.updated:
                updated += 1
                click.echo(f"eventwire: {name}: article {article.article_id} has a new text: "
                           "updated, its events replaced (reviewer corrections kept)", err=True)
            elif res.added:
                added += 1
            else:
                unchanged += 1
        click.echo(json.dumps({"articles_added": added, "articles_updated": updated,
                               "articles_unchanged": unchanged, "failed": failed,
                               **store.stats()}))
    if failed:
        sys.exit(1)


@store_group.command("explain")
@click.argument("canonical_id")
@click.option("--db", default=None, help=DB_HELP)
def explain_cmd(canonical_id: str, db: str | None) -> None:
    """Why these mentions were merged into one event (JSON)."""
    store = open_store(db, create=False)
    with store:
        try:
            click.echo(json.dumps(store.explain(canonical_id), indent=2, ensure_ascii=False))
        except EventwireError as exc:
            fail(str(exc))


@store_group.command("split")
@click.argument("mention_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--reason", default=None)
@click.option("--who", default=None, help="Reviewer name, kept in the decision log.")
def split_cmd(mention_id: str, db: str | None, reason: str | None, who: str | None) -> None:
    """Take MENTION_ID out of its canonical event into a new one."""
    store = open_store(db, create=False)
    with store:
        try:
            click.echo(store.split(mention_id, reason=reason, who=who))
        except EventwireError as exc:
            fail(str(exc))


@store_group.command("merge")
@click.argument("canonical_a")
@click.argument("canonical_b")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--reason", default=None)
@click.option("--who", default=None, help="Reviewer name, kept in the decision log.")
def merge_cmd(canonical_a: str, canonical_b: str, db: str | None, reason: str | None,
              who: str | None) -> None:
    """Merge canonical event B into A."""
    store = open_store(db, create=False)
    with store:
        try:
            click.echo(store.merge(canonical_a, canonical_b, reason, who=who))
        except EventwireError as exc:
            fail(str(exc))


def register(main: click.Group) -> None:
    """Add the store's commands to the ``eventwire`` group."""
    main.add_command(export_cmd)
    main.add_command(watch_cmd)
    main.add_command(store_group)
