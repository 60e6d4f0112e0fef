"""Where, when and which incident an article's later tellings are: the story's place, a noun
cue's own place, a date's own clause, days told from the one before, a fight's foe, and the
frames that keep a disaster's bodies and a statistic's massacres out. Every text here is
written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventwire.dates import find_dates
from eventwire.events.clauses import clause_dates, cue_place_words
from eventwire.events.detect import Cue
from eventwire.events.incidents import merge_tellings
from eventwire.events.modality import modality_of
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Article, Event, Evidence, Fatalities, Place

REPORT = dt.date(2026, 12, 7)  # a Monday
FACT = ("asserted", "reported", "claimed")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(explain=True)


def _told(pipe: Pipeline, text: str) -> list[Event]:
    return [e for e in pipe.extract(Article(text, published=REPORT))
            if e.dropped is None and e.modality in FACT]


# -- dates -------------------------------------------------------------------------------------
def test_days_later_count_from_the_day_told_before() -> None:
    text = ("The shopkeeper was stabbed on 14 July 2022. \"We want justice today,\" his son "
            "said. The suspect was arrested nine days later.")
    later = [d for d in find_dates(text, REPORT) if "later" in d.text]
    # "today" would put a past arrest after the report: the days count from the stabbing
    assert [d.date for d in later] == [dt.date(2022, 7, 23)]


def test_a_span_of_days_is_no_day() -> None:
    text = "On 3 June 2024 the unions struck for two days later in the year than planned."
    assert not any("days" in d.text for d in find_dates(text, REPORT))


def test_a_weekday_with_its_calendar_date_is_one_date_in_the_year_that_fits() -> None:
    for text in ("The federation called a general strike for Wednesday 16 December.",
                 "The strike on Wednesday, December 16 will close the ports."):
        found = find_dates(text, REPORT)
        assert [d.date for d in found] == [dt.date(2026, 12, 16)], found


def test_a_power_granted_is_no_deed_done() -> None:
    sentence = ("The ministry will apply its protocol, which allows federal forces to clear "
                "pickets that block traffic.")
    at = sentence.index("pickets")
    assert modality_of(sentence, at, at + len("pickets")) == "hypothetical"


# -- frames: a date dates its own clause -------------------------------------------------------
MEMORIAL = """Tolmar marks 80 years since the harbour raid

By a correspondent | Tolmar | 7 December 2026

Veterans and families gathered at the harbour in Tolmar on Monday to mark the 80th \
anniversary of the air raid that destroyed the old fleet in 1946.

The memorial also hosted talks and an exhibition over the weekend, including letters written \
by sailors who were killed in the raid."""


def test_a_date_of_the_main_clause_does_not_date_a_deed_in_a_relative_clause(
        pipe: Pipeline) -> None:
    assert not any("killed" in (e.trigger or "") for e in _told(pipe, MEMORIAL))


OBITUARY = """General Dornia, veteran of the Kessani war, dies at 88

By a correspondent | Kessani | 7 December 2026

General Amadou Dornia, a commander of the government's forces in some of the fiercest \
battles of the country's long civil war, died on Saturday at a clinic in Kessani after a \
long illness. He was 88.

His family said he would be buried in his home village on Wednesday."""


def test_an_obituary_dates_the_death_not_the_battles_of_the_life(pipe: Pipeline) -> None:
    assert not any("battle" in (e.trigger or "") for e in _told(pipe, OBITUARY))


# -- frames and senses -------------------------------------------------------------------------
CRASH = """Bus plunges into river near Varsheen, killing 19

By a correspondent | Varsheen | 7 December 2026

At least 19 people were killed when a crowded bus left the highway and plunged into the \
river near Varsheen on Sunday evening, police said.

Police initially reported 14 deaths, but the toll rose to 19 on Monday after divers \
recovered five more bodies downstream."""


def test_bodies_recovered_after_a_crash_are_the_crash_s(pipe: Pipeline) -> None:
    assert _told(pipe, CRASH) == []


def test_a_fight_against_a_pest_is_no_battle(pipe: Pipeline) -> None:
    text = ("Australian scientists at the Varsheen Institute say they are losing ground in the "
            "battle against red imported fire ants, warning on Monday that the pest could "
            "spread.")
    assert _told(pipe, text) == []
    text = ("Government troops fought a fierce battle against Tarvona rebels near Vessa on "
            "Monday, killing 12.")
    assert [e.sub_event_type for e in _told(pipe, text)] == ["Armed clash"]


def test_a_year_s_recorded_massacres_are_a_statistic(pipe: Pipeline) -> None:
    text = ("The observatory also recorded 27 massacres, which it defines as killings of three "
            "or more people, compared with 34 over the same period last year.")
    assert _told(pipe, text) == []


# -- places --------------------------------------------------------------------------------------
SIEGE = """Shelling kills four in Dilling

