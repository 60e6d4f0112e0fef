"""The map at world zoom: events counted per grid cell in the database (not every point),
and responses compressed for clients that accept gzip."""

from __future__ import annotations

import httpx


def test_grid_cells_count_the_same_events_as_the_points(server: str) -> None:
    pts = httpx.get(f"{server}/api/map").json()
    for grid in (0.5, 10, 45):
        cells = httpx.get(f"{server}/api/map", params={"grid": grid}).json()
        assert cells["types"] == pts["types"] and cells["grid"] == grid
        assert cells["count"] == sum(c[3] for c in cells["cells"]) == pts["count"]
        assert sum(c[4] for c in cells["cells"]) == sum(p[4] for p in pts["points"])
        for t in range(len(pts["types"])):  # per type too
            assert sum(c[3] for c in cells["cells"] if c[2] == t) == \
                sum(1 for p in pts["points"] if p[3] == t)
        for lat, lon, *_ in cells["cells"]:
            assert -90 <= lat <= 90 and -180 <= lon <= 180
    filtered = httpx.get(f"{server}/api/map", params={"grid": 10, "event_type": "Protests"})
    assert {pts["types"][c[2]] for c in filtered.json()["cells"]} == {"Protests"}
    assert httpx.get(f"{server}/api/map", params={"grid": 0}).status_code == 422


def test_big_responses_are_sent_gzipped(server: str) -> None:
    # the test store's map is tiny (under the 1 KB threshold): the API description is not
    plain = httpx.get(f"{server}/openapi.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with httpx.stream("GET", f"{server}/openapi.json",
                      headers={"Accept-Encoding": "gzip"}) as res:
        raw = b"".join(res.iter_raw())
        assert res.headers["content-encoding"] == "gzip"
    assert len(raw) < len(plain.content)
