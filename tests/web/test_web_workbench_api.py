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