By a correspondent | El Obeid | 7 December 2026

A drone attack killed 11 civilians in El Obeid on Wednesday, officials said, as fighting \
spread across the region, with shelling of the besieged town of Dilling and clashes near Bara.

In South Kordofan, RSF artillery shelled residential neighbourhoods of the besieged town of \
Dilling on Saturday, killing four people, a local emergency room said.

"Shells fell on houses in the eastern part of the town in the morning," a member of the \
emergency room said."""


def test_a_noun_cue_takes_its_own_place_and_a_placeless_quote_the_story_s(
        pipe: Pipeline) -> None:
    shellings = [e for e in _told(pipe, SIEGE) if e.sub_event_type.startswith("Shelling")]
    # the lead's "shelling of ... Dilling", Saturday's shelling and the witness's shells are
    # one incident, at Dilling, by the RSF
    assert len(shellings) == 1, [(e.trigger, e.location) for e in shellings]
    only = shellings[0]
    assert only.location is not None and only.location.name == "Dilling"
    assert only.actor1 is not None and "Rapid Support Forces" in only.actor1.name
    assert only.date == "2026-12-05"


# -- incidents -----------------------------------------------------------------------------------
TOWN = Place("Karvelo", iso3="XXA", admin1="Upper Reach", lat=10.0, lon=20.0, geo_precision=1,
             mention="Karvelo")
TYPES = {"Armed clash": "Battles", "Air/drone strike": "Explosions/Remote violence",
         "Shelling/artillery/missile attack": "Explosions/Remote violence"}


def _event(sub: str, sentence: str, trigger: str, start: int, *, actor1: str | None = None,
           date: str = "2026-12-02", precision: int = 1) -> Event:
    return Event(article_id="a", event_id=f"e{start}", event_type=TYPES[sub],
                 sub_event_type=sub, disorder_type="Political violence",
                 actor1=Actor(actor1) if actor1 else None, location=TOWN, date=date,
                 time_precision=precision, fatalities=Fatalities(0, 0, 0), modality="reported",
                 trigger=trigger, evidence=Evidence(sentence, start, start + len(sentence)))


def test_a_weapon_told_by_its_deed_names_only_a_deed_of_its_kind() -> None:
    clash = _event("Armed clash", "Fighting intensified in Karvelo on Wednesday.",
                   "Fighting intensified", 0)
    drone = _event("Air/drone strike", "The drone struck a crowded market in Karvelo.",
                   "drone struck", 60)
    assert len(merge_tellings([clash, drone], REPORT)) == 2
    strike = _event("Air/drone strike", "A drone strike hit Karvelo on Wednesday.",
                    "drone strike", 0)
    assert len(merge_tellings([strike, drone], REPORT)) == 1


def test_shells_a_sentence_opens_on_are_its_incident_s_and_the_doer_is_told_later() -> None:
    first = _event("Shelling/artillery/missile attack", "Shelling hit Karvelo on Wednesday.",
                   "Shelling", 0, actor1="Civilians (XXA)")
    doer = _event("Shelling/artillery/missile attack",
                  "Tarvona rebels shelled Karvelo on Wednesday.", "shelled", 40,
                  actor1="Tarvona Liberation Front")
    shells = _event("Shelling/artillery/missile attack",
                    '"Shells fell on houses in the morning," a resident said.', "Shells", 90,
                    date=REPORT.isoformat(), precision=2)
    merged = merge_tellings([first, doer, shells], REPORT)
    assert len(merged) == 1
    assert merged[0].actor1 is not None and merged[0].actor1.name == "Tarvona Liberation Front"


TWO_CITIES = """Strikes kill six in Tolmar and Kessani

By a correspondent | Vessa | 7 December 2026

Drone attacks killed four people in the country's second city, Tolmar, late on Thursday, and \
artillery fire killed two more in the southern city of Kessani on Saturday, officials said.

