"""One article's tellings as incidents (eventwire.events.incidents), alone and in the
pipeline. Every text here is written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire.events.incidents import merge_tellings
from eventwire.records import Actor, Article, Event, Evidence, Fatalities, Place

REPORT = dt.date(2024, 5, 6)
TYPES = {"Attack": "Violence against civilians", "Armed clash": "Battles",
         "Remote explosive/landmine/IED": "Explosions/Remote violence",
         "Air/drone strike": "Explosions/Remote violence",
         "Shelling/artillery/missile attack": "Explosions/Remote violence",
         "Government regains territory": "Battles", "Peaceful protest": "Protests",
         "Violent demonstration": "Riots", "Mob violence": "Riots", "Arrests":
         "Strategic developments", "Looting/property destruction": "Strategic developments"}

TOWN = Place("Karvelo", iso3="XXA", admin1="Upper Reach", lat=10.0, lon=20.0, geo_precision=1,
             mention="Karvelo")
OTHER_TOWN = Place("Dunmesh", iso3="XXA", admin1="Upper Reach", lat=11.0, lon=21.0,
                   geo_precision=1, mention="Dunmesh")
REGION = Place("Upper Reach", iso3="XXA", lat=10.5, lon=20.5, geo_precision=3,
               mention="Upper Reach")


def event(sub: str, sentence: str, trigger: str, start: int, *, place: Place | None = TOWN,
          date: str = "2024-05-04", precision: int = 1, deaths: int = 0,
          actor1: str | None = None) -> Event:
    return Event(article_id="a", event_id=f"e{start}", event_type=TYPES[sub],
                 sub_event_type=sub, disorder_type="Political violence",
                 actor1=Actor(actor1) if actor1 else None, location=place, date=date,
                 time_precision=precision, fatalities=Fatalities(deaths, deaths, deaths),
                 modality="reported", trigger=trigger,
                 evidence=Evidence(sentence, start, start + len(sentence)))


def test_an_incident_told_three_ways_is_one_event_with_the_larger_toll():
    first = event("Remote explosive/landmine/IED",
                  "Four guards died on Saturday when their truck struck a roadside bomb near "
                  "Karvelo.", "roadside bomb", 0, deaths=4)
    again = event("Remote explosive/landmine/IED",
                  "The device was buried under the gravel road, a commander said.",
                  "device", 200, place=None, date=REPORT.isoformat(), precision=2, deaths=0)
    toll = event("Remote explosive/landmine/IED",
                 "A fifth guard later died of his wounds after the explosion.", "explosion",
                 400, place=None, date=REPORT.isoformat(), precision=2, deaths=5)
    out = merge_tellings([first, again, toll], REPORT)
    assert len(out) == 1
    assert out[0].fatalities.best == 5
    assert [t.start for t in out[0].also_told] == [200, 400]


def test_a_claim_of_responsibility_is_the_incident_told_before_with_its_reported_toll():
    ambush = event("Attack", "Gunmen ambushed a fuel convoy near Karvelo on Saturday, killing "
                   "six drivers, the army said.", "ambushed", 0, deaths=6)
    claim = event("Armed clash", "The Tarvona Front claimed responsibility, saying its "
                  "fighters had killed 21 soldiers.", "killed", 200, place=OTHER_TOWN,
                  date=REPORT.isoformat(), precision=2, deaths=21, actor1="Tarvona Front")
    # (its place is the article's, not one its sentence names)
    claim.modality = "claimed"
    out = merge_tellings([ambush, claim], REPORT)
    assert len(out) == 1 and out[0].sub_event_type == "Attack"
    assert out[0].fatalities.best == 6  # a side's claimed toll does not outbid the reported
    assert [t.start for t in out[0].also_told] == [200]
    # a claim that names its own place, or another incident, stays apart
    own = event("Armed clash", "The Tarvona Front claimed responsibility for an attack in "
                "Dunmesh.", "attack", 300, place=OTHER_TOWN, date=REPORT.isoformat(),
                precision=2)
    own.modality = "claimed"
    assert len(merge_tellings([ambush, own], REPORT)) == 2


def test_both_incidents_named_again_add_no_event():
    bomb = event("Remote explosive/landmine/IED", "A roadside bomb killed three policemen near "
                 "Karvelo on Saturday.", "roadside bomb", 0, deaths=3)
    raid = event("Armed clash", "Militants attacked a checkpost near Karvelo on Saturday.",
                 "attacked", 100)
    both = event("Attack", "The governor condemned both attacks on Sunday.", "attacks", 200,
                 place=None, date=REPORT.isoformat(), precision=2)
    out = merge_tellings([bomb, raid, both], REPORT)
    assert len(out) == 2 and any(t.start == 200 for e in out for t in e.also_told)


def test_another_day_another_place_or_a_marked_separate_incident_stays_apart():
    first = event("Attack", "Gunmen shot dead two traders in Karvelo on Saturday.", "shot", 0)
    other_day = event("Attack", "On Monday gunmen shot a driver in Karvelo.", "shot", 100,
                      date="2024-05-06")
    other_place = event("Attack", "Gunmen also shot a teacher in Dunmesh.", "shot", 200,
                        place=OTHER_TOWN)
    separate = event("Attack", "In a separate attack, a farmer was shot.", "shot", 300,
                     place=None)
    out = merge_tellings([first, other_day, other_place, separate], REPORT)
    assert len(out) == 4


def test_armed_violence_of_other_kinds_stays_apart_as_acled_codes_it():
    clash = event("Armed clash", "Soldiers fought rebels near Karvelo on Saturday.",
                  "fought", 0)
    strike = event("Air/drone strike", "Jets struck rebel positions near Karvelo.",
                   "struck", 100)
    assert len(merge_tellings([clash, strike], REPORT)) == 2


def test_two_deeds_of_one_sentence_and_takings_of_different_places_stay_apart():
    text = "Troops retook the airport, and the old barracks north of Karvelo was secured."
    a = event("Government regains territory", text, "retook the airport", 0)
    b = event("Government regains territory", text, "secured", 0)
    c = event("Government regains territory", "The army also captured villages near Karvelo.",
              "captured villages", 200)
    assert len(merge_tellings([a, b, c], REPORT)) == 3


def test_incidents_of_the_kind_are_more_than_the_one_told():
    bomb = event("Remote explosive/landmine/IED", "A car bomb exploded in Karvelo on Saturday.",
                 "car bomb", 0)
    many = event("Remote explosive/landmine/IED",
                 "Rebels in the hills rely on improvised explosive devices, an officer said.",
                 "improvised explosive devices", 100, place=None, date=REPORT.isoformat(),
                 precision=2)
    assert len(merge_tellings([bomb, many], REPORT)) == 2


def test_two_named_groups_are_two_incidents():
    a = event("Attack", "Fighters of the Red Hand raided a farm in Karvelo.", "raided", 0,
              actor1="Red Hand")
    b = event("Attack", "Fighters of the Blue Lion raided a school in Karvelo.", "raided", 100,
              actor1="Blue Lion")
    assert len(merge_tellings([a, b], REPORT)) == 2


def test_a_demonstration_takes_the_most_that_happened_at_it_but_a_mob_stays_a_mob():
    march = event("Peaceful protest", "Hundreds of nurses marched in Karvelo on Saturday.",
                  "marched", 0)
    stones = event("Violent demonstration", "Some of the marchers threw stones at a bank.",
                   "threw stones", 100, place=None)
    out = merge_tellings([march, stones], REPORT)
    assert len(out) == 1 and out[0].sub_event_type == "Violent demonstration"
    mob = event("Mob violence", "A mob beat a suspected thief in Karvelo on Saturday.", "beat",
                0)
    gathering = event("Peaceful protest", "Residents later gathered at the market.",
                      "gathered", 100, place=None)
    out = merge_tellings([mob, gathering], REPORT)
    assert len(out) == 1 and out[0].sub_event_type == "Mob violence"


def test_a_device_named_again_near_a_village_of_the_district_is_the_bomb_told():
    bomb = event("Remote explosive/landmine/IED", "Five policemen were killed on Wednesday "
                 "when a roadside bomb struck their vehicle in Karvelo district.",
                 "roadside bomb", 0, deaths=5)
    near = dataclasses.replace(OTHER_TOWN, lat=10.2, lon=20.2, name="Tolmar", mention="Tolmar")
    again = event("Remote explosive/landmine/IED", "The improvised explosive device was "
                  "planted along the road near the village of Tolmar, police said.",
                  "improvised explosive device", 200, place=near, date=REPORT.isoformat(),
                  precision=2)
    assert len(merge_tellings([bomb, again], REPORT)) == 1
    # a device named with no definite word, or far away, is another incident
    far = dataclasses.replace(near, lat=12.0, lon=22.0)
    other = event("Remote explosive/landmine/IED", "An improvised explosive device went off "
                  "near the village of Tolmar, police said.", "improvised explosive device",
                  300, place=far, date=REPORT.isoformat(), precision=2)
    assert len(merge_tellings([bomb, other], REPORT)) == 2


def test_a_claim_the_article_denies_is_dropped_with_its_reason():
    denied = event("Air/drone strike", "The air force denied reports that its jets had struck "
                   "Karvelo on Friday.", "struck", 0)
    denied.modality = "negated"
    claim = event("Air/drone strike", "Posts on social media alleged that aircraft had "
                  "bombed hideouts near Karvelo on Friday.", "bombed", 100, deaths=12)
    claim.modality = "claimed"
    out = merge_tellings([denied, claim], REPORT)
    assert [e.dropped is not None and "denied" in e.dropped for e in out] == [False, True]
    # a claim of another kind, or with no denial, stands
    alone = event("Air/drone strike", "Posts alleged that aircraft had bombed hideouts near "
                  "Karvelo on Friday.", "bombed", 100)
    alone.modality = "claimed"
    assert merge_tellings([alone], REPORT)[0].dropped is None


def test_a_region_spelled_otherwise_and_a_later_toll_tell_the_incident_told():
    strike = event("Air/drone strike", "A drone strike on a market in Karvelo killed 19 "
                   "civilians on Saturday.", "drone strike", 0, deaths=19)
    state = Place("North Reach", iso3="XXA", lat=10.4, lon=20.4, geo_precision=3,
                  feature_code="ADM1", mention="North Reach")
    again = event("Air/drone strike", "The drone struck the livestock market at 11 a.m., the "
                  "North Reach government said.", "drone struck", 100, place=state,
                  date=REPORT.isoformat(), precision=2)
    later = event("Attack", "A local official said on Sunday that two of the wounded had "
                  "since died.", "wounded", 200, place=None, date="2024-05-05", precision=2,
                  deaths=21)
    out = merge_tellings([strike, again, later], REPORT)
    assert len(out) == 1 and out[0].fatalities.best == 21


def test_a_witness_quoted_on_the_bombing_tells_the_strike_told():
    strike = event("Air/drone strike", "A military air strike on Karvelo killed 11 people on "
                   "Wednesday.", "air strike", 0, deaths=11)
    quote = event("Shelling/artillery/missile attack", "They bombed a monastery full of old "
                  "people and children,\" the administrator told this agency by phone.",
                  "bombed", 100, place=None, date="2024-05-05", precision=1)
    assert len(merge_tellings([strike, quote], REPORT)) == 1


def test_arrests_stand_alone():
    attack = event("Attack", "Gunmen shot dead two traders in Karvelo on Saturday.", "shot", 0)
    arrests = event("Arrests", "Police detained six men after the shooting.", "detained", 100,
                    place=None)
    assert len(merge_tellings([attack, arrests], REPORT)) == 2


def test_the_telling_that_says_more_of_when_and_where_leads():
    lead = event("Air/drone strike",
                 "An air strike on a village in Upper Reach killed nine people, residents "
                 "said on Wednesday.", "air strike", 0, place=REGION, date="2024-05-01",
                 precision=2, deaths=9)
    detail = event("Air/drone strike",
                   "A jet dropped two bombs on Karvelo at about noon on Tuesday.",
                   "dropped two bombs", 200, date="2024-04-30", precision=2)
    out = merge_tellings([lead, detail], REPORT)
    assert len(out) == 1
    assert out[0].location.name == "Karvelo"
    assert out[0].date == "2024-04-30"
    assert out[0].fatalities.best == 9


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


ARTICLE = """Bomb kills five soldiers in Zanvar province

