"""The article's frame: a headline and lead that tell an accident, a commemoration, a trial
or an obituary frame what the article tells later (eventwire.events.relevance.Relevance.frame).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.events.detect import Cue
from eventwire.events.relevance import Relevance
from eventwire.pipeline import Pipeline
from eventwire.records import Article

REPORT = dt.date(2024, 5, 6)  # a Monday


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(explain=True)


def _cue(text: str, word: str, family: str) -> Cue:
    i = text.lower().index(word.lower())
    return Cue("Attack", family, False, 1.0, i, i + len(word), text[i:i + len(word)])


@pytest.mark.parametrize("lead,kind", [
    ("Nine dead as minibus plunges into river. Nine people died when a minibus left a "
     "narrow bridge and plunged into the river below on Friday.", "accident"),
    ("Floods leave thousands homeless. Floods swept through the lowlands on Sunday.",
     "accident"),
    ("Village marks sixty years since the massacre. Hundreds gathered to remember the "
     "victims of the 1964 massacre.", "history"),
    ("Driver jailed for killing cyclist. A lorry driver was jailed for six years on Monday.",
     "court"),
    ("Poet and activist Mara Velt dies aged 88. Mara Velt, whose verse filled the squares "
     "of her youth, died on Thursday.", "obituary"),
    ("Man appears in court charged with murder of his brother. A 40-year-old man appeared "
     "before magistrates in Vessa on Monday.", "court"),
    ("Stabbing in kitchen, jury told. A man stabbed his brother after a row over money, the "
     "Vessa Crown Court heard on Tuesday.", "court"),
    ("Exhibition brings a forgotten siege back to life. The guns fell silent over Vessa more "
     "than a century ago, but the new exhibition at the town museum recalls them.",
     "history"),
    ("Gas explosion rips through flats. A gas explosion tore through a block of flats in "
     "Vessa on Sunday, injuring six people.", "accident"),
    ("Forty years on, Vessa's veterans recall the siege that made a city. Karel Dvor was 17 "
     "when he joined the defenders in 1986.", "history"),
    ("Burglaries fall again. Vessa recorded 1,204 burglaries between April and June, police "
     "figures showed on Friday.", "statistics"),
    # a drill told as a deed
    ("Police stage mock hostage raid at Vessa mall. Masked \"gunmen\" seized shoppers and "
     "commandos stormed a cinema in Vessa on Sunday.", "exercise"),
    # an armed word the lead rules out
    ("Gas leak blamed for blast at Vessa mill. An explosion caused by a gas leak tore "
     "through a mill in Vessa on Sunday, killing four workers; investigators had ruled out "
     "sabotage.", "accident"),
    # an animal as the doer, with no accident word: the lead still frames the story
    ("Wolves take sheep near Vessa. VESSA, May 4 - A pack of wolves killed 30 sheep on a "
     "hill farm above the town on Saturday night.", "animal"),
])
def test_a_lead_sets_a_frame(lead: str, kind: str) -> None:
    frame = Relevance.default().frame(lead)
    assert frame is not None and frame.kind == kind, frame


@pytest.mark.parametrize("lead", [
    # a weapon or an armed party in the lead: the crash is an attack's
    "Bus hits roadside bomb, killing nine. A bus struck a roadside bomb near Tarvona.",
    "Gunmen ambush convoy after truck overturned. Gunmen opened fire on a convoy on Friday.",
    # an anniversary without a commemoration: news on the day
    "Police fire tear gas on the anniversary of the vote. Police fired tear gas at "
    "marchers in Tarvona on Sunday.",
    "Soldiers killed in border clash. Three soldiers were killed on Sunday.",
    # a group's name, not an animal
    "Tigers attack army post. The Tigers attacked an army post near Vessa on Sunday.",
])
def test_a_lead_of_conflict_news_sets_no_frame(lead: str) -> None:
    assert Relevance.default().frame(lead) is None


def test_a_disaster_frames_tolls_but_not_violence() -> None:
    rel = Relevance.default()
    frame = rel.frame("Quake kills dozens. An earthquake struck the hill towns at dawn.")
    assert frame is not None
    toll = "Rescuers said at least 40 people were killed and 200 injured in the towns."
    assert "accident or disaster" in (rel.framed(_cue(toll, "killed", "vac"), toll, frame,
                                                 "none") or "")
    shot = "Soldiers shot two looters who broke into a shop in the ruins."
    assert rel.framed(_cue(shot, "shot", "vac"), shot, frame, "none") is None


def test_a_trial_frames_the_crime_tried_and_old_arrests() -> None:
    rel = Relevance.default()
    frame = rel.frame("Farmer jailed for killing neighbour. A farmer was sentenced on Monday.")
    attack = "He attacked his neighbour with a spade after a quarrel over a fence."
    assert rel.framed(_cue(attack, "attacked", "vac"), attack, frame, "none") is not None
    held = "Police arrested him in 2019 at his brother's house."
    assert rel.framed(_cue(held, "arrested", "arrest"), held, frame, "old") is not None
    outside = "Police arrested six of his supporters outside the court."
    assert rel.framed(_cue(outside, "arrested", "arrest"), outside, frame, "none") is None
    # the crime tried is ordinary crime however recent, unless an armed or political party
    # did it
    own = "He shot his neighbour on March 3 after a quarrel over a fence."
    assert rel.framed(_cue(own, "shot", "vac"), own, frame, "recent") is not None
    armed = "Militiamen shot the neighbour on March 3, the court heard."
    assert rel.framed(_cue(armed, "shot", "vac"), armed, frame, "recent") is None


def test_tear_gas_canisters_are_no_gas_accident() -> None:
    rel = Relevance.default()
    assert rel.frame("Police fire tear gas canisters at marchers. Police fired tear gas "
                     "canisters at marchers in Vessa on Sunday.") is None


ROAD = """Eleven killed as coach plunges into gorge