Officials initially reported three deaths. On Friday morning, the toll rose to four after \
rescuers pulled the body of a woman from the rubble. More than 30 people were injured, \
including five children."""


def test_each_deed_of_a_sentence_has_its_own_clause_s_day_and_a_toll_joins(
        pipe: Pipeline) -> None:
    events = pipe.extract(Article(TWO_CITIES, published=REPORT))
    told = [e for e in events if e.dropped is None and e.modality in FACT]
    drones = [e for e in told if "Drone" in (e.trigger or "") or "drone" in (e.trigger or "")]
    assert len(drones) == 1, [(e.trigger, e.date) for e in told]
    # the drone attacks are Thursday's (3 December), not the other clause's Saturday
    assert drones[0].date == "2026-12-03", drones[0].date
    # the injured told on Friday's toll paragraph are the drone attack's, no event of their own
    assert not any((e.trigger or "").lower() == "injured" for e in told), \
        [(e.trigger, e.date) for e in told]


# -- the clauses component alone ---------------------------------------------------------------
def _cue_at(sentence: str, word: str) -> Cue:
    i = sentence.index(word)
    return Cue("Shelling/artillery/missile attack", "explosion", True, 1.0, i, i + len(word),
               word)


def test_a_noun_cue_s_place_words_are_its_own_phrase_s() -> None:
    sentence = ("A drone attack killed 11 civilians in Vessa on Wednesday, as fighting spread, "
                "with shelling of the besieged town of Tolmar.")
    words = cue_place_words(sentence, 100, _cue_at(sentence, "shelling"))
    assert words is not None
    spans = {sentence[a - 100:b - 100] for a, b in words}
    assert "Tolmar" in spans and "Vessa" not in spans
    # a verb cue has no phrase of its own
    assert cue_place_words(sentence, 0, _cue_at(sentence, "killed")) is None


def test_a_date_dates_only_its_own_clause() -> None:
    sentence = ("The memorial hosted talks over the weekend, including letters written by "
                "sailors who were killed in the raid.")
    mentions = find_dates(sentence, REPORT)
    assert mentions and clause_dates(sentence, 0, _cue_at(sentence, "killed"), mentions) == []
    sentence = "On Saturday night, unknown men threw a petrol bomb at the memorial."
    mentions = find_dates(sentence, REPORT)
    assert clause_dates(sentence, 0, _cue_at(sentence, "threw"), mentions) == mentions


def test_a_kind_named_by_a_copula_is_no_deed_but_an_incident_named_so_is(
        pipe: Pipeline) -> None:
    assert _told(pipe, "\"The only path left is a general strike,\" the union leader said on "
                       "Monday in Vessa.") == []
    told = _told(pipe, "It was a suicide attack, police in Vessa said on Monday.")
    assert [e.sub_event_type for e in told] == ["Suicide bomb"]
    # a deed told of what a thing is said to be, in the present, is a figure of speech; of
    # a person, it is told
    assert _told(pipe, "\"Every dose is a bullet fired at the parasite,\" the doctor in "
                       "Vessa said on Monday.") == []
    told = _told(pipe, "The victim is a student shot by police in Vessa on Sunday.")
    assert [e.sub_event_type for e in told] == ["Attack"]


def test_insects_that_attack_pests_are_animals_at_work(pipe: Pipeline) -> None:
    text = ("Researchers in Vessa are studying parasitic flies that attack fire ants in their "
            "native range, while drones fitted with cameras locate nests, they said on Monday.")
    assert _told(pipe, text) == []
    text = "Gunmen that attacked the village of Vessa on Monday killed four farmers."
    assert _told(pipe, text) != []


def test_a_year_dates_the_deed_of_a_relative_clause_too(pipe: Pipeline) -> None:
    text = ("In 2007, a wave of cyberattacks paralysed bank websites for weeks after the "
            "authorities moved a war memorial from central Vessa, an episode that also sparked "
            "two nights of rioting and looting in the capital.")
    assert _told(pipe, text) == []


TRIAL = """Court hears police testimony in trial over 2023 Vessa protest killings

By a correspondent | Tolmar | 7 December 2026

A former police commander told a court in Tolmar last week that he never ordered officers to \
fire live ammunition at demonstrators in Vessa in January 2023, when 18 people were killed.

Prosecutors say most of the victims were killed by bullets fired from police rifles near the \
airport, where thousands of people had gathered to demand the resignation of the president.

