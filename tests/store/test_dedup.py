"""The pure dedup rules: each verdict and the reason it gives."""

from __future__ import annotations

import datetime as _dt

from eventwire import dedup
from eventwire.records import Fatalities

from ._factory import OTHER_TOWN, article, event


def _sig(**kw):  # type: ignore[no-untyped-def]
    return dedup.signature(event(article("Outlet", repr(kw)), **kw))


def test_same_event_other_words_merges_with_reasons() -> None:
    a = _sig(date="2024-03-01", actor1="Northern Liberation Front (NLF)")
    b = _sig(date="2024-03-02", actor1="NLF")
    res = dedup.match(b, dedup.merge_signatures([a]))
    assert res.merge, res
    assert any(r.startswith("type:") for r in res.reasons)
    assert any("date" in r for r in res.reasons)
    assert any("place" in r for r in res.reasons)
    assert any("actors" in r for r in res.reasons)


def test_acronym_matches_initials_of_full_name() -> None:
    full = dedup.actor_key("Movement for the Salvation of the Plains", 2)
    short = dedup.actor_key("MSP", 2)
    assert dedup.compare_actors([full], [short])[0] == "strong"


def test_different_type_is_a_veto() -> None:
    a = _sig()
    b = _sig(event_type="Protests", sub="Peaceful protest", actor1="Protesters (Nigeria)",
             inter1=6, actor2=None)
    res = dedup.match(b, dedup.merge_signatures([a]))
    assert not res.merge and res.veto and res.veto.startswith("type")


def test_unrelated_named_groups_same_day_and_place_stay_apart() -> None:
    a = _sig(event_type="Battles", sub="Armed clash", actor1="Military Forces of Nigeria (2020-)",
             inter1=1, actor2="Northern Liberation Front", inter2=2)
    b = _sig(event_type="Battles", sub="Armed clash", actor1="Military Forces of Nigeria (2020-)",
             inter1=1, actor2="Eastern Defence Council", inter2=2)
    res = dedup.match(b, dedup.merge_signatures([a]))
    assert not res.merge and "actors" in (res.veto or "")


def test_generic_attacker_is_compatible_with_named_group() -> None:
    a = _sig()
    b = _sig(actor1="Unidentified Armed Group (Nigeria)", inter1=3)
    assert dedup.match(b, dedup.merge_signatures([a])).merge


def test_dates_days_apart_stay_apart_but_week_precision_reaches() -> None:
    a = dedup.merge_signatures([_sig(date="2024-03-01")])
    assert not dedup.match(_sig(date="2024-03-05"), a).merge
    assert dedup.match(_sig(date="2024-03-03", tp=2), a).merge


def test_place_distance_depends_on_precision() -> None:
    near = dict(name="Kerwa", country="Nigeria", iso3="NGA", admin1="Borno", lat=11.95,
                lon=13.10, geo_precision=1)  # ~17 km north
    a = dedup.merge_signatures([_sig()])
    assert not dedup.match(_sig(place=near), a).merge  # 17 km > 10 km for exact places
    near["geo_precision"] = 2
    assert dedup.match(_sig(place=near), a).merge  # 17 km <= 30 km for "near X"
    assert not dedup.match(_sig(place=OTHER_TOWN), a).merge


def test_region_precision_matches_by_admin1() -> None:
    region = dict(name="Borno", country="Nigeria", iso3="NGA", admin1="Borno", lat=11.5,
                  lon=12.9, geo_precision=3)
    a = dedup.merge_signatures([_sig()])
    assert dedup.match(_sig(place=region), a).merge
    region["admin1"] = "Yobe"
    assert not dedup.match(_sig(place=region), a).merge


def test_fatalities_reconciled_never_summed() -> None:
    f = dedup.reconcile_fatalities([Fatalities(10, 10, 10), Fatalities(12, 12, 15),
                                    Fatalities(0, 0, 0), Fatalities(7, 7, 7)])
    assert (f.best, f.low, f.high) == (10, 7, 15)
    assert dedup.reconcile_fatalities([Fatalities()]) == Fatalities(0, 0, 0)