Eleven people were killed and 30 injured when a coach carrying pilgrims plunged into a gorge \
near Vessa on Saturday, the district police chief said.

Rescuers pulled survivors from the wreckage through the night. Doctors at the district \
hospital said four of the injured were in a critical condition.

The provincial governor visited the survivors and ordered an inquiry into the state of \
the road."""

REMEMBRANCE = """Seventy years on, Orlen remembers the night of the shelling

Survivors and their grandchildren gathered in Orlen on Sunday to mark the seventieth \
anniversary of the shelling that levelled the harbour.

That night, artillery on the ridge shelled the harbour for six hours, and more than 200 \
people were killed in the fires.

On Saturday night, unknown men threw a petrol bomb at the memorial, police said; nobody was \
hurt."""


def test_a_commemoration_tells_the_remembered_war_as_history(pipe: Pipeline) -> None:
    events = pipe.extract(Article(REMEMBRANCE, published=REPORT))
    kept = [e for e in events if e.dropped is None]
    dropped = [e for e in events if e.dropped is not None]
    # the shelling seventy years ago is history; the petrol bomb on Saturday is news
    assert any("shell" in (e.trigger or "").lower() and "history" in (e.dropped or "")
               for e in dropped), [(e.trigger, e.dropped) for e in events]
    assert any(e.evidence is not None and "petrol bomb" in e.evidence.text for e in kept), \
        [(e.trigger, e.dropped) for e in events]
    assert all(e.date is None or dt.date.fromisoformat(str(e.date)) >= REPORT - dt.timedelta(days=7)
               for e in kept)


WREATHS = """Thousands mark 150th anniversary of the battle of Vessa

VESSA - Thousands of visitors marked the 150th anniversary of the battle of Vessa this week.

On Wednesday, envoys from both countries laid wreaths at the monument to the battle's dead, \
the first built for soldiers of every army that fought there.

On Saturday night, unknown men fired shots at the monument's guards, police said; nobody was \
hurt."""


def test_a_deed_named_as_known_beside_a_commemoration_is_the_remembered_one(
        pipe: Pipeline) -> None:
    events = pipe.extract(Article(WREATHS, published=REPORT))
    kept = [e for e in events if e.dropped is None]
    # the wreaths were laid on Wednesday, but "the battle's dead" are the old battle's
    assert not any("battle" in (e.trigger or "").lower() for e in kept), \
        [(e.trigger, e.dropped) for e in events]
    # shots fired at the guards on Saturday are news
    assert any("fired" in (e.trigger or "").lower() or "shots" in (e.trigger or "").lower()
               for e in kept), [(e.trigger, e.dropped) for e in events]


