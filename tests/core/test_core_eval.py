"""eventwire eval on small gold files written here, in both supported formats."""

import json

from eventwire.evaluate import evaluate, format_report, normalize_actor, normalize_admin

ACLED_ROWS = [
    {"id": "T1", "text": "On 4 March 2023, Russian forces shelled Kharkiv, killing two civilians.",
     "event_type": "Explosions/Remote violence",
     "sub_event_type": "Shelling/artillery/missile attack",
     "actor1": "Military Forces of Russia (2000-)", "actor2": "Civilians (Ukraine)",
     "country": "Ukraine", "iso": 804, "admin1": "Kharkiv", "lat": 49.98, "lon": 36.25,
     "date": "2023-03-04", "fatalities": 2},
    {"id": "T2", "text": "On 5 March 2023, about 200 teachers demonstrated in Lyon (Rhone, "
     "Auvergne-Rhone-Alpes) to demand higher pay. [size=about 200]",
     "event_type": "Protests", "sub_event_type": "Peaceful protest",
     "actor1": "Protesters (France)", "actor2": None, "country": "France", "iso": 250,
     "admin1": "Auvergne-Rhone-Alpes", "lat": 45.75, "lon": 4.85, "date": "2023-03-05",
     "fatalities": 0},
    {"id": "T3", "text": "On 6 March 2023, the weather was calm in Oslo.",
     "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "Unidentified Armed Group (Norway)", "actor2": None, "country": "Norway",
     "iso": 578, "admin1": "Oslo", "lat": 59.91, "lon": 10.75, "date": "2023-03-06",
     "fatalities": 0},
]
UCDP_ROWS = [
    {"id": 1, "text": "Regime warplanes bomb Saraqib, killing 5 civilians",
     "source_date": "2019-05-02", "event_type": "One-sided violence",
     "actor1": "Government of Syria", "actor2": "Civilians", "location": "Saraqib town",
     "admin1": "Idlib Governorate", "lat": 35.86, "lon": 36.80, "where_prec": 1,
     "date": "2019-05-01", "date_end": "2019-05-02", "date_prec": 1, "fatalities": 5,
     "fatalities_low": 5, "fatalities_high": 5},
]


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_acled_format_scores_each_field_and_counts_misses(tmp_path):
    report = evaluate(write(tmp_path / "gold.jsonl", ACLED_ROWS))
    assert report.records == 3
    assert report.with_event == 2
    # the third record has no event: wrong on every field it has
    assert report.correct["event_type"] == 2 and report.applicable["event_type"] == 3
    assert report.correct["sub_event_type"] == 2
    assert report.correct["actor1"] == 2
    assert report.correct["country"] == 2
    assert report.correct["date"] == 2
    assert report.correct["location_25km"] == 2
    text = format_report(report)
    assert "sub_event_type" in text and "confusion" in text and "macro-F1" in text


def test_ucdp_format_maps_types_and_uses_the_source_date(tmp_path):
    report = evaluate(write(tmp_path / "ucdp.jsonl", UCDP_ROWS))
    assert report.kinds["ucdp"] == 1
    assert report.applicable["sub_event_type"] == 0
    assert report.correct["location_25km"] == 1
    assert report.correct["fatalities"] == 1
    assert report.correct["admin1"] == 1  # no country in UCDP rows: the region alone decides


def test_admin1_names_one_region_in_any_spelling():
    from eventwire.evaluate import same_admin1

    assert same_admin1("IRQ", "Duhok", "Dahuk")
    assert same_admin1("SYR", "Idleb", "Idlib")
    assert not same_admin1("SYR", "Idlib", "Hama")
    assert not same_admin1("COD", "Sud-Kivu", "Nord-Kivu")


def test_limit_and_normalizers(tmp_path):
    report = evaluate(write(tmp_path / "gold.jsonl", ACLED_ROWS), limit=1)
    assert report.records == 1
    assert normalize_actor("Military Forces of Russia (2000-)") == "military forces of russia"
    assert normalize_admin("Idlib Governorate") == normalize_admin("Idlib")


def test_eval_focus_places_a_placeless_report_in_the_declared_country(tmp_path):
    """A feed about one country: a note that names no place sits in that country."""
    from click.testing import CliRunner

    from eventwire.cli import main

    rows = [{"id": "F1", "text": "On 9 March 2023, unknown gunmen shot dead a herder and "
             "drove away 40 head of cattle.", "event_type": "Violence against civilians",
             "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Kenya)",
             "actor2": "Civilians (Kenya)", "country": "Kenya", "iso": 404, "admin1": None,
             "lat": None, "lon": None, "date": "2023-03-09", "fatalities": 1}]
    gold = write(tmp_path / "kenya.jsonl", rows)
    runner = CliRunner()
    plain = json.loads(runner.invoke(main, ["eval", str(gold), "--json"]).output)
    assert plain["accuracy"]["country"] == 0.0
    focused = runner.invoke(main, ["eval", str(gold), "--json", "--focus", "KE"])
    assert focused.exit_code == 0, focused.output
    report = json.loads(focused.output[focused.output.index("{"):])
    assert report["accuracy"]["country"] == 1.0
    assert report["accuracy"]["actor1"] == 1.0  # the actor's country comes with it
    bad = runner.invoke(main, ["eval", str(gold), "--focus", "Atlantis"])
    assert bad.exit_code == 2 and "Atlantis" in bad.output


def test_actors_are_scored_on_rows_without_a_sub_event_type(tmp_path):
    # older ACLED exports code no sub-event type: their actors are scored all the same
    rows = [dict(r, sub_event_type=None) for r in ACLED_ROWS]
    report = evaluate(write(tmp_path / "old.jsonl", rows))
    assert report.applicable["sub_event_type"] == 0
    assert report.applicable["actor1"] == 3 and report.correct["actor1"] == 2
