"""The page as an analyst's workbench, in real Chromium against the app on 127.0.0.1 (every
other request blocked and recorded): the offline base map's borders and place names, marker
tooltips, the layer switcher, clusters by event type, spiderfied stacked events, fitting the
map to the results. At the desktop (1366x768) and phone (390x844) sizes; screenshots go to
$EVENTWIRE_SCREENSHOTS (docs/screenshots in the repository)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwire.store import Store
from eventwire.web import create_app, serve_in_thread

from .test_web_browser import Page

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
both_sizes = pytest.mark.parametrize("size", list(SIZES))


def _shot(shots, name: str, size: str) -> str:  # type: ignore[no-untyped-def]
    return str(shots / (name + ("-phone" if size == "phone" else "") + ".png"))


def _filters_open(page, size: str) -> None:  # type: ignore[no-untyped-def]
    """At phone width the filters fold behind their button."""
    if size == "phone" and not page.is_visible("#filters"):
        page.click("#toggle-filters")


class SizedPage(Page):
    def __init__(self, browser: object, base: str, viewport: dict[str, int],
                 **context: object) -> None:
        super().__init__(browser, base, viewport=viewport, **context)


@pytest.fixture
def site(store: Store) -> Iterator[str]:
    with serve_in_thread(create_app(store)) as url:
        yield url


def _events(base: str, **params: str) -> list[dict]:
    r = httpx.get(f"{base}/api/events", params={"limit": "1000", **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def _by_place(base: str, name: str) -> dict:
    return next(e for e in _events(base) if e["location"]["name"] == name)


@both_sizes
def test_zoomed_in_map_shows_borders_place_and_region_names(browser, size, site, shots) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, SIZES[size])
    page = pg.page
    try:
        # zoom 9 on Maiduguri: the regional capital and its neighbours are named
        pg.open("/?view=11.85,13.16,9")
        page.wait_for_function("() => Number(document.body.dataset.places || 0) > 0")
        places = page.locator(".ew-place").all_inner_texts()
        assert "Maiduguri" in places
        near = httpx.get(f"{site}/api/basemap/places",
                         params={"bbox": "12.5,11.5,13.8,12.2", "zoom": "9"}).json()["places"]
        assert {p[2] for p in near} <= set(places) | {p[2] for p in near if not (
            11.5 <= p[0] <= 12.2)}
        # first-level borders are drawn (one mesh), over the country fill
        assert page.locator(".leaflet-borders-pane path.ew-admin1").count() == 1
        page.screenshot(path=_shot(shots, "map-zoom9-places", size))

        # zoom 6 over north-east Nigeria: first-level region names
        pg.open("/?view=11,12,6")  # waits for the base map file too
        page.wait_for_function("() => Number(document.body.dataset.places || 0) > 0")
        regions = {t.strip().lower() for t in page.locator(".ew-region").all_inner_texts()}
        assert {"borno", "yobe", "adamawa"} <= regions
        page.screenshot(path=_shot(shots, "map-zoom6-regions", size))

        # the layer switcher turns place names off and on
        page.locator(".leaflet-control-layers").hover()
        page.get_by_label("Place names").uncheck()
        assert page.locator(".ew-place").count() == 0
        page.get_by_label("Place names").check()
        page.wait_for_function("() => document.querySelectorAll('.ew-place').length > 0")
        page.get_by_label("Region names").uncheck()
        assert page.locator(".ew-region").count() == 0
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_marker_tooltip_says_date_type_place_and_deaths(browser, site, shots) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    try:
        gao = _by_place(site, "Gao")
        pg.open("/?view=16.27,-0.04,9")
        marker = page.locator(f"path.ew-m-{gao['id']}")
        marker.hover()
        tip = page.locator(".leaflet-tooltip").inner_text()
        want = [gao["date"], gao["event_type"], "Gao", f"{gao['fatalities']['best']} deaths"]
        assert tip.split(" · ") == want
        page.screenshot(path=str(shots / "marker-tooltip.png"))
        # the marker is reachable by keyboard: it has a name, and Enter opens the event
        assert marker.get_attribute("tabindex") == "0"
        assert marker.get_attribute("aria-label") == tip
        marker.focus()
        page.keyboard.press("Enter")
        page.wait_for_selector(f"#panel-body[data-event='{gao['id']}']")
        assert page.evaluate("document.activeElement.closest('#panel') !== null")
        page.keyboard.press("Escape")
        page.wait_for_selector("#panel", state="hidden")
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


@both_sizes
def test_clusters_show_their_types_and_stacked_events_spiderfy(browser, size, site, token, shots  # type: ignore[no-untyped-def]
                                                               ) -> None:
    mai = _by_place(site, "Maiduguri")
    moved = [_by_place(site, "Kano"), _by_place(site, "Gao")]
    spot = mai["location"]
    for ev in moved:  # a reviewer puts two more events on the very same point
        r = httpx.patch(f"{site}/api/events/{ev['id']}",
                        json={"changes": {"location": {"lat": spot["lat"], "lon": spot["lon"]}}},
                        headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
    stacked = [mai, *moved]
    pg = SizedPage(browser, site, SIZES[size])
    page = pg.page
    try:
        pg.open("/?view=11.8,13.1,7")
        icon = page.locator(".ew-cluster").first
        assert icon.inner_text().strip() == "3"
        title = icon.locator("div").get_attribute("title")
        for ev in stacked:
            assert f"1 {ev['event_type']}" in title
        colors = page.evaluate("""() => {
            const d = document.querySelector('.ew-cluster div');
            return getComputedStyle(d).backgroundImage; }""")
        assert colors.startswith("conic-gradient")
        assert len(set(re.findall(r"rgb\([^)]*\)", colors))) == 3  # a slice per type
        page.screenshot(path=_shot(shots, "cluster-by-type", size))
        # the three share one point: a click (or Enter on the focused cluster) fans them out,
        # and each marker can then be picked
        assert icon.get_attribute("tabindex") == "0"
        if size == "phone":
            icon.focus()
            page.keyboard.press("Enter")
        else:
            icon.click()
        page.wait_for_function("() => document.querySelectorAll('path.ew-marker').length >= 3")
        page.wait_for_timeout(400)  # the spider animation
        page.screenshot(path=_shot(shots, "spiderfied", size))
        target = moved[1]
        page.locator(f"path.ew-m-{target['id']}").click()
        page.wait_for_selector(f"#panel-body[data-event='{target['id']}']")
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_selected_event_is_revealed_and_filters_fit_the_map(browser, site) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    try:
        # world view: Kano and Maiduguri share a cluster; picking Kano's row reveals its marker
        pg.open("/?view=10,20,2")
        kano = _by_place(site, "Kano")
        assert page.locator(f"path.ew-m-{kano['id']}").count() == 0
        page.locator(f"#events tbody tr[data-id='{kano['id']}']").click()
        page.wait_for_selector(f"path.ew-m-{kano['id']}")
        page.wait_for_timeout(800)  # let the zoom that revealed it finish
        # filtering to one country fits the map to its events
        before = pg.stamp()
        page.fill("#filters input[name=country]", "MLI")
        page.click("#apply")
        pg.ready(before)
        gao = _by_place(site, "Gao")
        page.wait_for_function("""([lat, lon]) => {
            const v = (new URLSearchParams(location.search).get('view') || '').split(',')
                .map(Number);
            return Math.abs(v[0] - lat) < 0.5 && Math.abs(v[1] - lon) < 0.5; }""",
                               arg=[gao["location"]["lat"], gao["location"]["lon"]],
                               timeout=5000)
        center = page.evaluate("() => new URLSearchParams(location.search).get('view')"
                               ".split(',').map(Number)")
        assert center[2] >= 6
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


@both_sizes
def test_filters_take_country_names_offer_pick_lists_and_say_what_is_wrong(browser, size, site  # type: ignore[no-untyped-def]
                                                                           ) -> None:
    pg = SizedPage(browser, site, SIZES[size])
    page = pg.page
    try:
        pg.open()
        _filters_open(page, size)
        # the pick-lists carry the values with their counts
        page.wait_for_selector("#country-list option[value=NGA]", state="attached")
        label = page.get_attribute("#country-list option[value=NGA]", "label")
        assert label == "Nigeria · 2 events"
        actors = page.locator("#actor-list option")
        assert "Civilians (Nigeria)" in [actors.nth(i).get_attribute("value")
                                         for i in range(actors.count())]
        # a common name works like the code
        nga = _events(site, country="NGA")
        before = pg.stamp()
        page.fill("#filters input[name=country]", "nigeria")
        page.click("#apply")
        pg.ready(before)
        assert page.locator("#events tbody tr").count() == len(nga) == 2
        # ACLED's name for the DR Congo: understood, and nothing matches here
        before = pg.stamp()
        page.fill("#filters input[name=country]", "Democratic Republic of Congo")
        page.click("#apply")
        pg.ready(before)
        assert page.locator("#events tbody tr.empty").inner_text().strip() == \
            "No events match these filters."
        assert "No events match" in page.inner_text("#timeline-label")
        # an unknown country is named in the message, not shown as an empty map
        page.fill("#filters input[name=country]", "Atlantis")
        page.click("#apply")
        page.wait_for_selector("#status.error")
        assert page.inner_text("#status").startswith("country: 'Atlantis' is not a country")
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def _no_sideways_scroll(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.body.scrollWidth") <= width


def test_phone_width_lays_out_in_one_column_and_the_panel_stays_on_screen(browser, site, shots  # type: ignore[no-untyped-def]
                                                                          ) -> None:
    pg = SizedPage(browser, site, PHONE)
    page = pg.page
    try:
        pg.open()
        _no_sideways_scroll(page)
        box = page.locator("#map").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] and box["height"] > 300
        page.screenshot(path=str(shots / "phone-map.png"))
        # the filters fold away behind a button
        assert not page.is_visible("#filters")
        page.click("#toggle-filters")
        assert page.is_visible("#filters")
        assert page.get_attribute("#toggle-filters", "aria-expanded") == "true"
        _no_sideways_scroll(page)
        page.screenshot(path=str(shots / "phone-filters.png"))
        page.click("#toggle-filters")
        # the event panel opens over the page, inside the screen
        row = page.locator("#events tbody tr").first
        row.scroll_into_view_if_needed()
        row.click()
        page.wait_for_selector("#panel-body[data-event]")
        pbox = page.locator("#panel").bounding_box()
        assert pbox["x"] >= 0 and pbox["x"] + pbox["width"] <= PHONE["width"]
        assert pbox["y"] >= 0 and pbox["y"] < PHONE["height"] / 2
        _no_sideways_scroll(page)
        page.screenshot(path=str(shots / "phone-event-panel.png"))
        page.click("#close-panel")
        assert page.is_hidden("#panel")
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


@both_sizes
def test_keyboard_reaches_rows_opens_the_panel_and_escape_returns(browser, size, site) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, SIZES[size])
    page = pg.page
    try:
        pg.open()
        first = _events(site)[0]
        row = page.locator(f"#events tbody tr[data-id='{first['id']}']")
        row.focus()
        assert page.evaluate("document.activeElement.dataset.id") == first["id"]
        page.keyboard.press("Enter")
        page.wait_for_selector(f"#panel-body[data-event='{first['id']}']")
        assert page.evaluate("document.activeElement.tagName") == "H2"
        assert page.evaluate("document.activeElement.closest('#panel') !== null")
        page.keyboard.press("Escape")
        page.wait_for_selector("#panel", state="hidden")
        # focus goes back to the row it came from
        assert page.evaluate("document.activeElement.dataset.id") == first["id"]
        # Tab from the row moves on to the next row
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.id") == _events(site)[1]["id"]
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_a_failed_call_says_so_and_clears_the_stale_results(browser, site) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    try:
        pg.open()
        assert page.locator("#events tbody tr:not(.empty)").count() > 0
        # the server goes away under the page: every API call now fails
        page.route("**/api/**", lambda route: route.fulfill(
            status=503, content_type="application/json",
            body='{"detail": "store unavailable"}'))
        before = pg.stamp()
        page.click("#apply")
        pg.ready(before)
        assert page.inner_text("#events tbody tr.error") == \
            "Could not load the events: store unavailable"
        assert page.evaluate("document.body.dataset.error") == "store unavailable"
        assert page.locator("path.ew-marker").count() == 0
        assert page.is_hidden("#loading")
    finally:
        pg.close()


def test_api_docs_page_works_offline(browser, site, shots) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    try:
        page.goto(site + "/docs")
        page.wait_for_selector(".opblock-summary-path[data-path='/api/events']")
        paths = set(page.locator(".opblock-summary-path").all_inner_texts())
        assert {"/api/events", "/api/map", "/api/stats", "/api/export.csv"} <= \
            {p.replace("\u200b", "") for p in paths}
        # the filters are documented on the list call
        page.locator(".opblock-summary-path[data-path='/api/events']").click()
        page.wait_for_selector(".parameters-container tr[data-param-name='country']")
        page.screenshot(path=str(shots / "api-docs.png"))
        assert pg.errors == [] and pg.blocked == []
        assert not [c for c in console if "Content Security Policy" in c]
    finally:
        pg.close()


@both_sizes
def test_summary_view_charts_types_and_fatalities_and_tops_filter(browser, size, site,  # type: ignore[no-untyped-def]
                                                                  shots) -> None:
    pg = SizedPage(browser, site, SIZES[size])
    page = pg.page
    try:
        pg.open()
        page.click("#tab-summary")
        assert page.is_visible("#summary-view") and page.is_hidden("#table-wrap")
        page.wait_for_selector("#summary-chart[data-bins]", state="attached")
        stats = httpx.get(f"{site}/api/stats").json()
        chart = page.evaluate("""() => {
            const c = Chart.getChart('summary-chart');
            return c.data.datasets.map(d => [d.label, d.data.reduce((a, b) => a + b, 0)]); }""")
        sums = dict(chart)
        assert sums.pop("Fatalities") == stats["fatalities"]
        assert sums == {t["key"]: t["events"] for t in stats["by_type"]}
        # the six events span half a year: weekly bars, one per week with events
        assert page.get_attribute("#summary-chart", "data-unit") == "week"
        assert page.get_attribute("#summary-chart", "data-bins") == "6"
        countries = page.locator("#top-country button").all_inner_texts()
        assert countries[0] == "Nigeria (NGA)"
        actors = page.locator("#top-actor li").all_inner_texts()
        assert actors[0].startswith("Civilians (Nigeria) 2 ev")
        page.screenshot(path=_shot(shots, "summary", size))
        # a top entry is a filter
        before = pg.stamp()
        page.locator("#top-country button", has_text="Nigeria").click()
        pg.ready(before)
        assert pg.query()["country"] == ["NGA"]
        assert page.input_value("#filters input[name=country]") == "NGA"
        page.wait_for_function("() => Chart.getChart('summary-chart').data.datasets"
                               ".filter(d => d.label !== 'Fatalities').length === 2")
        # keyboard: arrows move between the tabs
        page.focus("#tab-summary")
        page.keyboard.press("ArrowLeft")
        assert page.is_visible("#table-wrap")
        assert page.evaluate("document.activeElement.id") == "tab-table"
        assert page.locator("#events tbody tr").count() == 2
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def _axe(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """axe-core's violations on the page as it is now (the script is injected by the test:
    the app never serves it)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => {
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })); }""")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_no_serious_accessibility_violations(browser, site, size) -> None:  # type: ignore[no-untyped-def]
    # bypass_csp only lets the test inject axe-core; the app's own policy is checked elsewhere
    pg = SizedPage(browser, site, DESKTOP if size == "desktop" else PHONE, bypass_csp=True)
    page = pg.page
    try:
        pg.open()
        found = {"map and table": _axe(page)}
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#panel-body[data-event]")
        found["event panel"] = _axe(page)
        page.click("#close-panel")
        page.click("#tab-summary")
        page.wait_for_selector("#summary-chart[data-bins]", state="attached")
        found["summary"] = _axe(page)
        if size == "phone":
            page.click("#toggle-filters")
            found["filters"] = _axe(page)
        bad = {view: [v for v in vs if v["impact"] in SERIOUS] for view, vs in found.items()}
        assert bad == {view: [] for view in found}, bad
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_panel_shows_how_reports_joined_and_merges_suggested_duplicates(browser, site, token,  # type: ignore[no-untyped-def]
                                                                       shots) -> None:
    kano, gao = _by_place(site, "Kano"), _by_place(site, "Gao")
    # a reviewer moves the Gao event next to Kano, a day later: now a likely duplicate
    r = httpx.patch(f"{site}/api/events/{gao['id']}", json={"changes": {
        "date": "2024-01-16", "location": {"lat": 12.01, "lon": 8.53}}},
        headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    sim = httpx.get(f"{site}/api/events/{kano['id']}/similar").json()["items"]
    assert [d["id"] for d in sim] == [gao["id"]]
    assert sim[0]["days_apart"] == 1 and 0 < sim[0]["distance_km"] < 5
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    try:
        pg.open()
        mai = _by_place(site, "Maiduguri")  # two outlets: one new, one merged automatically
        page.locator(f"#events tbody tr[data-id='{mai['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{mai['id']}']")
        detail = httpx.get(f"{site}/api/events/{mai['id']}").json()
        joined = page.locator("#panel-body .report .joined").all_inner_texts()
        for text, rep in zip(joined, detail["reports"], strict=True):
            for reason in rep["join_reasons"]:
                assert reason in text
        assert any(t.startswith("Merged automatically") for t in joined)
        metas = " ".join(page.locator("#panel-body .report .meta").all_inner_texts())
        assert "confidence " in metas
        prec = detail["location"]["geo_precision"]
        assert page.locator("#panel-body dt", has_text="Geo precision").count() == 1
        assert page.locator("#panel-body dd", has_text=f"{prec} · ").count() == 1
        page.screenshot(path=str(shots / "event-panel-dedup.png"))
        # the moved event's history says what changed in words, not raw JSON
        page.locator(f"#events tbody tr[data-id='{gao['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{gao['id']}'] #corrections li")
        history = " ".join(page.locator("#corrections li").all_inner_texts())
        assert "date 2024-02-09 → 2024-01-16" in history
        assert "(12.01, 8.53)" in history and "{" not in history
        # Kano's panel suggests the moved event; reading only: no merge controls
        page.locator(f"#events tbody tr[data-id='{kano['id']}']").click()
        page.wait_for_selector(f"#similar li[data-id='{gao['id']}']")
        why = page.inner_text(f"#similar li[data-id='{gao['id']}'] .meta")
        assert why.startswith("1 day apart, ") and "km apart" in why
        assert page.locator("#similar input[type=checkbox], #merge-selected").count() == 0
        # as a reviewer: tick it and merge
        page.fill("#token", token)
        page.dispatch_event("#token", "change")
        page.wait_for_selector(f"#similar li[data-id='{gao['id']}'] input[type=checkbox]")
        page.check(f"#similar li[data-id='{gao['id']}'] input[type=checkbox]")
        page.screenshot(path=str(shots / "suggested-duplicates.png"))
        before = pg.stamp()
        page.click("#merge-selected")
        pg.ready(before)
        page.wait_for_function(
            "n => document.querySelectorAll('#panel-body .report').length === n",
            arg=kano["n_sources"] + gao["n_sources"])
        assert gao["id"] not in {e["id"] for e in _events(site)}
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()


def test_layer_switcher_moves_between_online_tiles_and_the_offline_map(browser, store) -> None:  # type: ignore[no-untyped-def]
    # port 9 on loopback: nothing listens, like a tile server out of reach
    app = create_app(store, tiles="http://127.0.0.1:9/{z}/{x}/{y}.png")
    with serve_in_thread(app) as base:
        pg = SizedPage(browser, base, DESKTOP)
        page = pg.page
        try:
            pg.open("/?view=11.85,13.16,7")
            assert page.locator(".leaflet-tile").count() > 0
            page.locator(".leaflet-control-layers").hover()
            assert page.get_by_label("Online tiles").is_checked()
            page.get_by_label("Offline map (Natural Earth)").check()
            page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length === 0")
            # the offline layers stay: borders and names
            assert page.locator(".leaflet-borders-pane path.ew-admin1").count() == 1
            page.get_by_label("First-level borders").uncheck()
            assert page.locator(".leaflet-borders-pane path.ew-admin1").count() == 0
            page.get_by_label("Online tiles").check()
            page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
            assert all(u.startswith("http://127.0.0.1:9/") for u in pg.blocked)
            assert pg.errors == []
        finally:
            pg.close()


def test_renaming_an_actor_keeps_its_inter_code_in_the_csv(browser, site, token) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    def row(cid: str) -> dict:
        body = httpx.get(f"{site}/api/export.csv").text
        return next(r for r in csv.DictReader(io.StringIO(body)) if r["canonical_id"] == cid)

    kis = _by_place(site, "Kismayo")
    was = row(kis["id"])
    assert was["inter1"] and was["interaction"]
    pg = SizedPage(browser, site, DESKTOP)
    page = pg.page
    try:
        pg.open()
        page.fill("#token", token)
        page.dispatch_event("#token", "change")
        page.wait_for_selector("#whoami:has-text('reviewing as ana')")
        page.locator(f"#events tbody tr[data-id='{kis['id']}']").click()
        page.wait_for_selector(f"#panel-body[data-event='{kis['id']}'] #edit-form")
        page.fill("#edit-form input[name=actor1]", "Military Forces of Somalia (2022-)")
        before = pg.stamp()
        page.click("#save-edit")
        pg.ready(before)
        now = row(kis["id"])
        assert now["actor1"] == "Military Forces of Somalia (2022-)"
        assert (now["inter1"], now["interaction"]) == (was["inter1"], was["interaction"])
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()