@pytest.mark.parametrize("text", [
    "A leopard killed two goats and injured a herdsman near Vessa on Tuesday, wildlife "
    "officers said.",
    "A hiker was injured when a bear attacked him on a trail above Vessa on Tuesday.",
    "Game wardens shot a crocodile that had been taking goats from the river bank at Vessa.",
    "A cholera outbreak has killed nine people in the camps around Vessa, health officials "
    "said on Tuesday.",
], ids=["leopard", "bear", "crocodile shot", "cholera"])
def test_animals_and_disease_do_no_violence(pipe: Pipeline, text: str) -> None:
    events = pipe.extract(Article(text, published=REPORT))
    assert not [e for e in events if e.dropped is None], \
        [(e.trigger, e.explanation) for e in events]


def test_raiders_who_kill_cattle_still_make_an_event(pipe: Pipeline) -> None:
    text = ("Gunmen attacked herders near Vessa on Tuesday, killing two of them and "
            "shooting dozens of cattle.")
    assert [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]


SHARK = """Swimmer hurt in shark attack

A swimmer was bitten by a shark off Vessa beach on Tuesday afternoon.

The woman was attacked about 30 metres from the shore and was flown to hospital by \
helicopter. Lifeguards closed the beach for the rest of the day."""

# the dateline parses as the verb's subject, the pack in apposition to it; later sentences
# tell the dead sheep with no animal of their own
WOLVES = """Wolves kill sheep on hill farm

VESSA, May 4 - A pack of wolves killed 30 sheep on a hill farm above the town on Saturday \
night, the farm's owner said.

Shepherds found twelve carcasses in the fold at dawn and six more animals dead or badly \
wounded on the slope below."""

HAUL = """Police seize heroin hidden in furniture

Police seized 300 kilograms of heroin hidden in a shipment of sofas at Vessa's port on \
Tuesday.

Four men were arrested at a warehouse in the city, among them the importer."""


GAS = """Gas explosion rips through flats, injuring six

A gas explosion tore through a block of flats in Vessa early on Sunday, injuring six \
people, fire officials said.

Residents described chaos in the moments after the explosion. A second, smaller blast \
followed as firefighters reached the third floor."""

@pytest.mark.parametrize("text,reason", [
    (ROAD, "accident or disaster (the article's lead"),
    (GAS, "accident or disaster"),
    (SHARK, "an animal's attack (the article's lead"),
    (WOLVES, "an animal's attack (the article's lead"),
    (HAUL, "ordinary crime (the article's lead"),
], ids=["road accident", "gas explosion", "shark attack", "wolves and a dateline",
        "drug haul"])
def test_a_framed_article_tells_no_event(pipe: Pipeline, text: str, reason: str) -> None:
    events = pipe.extract(Article(text, published=REPORT))
    assert not [e for e in events if e.dropped is None]
    assert any(reason in (e.dropped or "") for e in events), \
        [(e.trigger, e.dropped) for e in events]


@pytest.mark.parametrize("text", [
    "The Red Leopard ambushed a police patrol near Vessa on Sunday, wounding two officers.",
    "Members of a drug trafficking gang kidnapped a shopkeeper in Vessa on Sunday and shot "
    "him dead.",
], ids=["a group named after an animal", "traffickers are an armed group"])
def test_named_groups_and_trafficking_gangs_still_make_events(pipe: Pipeline,
                                                             text: str) -> None:
    assert [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]


@pytest.mark.parametrize("text,kept", [
    ("An explosion at a fertiliser plant near Vessa killed four workers on Monday, the "
     "company said.", False),
    ("A bomb blast at a garment factory near Vessa killed four workers on Monday, police "
     "said.", True),
], ids=["works accident", "bomb at a factory"])
def test_an_industrial_accident_is_no_attack(pipe: Pipeline, text: str, kept: bool) -> None:
    events = [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]
    assert bool(events) == kept, [(e.trigger, e.explanation) for e in events]


ANNIVERSARY = """Eighty years on, Vessa remembers the night the bomber came

VESSA, Norland, 5 May 2024 - Eighty years ago this week, in May 1944, a lost bomber dropped \
its load on the village of Vessa, killing eleven people and destroying the old church.

On Saturday the village gathered to remember. The names of the dead were read out in the \
rebuilt church, and children laid flowers at the memorial."""

