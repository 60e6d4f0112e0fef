"""The store on SQLite and PostgreSQL: dedup into canonical events, idempotence, review."""

from __future__ import annotations

import datetime as _dt

import pytest
import sqlalchemy as sa

from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.db import resolve_url

from ._factory import OTHER_TOWN, reported

THREE_OUTLETS = [
    ("Daily Courier", "NLF fighters attacked Kerwa on Friday, killing 12 villagers.",
     dict(date="2024-03-01", deaths=12, actor1="NLF")),
    ("Morning Ledger", "At least 9 people died when the Northern Liberation Front raided Kerwa.",
     dict(date="2024-03-01", deaths=9, actor1="Northern Liberation Front")),
    ("Radio Horizon", "Gunmen stormed Kerwa village yesterday; 15 bodies were recovered.",
     dict(date="2024-03-02", deaths=15, actor1="Unidentified Armed Group (Nigeria)", inter1=3)),
]


def _load(store: Store, items=THREE_OUTLETS):  # type: ignore[no-untyped-def]
    return [store.add_article(*reported(o, t, **kw)) for o, t, kw in items]


def test_three_outlets_make_one_event_with_three_sources(store: Store) -> None:
    results = _load(store)
    assert [r.canonical_created for r in results] == [1, 0, 0]
    (ce,) = store.canonical_events()
    assert ce.n_mentions == ce.n_sources == ce.n_outlets == 3
    assert {s.outlet for s in ce.sources} == {"Daily Courier", "Morning Ledger", "Radio Horizon"}
    assert (ce.fatalities.best, ce.fatalities.low, ce.fatalities.high) == (12, 9, 15)
    assert ce.date == _dt.date(2024, 3, 1)
    assert ce.actor1 is not None and ce.actor1.name != "Unidentified Armed Group (Nigeria)"
    assert ce.location is not None and ce.location.name == "Kerwa"
    assert ce.first_seen == ce.last_seen == _dt.date(2024, 3, 2)


def test_same_articles_twice_add_nothing(store: Store) -> None:
    _load(store)
    before = store.snapshot()
    again = _load(store)
    assert not any(r.added for r in again)
    assert store.snapshot() == before


def test_look_alikes_stay_distinct(store: Store) -> None:
    _load(store)
    store.add_article(*reported("Capital Post", "Protesters marched in Kerwa on Friday.",
                                event_type="Protests", sub="Peaceful protest",
                                actor1="Protesters (Nigeria)", inter1=6, actor2=None,
                                date="2024-03-01"))
    store.add_article(*reported("Capital Post", "NLF attacked Kerwa again on Tuesday.",
                                date="2024-03-05", deaths=3, actor1="NLF"))
    store.add_article(*reported("Capital Post", "NLF attacked Dalmuri on Friday.",
                                place=OTHER_TOWN, deaths=2, actor1="NLF"))
    events = store.canonical_events()
    assert len(events) == 4
    assert sorted(e.n_sources for e in events) == [1, 1, 1, 3]


def test_non_factual_mentions_are_stored_but_not_events(store: Store) -> None:
    r = store.add_article(*reported("Wire Express", "Protesters plan to march in Kerwa.",
                                    event_type="Protests", sub="Peaceful protest",
                                    actor1="Protesters (Nigeria)", inter1=6, actor2=None,
                                    modality="expected"))
    assert r.mentions_added == 1 and r.canonical_ids == []
    assert store.stats()["mentions"] == 1 and store.canonical_events() == []


def test_explain_split_and_merge_are_reversible(store: Store) -> None:
    _load(store)
    (ce,) = store.canonical_events()
    why = store.explain(ce.canonical_id)
    assert len(why["mentions"]) == 3
    joined = [m for m in why["mentions"] if m["joined_by"] == "auto-merge"]
    assert len(joined) == 2 and all(m["reasons"] and m["score"] for m in joined)

    radio = next(s for s in ce.sources if s.outlet == "Radio Horizon")
    new_id = store.split(radio.mention_id, reason="different attack", who="ana")
    assert len(store.canonical_events()) == 2
    assert store.canonical(ce.canonical_id).n_sources == 2  # type: ignore[union-attr]
    assert store.mention(radio.mention_id).canonical_id == new_id  # type: ignore[union-attr]
    # a later report of the same attack still joins the reviewed event
    assert store.explain(new_id)["decisions"][0]["who"] == "ana"

    kept = store.merge(ce.canonical_id, new_id, reason="same attack after all", who="bo")
    (back,) = store.canonical_events()
    assert back.canonical_id == kept == ce.canonical_id and back.n_sources == 3
    assert store.resolve(new_id) == ce.canonical_id
    assert [d["action"] for d in store.explain(new_id)["decisions"]] == ["split", "merge"]
    with pytest.raises(StoreError):
        store.merge(ce.canonical_id, new_id)  # new_id is merged already


