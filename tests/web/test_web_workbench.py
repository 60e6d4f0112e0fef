"""The page as an analyst's workbench, in real Chromium against the app on 127.0.0.1 (every
other request blocked and recorded): the offline base map's borders and place names, marker
tooltips, the layer switcher, clusters by event type, spiderfied stacked events, fitting the
map to the results. At the desktop (1366x768) and phone (390x844) sizes; screenshots go to
$EVENTWIRE_SCREENSHOTS (docs/screenshots in the repository)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from eventwire.store import Store
from eventwire.web import create_app, serve_in_thread

from .test_web_browser import Page

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


class SizedPage(Page):
    def __init__(self, browser: object, base: str, viewport: dict[str, int]) -> None:
        super().__init__(browser, base)
        self.page.set_viewport_size(viewport)


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


def test_zoomed_in_map_shows_borders_place_and_region_names(browser, site, shots) -> None:  # type: ignore[no-untyped-def]
    pg = SizedPage(browser, site, DESKTOP)
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
        page.screenshot(path=str(shots / "map-zoom9-places.png"))

        # zoom 6 over north-east Nigeria: first-level region names
        page.goto(site + "/?view=11,12,6")
        pg.ready()
        page.wait_for_function("() => Number(document.body.dataset.places || 0) > 0")
        regions = {t.strip().lower() for t in page.locator(".ew-region").all_inner_texts()}
        assert {"borno", "yobe", "adamawa"} <= regions
        page.screenshot(path=str(shots / "map-zoom6-regions.png"))

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


def test_clusters_show_their_types_and_stacked_events_spiderfy(browser, site, token, shots  # type: ignore[no-untyped-def]
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
    pg = SizedPage(browser, site, DESKTOP)
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
        page.screenshot(path=str(shots / "cluster-by-type.png"))
        # the three share one point: a click fans them out, each marker can be clicked
        icon.click()
        page.wait_for_function("() => document.querySelectorAll('path.ew-marker').length >= 3")
        page.wait_for_timeout(400)  # the spider animation
        page.screenshot(path=str(shots / "spiderfied.png"))
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
        # filtering to one country fits the map to its events
        before = pg.stamp()
        page.fill("#filters input[name=country]", "MLI")
        page.click("#apply")
        pg.ready(before)
        page.wait_for_timeout(500)
        center = page.evaluate("(() => { const v = new URLSearchParams(location.search)"
                               ".get('view').split(',').map(Number); return v; })()")
        gao = _by_place(site, "Gao")
        assert abs(center[0] - gao["location"]["lat"]) < 0.5
        assert abs(center[1] - gao["location"]["lon"]) < 0.5
        assert center[2] >= 6
        assert pg.errors == [] and pg.blocked == []
    finally:
        pg.close()