A police officer was also killed that night when a crowd set fire to his patrol car."""


def test_a_trial_s_crowd_and_killings_are_the_crime_tried(pipe: Pipeline) -> None:
    assert _told(pipe, TRIAL) == [], [(e.trigger, e.explanation) for e in _told(pipe, TRIAL)]


def test_what_one_can_do_and_a_chair_to_sit_in_are_no_deeds(pipe: Pipeline) -> None:
    assert _told(pipe, "A single stoat can attack and wipe out a whole nest of chicks near "
                       "Vessa in one night.") == []
    assert _told(pipe, "\"We waited four years for someone to sit in that chair and answer,\" "
                       "said a relative in Vessa on Monday.") == []
    told = _told(pipe, "Hundreds of students staged a sit in at the university in Vessa on "
                       "Monday.")
    assert [e.sub_event_type for e in told] == ["Peaceful protest"]


def test_a_deed_recalled_from_a_past_period_with_no_day_is_background(pipe: Pipeline) -> None:
    assert _told(pipe, "Earlier this year, a bomb attack outside a district office in Vessa "
                       "killed a clerk.") == []
    assert _told(pipe, "Last year, weeks of protests over wages turned violent in Vessa.") == []
    told = _told(pipe, "On Monday, police in Vessa arrested 40 activists who had protested "
                       "last year.")
    assert told != []


def test_a_when_clause_after_a_period_start_is_history(pipe: Pipeline) -> None:
    events = pipe.extract(Article(
        "Tarvona clashes\n\nTARVONA, Dec 7 -\n\nTensions in the Vessa hills have simmered "
        "since July 2025, when clashes between two militias killed more than 300 people.\n\n"
        "Both sides say they want talks.", published=REPORT))
    assert [e.dropped[:7] for e in events if "simmered" in e.evidence.text] == ["history"]


def test_a_period_started_last_year_marks_no_other_incident(pipe: Pipeline) -> None:
    events = _told(pipe, (
        "Tarvona clashes\n\nTARVONA, Dec 7 -\n\nClashes between government forces and Vessan "
        "fighters near Tarvona killed nine people on Tuesday, a monitor said.\n\nThe fighting "
        "erupted near the village of Kessani when the two sides exchanged machine-gun fire "
        "along a line that has separated them since a ceasefire last year."))
    assert [(e.sub_event_type, str(e.date)) for e in events] == [("Armed clash", "2026-12-01")]
    assert any("fighting erupted" in t.text for t in events[0].also_told)


def test_a_fight_going_on_with_no_day_is_the_state_of_things(pipe: Pipeline) -> None:
    text = ("Air strike kills 17\n\nKARVELO, Dec 7 -\n\nAn air strike by the military on a "
            "monastery near Karvelo killed 17 people on Wednesday, officials said.\n\n"
            "Fighting continued elsewhere in the region. On Friday, rebels attacked an army "
            "column near Tolmar, killing 16 soldiers.")
    events = pipe.extract(Article(text, published=REPORT))
    going = [e for e in events if e.trigger == "Fighting continued"]
    assert going and going[0].dropped.startswith("ongoing")
    told = [(e.sub_event_type, str(e.date)) for e in events
            if e.dropped is None and e.modality in FACT]
    # the next sentence tells its own deed, on its own day
    assert told == [("Air/drone strike", "2026-12-02"), ("Armed clash", "2026-12-04")]
    # a one-paragraph report of a fight that goes on is the news itself
    brief = _told(pipe, "Fighting continued in Tolmar between the army and rebels.")
    assert [e.sub_event_type for e in brief] == ["Armed clash"]


def test_a_deal_in_its_own_clause_beside_a_week_of_fighting_is_its_own_event(
        pipe: Pipeline) -> None:
    text = ("Amhara deal\n\nBAHIR DAR, Ethiopia, Dec 7 -\n\nThe Amhara regional government "
            "signed a peace agreement with a rebel faction in Bahir Dar on Saturday, officials "
            "said, even as clashes elsewhere in the region killed at least 19 people over the "
            "past week.\n\nOn Thursday, Ethiopian troops and rebel fighters clashed near the "
            "town of Dembecha, killing 11 people.")
    told = [(e.sub_event_type, str(e.date), e.time_precision) for e in _told(pipe, text)]
    assert ("Agreement", "2026-12-05", 1) in told
    # the week's clashes are told loosely, by their own clause's time, and are Thursday's
    assert [t for t in told if t[0] == "Armed clash"] == [("Armed clash", "2026-12-03", 1)]
    # in a one-paragraph report the violent deed is the event, as before
    brief = _told(pipe, "On 5 May 2026, the government signed a deal with rebels in Tolmar, "
                        "as clashes killed 19 people in Vessa.")
    assert [e.sub_event_type for e in brief] == ["Armed clash"]


def test_a_fight_going_on_in_a_clause_of_its_own_with_no_day_is_no_incident(
        pipe: Pipeline) -> None:
    text = ("Talks fail\n\nTOLMAR, Dec 7 -\n\nPrevious attempts at negotiations have failed, "
            "and fighting continued through the elections.\n\nBoth sides blame each other.")
    events = pipe.extract(Article(text, published=REPORT))
    assert [e.dropped[:7] for e in events if e.trigger == "fighting continued"] == ["ongoing"]


def test_a_month_of_a_year_long_past_dates_the_deed_as_history(pipe: Pipeline) -> None:
    text = ("A general dies\n\nLUANDA, Dec 7 -\n\nGeneral Tarvo Mendes, who has died at 83, "
            "served through the civil war.\n\nThe war ended in 2002, and the two sides signed "
            "a ceasefire memorandum in Luena that April.")
    assert _told(pipe, text) == []


def test_a_campaign_against_pests_has_battles_and_air_strikes_of_its_own(pipe: Pipeline) -> None:
    text = ("Tarvona wins its locust war\n\nTARVONA, Dec 7 -\n\nThe ministry said teams had "
            "fought swarms of locusts across nine districts this year.\n\n\"It was a real "
            "battle on several fronts,\" the minister said. Aerial strikes by light aircraft "
            "covered another 900,000 hectares.")
    assert _told(pipe, text) == []
    # an armed party named in the story is news whatever the lead says
    armed = text + "\n\nOn Friday, gunmen attacked a spraying team near Vessa, killing two."
    assert [e.sub_event_type for e in _told(pipe, armed)] == ["Attack"]


def test_a_town_taken_and_its_offices_taken_that_day_are_one_taking(pipe: Pipeline) -> None:
    text = ("Rebels take Manaung\n\nYANGON, Myanmar, Dec 7 -\n\nThe Arakan Army said on "
            "Saturday that its fighters had entered Manaung without fighting after the "
            "military's troops left by boat.\n\nThe ethnic armed group said it had taken "
            "control of the town's police station and administrative offices.")
    told = _told(pipe, text)
    assert [e.sub_event_type for e in told] == ["Non-violent transfer of territory"]
    assert len(told[0].also_told) == 1


def test_two_demonstrations_of_one_sentence_on_two_days_are_two(pipe: Pipeline) -> None:
    text = ("Budget protests\n\nSOFIA, Bulgaria, Dec 7 -\n\nTens of thousands of people "
            "rallied in central Sofia on Wednesday evening against the draft budget, and a "
            "smaller demonstration the following night ended in scuffles with police.\n\n"
            "On Thursday evening, police said masked men threw bottles at officers outside "
            "parliament in Sofia, injuring nine.\n\nThe protests spread beyond the capital. "
            "On Saturday, several thousand people demonstrated peacefully in Plovdiv.")
    told = sorted((str(e.date), e.sub_event_type) for e in _told(pipe, text))
    assert told == [("2026-12-02", "Peaceful protest"), ("2026-12-03", "Violent demonstration"),
                    ("2026-12-05", "Peaceful protest")]


def test_reports_the_article_denies_are_no_event(pipe: Pipeline) -> None:
    text = ("Army denies air strike\n\nBAGHDAD, Dec 7 -\n\nIraq's Joint Operations Command on "
            "Sunday denied reports that aircraft had bombed a desert area west of Rutba, "
            "saying the blasts came from the planned destruction of old munitions.\n\n"
            "Several local news websites reported that unidentified warplanes had struck a "
            "convoy on the highway near Rutba.\n\n\"No Iraqi, coalition or foreign aircraft "
            "carried out any strike in the Rutba area,\" a spokesman said.")
    assert _told(pipe, text) == []
    events = pipe.extract(Article(text, published=REPORT))
    assert any((e.dropped or "").startswith("denied in the article") for e in events)
    # a report nobody denies stays news
    kept = text.replace("denied reports that", "said that").replace(
        "\"No Iraqi, coalition or foreign aircraft carried out any strike in the Rutba area,\" "
        "a spokesman said.", "Residents said the blasts lasted an hour.")
    assert [e.sub_event_type for e in _told(pipe, kept)] == ["Air/drone strike"]


def test_a_subject_none_of_which_did_it_negates_the_deed() -> None:
    from eventwire.events.modality import modality_of

    s = "No Iraqi, coalition or foreign aircraft carried out any strike near Rutba."
    at = s.index("aircraft")
    assert modality_of(s, at, at + len("aircraft carried out")) == "negated"
    # a verb between tells of the deed: "No group has claimed the attack"
    s2 = "No group has claimed the attack on the post near Rutba."
    at2 = s2.index("attack")
    assert modality_of(s2, at2, at2 + len("attack")) != "negated"


def test_a_dateline_in_accented_capitals_is_the_filing_not_the_deed_s_day(
        pipe: Pipeline) -> None:
    from eventwire.geo.geocoder import dateline_end

    assert dateline_end("BOGOTÁ, Dec 7 – Gunmen ambushed a patrol") > 0
    assert dateline_end("SÃO PAULO, Dec 7 (Wire) - Police arrested") > 0
    text = ("Gunmen ambush patrol, drones hit farm\n\n"
            "TARVONÁ, Mexico, Dec 7 – Gunmen ambushed a police patrol in the hill country "
            "on Saturday, killing five officers, and explosives dropped from drones wounded "
            "two people on a farm outside Vessa a day later, officials said.\n")
    ambush = [e for e in _told(pipe, text) if e.sub_event_type == "Armed clash"]
    assert [str(e.date) for e in ambush] == ["2026-12-05"], \
        [(e.date, e.time_precision) for e in ambush]


def test_a_drone_s_counted_payload_is_its_strike_and_a_cache_carried_is_no_attack(
        pipe: Pipeline) -> None:
    strike = ("On Sunday morning, drones dropped at least three improvised explosive devices "
              "on an orchard outside Vessa, wounding a farmer, officials said.")
    assert [e.sub_event_type for e in _told(pipe, strike)] == ["Air/drone strike"]
    arrest = ("On Sunday, soldiers detained three men in Vessa who were carrying two rifles "
              "and components for explosive devices, the ministry said.")
    assert [e.sub_event_type for e in _told(pipe, arrest)] == ["Arrests"]



def test_a_road_block_at_a_village_the_gazetteer_lacks_is_the_one_the_lead_told() -> None:
    # the lead places the crowd at a town of the region; the body names the village where
    # the road was blocked, which the gazetteer lacks: placed in or near the region, it is
    # the same demonstration on the same day
    lead = dataclasses.replace(_event(
        "Armed clash", "Police fired tear gas to disperse residents who blocked a highway near "
        "Karvelo on Monday.", "blocked a highway", 0, date="2026-12-07"),
        event_type="Protests", sub_event_type="Protest with intervention")
    body = dataclasses.replace(_event(
        "Armed clash", "On Monday, hundreds of youths blocked the road at Tesso Vale.",
        "blocked the road", 200, date="2026-12-07"),
        event_type="Protests", sub_event_type="Protest with intervention",
        location=Place("Tesso Vale", iso3="XXA", admin1="Upper Reach", lat=11.0, lon=21.0,
                       geo_precision=3, mention="Tesso Vale",
                       relation="in or near Upper Reach"))
    assert len(merge_tellings([lead, body], REPORT)) == 1
    elsewhere = dataclasses.replace(body, location=dataclasses.replace(
        body.location, admin1="Lower Reach", relation="in or near Lower Reach"))
    assert len(merge_tellings([lead, elsewhere], REPORT)) == 2


def test_a_march_forced_on_people_is_no_protest(pipe: Pipeline) -> None:
    forced = ("Gunmen surrounded a church in Karvelo on Sunday and marched the worshippers "
              "into the forest, residents said.")
    assert not [e for e in _told(pipe, forced) if e.event_type == "Protests"]
    assert _told(pipe, "Hundreds of teachers marched into the centre of Karvelo on Sunday "
                       "to demand their pay.")


def test_a_blast_told_with_no_weapon_is_the_grenade_told_before() -> None:
    grenade = dataclasses.replace(_event(
        "Air/drone strike", "Unknown assailants hurled a hand grenade at a checkpoint in "
        "Karvelo on Wednesday.", "hurled a hand grenade", 0), sub_event_type="Grenade")
    blast = dataclasses.replace(_event(
        "Air/drone strike", "A resident said he heard a single loud blast followed by gunfire.",
        "blast", 90), sub_event_type="Remote explosive/landmine/IED")
    assert len(merge_tellings([grenade, blast], REPORT)) == 1
    # a weapon of its own is another deed
    bomb = dataclasses.replace(blast, trigger="roadside bomb", evidence=Evidence(
        "A roadside bomb hit a bus in Karvelo on Wednesday.", 90, 140))
    assert len(merge_tellings([grenade, bomb], REPORT)) == 2


def test_a_claim_s_seized_arms_are_the_claimed_attack_s() -> None:
    raid = _event("Armed clash", "Fighters stormed an army post near Karvelo on Wednesday.",
                  "stormed", 0)
    claim = dataclasses.replace(_event(
        "Armed clash", "The group claimed responsibility, saying its fighters had raided the "
        "post and seized arms and ammunition.", "seized arms", 80),
        event_type="Strategic developments", sub_event_type="Disrupted weapons use",
        location=dataclasses.replace(TOWN, mention="elsewhere"))
    assert len(merge_tellings([raid, claim], REPORT)) == 1


def test_a_spokesman_s_quote_of_the_fight_is_the_fight() -> None:
    clash = dataclasses.replace(_event(
        "Armed clash", "Fighters stormed an army position near Karvelo on Saturday, killing "
        "eleven soldiers.", "stormed", 0, actor1="Unidentified Armed Group (XXA)"),
        actor2=Actor("Military Forces of XXA"))
    quote = _event("Armed clash", "\"Our forces fought with courage and pushed the "
                   "terrorists back,\" the spokesman said.", "fought", 100,
                   actor1="Military Forces of XXA", date="2026-12-03")
    assert len(merge_tellings([clash, quote], REPORT)) == 1


BUS_BOMB = """A roadside bomb kills seven on a highway; grenade hits a tea shop in Mombasa