def test_filters(store: Store) -> None:
    _load(store)
    store.add_article(*reported("Capital Post", "NLF attacked Dalmuri on Friday.",
                                place=OTHER_TOWN, deaths=2, actor1="NLF", date="2024-04-01"))
    assert len(store.canonical_events(min_fatalities=10)) == 1
    assert len(store.canonical_events(date_from="2024-03-15")) == 1
    assert len(store.canonical_events(date_to="2024-03-15")) == 1
    assert len(store.canonical_events(country="nga")) == 2
    assert len(store.canonical_events(country="Nigeria")) == 2
    assert store.canonical_events(country="SYR") == []
    assert len(store.canonical_events(event_type="attack")) == 2
    assert store.canonical_events(event_type="Protests") == []


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from eventwire.store.schema import metadata

    store = Store.open(db_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        store.close()
    Store.open(db_url).close()  # opening again is a no-op migration


def test_default_location_and_env_override(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert resolve_url(None).endswith("eventwire.sqlite")
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "x.sqlite"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert resolve_url("postgresql://u@h:5/d") == "postgresql+psycopg://u@h:5/d"
    with pytest.raises(StoreError):
        resolve_url("mysql://x/y")


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")


def test_sqlite_is_one_file_in_wal_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "one.sqlite") as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (tmp_path / "one.sqlite").exists()


def test_an_older_schema_is_upgraded_on_open(db_url: str) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.migration import MigrationContext

    from eventwire.store import db as store_db
    from eventwire.store.schema import metadata

    engine = store_db.make_engine(store_db.resolve_url(db_url))
    cfg = Config()
    cfg.set_main_option("script_location", str(store_db._MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with Store.open(db_url) as store:
        _load(store)
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert len(store.canonical_events()) == 1


def _protest(day: str) -> tuple:  # type: ignore[type-arg]
    return reported("Outlet " + day, f"Protesters marched in Kerwa ({day}).",
                    event_type="Protests", sub="Peaceful protest",
                    actor1="Protesters (Nigeria)", inter1=6, actor2=None, date=day)


def test_reports_out_of_order_merge_their_events(store: Store) -> None:
    first = store.add_article(*_protest("2024-03-01")).canonical_ids[0]
    store.add_article(*_protest("2024-03-03"))  # two days apart: another protest, so far
    assert len(store.canonical_events()) == 2
    store.add_article(*_protest("2024-03-02"))  # the report in between shows they are one
    (ce,) = store.canonical_events()
    assert ce.n_mentions == 3
    why = store.explain(ce.canonical_id)
    assert [d["action"] for d in why["decisions"]] == ["auto-merge"]
    assert any("merged into" in r for m in why["mentions"] for r in m["reasons"])
    assert store.resolve(first) == ce.canonical_id


def test_report_naming_no_group_moves_to_the_event_it_fits_better(store: Store) -> None:
    nlf = store.add_article(*reported("A", "NLF attacked Kerwa, 30 dead.", deaths=30,
                                      actor1="NLF")).canonical_ids[0]
    art, evs = reported("B", "Gunmen attacked Kerwa, 20 dead.", deaths=20,
                        actor1="Unidentified Armed Group (Nigeria)", inter1=3)
    assert store.add_article(art, evs).canonical_ids == [nlf]  # the only event there so far
    edc = store.add_article(*reported("C", "EDC attacked Kerwa, 20 dead.", deaths=20,
                                      actor1="EDC")).canonical_ids[0]
    assert edc != nlf  # another named group: a look-alike
    moved = next(m for m in store.mentions_of(edc) if m.article_id == art.article_id)
    assert any(r.startswith(f"moved from {nlf}") for r in moved.join_reasons)
    assert [d["action"] for d in store.explain(edc)["decisions"]] == ["auto-move"]
    assert store.canonical(nlf).n_mentions == 1  # type: ignore[union-attr]
