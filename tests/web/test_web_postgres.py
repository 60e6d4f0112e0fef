"""The same API on PostgreSQL (a temporary server started here): every read endpoint with
filters, pages and exports, and a reviewer edit, so the SQL stays portable."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator

import httpx
import pytest

from eventwire.store import Store
from eventwire.store import corrections as corr
from eventwire.store.pgserver import TempPostgres, find_bindir
from eventwire.web import create_app, serve_in_thread
from eventwire.web.tokens import create_token

from ._articles import ARTICLES
from .conftest import make_article


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    if find_bindir() is None:
        if os.environ.get("EVENTWIRE_REQUIRE_POSTGRES") == "1":
            pytest.fail("EVENTWIRE_REQUIRE_POSTGRES=1 but PostgreSQL is not installed: "
                        "run .ci/install-postgres")
        pytest.skip("PostgreSQL not installed (run .ci/install-postgres)")
    with TempPostgres() as server:
        yield server.new_database("web")


def test_api_on_postgresql(pg_url: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    with Store.open(pg_url) as store:
        for spec in ARTICLES:
            art = make_article(spec)
            store.add_article(art, pipeline.extract(art))
        token, _ = create_token(store, "ana")
        with serve_in_thread(create_app(store)) as url:
            items = httpx.get(f"{url}/api/events", params={"limit": "1000"}).json()["items"]
            assert len(items) >= 5
            nga = {e["id"] for e in items if e["location"]["iso3"] == "NGA"}
            for params in ({"country": "NGA"}, {"country": "nigeria"}, {"admin1": "BORNO",
                           "country": "NGA"}, {"bbox": "2,4,15,14"}, {"q": "VILLAGERS"},
                           {"actor": "unidentified"}, {"modality": "reported"},
                           {"date_from": "2024-01-01", "date_to": "2024-03-31"}):
                got = httpx.get(f"{url}/api/events", params=params).json()["items"]
                assert got and {e["id"] for e in got} <= {e["id"] for e in items}, params
            assert {e["id"] for e in httpx.get(f"{url}/api/events",
                                              params={"country": "NGA"}).json()["items"]} == nga
            seen, cursor = [], None
            while True:
                page = httpx.get(f"{url}/api/events", params={"limit": "2"} | (
                    {"cursor": cursor} if cursor else {})).json()
                seen += [e["id"] for e in page["items"]]
                cursor = page["next_cursor"]
                if not cursor:
                    break
            assert seen == [e["id"] for e in items]
            stats = httpx.get(f"{url}/api/stats").json()
            assert stats["total"] == len(items)
            pts = httpx.get(f"{url}/api/map", params={"bbox": "2,4,15,14"}).json()["points"]
            assert {p[0] for p in pts} == nga
            mai = next(e for e in items if e["location"]["name"] == "Maiduguri")
            r = httpx.patch(f"{url}/api/events/{mai['id']}",
                            json={"changes": {"fatalities": 13, "date": "2024-03-02"}},
                            headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200, r.text
            assert r.json()["fatalities"]["best"] == 13
            rows = list(csv.DictReader(io.StringIO(
                httpx.get(f"{url}/api/export.csv", params={"country": "NGA"}).text)))
            row = next(x for x in rows if x["canonical_id"] == mai["id"])
            assert row["fatalities"] == "13" and row["event_date"] == "2024-03-02"
            gj = httpx.get(f"{url}/api/export.geojson").json()
            assert len(gj["features"]) == len(items)
            detail = httpx.get(f"{url}/api/events/{mai['id']}").json()
            assert len(detail["reports"]) == 2 and detail["corrections"][0]["who"] == "ana"
            # the answers read before the edit were cached: the edit, and a write through
            # another engine (only PostgreSQL's snapshot tells this app about it), are seen
            def listed() -> dict[str, dict]:
                return {e["id"]: e for e in httpx.get(f"{url}/api/events",
                                                      params={"limit": "1000"}).json()["items"]}

            assert listed()[mai["id"]]["fatalities"]["best"] == 13
            with Store.open(pg_url) as other:
                corr.reject(other, mai["id"], who="bo")
            assert mai["id"] not in listed()
            assert httpx.get(f"{url}/api/stats").json()["total"] == len(items) - 1
