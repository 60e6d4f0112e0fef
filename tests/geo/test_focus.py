"""A collection's focus: the countries a whole input is about lean ambiguous names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import GazetteerError
from eventwire.geo import Geocoder, build_index

from .conftest import geoname_line

# two towns of one name, told apart by nothing in a short text: the Egyptian one is a little
# bigger; a third town and a city give the collection its countries
_ROWS = [(810001, "Kafr Sabt", "Kafr Sabt", "", 35.61, 36.61, "P", "PPL", "SY", "07", 0),
         (810002, "Kafr Sabt", "Kafr Sabt", "", 30.92, 31.12, "P", "PPL", "EG", "05", 24_000),
         (810003, "Tall Nasri", "Tall Nasri", "", 36.58, 40.33, "P", "PPL", "SY", "02", 8_000),
         (810004, "Lakewood", "Lakewood", "", 39.71, -105.08, "P", "PPL", "US", "CO", 155_000),
         (810005, "Kafr Dawud", "Kafr Dawud", "", 30.50, 31.30, "P", "PPL", "EG", "05", 6_000),
         (810006, "Tall Saghir", "Tall Saghir", "", 36.40, 40.10, "P", "PPLL", "SY", "02", 0),
         (810007, "Wadi Barda", "Wadi Barda", "", 30.60, 31.40, "P", "PPL", "EG", "05", 35_000),
         (810008, "Velgorod", "Velgorod", "Pensova", 53.2, 45.0, "P", "PPL", "RU", "57",
          500_000)]


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("focus")
    dump = folder / "XX.txt"
    dump.write_text("\n".join(geoname_line(r) for r in _ROWS) + "\n", encoding="utf-8")
    build_index(folder / "g.sqlite", dumps=[dump], base=False)
    return folder / "g.sqlite"


def _where(geo: Geocoder, text: str, focus: dict[str, float] | None) -> str | None:
    found = [m.place for m in geo.geoparse(text, focus=focus) if m.name == "Kafr Sabt"]
    return found[0].iso3 if found and found[0] is not None else None


def test_focus_leans_an_ambiguous_name(gaz: Path) -> None:
    geo = Geocoder(gaz)
    text = "Shelling hit Kafr Sabt on Monday."
    assert _where(geo, text, None) == "EGY"
    assert _where(geo, text, {"SY": 1.0}) == "SYR"
    # evidence in the text still wins over the collection's lean
    assert _where(geo, "Shelling hit Kafr Sabt in Egypt on Monday.", {"SY": 1.0}) == "EGY"


def test_focus_leaves_an_unbacked_village_abroad_unplaced(gaz: Path) -> None:
    geo = Geocoder(gaz)

    def where(text: str, focus: dict[str, float] | None) -> str | None:
        found = [m.place for m in geo.geoparse(text, focus=focus) if m.name in text]
        return found[0].iso3 if found and found[0] is not None else None

    text = "Shelling hit Kafr Dawud on Monday."
    assert where(text, None) == "EGY"  # one article alone: the only namesake there is
    # a collection about Syria: a village only Egypt has is likelier one the index lacks
    assert where(text, {"SY": 1.0}) is None
    assert where("Shelling hit Kafr Dawud in Egypt on Monday.", {"SY": 1.0}) == "EGY"
    assert where("Protesters marched in Lakewood on Monday.", {"SY": 1.0}) == "USA"  # a city
    # a village known only from a village list: nothing in one sentence backs it, but a
    # collection about its country does
    assert where("Shelling hit Tall Saghir on Monday.", None) is None
    assert where("Shelling hit Tall Saghir on Monday.", {"SY": 0.8}) == "SYR"
    # a town abroad of under 100,000 that nothing backs (an Egyptian town of 35,000 in a
    # Syrian feed) is likelier a place of the feed's own country the index lacks; named with
    # its country, it stays
    assert where("Shelling hit Wadi Barda on Monday.", {"SY": 1.0}) is None
    assert where("Shelling hit Wadi Barda in Egypt on Monday.", {"SY": 1.0}) == "EGY"
    assert where("Shelling hit the Wadi Barda valley on Monday.", {"SY": 1.0}) is None
    # a big town abroad known by that name only as another of its names: likewise
    assert where("Shelling hit Pensova on Monday.", None) == "RUS"
    assert where("Shelling hit Pensova on Monday.", {"SY": 1.0}) is None
    assert where("Shelling hit Velgorod on Monday.", {"SY": 1.0}) == "RUS"
    # a valley is no town: not even one article alone makes it the Egyptian town
    assert where("Shelling hit the Wadi Barda valley on Monday.", None) is None
    assert where("Shelling hit Wadi Barda on Monday.", None) == "EGY"


def test_focus_of_a_collection(gaz: Path) -> None:
    geo = Geocoder(gaz)
    texts = ["Clashes in Syria.", "Shells hit Tall Nasri in Syria.", "A raid near Tall Nasri.",
             "Protesters gathered in Lakewood, Colorado.", "Nothing placed here."]
    focus = geo.focus_of(texts)
    # 3 of the 4 texts that name a place; the one that names none says nothing
    assert focus == {"SY": 0.75, "US": 0.25}
    assert geo.focus_of(texts, min_share=0.3) == {"SY": 0.75}
    # a feed of short reports, most naming no place the gazetteer knows, is still about
    # the country of the places it does name
    sparse = texts[:2] + ["A raid on a hamlet.", "Gunmen attacked a bus.", "A march."]
    assert geo.focus_of(sparse) == {"SY": 1.0}
    assert geo.focus_of([]) == {}
    assert geo.focus_of(["Nothing placed here."]) == {}


def test_parse_focus(gaz: Path) -> None:
    geo = Geocoder(gaz)
    assert geo.parse_focus("sy, Iraq") == {"SY": 1.0, "IQ": 1.0}
    with pytest.raises(GazetteerError) as info:
        geo.parse_focus("SY,Atlantis")
    assert "Atlantis" in str(info.value)


def test_geoparse_focus_auto_and_named(gaz: Path, tmp_path: Path) -> None:
    rows = [{"id": f"a{i}", "text": t} for i, t in enumerate(
        ["Shells hit Tall Nasri in Syria.", "Clashes near Tall Nasri.",
         "A raid on Kafr Sabt on Monday."])]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def run(*extra: str) -> dict[str, str]:
        result = CliRunner().invoke(main, ["geoparse", str(path), "--no-ner",
                                           "--gazetteer", str(gaz), *extra])
        assert result.exit_code == 0, result.output
        out = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
        return {r["name"]: r["country"] for r in out}

    assert run()["Kafr Sabt"] == "Egypt"
    assert run("--focus", "auto")["Kafr Sabt"] == "Syria"
    assert run("--focus", "Syria")["Kafr Sabt"] == "Syria"
    bad = CliRunner().invoke(main, ["geoparse", str(path), "--no-ner", "--gazetteer", str(gaz),
                                    "--focus", "Atlantis"])
    assert bad.exit_code == 2 and "Atlantis" in bad.output and "Traceback" not in bad.output


def test_extract_rejects_an_unknown_focus(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Gunmen killed two farmers near a village on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), "--focus", "Atlantis", "-q"])
    assert result.exit_code == 2 and "Atlantis" in result.output
    assert "Traceback" not in result.output


def test_pipeline_passes_its_focus_to_the_geocoder(gaz: Path) -> None:
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    article = Article(text="Gunmen killed two farmers in Kafr Sabt on Monday.",
                      article_id="x")
    geo = Geocoder(gaz)
    plain = Pipeline(geocoder=geo).extract(article)
    focused = Pipeline(geocoder=geo, focus={"SY": 1.0}).extract(article)
    assert plain and plain[0].location is not None and plain[0].location.iso3 == "EGY"
    assert focused and focused[0].location is not None and focused[0].location.iso3 == "SYR"