NAIROBI, Dec 7 (Wire) – A roadside bomb tore through a minibus carrying passengers near \
Kelvarra in Kenya on Friday, killing seven people, police said, and a grenade thrown into a \
tea shop in Mombasa on Saturday evening killed two more.

The minibus was travelling from Garissa to Dadaab when the bomb, buried at the side of the \
road, exploded as it passed near Kelvarra, a police spokesman said.

The Red Hand group said in a statement on its radio station that its fighters had \
detonated the device and had targeted soldiers travelling in the vehicle.

On Saturday evening, an attacker threw a hand grenade into a crowded tea shop in Mombasa, \
killing two customers, police said."""


def test_a_bomb_told_again_as_the_device_is_one_incident(pipe: Pipeline) -> None:
    told = _told(pipe, BUS_BOMB)
    assert sorted(e.sub_event_type for e in told) == ["Grenade",
                                                      "Remote explosive/landmine/IED"], \
        [(e.sub_event_type, e.trigger, e.location and e.location.name) for e in told]
    # the people a blast killed are whom it hit, not who threw it
    grenade = next(e for e in told if e.sub_event_type == "Grenade")
    assert grenade.actor1 is not None and grenade.actor1.name.startswith("Unidentified")
    assert grenade.actor2 is not None and grenade.actor2.name.startswith("Civilians")


def test_a_bomb_is_named_again_as_the_device() -> None:
    from eventwire.events.incidents import _names_incident

    assert _names_incident("roadside bomb", "its fighters had detonated the device")
    assert _names_incident("car bomb", "the explosives were planted overnight")
    assert not _names_incident("air strike", "its fighters had detonated the device")


def test_a_name_placed_at_its_country_holds_the_country_s_towns() -> None:
    from eventwire.events.incidents import _contains

    unknown = Place(name="Kelvarra", country="Kenya", iso3="KEN", geo_precision=3,
                    relation="in or near Kenya", mention="Kelvarra")
    town = Place(name="Garissa", country="Kenya", iso3="KEN", admin1="Garissa",
                 geo_precision=1, mention="Garissa")
    abroad = dataclasses.replace(town, country="Somalia", iso3="SOM", admin1="Gedo")
    assert _contains(unknown, town) and not _contains(unknown, abroad)


STATION = """Militants storm a police station in Garissa county