WILDFIRE = """Wildfire forces hundreds from their homes

A wildfire swept through the hills above Vessa on Saturday, forcing hundreds of people to \
leave their homes.

Driven by strong winds, the flames destroyed at least 23 houses before crews brought them \
under control on Sunday morning, the fire service said."""


@pytest.mark.parametrize("text,reason", [
    (ANNIVERSARY, "history"),
    (WILDFIRE, "accident or disaster"),
], ids=["a dateline's date is no date of the remembered raid", "what a wildfire destroyed"])
def test_a_frame_reads_the_sentences_own_date_and_what_the_disaster_did(
        pipe: Pipeline, text: str, reason: str) -> None:
    events = pipe.extract(Article(text, published=REPORT))
    assert not [e for e in events if e.dropped is None], \
        [(e.trigger, e.explanation) for e in events if e.dropped is None]
    assert any(reason in (e.dropped or "") for e in events), \
        [(e.trigger, e.dropped) for e in events]


def test_a_commemoration_with_a_demand_is_a_protest(pipe: Pipeline) -> None:
    text = ANNIVERSARY.replace("On Saturday the village gathered to remember.",
                               "On Saturday hundreds gathered to remember the dead and to "
                               "demand an apology from the government.")
    kept = [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]
    assert [e.event_type for e in kept] == ["Protests"], [(e.trigger, e.event_type) for e in kept]


def test_a_drill_s_quoted_gunmen_and_a_remembered_day_s_march_are_no_events(
        pipe: Pipeline) -> None:
    drill = ("Police stage mock hostage raid at Vessa mall\n\n"
             "VESSA, May 6 (Wire) - Masked \"gunmen\" seized shoppers and police commandos "
             "stormed a cinema in Vessa on Sunday, but the hostage crisis was a drill staged "
             "to test the police's readiness.\n")
    assert not [e for e in pipe.extract(Article(drill, published=REPORT)) if e.dropped is None]
    museum = ("Exhibition marks fifty years since the Vessa student uprising\n\n"
              "An exhibition marking the 50th anniversary of the 1974 Vessa uprising opened on "
              "Saturday, showing police radio logs from the day thousands of schoolchildren "
              "marched against the new language law.\n\n"
              "One room holds reports in which commanders describe the marchers as "
              "\"rioters\".\n")
    kept = [e for e in pipe.extract(Article(museum, published=REPORT)) if e.dropped is None]
    assert not kept, [(e.trigger, e.explanation) for e in kept]



CLIMB = """Two climbers die in avalanche on Mount Tarvo

VESSA, Norland, 6 May 2024 - An avalanche swept through a climbing route on Mount Tarvo on \
Saturday, killing two climbers, the district office said.

The bodies of Lena Varg and Tomas Ekin were recovered on Sunday morning by a rescue team \
flown in from Dorrin."""

FIREWORKS = """Hospitals brace for firecracker injuries before the new year

VESSA, Norland, 6 May 2024 - Health officials urged families on Sunday to avoid powerful \
firecrackers, warning that emergency wards were already treating blast injuries.

A boy in Dorrin lost two fingers on Saturday when a firecracker exploded in his hand, the \
officials said."""


@pytest.mark.parametrize("text,reason", [
    (CLIMB, "accident or disaster"),
    (FIREWORKS, "accident or disaster"),
], ids=["the dead recovered after a disaster", "a firework is no weapon"])
def test_a_disasters_recovered_dead_and_a_fireworks_blast_are_no_event(
        pipe: Pipeline, text: str, reason: str) -> None:
    events = pipe.extract(Article(text, published=REPORT))
    assert not [e for e in events if e.dropped is None], \
        [(e.trigger, e.sub_event_type, e.explanation) for e in events if e.dropped is None]
    assert any(reason in (e.dropped or "") for e in events)


def test_a_grenade_at_a_fireworks_show_is_still_an_attack(pipe: Pipeline) -> None:
    text = ("A man threw a grenade into the crowd watching the fireworks in Vessa on "
            "Saturday, killing two people, police said.")
    events = [e for e in pipe.extract(Article(text, published=REPORT)) if e.dropped is None]
    assert [e.sub_event_type for e in events] == ["Grenade"]