MERIDA CITY (Wire) — Five soldiers were killed on Friday when their patrol vehicle struck a \
roadside bomb near the town of Kesrani in Zanvar province, the army said.

The explosion hit the second truck of a supply convoy shortly after dawn, an army spokesman \
said in a statement on Saturday.

"The armoured truck hit an improvised explosive device," the statement said.

Separately, on Thursday, hundreds of teachers marched through Kesrani to demand unpaid wages."""


def test_an_article_gives_its_incident_once(pipeline):
    events = [e for e in pipeline.extract(Article(ARTICLE, published=REPORT))
              if e.modality in ("asserted", "reported", "claimed")]
    bombs = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert len(bombs) == 1
    assert len(bombs[0].also_told) >= 1
    assert bombs[0].date == "2024-05-03"  # Friday, not the statement's Saturday
    assert any(e.event_type == "Protests" for e in events)


def test_the_states_forces_and_a_crowd_in_bare_plural_do_not_split_an_incident():
    riot = event("Mob violence", "Supporters stormed the party office in Karvelo on Saturday, "
                 "clashing with soldiers.", "clashing", 0)
    riot.actor2 = Actor("Military Forces of Xandria")
    stones = event("Violent demonstration", "Some threw stones at police officers guarding "
                   "the gate.", "threw stones", 200, place=None, date=REPORT.isoformat(),
                   precision=2)
    stones.actor2 = Actor("Police Forces of Xandria")
    march = event("Peaceful protest", "Nurses marched through Karvelo on Saturday.", "marched",
                  400)
    crowd = event("Violent demonstration", "Officers fired tear gas, sending demonstrators "
                  "running into side streets.", "demonstrators", 600, place=None,
                  date=REPORT.isoformat(), precision=2)
    assert len(merge_tellings([riot, stones], REPORT)) == 1
    assert len(merge_tellings([march, crowd], REPORT)) == 1


def test_a_capital_that_speaks_is_no_place_of_the_event(pipeline):
    text = ("Drone strike kills two near Kesrani\n\n"
            "ERBIL, Iraq — A drone struck a car on a road south of Sinjar on Sunday, killing "
            "two men, local officials said.\n\n"
            "The two men killed were members of a Yazidi armed group that Ankara regards as "
            "an offshoot of the PKK.")
    events = [e for e in pipeline.extract(Article(text, published=REPORT))
              if e.modality in ("asserted", "reported", "claimed")]
    assert len(events) == 1
    assert all(e.location is None or e.location.name != "Ankara" for e in events)


def test_an_arrest_told_again_is_one_event_and_one_elsewhere_stays_its_own() -> None:
    lead = event("Arrests", "Police arrested 12 opposition activists in Karvelo on Saturday.",
                 "arrested", 0)
    again = event("Arrests", "Those arrested were taken to the central station, their lawyer "
                  "said.", "arrested", 70, place=None, date="2024-05-06", precision=2)
    other = event("Arrests", "In Dunmesh, police arrested a journalist on Saturday.",
                  "arrested", 150, place=OTHER_TOWN)
    merged = merge_tellings([lead, again, other], REPORT)
    assert [e.event_id for e in merged] == ["e0", "e150"]
    assert merged[0].also_told == [again.evidence]


def test_a_later_telling_lends_only_a_place_its_own_sentence_names() -> None:
    lead = event("Armed clash", "Rebels and militias clashed in Upper Reach on Tuesday.",
                 "clashed", 0, place=REGION)
    # told again; its place is the article's other town, which its sentence does not name
    again = event("Armed clash", "The rebels said they had repelled the attack.", "repelled",
                  60, place=OTHER_TOWN)
    merged = merge_tellings([lead, again], REPORT)
    assert len(merged) == 1 and merged[0].location is REGION
