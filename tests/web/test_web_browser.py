"""The page in a real browser: Debian's Chromium driven by Playwright against the app served
by uvicorn on 127.0.0.1, with every request to anywhere else blocked (the page must work with
no internet). Screenshots go to $EVENTWIRE_SCREENSHOTS (default: the test's tmp dir).

Skipped when Chromium or Playwright is missing, unless EVENTWIRE_REQUIRE_BROWSER=1 (CI), in
which case that is a failure: run .ci/install-chromium."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from eventwire.store import Store
from eventwire.web import create_app, serve_in_thread


class Page:
    """A browser page that may only talk to the local server; records what else it tried."""

    def __init__(self, browser: object, base: str, **context: object) -> None:
        self.base = base
        self.blocked: list[str] = []
        self.errors: list[str] = []
        context.setdefault("viewport", {"width": 1400, "height": 860})
        self.ctx = browser.new_context(**context)  # type: ignore[attr-defined]
        self.ctx.route("**/*", self._route)
        self.page = self.ctx.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.ready()
        self.page.wait_for_selector("body[data-outlines=loaded]", state="attached")

    def ready(self, after: str | None = None) -> None:
        """Wait until a refresh (map, stats, table) that finished after ``after``."""
        self.page.wait_for_function(
            "prev => document.body.dataset.ready && document.body.dataset.ready !== prev",
            arg=after)

    def stamp(self) -> str | None:
        return self.page.evaluate("document.body.dataset.ready || null")

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def close(self) -> None:
        self.ctx.close()


@pytest.fixture
def site(store: Store) -> Iterator[str]:
    with serve_in_thread(create_app(store)) as url:
        yield url


def _events(base: str, **params: str) -> list[dict]:
    return httpx.get(f"{base}/api/events", params={"limit": "1000", **params}).json()["items"]


def test_map_filter_marker_event_panel_and_review(browser, site, token, shots) -> None:  # type: ignore[no-untyped-def]
    pg = Page(browser, site)
    page = pg.page
    try:
        pg.open()
        events = _events(site)
        with_coords = [e for e in events if e["location"] and e["location"]["lat"] is not None]
        assert page.evaluate("document.body.dataset.markers") == str(len(with_coords))
        assert page.locator("#events tbody tr").count() == len(events)
        page.screenshot(path=str(shots / "map.png"))

        # filter by type in the panel: map, table and URL follow
        battles = _events(site, event_type="Battles")
        assert len(battles) == 1
        before = pg.stamp()
        page.select_option("#filters select[name=event_type]", "Battles")
        page.click("#apply")
        pg.ready(before)
        assert page.evaluate("document.body.dataset.markers") == "1"
        assert page.locator("#events tbody tr").count() == 1
        assert pg.query()["event_type"] == ["Battles"]

        # click the marker: the event panel opens with the source sentence highlighted
        page.locator("path.ew-marker").first.click()
        page.wait_for_selector(f"#panel-body[data-event='{battles[0]['id']}']")
        detail = httpx.get(f"{site}/api/events/{battles[0]['id']}").json()
        marks = page.locator("#panel-body .report mark").all_inner_texts()
        assert marks == [r["evidence"]["sentence"] for r in detail["reports"]]
        links = page.locator("#panel-body .report .title a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == \
            [r["url"] for r in detail["reports"]]
        assert page.locator("#events tbody tr.selected").count() == 1
        page.screenshot(path=str(shots / "event-panel.png"))

        # the URL is the view: opening it again restores filter and open event
        shared = page.url
        page2 = pg.ctx.new_page()
        page2.goto(shared)
        page2.wait_for_selector(f"#panel-body[data-event='{battles[0]['id']}']")
        assert page2.input_value("#filters select[name=event_type]") == "Battles"
        page2.close()

        # review: token, new fatalities, place picked on the map near the event, save
        page.locator("#events tbody tr").first.click()  # the table row zooms the map to it
        page.wait_for_timeout(400)
        page.fill("#token", token)
        page.dispatch_event("#token", "change")
        page.wait_for_selector("#whoami:has-text('reviewing as ana')")
        page.fill("#edit-form input[name=fatalities]", "7")
        page.fill("#edit-form input[name=note]", "army figure was inflated")
        page.click("#pick-place")
        box = page.locator("path.ew-marker").first.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2 - 60, box["y"] + box["height"] / 2 - 40)
        lat = float(page.input_value("#edit-form input[name=lat]"))
        lon = float(page.input_value("#edit-form input[name=lon]"))
        assert (lat, lon) != (battles[0]["location"]["lat"], battles[0]["location"]["lon"])
        page.screenshot(path=str(shots / "review-edit.png"))
        before = pg.stamp()
        page.click("#save-edit")
        pg.ready(before)
        page.wait_for_selector("#corrections li")
        history = " ".join(page.locator("#corrections li").all_inner_texts())
        assert "ana" in history and "fatalities" in history and "location" in history
        after = httpx.get(f"{site}/api/events/{battles[0]['id']}").json()
        assert after["fatalities"]["best"] == 7 and after["reviewed"]
        assert (after["location"]["lat"], after["location"]["lon"]) == \
            (round(lat, 5), round(lon, 5))
        before = pg.stamp()
        page.click("#confirm")
        pg.ready(before)
        page.wait_for_selector("#panel-body h2 .badge.ok")
        page.screenshot(path=str(shots / "review-saved.png"))
        page.locator("#corrections").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "review-history.png"))
        assert pg.errors == []
        assert pg.blocked == []
    finally:
        pg.close()


def test_timeline_brush_sets_the_date_range(browser, site) -> None:  # type: ignore[no-untyped-def]
    pg = Page(browser, site)
    page = pg.page
    try:
        pg.open()
        total = page.locator("#events tbody tr").count()
        box = page.locator("#timeline").bounding_box()
        before = pg.stamp()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + 2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
        page.mouse.up()
        pg.ready(before)
        q = pg.query()
        assert q["date_from"] and q["date_to"]
        want = _events(site, date_from=q["date_from"][0], date_to=q["date_to"][0])
        assert 0 < page.locator("#events tbody tr").count() == len(want) < total
        assert page.input_value("#filters input[name=date_from]") == q["date_from"][0]
    finally:
        pg.close()


def test_untrusted_article_text_is_never_rendered_as_html(browser, site) -> None:  # type: ignore[no-untyped-def]
    pg = Page(browser, site)
    page = pg.page
    try:
        pg.open()
        kano = next(e for e in _events(site) if e["location"]["name"] == "Kano")
        page.locator(f"#events tbody tr[data-id='{kano['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{kano['id']}']")
        report = page.locator("#panel-body .report").first
        text = report.inner_text()
        assert "<script>window.__pwned=1</script>" in text
        assert '<img src=x onerror="window.__pwned=1">' in text
        assert "<b>Markup Gazette</b>" in text
        assert report.locator("img, script, b").count() == 0
        # the javascript: URL is shown as text, never as a link
        assert report.locator(".title a").count() == 0
        assert page.evaluate("window.__pwned === undefined && "
                             "window.__pwned_link === undefined")
        assert pg.errors == []
    finally:
        pg.close()


def test_offline_base_map_with_no_network(browser, site, shots) -> None:  # type: ignore[no-untyped-def]
    pg = Page(browser, site)
    page = pg.page
    try:
        pg.open("/?view=8,15,3")
        n_countries = page.evaluate(
            "document.querySelectorAll('.leaflet-outlines-pane path').length")
        assert n_countries > 200  # Natural Earth admin-1 dissolved: 252 countries
        assert page.locator(".leaflet-tile").count() == 0
        page.screenshot(path=str(shots / "offline-basemap.png"))
        assert pg.blocked == []  # nothing was even tried outside 127.0.0.1
    finally:
        pg.close()


def test_unreachable_tile_server_falls_back_to_outlines(browser, store) -> None:  # type: ignore[no-untyped-def]
    # port 9 on loopback: nothing listens, so every tile fails like an offline tile server
    app = create_app(store, tiles="http://127.0.0.1:9/{z}/{x}/{y}.png")
    with serve_in_thread(app) as base:
        pg = Page(browser, base)
        try:
            pg.page.goto(base + "/")
            pg.ready()
            pg.page.wait_for_selector("body[data-outlines=loaded]", state="attached")
            assert pg.page.evaluate(
                "document.querySelectorAll('.leaflet-outlines-pane path').length") > 100
            assert pg.page.locator(".leaflet-tile").count() > 0  # tiles were asked for
            assert any(u.startswith("http://127.0.0.1:9/") for u in pg.blocked)
        finally:
            pg.close()



def test_reject_and_merge_from_the_event_panel(browser, site, token) -> None:  # type: ignore[no-untyped-def]
    pg = Page(browser, site)
    page = pg.page
    try:
        pg.open()
        events = _events(site)
        first, second = events[0], events[1]
        page.fill("#token", token)
        page.dispatch_event("#token", "change")
        page.wait_for_selector("#whoami:has-text('reviewing as ana')")
        # reject: the row leaves the table
        page.locator(f"#events tbody tr[data-id='{second['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{second['id']}']")
        before = pg.stamp()
        page.click("#reject")
        pg.ready(before)
        page.wait_for_selector("#panel-body h2 .badge.bad")
        assert page.locator(f"#events tbody tr[data-id='{second['id']}']").count() == 0
        # merge another event into the first: one event with both sets of sources
        third = events[2]
        page.locator(f"#events tbody tr[data-id='{first['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{first['id']}']")
        page.fill("#merge-id", third["id"])
        before = pg.stamp()
        page.click("#merge")
        pg.ready(before)
        page.wait_for_function(
            "n => document.querySelectorAll('#panel-body .report').length === n",
            arg=first["n_sources"] + third["n_sources"])
        assert page.locator(f"#events tbody tr[data-id='{third['id']}']").count() == 0
        assert len(_events(site)) == len(events) - 2
        # a reviewer without a valid token is told so and reads only: no review form
        page.fill("#token", "ew_not_a_token")
        page.dispatch_event("#token", "change")
        page.wait_for_selector("#whoami:has-text('token not valid')")
        page.wait_for_selector("#read-only-note")
        assert page.locator("#review, #confirm, button.split").count() == 0
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_table_follows_the_map_view_and_panel_lists_every_source(browser, site, shots  # type: ignore[no-untyped-def]
                                                                  ) -> None:
    pg = Page(browser, site)
    page = pg.page
    try:
        # a shared URL: only events in view, map centred on Lake Chad at zoom 5
        pg.open("/?in_view=1&view=12,14,5")
        assert page.is_checked("#filters input[name=in_view]")
        href = page.get_attribute("#export-csv", "href")
        bbox = parse_qs(urlsplit(href).query)["bbox"][0]
        want = _events(site, bbox=bbox)
        rows = page.locator("#events tbody tr")
        assert 0 < rows.count() == len(want) < len(_events(site))
        assert {rows.nth(i).get_attribute("data-id") for i in range(rows.count())} == \
            {e["id"] for e in want}
        # open the event two outlets reported: both reports, each sentence marked
        mai = next(e for e in want if e["location"]["name"] == "Maiduguri")
        page.locator(f"#events tbody tr[data-id='{mai['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{mai['id']}']")
        assert page.locator("#panel-body .report").count() == mai["n_sources"] == 2
        assert page.locator("#panel-body .report mark").count() == 2
        page.screenshot(path=str(shots / "event-panel-sources.png"))
        # another view (La Paz) lists other events
        page.goto(site + "/?in_view=1&view=-16.5,-68.15,6")
        pg.ready()
        bbox = parse_qs(urlsplit(page.get_attribute("#export-csv", "href")).query)["bbox"][0]
        want = _events(site, bbox=bbox)
        rows = page.locator("#events tbody tr")
        assert rows.count() == len(want) > 0
        assert all(e["location"]["iso3"] == "BOL" for e in want)
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()
