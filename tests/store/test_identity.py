"""Article identity: ids are unique only within their input, and a new text under a known id
is an update (its events replaced, reviewer corrections kept), never silently dropped."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import Store
from eventwire.store.corrections import correct

RAID = ("Gunmen killed four farmers in an attack on the village of Tamsara near Kaduna, "
        "Nigeria, on 3 March 2024, a local official said.")
MARCH = ("Hundreds of nurses protested outside the health ministry in Nairobi, Kenya, on "
         "5 March 2024 to demand unpaid wages. The march ended peacefully.")
CLASH = ("Soldiers clashed with militants near Baidoa, Somalia, on 6 March 2024; seven "
         "fighters died in the exchange of fire, an officer said.")
BOMB = ("A roadside bomb struck an army truck outside Kandahar, Afghanistan, on 7 March "
        "2024, killing two soldiers, the defence ministry said.")


def _csv(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "published"])
        for i, text in enumerate(texts, start=1):
            w.writerow([i, text, "2024-03-08"])
    return path


def _add(db: str, *inputs: Path):  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(main, ["store", "add", "--db", db, *map(str, inputs)])
    assert "Traceback" not in res.output, res.output
    return res


def _summary(res) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_two_inputs_that_number_rows_alike_store_all_their_articles(tmp_path: Path) -> None:
    a = _csv(tmp_path / "a.csv", [RAID, MARCH])
    b = _csv(tmp_path / "b.csv", [CLASH, BOMB])
    db = str(tmp_path / "ids.sqlite")
    res = _add(db, a, b)
    assert res.exit_code == 0, res.output
    out = _summary(res)
    assert out["articles"] == 4 and out["articles_added"] == 4 and out["failed"] == 0
    # the same inputs again (named another way) change nothing
    again = _summary(_add(db, tmp_path / "." / "a.csv", b))
    assert again["articles"] == 4 and again["articles_added"] == 0
    assert again["articles_unchanged"] == 4


def test_batch_into_a_store_keeps_reused_ids_apart(tmp_path: Path) -> None:
    a = _csv(tmp_path / "a.csv", [RAID, MARCH])
    b = _csv(tmp_path / "b.csv", [CLASH, BOMB])
    db = str(tmp_path / "batch.sqlite")
    res = CliRunner().invoke(main, ["batch", str(a), str(b), "--db", db, "--workers", "1",
                                    "--quiet"])
    assert res.exit_code == 0, res.output
    with Store.open(db) as store:
        assert store.stats()["articles"] == 4


def test_a_new_text_under_a_known_id_replaces_its_events_and_keeps_corrections(
        tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    db = str(tmp_path / "upd.sqlite")
    corpus.write_text(json.dumps({"id": "w1", "text": RAID}) + "\n", encoding="utf-8")
    assert _add(db, corpus).exit_code == 0
    with Store.open(db) as store:
        [event] = store.canonical_events()
        correct(store, event.canonical_id, {"fatalities": 5}, who="reviewer")
    # the wire corrects its story: one more paragraph, the first event is the same report
    corpus.write_text(json.dumps({"id": "w1", "text": RAID + "\n\n" + BOMB}) + "\n",
                      encoding="utf-8")
    res = _add(db, corpus)
    assert res.exit_code == 0, res.output
    out = _summary(res)
    assert out["articles_updated"] == 1 and out["articles"] == 1
    assert "w1" in res.stderr and "updated" in res.stderr
    with Store.open(db) as store:
        events = {e.canonical_id: e for e in store.canonical_events()}
        assert event.canonical_id in events
        assert events[event.canonical_id].fatalities.best == 5  # the reviewer's number
        assert {e.location.iso3 for e in events.values() if e.location} == {"NGA", "AFG"}
    # a text that no longer tells the raid: the raid's event goes, the new one stays
    corpus.write_text(json.dumps({"id": "w1", "text": MARCH}) + "\n", encoding="utf-8")
    assert _summary(_add(db, corpus))["articles_updated"] == 1
    with Store.open(db) as store:
        assert store.stats()["articles"] == 1
        assert [e.location.iso3 for e in store.canonical_events() if e.location] == ["KEN"]


def test_store_add_fetches_a_local_url_only_with_allow_private(tmp_path: Path) -> None:
    """The refusal names --allow-private, so `store add` must have it (as extract and watch do)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (f"<html><head><title>Raid near Kaduna</title></head><body><article><p>{RAID}</p>"
            "</article></body></html>").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/news/raid"
    db = str(tmp_path / "urls.sqlite")
    try:
        refused = CliRunner().invoke(main, ["store", "add", "--db", db, url])
        assert refused.exit_code == 1 and "--allow-private" in refused.output
        allowed = CliRunner().invoke(main, ["store", "add", "--db", db, "--allow-private", url])
    finally:
        server.shutdown()
        server.server_close()
    assert allowed.exit_code == 0, allowed.output
    out = _summary(allowed)
    assert out["articles_added"] == 1 and out["failed"] == 0