NAIROBI, Dec 7 (Wire) – Militants armed with rifles and grenades attacked a police station \
in Kenya's north-eastern Garissa county late on Monday, killing four policemen, officials \
said.

The attackers stormed the police station in Masalani, in Garissa county, shortly before \
midnight, triggering a gunfight that lasted two hours, the county police chief said.

On Thursday, the army said soldiers had killed nine militants in an operation near Dadaab, \
in Garissa county."""


def test_grenades_carried_are_no_grenade_attack_and_the_body_names_the_spot(
        pipe: Pipeline) -> None:
    told = _told(pipe, STATION)
    assert [e.sub_event_type for e in told] == ["Armed clash", "Armed clash"], \
        [(e.sub_event_type, e.trigger) for e in told]
    # the lead's county becomes the body's town: the army's operation elsewhere in the
    # county is another event
    assert told[0].location is not None and told[0].location.geo_precision == 1


LAUNCHER = """Army dismantles rocket launcher near the border

BEIRUT, Dec 7 (Wire) – An Israeli drone strike on a car near the southern Lebanese town of \
Aitaroun killed two people on Saturday, the health ministry said, while the Lebanese army \
said it had dismantled a rocket launcher found in an orchard near Kfar Kila.

Hezbollah issued death notices for the two men, describing them as "martyrs on the road to \
victory".

