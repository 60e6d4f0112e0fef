"""Export of canonical events: ACLED CSV, JSONL, GeoJSON, Parquet, and the CLI."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.export import export

from ._factory import OTHER_TOWN, reported
from .test_store import _load


def _fill(store: Store) -> None:
    _load(store)
    store.add_article(*reported("Capital Post", "NLF attacked Dalmuri on Friday.",
                                place=OTHER_TOWN, deaths=2, actor1="NLF", date="2024-04-01"))


def test_formats_carry_every_source(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    events = store.canonical_events()

    buf = io.StringIO()
    assert export(events, "acled-csv", buf) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    big = next(r for r in rows if r["n_sources"] == "3")
    assert big["event_type"] == "Violence against civilians" and big["iso"] == "566"
    assert big["region"] == "Western Africa"
    assert big["fatalities"] == "12" and big["fatalities_high"] == "15"
    assert big["source"] == "Daily Courier; Morning Ledger; Radio Horizon"
    assert len(big["source_urls"].split()) == 3

    buf = io.StringIO()
    export(events, "jsonl", buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert sorted(len(x["sources"]) for x in lines) == [1, 3]

    buf = io.StringIO()
    export(events, "geojson", buf)
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection"
    pt = doc["features"][0]["geometry"]
    assert pt["type"] == "Point" and pt["coordinates"] == [13.10, 11.80]
    props = doc["features"][0]["properties"]  # flat, as GIS tools want them
    assert not any(isinstance(v, dict | list) for v in props.values())
    assert props["iso"] == 566 and props["iso3"] == "NGA" and props["latitude"] == 11.80
    assert props["region"] == "Western Africa"

    path = tmp_path / "events.parquet"
    assert export(events, "parquet", path) == 2
    table = pq.read_table(path).to_pylist()
    assert sorted(len(r["sources"]) for r in table) == [1, 3]
    assert {r["fatalities"] for r in table} == {12, 2}


def test_cli_export_with_filters(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db_url) as store:
        _fill(store)
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", db_url, "--format", "jsonl",
                               "--min-fatalities", "5"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0]["n_sources"] == 3
    res = runner.invoke(main, ["export", "--db", db_url, "--format", "acled-csv",
                               "--from", "2024-03-15", "--country", "NGA", "--type", "Attack"])
    assert res.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == 1
    res = runner.invoke(main, ["export", "--db", db_url, "--format", "parquet"])
    assert res.exit_code == 2 and "needs an output file" in res.output
    res = runner.invoke(main, ["export", "--db", db_url, "--from", "March"])
    assert res.exit_code == 2 and "eventwire: error: --from March" in res.output


def test_cli_review_commands(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.sqlite")
    with Store.open(db) as store:
        _load(store)
        (ce,) = store.canonical_events()
        mention = ce.sources[0].mention_id
    runner = CliRunner()
    res = runner.invoke(main, ["store", "explain", ce.canonical_id, "--db", db])
    assert res.exit_code == 0 and len(json.loads(res.stdout)["mentions"]) == 3
    res = runner.invoke(main, ["store", "split", mention, "--db", db, "--who", "ana"])
    assert res.exit_code == 0
    new_id = res.stdout.strip()
    res = runner.invoke(main, ["store", "merge", ce.canonical_id, new_id, "--db", db])
    assert res.exit_code == 0
    res = runner.invoke(main, ["store", "info", "--db", db])
    assert json.loads(res.stdout)["canonical_events"] == 1
    res = runner.invoke(main, ["store", "explain", "nope", "--db", db])
    assert res.exit_code == 2 and "eventwire: error: nope: no such canonical event" in res.output


def test_explain_takes_the_id_an_acled_csv_export_shows(store: Store) -> None:
    # the first column of an ACLED CSV export (event_id_cnty: ISO3 + part of the canonical
    # id) is the id a user has at hand for `eventwire store explain EVENT_ID`
    _fill(store)
    buf = io.StringIO()
    export(store.canonical_events(), "acled-csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 2
    for row in rows:
        assert row["event_id_cnty"] != row["canonical_id"]
        assert store.explain(row["event_id_cnty"])["canonical_id"] == row["canonical_id"]
    bogus = rows[0]["event_id_cnty"][:3] + "00000000"
    with pytest.raises(StoreError, match="no such canonical event"):
        store.explain(bogus)