def test_canonical_date_is_central_not_first() -> None:
    sigs = [_sig(date=d) for d in ("2024-03-02", "2024-03-01", "2024-03-01", "2024-03-02",
                                   "2024-03-01")]
    merged = dedup.merge_signatures(sigs)
    assert merged.date_first == _dt.date(2024, 3, 1)
    assert (merged.range_first, merged.range_last) == (_dt.date(2024, 3, 1),
                                                       _dt.date(2024, 3, 2))


def _gunmen(deaths: int, **kw):  # type: ignore[no-untyped-def]
    return _sig(actor1="Unidentified Armed Group (Nigeria)", inter1=3, deaths=deaths, **kw)


def test_tolls_far_apart_keep_look_alikes_apart_unless_a_group_is_shared() -> None:
    a = dedup.merge_signatures([_gunmen(6)])
    res = dedup.match(_gunmen(27), a)
    assert not res.merge and "fatalities" in (res.veto or "")
    assert dedup.match(_gunmen(8), a).merge  # outlets disagree within a band
    # the same named group, place and dates: a revised toll lowers the score, no veto
    nlf = dedup.merge_signatures([_sig(deaths=5)])
    revised, agreeing = dedup.match(_sig(deaths=30), nlf), dedup.match(_sig(deaths=6), nlf)
    assert revised.merge and agreeing.merge and revised.score < agreeing.score
    # merging two canonical events is strict: disagreeing tolls always veto
    assert not dedup.match(dedup.merge_signatures([_sig(deaths=30)]), nlf, strict=True).merge


def test_closer_toll_ranks_the_candidate_higher() -> None:
    near, far = dedup.merge_signatures([_gunmen(20)]), dedup.merge_signatures([_gunmen(30)])
    cid, res = dedup.best_match(_gunmen(21), [("a-far", far), ("b-near", near)])
    assert cid == "b-near" and res is not None


def _soldiers(text: str, **kw):  # type: ignore[no-untyped-def]
    return dedup.signature(event(article("Outlet", text), event_type="Battles", sub="Armed clash",
                                 actor1="Military Forces of Nigeria (2020-)", inter1=1,
                                 actor2=None, **kw))


def test_groups_named_only_in_the_sentence_tell_battles_apart() -> None:
    edc = dedup.merge_signatures([_soldiers(
        "Soldiers fought the Eastern Defence Council (EDC) near Kerwa on Friday.")])
    res = dedup.match(_soldiers("Troops clashed with the Northern Liberation Front in Kerwa."),
                      edc)
    assert not res.merge and "actors" in (res.veto or "")
    same = dedup.match(_soldiers("The army repelled EDC fighters in Kerwa."), edc)
    assert same.merge and any("edc" in r for r in same.reasons)


def test_sentence_names_skip_places_countries_and_sources() -> None:
    text = ("According to Amnesty International, gunmen killed 12 in Kerwa, Borno State, "
            "Nigeria, Human Rights Watch said.")
    assert dedup.text_names(text, ["Kerwa", "Borno"]) == []
    (key,) = dedup.text_names("The Union of River Fighters (URF) raided Kerwa.", ["Kerwa"])
    assert key.alias == "urf" and key.from_text


def test_unplaced_report_joins_only_through_a_named_group() -> None:
    unplaced = dict(name="", country=None, iso3=None, admin1=None, lat=None, lon=None,
                    geo_precision=3)
    protest = dict(event_type="Protests", sub="Peaceful protest", actor2=None,
                   actor1="Protesters (Nigeria)", inter1=6)
    a = dedup.merge_signatures([_sig(**protest)])
    res = dedup.match(_sig(place=unplaced, **protest), a)
    assert not res.merge and "place" in (res.veto or "")
    assert dedup.match(_sig(place=unplaced), dedup.merge_signatures([_sig()])).merge  # NLF
