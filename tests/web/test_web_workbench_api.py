"""The API behind the workbench page: base-map place names, marker tooltips' fields, country
filters by any name or code, pick-lists, totals, OpenAPI and the exports' ACLED columns. On a
real SQLite store filled by the real extractor, through uvicorn on 127.0.0.1."""

from __future__ import annotations

import math

import httpx


def _all(url: str, **params: str) -> list[dict]:
    r = httpx.get(f"{url}/api/events", params={"limit": "1000", **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def _mercator_px(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = 256 * 2 ** zoom / 360
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return lon * scale, y * scale


def test_basemap_places_are_the_biggest_in_view_and_do_not_overlap(server: str) -> None:
    def get(bbox: str, zoom: int, **extra: str) -> list[list]:
        r = httpx.get(f"{server}/api/basemap/places",
                      params={"bbox": bbox, "zoom": str(zoom), **extra})
        assert r.status_code == 200, r.text
        return r.json()["places"]

    world = get("-180,-85,180,85", 2)
    pops = [p[3] for p in world]
    assert pops == sorted(pops, reverse=True) and pops[0] > 10_000_000
    # every label in the box, none closer than a label's width on screen at that zoom
    for zoom, bbox in ((2, "-180,-85,180,85"), (6, "8,8,16,14"), (10, "13.0,11.7,13.3,12.0")):
        got = get(bbox, zoom)
        w, s, e, n = map(float, bbox.split(","))
        assert got and all(s <= p[0] <= n and w <= p[1] <= e for p in got)
        xy = [_mercator_px(p[0], p[1], zoom) for p in got]
        for i in range(len(xy)):
            for j in range(i):
                assert max(abs(xy[i][0] - xy[j][0]), abs(xy[i][1] - xy[j][1])) >= 60
    # zooming in names more (and smaller) places in the same box
    assert len(get("12.5,11.5,13.8,12.2", 9)) > len(get("12.5,11.5,13.8,12.2", 6))
    assert len(get("-180,-85,180,85", 5, limit="7")) == 7
    for bad, name in (({"bbox": "a,b,c,d", "zoom": "3"}, "bbox"),
                      ({"bbox": "0,10,5,0", "zoom": "3"}, "bbox"),
                      ({"bbox": "0,0,5,5", "zoom": "40"}, "zoom")):
        r = httpx.get(f"{server}/api/basemap/places", params=bad)
        assert r.status_code == 422 and name in r.json()["detail"], r.text


def test_map_points_carry_the_tooltip_fields(server: str) -> None:
    events = {e["id"]: e for e in _all(server)}
    pts = httpx.get(f"{server}/api/map").json()["points"]
    assert len(pts) == len(events)
    for p in pts:
        ev = events[p[0]]
        assert p[4] == ev["fatalities"]["best"]
        assert p[5] == ev["date"]
        assert p[6] == ev["location"]["name"]


def test_country_by_any_code_or_name_and_unknown_values_get_422(server: str) -> None:
    events = _all(server)
    nga = {e["id"] for e in events if e["location"]["iso3"] == "NGA"}
    assert nga
    for spelling in ("NGA", "nga", "NG", "ng", "566", "Nigeria", "nigeria",
                     "Federal Republic of Nigeria"):
        r = httpx.get(f"{server}/api/events", params={"country": spelling, "limit": "1000"})
        assert r.status_code == 200, (spelling, r.text)
        assert {e["id"] for e in r.json()["items"]} == nga, spelling
        assert r.json()["filters"]["country"] == "NGA"
    # ACLED's name for the DR Congo is understood (no such event here: an empty answer)
    for spelling in ("Democratic Republic of Congo", "DR Congo", "CD", "COD"):
        r = httpx.get(f"{server}/api/events", params={"country": spelling})
        assert r.status_code == 200 and r.json()["filters"]["country"] == "COD"
        assert r.json()["items"] == [] and r.json()["total"] == 0
    for key, value in (("country", "Atlantis"), ("country", "ZZ"), ("country", "Borno"),
                       ("event_type", "Picnics"), ("sub_event_type", "Armed picnic")):
        for path in ("/api/events", "/api/map", "/api/stats", "/api/export.csv",
                     "/api/facets/admin1"):
            r = httpx.get(f"{server}{path}", params={key: value})
            assert r.status_code == 422, (path, key, value, r.text)
            assert r.json()["detail"].startswith(f"{key}:"), r.text


def test_totals_and_pick_lists_count_the_matching_events(server: str) -> None:
    events = _all(server)
    r = httpx.get(f"{server}/api/events", params={"limit": "2"}).json()
    assert r["total"] == len(events) and len(r["items"]) == 2
    assert httpx.get(f"{server}/api/events", params={"min_fatalities": "5"}).json()["total"] \
        == sum(1 for e in events if e["fatalities"]["best"] >= 5)

    def counts(field: str, **params: str) -> dict[str, int]:
        r = httpx.get(f"{server}/api/facets/{field}", params=params)
        assert r.status_code == 200, r.text
        vals = r.json()["values"]
        assert [v["events"] for v in vals] == sorted((v["events"] for v in vals), reverse=True)
        return {v["value"]: v["events"] for v in vals}

    want: dict[str, int] = {}
    for e in events:
        want[e["location"]["iso3"]] = want.get(e["location"]["iso3"], 0) + 1
    assert counts("country") == want
    # a field's own filter is left out (the list offers the alternatives), the others apply
    assert counts("country", country="KEN") == want
    protests = [e for e in events if e["event_type"] == "Protests"]
    assert counts("country", event_type="Protests") == {
        iso: sum(1 for e in protests if e["location"]["iso3"] == iso)
        for iso in {e["location"]["iso3"] for e in protests}}
    labels = httpx.get(f"{server}/api/facets/country").json()["values"]
    assert {v["value"]: v["label"] for v in labels}["NGA"] == "Nigeria"
    admin1: dict[str, int] = {}
    actors: dict[str, int] = {}
    for e in events:
        if e["location"]["admin1"]:
            admin1[e["location"]["admin1"]] = admin1.get(e["location"]["admin1"], 0) + 1
        for name in {a["name"] for a in (e["actor1"], e["actor2"]) if a}:
            actors[name] = actors.get(name, 0) + 1
    assert counts("admin1") == admin1
    assert counts("actor") == actors
    assert counts("actor")["Civilians (Nigeria)"] == 2
    r = httpx.get(f"{server}/api/facets/colour")
    assert r.status_code == 422 and r.json()["detail"].startswith("field:")


def test_stats_split_days_by_type_and_rank_regions_and_actors(server: str) -> None:
    events = _all(server)
    s = httpx.get(f"{server}/api/stats").json()
    for day in s["by_day"]:
        on = [e for e in events if e["date"] == day["key"]]
        assert day["events"] == len(on) == sum(v[0] for v in day["by_type"].values())
        for t, (n, dead) in day["by_type"].items():
            assert n == sum(1 for e in on if e["event_type"] == t)
            assert dead == sum(e["fatalities"]["best"] for e in on if e["event_type"] == t)
    top = s["by_actor"][0]
    assert top["key"] == "Civilians (Nigeria)" and top["events"] == 2
    assert top["fatalities"] == sum(e["fatalities"]["best"] for e in events if any(
        a and a["name"] == top["key"] for a in (e["actor1"], e["actor2"])))
    assert {(a["key"], a["iso3"]) for a in s["by_admin1"]} == {
        (e["location"]["admin1"], e["location"]["iso3"]) for e in events}


def test_openapi_describes_filters_and_responses(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    for path in ("/api/events", "/api/map", "/api/stats", "/api/export.csv"):
        op = spec["paths"][path]["get"]
        names = {p["name"] for p in op["parameters"]}
        assert {"date_from", "date_to", "bbox", "country", "admin1", "event_type",
                "sub_event_type", "actor", "q", "min_fatalities", "modality", "reviewed",
                "status"} <= names, path
        assert all(p.get("description") for p in op["parameters"]
                   if p["name"] not in ("limit", "cursor")), path
    for path, model in (("/api/events", "EventPage"), ("/api/map", "MapPoints"),
                        ("/api/stats", "Stats")):
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"][
            "application/json"]["schema"]
        assert schema["$ref"].endswith("/" + model)
    assert "total" in spec["components"]["schemas"]["EventPage"]["properties"]


def test_exports_have_acled_numeric_iso_timestamp_and_flat_geojson(server: str) -> None:
    import csv
    import datetime as dt
    import io

    events = {e["id"]: e for e in _all(server)}
    body = httpx.get(f"{server}/api/export.csv").text
    rows = {r["canonical_id"]: r for r in csv.DictReader(io.StringIO(body))}
    assert set(rows) == set(events)
    numeric = {"NGA": "566", "KEN": "404", "SOM": "706", "MLI": "466", "BOL": "68"}
    for cid, row in rows.items():
        assert row["iso"] == numeric[events[cid]["location"]["iso3"]]
        stamp = dt.datetime.fromtimestamp(int(row["timestamp"]), dt.UTC)
        assert stamp.time() == dt.time() and dt.date(2024, 1, 1) <= stamp.date() <= \
            dt.date(2024, 12, 31)
    gj = httpx.get(f"{server}/api/export.geojson").json()
    for feat in gj["features"]:
        props = feat["properties"]
        assert not any(isinstance(v, dict | list) for v in props.values()), props
        ev = events[feat["id"]]
        assert props["event_type"] == ev["event_type"]
        assert props["actor1"] == (ev["actor1"]["name"] if ev["actor1"] else "")
        assert props["iso3"] == ev["location"]["iso3"]
        assert str(props["iso"]) == numeric[ev["location"]["iso3"]]
        assert props["reviewed"] in ("yes", "no")
        assert feat["geometry"]["coordinates"] == [ev["location"]["lon"], ev["location"]["lat"]]


def test_similar_events_are_near_in_time_and_place(server: str, token: str) -> None:
    events = _all(server)
    # the test texts report six events far apart: none suggests another
    for e in events:
        r = httpx.get(f"{server}/api/events/{e['id']}/similar")
        assert r.status_code == 200 and r.json()["items"] == [], e["location"]["name"]
    kano = next(e for e in events if e["location"]["name"] == "Kano")
    riot_day = kano["date"]
    other = next(e for e in events if e["location"]["name"] == "Nairobi")
    httpx.patch(f"{server}/api/events/{other['id']}", json={"changes": {
        "date": riot_day, "location": {"lat": 12.2, "lon": 8.52}}},
        headers={"Authorization": f"Bearer {token}"}).raise_for_status()
    sim = httpx.get(f"{server}/api/events/{kano['id']}/similar").json()["items"]
    assert [d["id"] for d in sim] == [other["id"]]
    assert sim[0]["why"][0] == "same day" and 20 < sim[0]["distance_km"] < 25
    # tighter limits leave it out
    assert httpx.get(f"{server}/api/events/{kano['id']}/similar",
                     params={"km": "10"}).json()["items"] == []
    assert httpx.get(f"{server}/api/events/nope/similar").status_code == 404


def test_big_answers_are_compressed(server: str) -> None:
    url = f"{server}/static/vendor/natural-earth/admin1-10m.json"
    with httpx.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as r:
        assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
        wire = sum(len(chunk) for chunk in r.iter_raw())
    plain = httpx.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert wire < len(plain.content) / 3
    # the content is the same either way
    assert httpx.get(url).json() == plain.json()


def test_openapi_models_every_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each JSON endpoint declares its answer's shape (the reading ones and the review ones)."""
    from eventwire.web import create_app

    spec = create_app(str(tmp_path / "empty.sqlite")).openapi()
    refs = {}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if not path.startswith("/api/") or path.startswith("/api/export"):
                continue
            schema = op["responses"]["200"]["content"]["application/json"]["schema"]
            refs[(method, path)] = schema.get("$ref", "")
    assert refs[("get", "/api/events/{event_id}")].endswith("/EventDetail")
    assert refs[("get", "/api/articles/{article_id}")].endswith("/ArticleDetail")
    assert refs[("post", "/api/events/{event_id}/merge")].endswith("/EventDetail")
    assert refs[("get", "/api/events/{event_id}/similar")].endswith("/Similar")
    assert all(refs.values()), [k for k, v in refs.items() if not v]
    detail = spec["components"]["schemas"]["EventDetail"]["properties"]
    assert {"reports", "corrections", "decisions", "n_sources"} <= set(detail)