On Friday, the Lebanese army said its soldiers had found a launch pad loaded with three \
rockets in an orchard on the outskirts of Kfar Kila and had dismantled it.

The army also said on Sunday that Israeli troops had set up a new military position on a \
hill overlooking the village of Houla."""


def test_a_launcher_found_twice_a_position_set_up_and_a_name_in_quotes(pipe: Pipeline) -> None:
    told = _told(pipe, LAUNCHER)
    assert sorted(e.sub_event_type for e in told) == [
        "Air/drone strike", "Disrupted weapons use", "Headquarters or base established"], \
        [(e.sub_event_type, e.trigger) for e in told]
    found = next(e for e in told if e.sub_event_type == "Disrupted weapons use")
    assert found.date == "2026-12-04" and len(found.also_told) == 1


RECALLED = """Drone strike hits market in Kelvarra

NAIROBI, Dec 7 (Wire) – A drone strike on the central market of Kelvarra in Kenya's Garissa \
county killed eleven people on Wednesday, officials said.

In November, a drone strike on a funeral gathering in Masalani killed at least 40 people, \
according to local officials.

A United Nations envoy said on Sunday she was "appalled" by the attacks on civilians in \
Kelvarra and Masalani.

Workers at a factory that closed last month formed a human chain in Garissa on Friday."""


def test_a_past_month_recalled_and_a_reaction_are_no_new_events(pipe: Pipeline) -> None:
    told = _told(pipe, RECALLED)
    assert sorted(e.sub_event_type for e in told) == ["Air/drone strike", "Peaceful protest"], \
        [(e.sub_event_type, e.trigger, e.date) for e in told]
    strike = next(e for e in told if e.sub_event_type == "Air/drone strike")
    assert strike.date == "2026-12-02" and len(strike.also_told) == 1
    dropped = [e.dropped for e in pipe.extract(Article(RECALLED, published=REPORT))
               if e.dropped]
    assert any("a past month" in d for d in dropped)


def test_a_datelines_day_yields_to_a_month_its_sentence_tells(pipe: Pipeline) -> None:
    text = ("VESSA, Dec 7 (Wire) - Workers at the Oldport plant staged a one-day strike in June "
            "over pay, the company said on Monday.\n\n"
            "The company reported higher sales for the third quarter.")
    events = [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]
    assert [(e.date, e.time_precision) for e in events] == [("2026-06-01", 3)]
    # a one-paragraph note is dated by what it opens on, not by a month it names in passing
    note = "Police clashed with traders in Vessa over a market levy imposed in July."
    events = [e for e in pipe.extract(Article(note, published=REPORT)) if e.dropped is None]
    assert [e.date for e in events] == [REPORT.isoformat()]


def test_a_paragraph_opening_on_an_accident_frames_its_own_tolls(pipe: Pipeline) -> None:
    text = ("VESSA, Dec 7 (Wire) - The health ministry opened three clinics in the north on "
            "Monday.\n\n"
            "The ministry also noted the road crash on Saturday near Kessalo, in which a bus "
            "collided with a fuel tanker. Police said 11 people were killed and 23 injured.\n\n")
    assert _told(pipe, text) == []
    armed = text + ("A bus crashed near Tarvona on Friday after its driver lost control. "
                    "Gunmen later shot dead two of the passengers who survived, police said.")
    assert [e.sub_event_type for e in _told(pipe, armed)] == ["Attack"]


def test_a_firefight_with_a_groups_members_is_a_clash_not_a_mob(pipe: Pipeline) -> None:
    told = _told(pipe, "Two soldiers and three members of the group were killed in a "
                       "firefight in Vessa on Thursday, the army said.")
    assert [e.sub_event_type for e in told] == ["Armed clash"]
    told = _told(pipe, "Members of two rival parties clashed in Vessa on Sunday, leaving "
                       "five injured.")
    assert [e.sub_event_type for e in told] == ["Mob violence"]


def test_a_denial_of_a_blast_in_another_town_leaves_the_blast_told(pipe: Pipeline) -> None:
    # (real neighbouring towns: the test needs their places)
    text = ("MAIDUGURI, Dec 7 (Wire) - Two men lobbed a grenade at a store in Maiduguri on "
            "Saturday night, wounding six people, police said.\n\n"
            "Police denied reports on social media that a second grenade exploded in "
            "Konduga the same night.")
    told = _told(pipe, text)
    assert [(e.sub_event_type, e.location.name) for e in told] == [("Grenade", "Maiduguri")]


def test_a_name_after_the_town_of_is_a_place_even_as_a_person(pipe: Pipeline) -> None:
    # "Datu" is a title to the small model, which calls the town a person
    told = _told(pipe, "Two men lobbed a grenade at a store in the town proper of Datu Piang "
                       "on Saturday night, wounding six people, police said.")
    assert [e.location.name for e in told] == ["Datu Piang"]



def test_both_sides_killed_in_a_firefight_are_its_two_parties(pipe: Pipeline) -> None:
    told = _told(pipe, "Two soldiers and three militants were killed in a firefight in Vessa "
                       "on Thursday, the army said.")
    assert len(told) == 1 and told[0].actor1 is not None and told[0].actor2 is not None
    assert told[0].actor1.name.startswith("Military Forces")
    assert told[0].actor2.name.startswith("Unidentified Armed Group")
