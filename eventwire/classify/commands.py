"""`eventwire train`: build a classifier from your own ontology and labelled examples."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..errors import EventwireError


@click.command("train")
@click.option("--data", "data", required=True, type=click.Path(dir_okay=False),
              help="Labelled examples: JSONL {text, label} or {text, sub_event_type}, or an "
                   "ACLED-style CSV with 'notes' and 'sub_event_type' columns.")
@click.option("--ontology", "ontology", type=click.Path(dir_okay=False), default=None,
              help="Ontology YAML (types, sub-types, descriptions, examples). Labels in the "
                   "data must belong to it; its examples are added. Default: labels of the data.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the model (a JSON file; use with `eventwire extract --model`).")
@click.option("--c", "c", type=float, default=None,
              help="Inverse regularisation strength of the logistic regression (default 4).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def train_command(data: str, ontology: str | None, output: str, c: float | None,
                  quiet: bool) -> None:
    """Train an event classifier on this machine (minutes for a few thousand rows)."""
    from .model import DEFAULT_C
    from .training import train_from_files

    say = (lambda _m: None) if quiet else (lambda m: click.echo(m, err=True))
    t0 = time.perf_counter()
    try:
        clf = train_from_files(data, ontology, c=c if c is not None else DEFAULT_C,
                               progress=say)
        out = Path(output)
        if out.parent and not out.parent.exists():
            raise EventwireError(f"{output}: directory {out.parent} does not exist")
        clf.save(out)
    except EventwireError as exc:
        click.echo(f"eventwire: error: {exc}", err=True)
        sys.exit(2)
    say(f"wrote {output}: {len(clf.labels)} labels, {clf.meta.get('rows')} rows, "
        f"{time.perf_counter() - t0:.0f}s")
