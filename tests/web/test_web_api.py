"""The JSON API on a real SQLite store filled by the real extractor, through a real uvicorn
server on 127.0.0.1. Expected results are computed from the unfiltered listing, so the tests
check the filtering, not what the extractor happens to find."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import Store, corrections
from eventwire.web import create_app, serve_in_thread
from eventwire.web.tokens import check_token, create_token, revoke_token

from ._articles import ARTICLES
from .conftest import make_article


def _all(url: str, **params: str) -> list[dict]:
    r = httpx.get(f"{url}/api/events", params={"limit": "1000", **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def _ids(items: list[dict]) -> set[str]:
    return {e["id"] for e in items}


def _maiduguri(items: list[dict]) -> dict:
    return next(e for e in items if e["location"] and e["location"]["name"] == "Maiduguri")


def test_every_filter_selects_exactly_the_matching_events(server: str) -> None:
    events = _all(server)
    assert len(events) >= 5  # the texts report six distinct events
    cases = {
        "country": ("NGA", lambda e: e["location"] and e["location"]["iso3"] == "NGA"),
        "admin1": ("borno", lambda e: e["location"] and
                   (e["location"]["admin1"] or "").lower() == "borno"),
        "event_type": ("Protests", lambda e: e["event_type"] == "Protests"),
        "sub_event_type": ("Armed clash", lambda e: e["sub_event_type"] == "Armed clash"),
        "actor": ("shabaab", lambda e: any(a and "shabaab" in a["name"].lower()
                                           for a in (e["actor1"], e["actor2"]))),
        "min_fatalities": ("8", lambda e: e["fatalities"]["best"] >= 8),
        "date_from": ("2024-03-01", lambda e: e["date"] and e["date"] >= "2024-03-01"),
        "date_to": ("2024-03-31", lambda e: e["date"] and e["date"] <= "2024-03-31"),
        "bbox": ("2,4,15,14", lambda e: e["location"] and 4 <= e["location"]["lat"] <= 14
                 and 2 <= e["location"]["lon"] <= 15),
    }
    for key, (value, pred) in cases.items():
        expected = {e["id"] for e in events if pred(e)}
        assert expected, f"test data has no event for {key}"
        assert _ids(_all(server, **{key: value})) == expected, key
    # combined filters intersect
    both = _all(server, country="NGA", min_fatalities="10")
    assert _ids(both) == {e["id"] for e in events if e["location"]["iso3"] == "NGA"
                          and e["fatalities"]["best"] >= 10}


def test_text_search_and_modality_look_into_the_reports(server: str) -> None:
    hits = _all(server, q="tear gas")
    assert [h["location"]["name"] for h in hits] == ["Nairobi"]
    assert _all(server, q="no such words anywhere") == []
    by_mod = {m: _ids(_all(server, modality=m)) for m in ("asserted", "reported")}
    every = _ids(_all(server))
    assert by_mod["asserted"] | by_mod["reported"] <= every
    for e in _all(server):
        detail = httpx.get(f"{server}/api/events/{e['id']}").json()
        mods = {r["modality"] for r in detail["reports"]}
        for m, ids in by_mod.items():
            assert (e["id"] in ids) == (m in mods)


def test_cursor_pages_walk_every_event_once_newest_first(server: str) -> None:
    everything = _all(server)
    seen, cursor = [], None
    for _ in range(20):
        params = {"limit": "2"} | ({"cursor": cursor} if cursor else {})
        page = httpx.get(f"{server}/api/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [e["id"] for e in everything]
    dates = [e["date"] or "" for e in everything]
    assert dates == sorted(dates, reverse=True)
    bad = httpx.get(f"{server}/api/events", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422 and "cursor" in bad.json()["detail"]


def test_bad_filters_get_a_message_naming_the_parameter(server: str) -> None:
    for params, word in (({"date_from": "yesterday"}, "date_from"), ({"bbox": "1,2"}, "bbox"),
                         ({"min_fatalities": "many"}, "min_fatalities"),
                         ({"modality": "rumoured"}, "modality")):
        r = httpx.get(f"{server}/api/events", params=params)
        assert r.status_code == 422 and word in r.json()["detail"], params


def test_event_detail_has_every_report_with_its_sentence(server: str, store: Store) -> None:
    ev = _maiduguri(_all(server))
    detail = httpx.get(f"{server}/api/events/{ev['id']}").json()
    assert detail["n_sources"] == 2 and len(detail["reports"]) == 2
    outlets = {r["outlet"] for r in detail["reports"]}
    assert outlets == {"Sahel Courier", "Lake Chad Monitor"}
    for rep in detail["reports"]:
        art = httpx.get(f"{server}/api/articles/{rep['article_id']}").json()
        ctx = rep["evidence"]
        assert art["text"][ctx["start"]:ctx["end"]] == ctx["sentence"]
        assert "Maiduguri" in ctx["sentence"]
        assert art["url"] == rep["url"] and art["title"] == rep["title"]
        assert any(m["canonical_id"] == ev["id"] for m in art["mentions"])
    arts = httpx.get(f"{server}/api/articles").json()["items"]
    assert len(arts) == len(ARTICLES)
    assert httpx.get(f"{server}/api/events/ce-missing").status_code == 404


def test_map_points_and_stats_agree_with_the_list(server: str) -> None:
    events = _all(server, event_type="Protests")
    pts = httpx.get(f"{server}/api/map", params={"event_type": "Protests"}).json()
    assert {p[0] for p in pts["points"]} == _ids(events)
    for p in pts["points"]:
        assert pts["types"][p[3]] == "Protests"
    stats = httpx.get(f"{server}/api/stats").json()
    every = _all(server)
    assert stats["total"] == len(every)
    assert stats["fatalities"] == sum(e["fatalities"]["best"] for e in every)
    by_type = {d["key"]: d["events"] for d in stats["by_type"]}
    for t in {e["event_type"] for e in every}:
        assert by_type[t] == sum(e["event_type"] == t for e in every)
    assert sum(d["events"] for d in stats["by_day"]) == sum(1 for e in every if e["date"])


def test_exports_stream_the_current_filter(server: str) -> None:
    want = _all(server, country="NGA")
    with httpx.stream("GET", f"{server}/api/export.csv", params={"country": "NGA"}) as r:
        assert r.headers["content-type"].startswith("text/csv")
        body = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {r["canonical_id"] for r in rows} == _ids(want)
    gj = httpx.get(f"{server}/api/export.geojson", params={"country": "NGA"}).json()
    assert {f["id"] for f in gj["features"]} == _ids(want)
    assert all(f["geometry"]["type"] == "Point" for f in gj["features"])
    spec = json.loads(httpx.get(f"{server}/openapi.json").text)
    assert {"/api/events", "/api/map", "/api/stats", "/api/export.csv"} <= set(spec["paths"])


def test_writing_needs_a_valid_token(server: str, store: Store, token: str) -> None:
    ev = _all(server)[0]
    url = f"{server}/api/events/{ev['id']}/confirm"
    assert httpx.post(url, json={}).status_code == 401
    assert httpx.post(url, json={}, headers={"Authorization": "Bearer ew_x_y"}
                      ).status_code == 401
    ok = httpx.post(url, json={}, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["reviewed"] is True
    assert ok.json()["corrections"][-1]["who"] == "ana"
    other, info = create_token(store, "ben")
    assert check_token(store, other) == "ben"
    revoke_token(store, info.id)
    assert httpx.post(url, json={}, headers={"Authorization": f"Bearer {other}"}
                      ).status_code == 401


def test_edits_are_stored_with_who_and_show_in_exports(server: str, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    ev = _maiduguri(_all(server))
    changes = {"fatalities": 15, "date": "2024-03-02",
               "type": {"sub_event_type": "Abduction/forced disappearance"},
               "actor1": {"name": "Boko Haram", "inter": 2},
               "location": {"lat": 11.9, "lon": 13.2, "name": "Maiduguri outskirts"}}
    r = httpx.patch(f"{server}/api/events/{ev['id']}", json={"changes": changes,
                                                             "note": "per local police"},
                    headers=auth)
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["fatalities"]["best"] == 15 and d["date"] == "2024-03-02"
    assert d["sub_event_type"] == "Abduction/forced disappearance"
    assert d["actor1"]["name"] == "Boko Haram"
    assert (d["location"]["lat"], d["location"]["lon"]) == (11.9, 13.2)
    assert d["location"]["name"] == "Maiduguri outskirts"
    fields = {c["field"]: c for c in d["corrections"]}
    assert set(changes) <= set(fields)
    assert fields["fatalities"]["old_value"]["best"] == ev["fatalities"]["best"]
    assert all(c["who"] == "ana" and c["note"] == "per local police" and c["at"]
               for c in d["corrections"])
    rows = list(csv.DictReader(io.StringIO(httpx.get(f"{server}/api/export.csv").text)))
    row = next(r for r in rows if r["canonical_id"] == ev["id"])
    assert row["fatalities"] == "15" and row["event_date"] == "2024-03-02"
    assert row["actor1"] == "Boko Haram" and row["latitude"] == "11.9"
    assert set(row["corrected_fields"].split()) == set(changes)
    # the bad edit is refused with a message, and changes nothing
    bad = httpx.patch(f"{server}/api/events/{ev['id']}",
                      json={"changes": {"type": {"sub_event_type": "Picnic"}}}, headers=auth)
    assert bad.status_code == 422 and "Picnic" in bad.json()["detail"]
    bad = httpx.patch(f"{server}/api/events/{ev['id']}",
                      json={"changes": {"date": "soon"}}, headers=auth)
    assert bad.status_code == 422 and "date" in bad.json()["detail"]


def test_corrections_survive_new_reports_and_reextraction(store: Store, pipeline) -> None:  # type: ignore[no-untyped-def]
    cid = next(ce.canonical_id for ce in store.canonical_events()
               if ce.location and ce.location.name == "Maiduguri")
    corrections.correct(store, cid, {"fatalities": 30, "date": "2024-03-02"}, who="ana")
    # a new report of the same attack joins the event: the machine recomputes it...
    art = make_article(dict(outlet="Borno Evening", published="2024-03-05",
                            url="https://borno-evening.test/maiduguri",
                            title="Attack on Maiduguri",
                            text="Gunmen killed 12 villagers in Maiduguri, Borno State, on "
                                 "Sunday, officials said."))
    res = store.add_article(art, pipeline.extract(art))
    assert res.canonical_ids == [cid]
    ce = store.canonical(cid)
    assert ce is not None and ce.n_sources == 3
    # ...and the reviewer's values still stand
    assert ce.fatalities.best == 30 and ce.date.isoformat() == "2024-03-02"
    # re-extracting every source article replaces the machine's records, not the fix
    for spec in ARTICLES[:2]:
        a = make_article(spec)
        corrections.reextract_article(store, a, pipeline.extract(a))
    a = make_article(dict(outlet="Borno Evening", published="2024-03-05",
                          url="https://borno-evening.test/maiduguri",
                          title="Attack on Maiduguri", text=art.text))
    corrections.reextract_article(store, a, pipeline.extract(a))
    ce = store.canonical(cid)
    assert ce is not None and ce.n_sources == 3
    assert ce.fatalities.best == 30 and ce.date.isoformat() == "2024-03-02"
    assert ce.reviewed
    # and the store's own exporter shows the corrected row
    from eventwire.store.export import acled_row

    assert acled_row(ce)["fatalities"] == 30


def test_reject_hides_an_event_and_restore_brings_it_back(server: str, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    ev = _all(server)[0]
    r = httpx.post(f"{server}/api/events/{ev['id']}/reject", json={"note": "not an event"},
                   headers=auth)
    assert r.status_code == 200 and r.json()["status"] == "rejected"
    assert ev["id"] not in _ids(_all(server))
    assert ev["id"] in _ids(_all(server, status="rejected"))
    rows = list(csv.DictReader(io.StringIO(httpx.get(f"{server}/api/export.csv").text)))
    assert ev["id"] not in {r["canonical_id"] for r in rows}
    r = httpx.patch(f"{server}/api/events/{ev['id']}", json={"changes": {"status": "active"}},
                    headers=auth)
    assert r.status_code == 200 and ev["id"] in _ids(_all(server))


def test_merge_and_split_duplicates(server: str, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    events = _all(server)
    ev = _maiduguri(events)
    other = next(e for e in events if e["id"] != ev["id"])
    detail = httpx.get(f"{server}/api/events/{ev['id']}").json()
    mention = detail["reports"][-1]["mention_id"]
    r = httpx.post(f"{server}/api/mentions/{mention}/split", json={"note": "other raid"},
                   headers=auth)
    assert r.status_code == 200, r.text
    new_id = r.json()["id"]
    assert new_id != ev["id"] and r.json()["n_sources"] == 1
    assert httpx.get(f"{server}/api/events/{ev['id']}").json()["n_sources"] == 1
    assert len(_all(server)) == len(events) + 1
    # splitting the only report of an event is refused
    again = httpx.post(f"{server}/api/mentions/{mention}/split", json={}, headers=auth)
    assert again.status_code == 409 and "only mention" in again.json()["detail"]
    r = httpx.post(f"{server}/api/events/{ev['id']}/merge", json={"other_id": new_id},
                   headers=auth)
    assert r.status_code == 200 and r.json()["n_sources"] == 2
    assert [d["action"] for d in r.json()["decisions"]] == ["split", "merge"]
    # the merged id still resolves to the event that holds it
    assert httpx.get(f"{server}/api/events/{new_id}").json()["id"] == ev["id"]
    r = httpx.post(f"{server}/api/events/{ev['id']}/merge", json={"other_id": other["id"]},
                   headers=auth)
    assert r.status_code == 200 and r.json()["n_sources"] == 2 + other["n_sources"]


def test_token_and_serve_commands(db_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    res = runner.invoke(main, ["token", "create", "carla", "--db", str(db_path)])
    assert res.exit_code == 0, res.output
    token = res.stdout.strip().splitlines()[0]
    with Store.open(db_path) as store:
        assert check_token(store, token) == "carla"
    listed = runner.invoke(main, ["token", "list", "--db", str(db_path)])
    names = [json.loads(line)["name"] for line in listed.stdout.splitlines()]
    assert "carla" in names and token not in listed.stdout
    tid = token.split("_")[1]
    assert runner.invoke(main, ["token", "revoke", tid, "--db", str(db_path)]).exit_code == 0
    with Store.open(db_path) as store:
        assert check_token(store, token) is None
    bad = runner.invoke(main, ["token", "revoke", tid, "--db", str(db_path)])
    assert bad.exit_code == 2 and f"eventwire: error: {tid}" in bad.output
    bad = runner.invoke(main, ["serve", "--db", str(db_path), "--tiles", "ftp://x/{z}"])
    assert bad.exit_code == 2 and "--tiles" in bad.output


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/meta"])
def test_pages_carry_a_strict_content_security_policy(server: str, path: str) -> None:
    r = httpx.get(server + path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp


def test_undated_events_come_last_and_pages_still_cover_everything(store: Store,
                                                                   server: str) -> None:
    from eventwire.records import Actor, Article, Event, Evidence, Place

    text = "Protesters blocked the main road into Accra, Ghana, organisers said."
    art = Article(text=text, url="https://coast-herald.test/accra", outlet="Coast Herald",
                  title="Road blocked in Accra", language="en")
    ev = Event(article_id=art.article_id, event_id="undated-1", event_type="Protests",
               sub_event_type="Peaceful protest", disorder_type="Demonstrations",
               actor1=Actor("Protesters (Ghana)", 6),
               location=Place("Accra", "Ghana", "GHA", lat=5.556, lon=-0.1969,
                              geo_precision=1),
               date=None, evidence=Evidence(text, 0, len(text)))
    store.add_article(art, [ev])
    everything = _all(server)
    assert everything[-1]["date"] is None and everything[-1]["location"]["name"] == "Accra"
    seen, cursor = [], None
    while True:
        page = httpx.get(f"{server}/api/events",
                         params={"limit": "1"} | ({"cursor": cursor} if cursor else {})).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [e["id"] for e in everything]
    rows = list(csv.DictReader(io.StringIO(httpx.get(f"{server}/api/export.csv").text)))
    assert [r["canonical_id"] for r in rows] == seen


def test_serve_command_serves_the_page_and_stops_on_sigterm(db_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db_path),
                             "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{base}/api/meta", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "eventwire serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["tiles"] is None
        page = httpx.get(base + "/")
        assert page.status_code == 200 and "/static/app.js" in page.text
        assert len(httpx.get(f"{base}/api/events").json()["items"]) >= 5
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert proc.returncode in (0, -signal.SIGTERM)


def test_a_tile_server_is_allowed_only_when_configured(store: Store) -> None:
    tiles = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    with serve_in_thread(create_app(store, tiles=tiles, tiles_attribution="© Example")) as url:
        meta = httpx.get(f"{url}/api/meta").json()
        assert meta["tiles"] == tiles and meta["tiles_attribution"] == "© Example"
        csp = httpx.get(url + "/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tiles.example.org;" in csp
    with serve_in_thread(create_app(store)) as url:
        assert httpx.get(f"{url}/api/meta").json()["tiles"] is None
        assert "img-src 'self' data:;" in httpx.get(url + "/").headers["content-security-policy"]
