"""The whole extractor on short reports the project wrote."""
import datetime as dt

import pytest

import eventwire
from eventwire.evaluate import haversine_km
from eventwire.pipeline import Pipeline, primary_event
from eventwire.records import Article

REPORT = """Skip to main content

Clashes near Kirkuk as protests grow

Islamic State militants attacked an army checkpoint near Kirkuk on Saturday, killing two soldiers, the Iraqi defence ministry said.

In Basra, hundreds of oil workers protested outside the governorate building on Sunday to demand unpaid wages. Police fired tear gas to disperse them.

The army said it will launch a new operation against the militants next week.

Every day the government promises to defeat terrorism.
"""


def _by_type(events):
    return {e.sub_event_type: e for e in events}


def test_report_gives_its_events_with_roles_places_dates_and_sources():
    events = eventwire.extract(REPORT, published="2024-05-06")
    subs = _by_type(events)
    clash = subs["Armed clash"]
    assert clash.actor1.name == "Islamic State"
    assert clash.actor2.name == "Military Forces of Iraq"
    assert clash.location.iso3 == "IRQ" and clash.location.name == "Kirkuk"
    assert clash.date == "2024-05-04"
    assert clash.fatalities.best == 2
    assert clash.modality == "reported"
    protest = subs["Protest with intervention"]
    assert protest.actor1.name == "Protesters (Iraq)"
    assert haversine_km(protest.location.lat, protest.location.lon, 30.51, 47.78) < 25  # Basra
    assert protest.date == "2024-05-05"


def test_future_plans_generic_claims_and_boilerplate_give_no_asserted_event():
    events = eventwire.extract(REPORT, published="2024-05-06")
    for e in events:
        if e.modality in ("asserted", "reported", "claimed"):
            assert "next week" not in e.evidence.text
            assert "Every day" not in e.evidence.text
            assert "Skip to" not in e.evidence.text


def test_evidence_offsets_point_into_the_article_text_and_ids_are_stable():
    from eventwire.ingest import article_from_string
    from eventwire.pipeline import default_pipeline

    article = article_from_string(REPORT, source="t", published=dt.date(2024, 5, 6))
    first = default_pipeline().extract(article)
    again = default_pipeline().extract(article)
    assert [e.event_id for e in first] == [e.event_id for e in again]
    assert len({e.event_id for e in first}) == len(first)
    for e in first:
        assert article.text[e.evidence.start:e.evidence.end] == e.evidence.text


def test_one_sentence_can_hold_two_events():
    text = ("Gunmen abducted a teacher in Maiduguri on Monday, and a roadside bomb "
            "struck a police vehicle in Damaturu the same day.")
    subs = {e.sub_event_type for e in eventwire.extract(text, published="2024-02-07")}
    assert {"Abduction/forced disappearance", "Remote explosive/landmine/IED"} <= subs


def test_html_page_is_read_through_the_ingest_layer():
    html = ("<html><head><title>Unrest</title></head><body><nav>Home | World | Sport</nav>"
            "<article><h1>Unrest in Lahore</h1><p>Thousands of traders demonstrated in Lahore "
            "on 3 June 2024 against new taxes, blocking the main road for hours.</p>"
            "<p>Shopkeepers said the strike would continue until the government listens to "
            "their demands and withdraws the measures announced last month.</p></article>"
            "<footer>Copyright 2024</footer></body></html>")
    events = eventwire.extract(html, published="2024-06-04")
    top = primary_event(events)
    assert top is not None
    assert top.event_type == "Protests"
    assert top.location.iso3 == "PAK"
    assert top.date == "2024-06-03"


def test_text_without_events_gives_none():
    assert eventwire.extract("The central bank kept interest rates unchanged on Tuesday, "
                             "citing steady inflation.", published="2024-01-10") == []


def test_fire_between_positions_is_an_armed_clash_and_a_found_body_an_attack():
    text = ("On 3 May 2024, government forces fired in the direction of rebel positions near "
            "Kirkuk. No casualties were reported.")
    (clash,) = eventwire.extract(text, published="2024-05-04")
    assert clash.sub_event_type == "Armed clash"
    text = "On 3 May 2024, the body of a shepherd was found near Kirkuk with gunshot wounds."
    (attack,) = eventwire.extract(text, published="2024-05-04")
    assert attack.sub_event_type == "Attack"


def test_who_acts_decides_between_arrest_abduction_clash_and_mob():
    def sub(text):
        (event,) = eventwire.extract(text, published="2024-05-04")
        return event.sub_event_type

    assert sub("On 3 May 2024, police detained five men in Kirkuk.") == "Arrests"
    assert sub("On 3 May 2024, Islamic State militants detained five men near Kirkuk.") == \
        "Abduction/forced disappearance"
    assert sub("On 3 May 2024, a clash broke out between cadres of two rival parties at a "
               "polling station in Kirkuk.") == "Mob violence"
    assert sub("On 3 May 2024, a clash broke out between soldiers and militants near "
               "Kirkuk.") == "Armed clash"


def test_a_crowd_that_beats_a_suspect_is_a_mob_but_a_victim_crowd_is_not():
    (mob,) = eventwire.extract("On 3 May 2024, residents caught a suspected thief and beat "
                               "him to death in Kirkuk.", published="2024-05-04")
    assert mob.sub_event_type == "Mob violence"
    (attack,) = eventwire.extract("On 3 May 2024, dozens of people were killed by gunmen "
                                  "in Kirkuk.", published="2024-05-04")
    assert attack.sub_event_type == "Attack"


def test_an_arrest_a_protest_is_about_is_no_intervention():
    def sub(text):
        (event,) = eventwire.extract(text, published="2024-05-04")
        return event.sub_event_type

    assert sub("On 3 May 2024, relatives protested in Kirkuk to demand the release of three "
               "activists who were detained in March.") == "Peaceful protest"
    assert sub("On 3 May 2024, relatives protested in Kirkuk. Police interrupted the protest "
               "and detained two of them.") == "Protest with intervention"


def test_a_title_run_into_its_text_is_a_headline_and_says_so():
    """A feed item's title joined to its text: the title's pun makes no event, the reason is
    kept for --explain; a body that tells the event still gives it, once."""
    from eventwire.pipeline import Pipeline, _title_case
    from eventwire.records import Article

    assert _title_case("Chip Makers Rally Behind the New Standard")
    assert not _title_case("Rebels clashed with the army in Dunmore")
    assert not _title_case("On 4 May, Police Forces of Ruritania arrested two men")
    pun = ("Fans Rally Behind New Phone. Shares of the handset maker rose four percent on "
           "Tuesday after the launch drew long queues at its stores.")
    assert Pipeline().extract(Article(pun, article_id="a")) == []
    dropped = Pipeline(explain=True).extract(Article(pun, article_id="a"))
    assert [e.dropped for e in dropped] == \
        ["headline (an article's events are read from its body)"]
    told = ("Workers Protest Plant Closure. Hundreds of workers marched through the town of "
            "Dunmore on Tuesday to protest the closure of the steel plant.")
    kept = Pipeline().extract(Article(told, article_id="b"))
    assert [e.sub_event_type for e in kept] == ["Peaceful protest"]
    assert kept[0].evidence.text.startswith("Hundreds of workers")
    # a title alone is the whole report: it is read
    alone = Pipeline().extract(Article("Workers Protest Plant Closure in Dunmore",
                                       article_id="c"))
    assert [e.sub_event_type for e in alone] == ["Peaceful protest"]


def test_a_place_the_small_model_calls_an_organisation_is_still_a_battles_place():
    """"Clashes went on overnight in Hama countryside": the small model tags Hama ORG; the
    gazetteer found the place, so the clash has its place and is kept."""
    from eventwire.nlp import load_model
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    text = "Clashes went on overnight in Hama countryside"
    assert [e.label_ for e in load_model()(text).ents] == ["TIME", "ORG"]  # the premise
    (event,) = Pipeline(explain=True).extract(Article(text, article_id="h"))
    assert event.dropped is None and event.sub_event_type == "Armed clash"


def test_a_feeds_focus_outweighs_an_organisations_home_for_a_report_naming_no_place():
    """Al-Shabaab's home is Somalia; in a feed about Kenya a report that names no place is
    in Kenya; in a feed about Somalia (or none) it stays in Somalia."""
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    text = "Al-Shabaab militants attacked a police post on Monday, killing two officers."

    def where(focus):  # type: ignore[no-untyped-def]
        (event,) = Pipeline(focus=focus).extract(Article(text, published=dt.date(2015, 5, 6)))
        return event.location.iso3, event.location.geo_precision

    assert where(None) == ("SOM", 3)
    assert where({"KE": 1.0}) == ("KEN", 3)
    assert where({"SO": 1.0, "KE": 0.3}) == ("SOM", 3)


def test_a_feed_about_two_countries_places_a_report_naming_no_place_by_its_own_words():
    """A report that names no place, in a feed about India and Pakistan: the country its
    words lean to (a demonym, a party at home there), else the feed's larger share."""
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline(focus={"IN": 0.6, "PK": 0.4})

    def where(text):  # type: ignore[no-untyped-def]
        events = pipe.extract(Article(text, published=dt.date(2015, 5, 6)))
        return events[0].location.iso3 if events and events[0].location else None

    assert where("Pakistani lawyers protested outside the court on Monday.") == "PAK"
    assert where("PTI workers protested outside the press club on Monday.") == "PAK"
    assert where("Lawyers protested outside the court on Monday.") == "IND"


@pytest.mark.parametrize("text", [
    "Traders protested in Dunmore on Monday, burning tyres on the main road.",
    "Youths in Dunmore demonstrated against the election results and looted shops.",
    "Traders protested in Dunmore over new levies and engaged police in running battles.",
    "Students protested in Dunmore against fee increases; some of them were rioting.",
    "Residents barricaded the road with burning tyres in Dunmore on Monday.",
])
def test_burning_tyres_or_looting_makes_a_demonstration_violent(text: str) -> None:
    """ACLED's codebook: road blocks of burning tyres, looting or vandalism by demonstrators
    make a violent demonstration (Riots), whoever the clause's subject is."""
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    (event,) = Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
    assert event.sub_event_type == "Violent demonstration" and event.event_type == "Riots"


@pytest.mark.parametrize("text", [
    "Armed men stole livestock from herders near Dunmore on Monday.",
    "A health centre was set ablaze by armed men in Dunmore on Monday.",
    "Gunmen burnt a town hall and a police station in Dunmore on Monday.",
    "Armed individuals carried off about 200 head of cattle in Dunmore on Monday.",
])
def test_theft_and_destruction_by_armed_men_is_looting(text: str) -> None:
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    (event,) = Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
    assert event.sub_event_type == "Looting/property destruction"


def test_theft_without_an_armed_party_and_a_storms_damage_are_no_looting():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    for text in ("Thieves stole a car in Dunmore on Monday, police said.",
                 "The storm destroyed bridges and damaged pumps across Dunmore on Monday."):
        assert pipe.extract(Article(text, published=dt.date(2024, 5, 6))) == [], text
    # a killing beside the burning is the event
    (event,) = pipe.extract(Article("Gunmen killed three villagers and burnt their granaries "
                                    "in Dunmore on Monday.", published=dt.date(2024, 5, 6)))
    assert event.sub_event_type == "Attack"


def test_stoning_is_a_crowds_violence():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    (event,) = pipe.extract(Article("Youths stoned a police vehicle in Dunmore on Monday.",
                                    published=dt.date(2024, 5, 6)))
    assert event.event_type == "Riots"
    (event,) = pipe.extract(Article("Protesters demonstrating against fuel prices pelted "
                                    "police with stones in Dunmore on Monday.",
                                    published=dt.date(2024, 5, 6)))
    assert event.sub_event_type == "Violent demonstration"


def test_dispersals_crowds_petrol_bombs_cattle_raids_and_clan_fighting_are_events():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()

    def one(text: str):  # type: ignore[no-untyped-def]
        (event,) = pipe.extract(Article(text, published=dt.date(2024, 5, 6)))
        return event

    # the police dispersing a crowd tells that the crowd had gathered
    assert one("Police fired tear gas to disperse stone-throwing youths in Dunmore on "
               "Monday.").event_type in ("Protests", "Riots")
    assert one("Supporters of the two candidates chased away voters at a polling station in "
               "Dunmore on Monday.").sub_event_type == "Mob violence"
    assert one("Youths burnt a council office in Dunmore on Monday.").event_type == "Riots"
    assert one("A petrol bomb was thrown at the house of a local councillor in Dunmore on "
               "Monday.").sub_event_type == "Attack"
    # "to storm" is an assault, not the weather
    assert one("Youths attempted to storm the police station in Dunmore on Monday.")\
        .event_type == "Riots"
    # deaths told by the unrest they came in
    assert one("Two people died in the violence in Dunmore on Monday.").event_type == "Riots"
    # a raid on a herd, fighting named by its sides' kind
    assert one("A cattle raid near Dunmore on Monday left two herders dead.").event_type == \
        "Violence against civilians"
    assert one("Inter-clan fighting was reported in Dunmore on Monday.").sub_event_type == \
        "Armed clash"
    # the words without the act
    assert not [e for e in pipe.extract(Article(
        "The crowd dispersed peacefully after the concert in Dunmore on Monday.",
        published=dt.date(2024, 5, 6))) if e.modality == "asserted"]


def test_a_crowd_that_clashes_with_the_police_riots():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()

    def sub(text: str) -> str:
        (event,) = pipe.extract(Article(text, published=dt.date(2024, 5, 6)))
        return event.sub_event_type

    assert sub("Villagers clashed with police in Dunmore on Monday.") == "Mob violence"
    assert sub("Students protesting a fee rise clashed with police in Dunmore on "
               "Monday.") == "Violent demonstration"
    # members of an armed gang are an armed side, whoever they fight
    assert sub("Members of an armed gang clashed with police in Dunmore on Monday, "
               "exchanging fire for an hour.") == "Armed clash"


def test_a_rampage_is_a_mobs_and_a_teams_running_battle_is_sport():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    (event,) = pipe.extract(Article("Motorcycle taxi riders went on the rampage in Dunmore on "
                                    "Monday after a colleague was killed.",
                                    published=dt.date(2024, 5, 6)))
    assert event.sub_event_type == "Mob violence"
    assert pipe.extract(Article("The two teams fought running battles for the league title "
                                "all season.", published=dt.date(2024, 5, 6))) == []


@pytest.mark.parametrize("text, first, second", [
    # the harm verb's "by" phrase is the side that acted, whatever the sentence names first
    ("On 3 May 2021, two suspected Al Shabaab fighters were killed by police in a shootout "
     "near Tarvona.", "Police Forces", "Al Shabaab"),
    # a side that was repulsed attacked first, and leads
    ("On 3 May 2021, Al Shabaab fighters tried to advance on Tarvona but were repelled by the "
     "police.", "Al Shabaab", "Police Forces"),
    # South Asian English: an "encounter" is a gunfight, its other side named by "with"
    ("On 3 May 2021, three insurgents were killed in an encounter with the police near "
     "Tarvona.", "Police Forces", "Unidentified Armed Group"),
    ("On 3 May 2021, an encounter broke out between militants and soldiers in Tarvona.",
     "Unidentified Armed Group", "Military Forces"),
])
def test_battle_roles_follow_who_acted(text: str, first: str, second: str) -> None:
    event = primary_event(eventwire.extract(text, published=dt.date(2021, 5, 4)))
    assert event is not None and event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.name.startswith(first)
    assert event.actor2 is not None and event.actor2.name.startswith(second)


def test_an_encounter_without_arms_is_no_battle() -> None:
    events = eventwire.extract("The minister recalled a chance encounter with a novelist in "
                               "Tarvona.", published=dt.date(2021, 5, 4))
    assert not [e for e in events if e.event_type == "Battles"]


@pytest.mark.parametrize("text, sub", [
    # a crowd that wrecks or burns is rioting; the same by soldiers is destruction
    ("On 3 May 2021, party activists vandalised the office of a rival party in Tarvona.",
     "Mob violence"),
    ("On 3 May 2021, protesters torched two buses in Tarvona during a strike against fuel "
     "prices.", "Violent demonstration"),
    ("On 3 May 2021, soldiers burnt down twenty houses in a village near Tarvona.",
     "Looting/property destruction"),
    # party activists who beat a rival with no demonstration told are a mob
    ("On 3 May 2021, ruling party activists attacked an opposition leader in Tarvona, "
     "injuring him.", "Mob violence"),
    # the violence told after a comma, or as a gerund, or by riders of motorcycle taxis
    ("On 3 May 2021, students protested in Tarvona, smashing the windows of the "
     "administration block.", "Violent demonstration"),
    ("On 3 May 2021, traders demonstrated in Tarvona and stoned passing vehicles.",
     "Violent demonstration"),
    ("On 3 May 2021, motorcycle taxi riders protested in Tarvona, burning a police "
     "vehicle.", "Violent demonstration"),
    ("On 3 May 2021, supporters marched through Tarvona, burning an effigy of the "
     "governor.", "Peaceful protest"),
])
def test_destruction_or_violence_by_a_crowd_is_a_riot(text: str, sub: str) -> None:
    event = primary_event(eventwire.extract(text, published=dt.date(2021, 5, 4)))
    assert event is not None and event.sub_event_type == sub


@pytest.mark.parametrize("text, sub", [
    # the crowd and its deed too far apart for words, close in the parse
    ("On 3 May 2024, in Tamarel, residents who reject the results of the municipal election "
     "demonstrated and burned a bus of the transport company.", "Violent demonstration"),
    ("On 3 May 2024, passengers angry at a long delay demonstrated at Kerrow airport and "
     "destroyed some facilities of the terminal.", "Violent demonstration"),
    # a symbol burned is a sign, not damage
    ("On 3 May 2024, members of the People's Front demonstrated in Tamarel and burnt the "
     "party flag after the ticket went to a newcomer.", "Peaceful protest"),
])
def test_a_crowds_deed_from_the_parse(text: str, sub: str) -> None:
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    event = primary_event(Pipeline().extract(Article(text, published=dt.date(2024, 5, 4))))
    assert event is not None and event.sub_event_type == sub


def test_a_town_abroad_by_another_of_its_names_loses_to_the_storys_country():
    # "Boni" is also another name of a town in Indonesia; every other place here is Mali's,
    # and Mali's Boni is in no offline source: the event sits in Mali
    text = ("BAMAKO, May 4 - Three Malian soldiers were killed on Friday when their truck "
            "struck a landmine on the road between Boni and Hombori in central Mali, "
            "officials in Mopti said.")
    from eventwire.geo import Geocoder
    boni = next(m for m in Geocoder.default().geoparse(text) if m.name == "Boni")
    assert boni.place is None or boni.place.iso3 == "MLI", boni.place
    events = eventwire.extract(text, published=dt.date(2024, 5, 6))
    told = [e for e in events if e.modality in ("asserted", "reported")]
    assert told and all(e.location is not None and e.location.iso3 == "MLI" for e in told)


def test_a_datelines_day_anchors_the_storys_weekdays():
    # filed on Nov 29 (a Sunday), read in the paper of Dec 6: "on Saturday" is Nov 28
    text = ("TARVONA, Nov 29 - Dozens of gunmen attacked the village of Mirel on Saturday, "
            "burning homes and wounding six villagers, the council said.")
    events = eventwire.extract(text, published=dt.date(2026, 12, 6))
    told = [e for e in events if e.modality in ("asserted", "reported")]
    assert told and str(told[0].date) == "2026-11-28"


def test_a_regime_named_by_its_capital_and_a_group_tagged_a_place_place_no_event():
    from eventwire.geo import Geocoder
    from eventwire.geo.geocoder import _RULERS
    assert _RULERS.match(" regime said") and not _RULERS.match(" city")
    text = ("M23 and militia fighters clash in Kalehe\n\nGOMA, Dec 3 - Fighting broke out on "
            "Tuesday between M23 rebels and local militias around Numbi in Kalehe territory, "
            "South Kivu.\n\nAn M23 spokesman said its fighters had repelled an attack by the "
            "coalition of the Kinshasa regime.")
    assert any(m.name == "Kinshasa" for m in Geocoder.default().geoparse(text))
    events = eventwire.extract(text, published=dt.date(2026, 12, 6))
    places = {e.location.name for e in events if e.location is not None}
    assert "Kinshasa" not in places and "M23" not in places, places


@pytest.mark.parametrize("text,subs", [
    # a calibre is a weapon's beside a weapon's noun or a firing verb, not rain's
    ("The weather office on Sunday issued a heavy rainfall advisory for Vessa province, "
     "saying rainfall above 150 mm was likely in several areas.", []),
    ("Troops fired 120mm at rebel positions in Tarvona on Monday.",
     ["Shelling/artillery/missile attack"]),
    ("Rebels hit the barracks in Tarvona with 82 mm mortar rounds on Monday.",
     ["Shelling/artillery/missile attack"]),
    # crowd-control munitions are no grenade attack
    ("Police fired tear gas and sound grenades at workers who blocked the highway in Tarvona "
     "on Wednesday.", ["Protest with intervention"]),
    # a place of detention is no arrest
    ("The colonel followed the hearing by video link from a military detention facility "
     "in Tarvona.", []),
])
def test_a_word_that_names_a_weapon_or_an_arrest_only_in_its_sense(text, subs):
    events = eventwire.extract(text, published=dt.date(2024, 5, 6))
    assert [e.sub_event_type for e in events
            if e.modality in ("asserted", "reported")] == subs


@pytest.mark.parametrize("text,subs", [
    # a cache seized or found is a disrupted use, not an attack
    ("Troops seized four rifles, grenades and two pickup trucks in Tarvona on Friday.",
     ["Disrupted weapons use"]),
    ("Police recovered a grenade from a house in Tarvona on Friday.",
     ["Disrupted weapons use"]),
    ("Militants hurled grenades at a police post in Tarvona on Friday.", ["Grenade"]),
    # the weapon a drone dropped is that strike's, not a second event
    ("Residents said drones dropped explosive devices on homes in Tarvona on Friday, injuring "
     "two people.", ["Air/drone strike"]),
])
def test_a_cache_and_a_strikes_payload_are_no_attacks_of_their_own(text, subs):
    events = eventwire.extract(text, published=dt.date(2024, 5, 6))
    assert [e.sub_event_type for e in events
            if e.modality in ("asserted", "reported")] == subs


@pytest.mark.parametrize("text,sub", [
    ("Youths rioted in Tarvona on Monday over the killing of a motorcycle taxi rider by "
     "police, burning tyres and stoning cars.", "Violent demonstration"),
    ("Riots against the fuel price rise broke out in Tarvona on Monday.",
     "Violent demonstration"),
    # a riot with no victim is a demonstration turned violent, told or not
    ("Students rioted in Tarvona on Monday.", "Violent demonstration"),
    ("Rioters clashed with police in Tarvona on Monday.", "Violent demonstration"),
    # rioters who turn on someone, with no demonstration told, are a mob: on shops, on a
    # suspected thief, on another crowd, on soldiers, or on police who came to arrest
    ("Rioters looted shops and burned a market in Tarvona on Monday night.", "Mob violence"),
    ("Rioters beat a suspected thief in Tarvona on Monday.", "Mob violence"),
    ("Riots broke out between two groups of villagers in Tarvona on Monday.", "Mob violence"),
    ("Rioters threw stones at soldiers in Tarvona on Monday.", "Mob violence"),
    ("Rioters clashed with police who raided a camp in Tarvona on Monday.", "Mob violence"),
])
def test_a_riot_is_a_demonstration_turned_violent_unless_it_has_a_victim(text, sub):
    events = eventwire.extract(text, published=dt.date(2024, 5, 6))
    told = [e for e in events if e.modality in ("asserted", "reported")]
    assert told and told[0].sub_event_type == sub, [e.sub_event_type for e in told]


@pytest.mark.parametrize(("text", "side"), [
    ("Inter-clan clashes in Vessa left three people dead on Monday.",
     "Unidentified Clan Militia (Kenya)"),
    ("Tribal clashes erupted in Vessa on Monday, killing five.",
     "Unidentified Ethnic Militia (Kenya)"),
    ("Two communities clashed over grazing land near Vessa on Monday, leaving two dead.",
     "Unidentified Communal Militia (Kenya)"),
    # armed men who fought: a clash, its toll told first
    ("Nine people were killed on Monday when militias from two rival sub-clans fought over "
     "a well near Vessa.", "Unidentified Clan Militia (Kenya)"),
])
def test_a_clash_told_by_its_kind_has_that_kind_on_both_sides(text, side):
    """"Inter-clan clashes", "two communities clashed": ACLED codes both sides as the
    kind's unidentified militia, the same actor twice."""
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    events = Pipeline(focus={"KE": 1.0}).extract(Article(text, published=dt.date(2024, 5, 6)))
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clash, [(e.sub_event_type, e.trigger) for e in events]
    assert (clash[0].actor1.name, clash[0].actor2.name if clash[0].actor2 else None) == \
        (side, side)


@pytest.mark.parametrize(("text", "roles"), [
    # a headline's passive with no auxiliary: the "by" phrase is the doer
    ("Suspected robbers shot dead by police in Vessa on Monday.",
     ("Police Forces of Kenya", "Civilians (Kenya)")),
    ("Police officer killed by suspected robbers in Vessa on Monday.",
     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")),
    # an active verb with a place after "by" keeps its subject
    ("Gunmen killed a trader by the roadside in Vessa on Monday.",
     ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    # gunmen who ambush a passenger vehicle attack civilians; no armed side fought back
    ("Unidentified gunmen ambushed a passenger vehicle near Vessa on Friday, killing three "
     "civilians.", ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    # forces harmed by a bomb are its target, not its bomber
    ("Two soldiers were killed in an IED blast near Vessa on Monday.",
     ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")),
    ("Two soldiers killed by a landmine near Vessa on Monday.",
     ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")),
])
def test_a_passive_without_its_auxiliary_names_its_doer_after_by(text, roles):
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    events = Pipeline(focus={"KE": 1.0}).extract(Article(text, published=dt.date(2024, 5, 6)))
    assert events, text
    event = events[0]
    assert (event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None) == roles
    if roles[1].startswith("Civilians"):
        assert event.sub_event_type == "Attack"


def test_each_deed_of_a_sentence_counts_the_dead_of_its_own_clause():
    events = eventwire.extract(
        "A drone attack killed 11 civilians in Tarvona on Wednesday, officials said, as "
        "fighting between the army and rebels intensified around Vessa.",
        published=dt.date(2024, 5, 6))
    tolls = {e.sub_event_type: e.fatalities.best for e in events}
    assert tolls.get("Air/drone strike") == 11 and tolls.get("Armed clash") == 0


def test_a_deed_blamed_on_a_group_is_that_groups():
    events = eventwire.extract(
        "A drone attack blamed on Dornia's paramilitary Rapid Support Forces (RSF) killed 11 "
        "civilians in Tarvona on Wednesday.", published=dt.date(2024, 5, 6))
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name.startswith("RSF")
    assert events[0].actor2 is not None and events[0].actor2.name.startswith("Civilians")
    told = eventwire.extract("A bombing attributed to the Rapid Support Forces killed 4 "
                             "civilians in Tarvona on Wednesday.", published=dt.date(2024, 5, 6))
    assert told and told[0].actor1 is not None and told[0].actor1.name.startswith("RSF")


def test_the_object_of_a_first_deed_is_not_the_doer_of_the_second():
    events = eventwire.extract("Gunmen killed at least 12 people and abducted six women in "
                               "Tarvona on Monday.", published=dt.date(2024, 5, 6))
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name.startswith("Unidentified Armed Group")


LONG_TITLE = """Fighting flares near the town of Vessa as rebels clash with a local militia; \
suspected raiders kill six villagers in Dorrin

VESSA, Norland, 6 May 2024 - Rebels clashed with a local militia around the town of Vessa on \
Saturday, killing at least 11 fighters, residents said.

Separately, raiders killed six villagers in Dorrin on Friday night, the police said.

Troops were sent to both areas on Sunday."""


def test_a_long_title_line_is_a_headline_not_an_event() -> None:
    events = Pipeline(explain=True).extract(Article(LONG_TITLE, published=dt.date(2024, 5, 6)))
    title = [e for e in events if e.evidence and e.evidence.text.startswith("Fighting flares")]
    assert title and all((e.dropped or "").startswith("headline") for e in title)


def test_the_day_a_statement_was_read_is_not_the_day_of_the_deed() -> None:
    text = ("VESSA, Norland, 6 May 2024 - Militants attacked an army post near Vessa on "
            "Saturday, killing nine soldiers, the ministry said.\n\nSeveral hundred fighters "
            "stormed the post at Dorrin, in Vessa district, shortly after dawn, the ministry "
            "said in a statement read on state television on Sunday evening.\n\nThe army "
            "said it would send reinforcements.")
    events = [e for e in Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
              if e.modality in ("asserted", "reported")]
    # (the deed is dated on or before the day the statement was read, not on it)
    assert events and not any(e.date == "2024-05-05" and e.time_precision == 1
                              for e in events), [(e.trigger, e.date) for e in events]


@pytest.mark.parametrize(("text", "sub", "actor2"), [
    ("On 4 May 2024, several hundred fighters stormed the post at Dorrin, in Vessa district.",
     "Armed clash", "Military Forces of"),
    ("On 4 May 2024, gunmen attacked a police station in Dorrin.", "Armed clash",
     "Police Forces of"),
    ("On 4 May 2024, gunmen attacked the post office in Dorrin.", "Attack", "Civilians"),
], ids=["an army post", "a police station", "a post office"])
def test_an_attack_on_an_armed_post_is_a_battle(text: str, sub: str, actor2: str) -> None:
    events = Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
    assert [e.sub_event_type for e in events] == [sub]
    assert events[0].actor2 is not None and events[0].actor2.name.startswith(actor2)


def test_an_incident_referred_to_by_its_place_is_the_one_told() -> None:
    text = ("VESSA, Norland, 6 May 2024 - Militants attacked an army post at Dorrin, in "
            "Norland's west, on Saturday, killing nine soldiers, the ministry said.\n\n"
            "The ministry gave no further details.\n\nIn Ostland, the army said on Sunday it "
            "had reinforced its positions along the border with Norland following the "
            "attack at Dorrin, without giving details.")
    events = [e for e in Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
              if e.modality in ("asserted", "reported")]
    assert len(events) == 1 and len(events[0].also_told) == 1, \
        [(e.sub_event_type, e.trigger) for e in events]


BRIEFING_STATE = """Aid groups warn of hunger in the west

VESSA, Norland, 6 May 2024 - Aid groups appealed for funds in Vessa on Monday.

More than 400,000 people are displaced in the western region, the agencies said.

More than 60,000 people remain displaced in Dorrin district, officials said."""


def test_a_state_told_in_the_present_is_no_event() -> None:
    events = Pipeline(explain=True).extract(Article(BRIEFING_STATE,
                                                    published=dt.date(2024, 5, 6)))
    assert not [e for e in events if e.dropped is None and e.modality == "reported"]
    assert sum("a state told in the present" in (e.dropped or "") for e in events) == 2


@pytest.mark.parametrize("text", [
    "On 5 May 2024, hundreds of people held a rally against Uganda over the border dispute.",
    "On 5 May 2024, students protested, chanting anti-Uganda slogans and burning the Ugandan "
    "flag.",
], ids=["a country opposed", "a people's flag burnt"])
def test_a_country_a_crowd_stands_against_is_not_where_it_gathers(text: str) -> None:
    pipe = Pipeline(focus={"UG": 0.5, "KE": 0.5})
    events = pipe.extract(Article(text, published=dt.date(2024, 5, 6)))
    assert [e.location.iso3 for e in events if e.location] == ["KEN"]


def test_a_crowd_is_named_by_the_country_it_gathers_in() -> None:
    text = "On 5 May 2024, Kenyan protesters marched in Kampala against new visa fees."
    events = Pipeline().extract(Article(text, published=dt.date(2024, 5, 6)))
    assert [e.actor1.name for e in events if e.actor1] == ["Protesters (Uganda)"]


def test_a_partys_home_places_a_report_that_names_no_town() -> None:
    pipe = Pipeline(focus={"IN": 0.6, "PK": 0.4})
    text = "On 5 May 2024, Awami National Party workers staged a protest against power cuts."
    events = pipe.extract(Article(text, published=dt.date(2024, 5, 6)))
    assert [e.location.iso3 for e in events if e.location] == ["PAK"]


def _told(text: str, published: str = "2026-12-07"):
    return [e for e in eventwire.extract(text, published=published)
            if e.modality in ("asserted", "reported", "claimed")]


def test_a_claim_for_an_attack_is_no_protest():
    # the learned typing may refine a deed of violence, not trade it for a gathering
    text = ("PESHAWAR, Pakistan, Dec 7 (Wire) - Militants attacked a police checkpost in "
            "Lakki Marwat district on Friday night, killing four policemen, officials said.\n\n"
            "The attack began at around 11 p.m. on Friday, when a group of about 20 fighters "
            "opened fire on the post from three sides.\n\n"
            "The outlawed Tehreek-i-Taliban Pakistan (TTP) claimed responsibility for the "
            "attack in a message to journalists. Officials accuse it of operating from Afghan "
            "soil, an allegation the Taliban government in Kabul denies.")
    told = _told(text)
    assert told and not [e for e in told if e.event_type == "Protests"]


def test_a_country_inside_a_word_of_who_is_no_place():
    told = _told("The Syrian Observatory for Human Rights, a Britain-based war monitor, said "
                 "four fighters were killed in the clashes on Friday.")
    assert told and all(e.location is None or e.location.iso3 != "GBR" for e in told)


def test_a_place_owned_by_its_region_is_found():
    told = _told("A party worker was killed when supporters of two parties clashed in West "
                 "Bengal's Nandigram on Saturday, police said.")
    assert told and told[0].location.name == "Nandigram"
    assert told[0].location.admin1 == "West Bengal"


def test_an_abduction_with_nobody_killed_stays_an_abduction():
    told = _told("Gunmen stormed a village in Kankara on Friday and abducted 15 people, but "
                 "nobody was killed, police said.")
    assert [e.sub_event_type for e in told] == ["Abduction/forced disappearance"]
    told = _told("Gunmen stormed a village in Kankara on Friday, abducted 15 people and "
                 "killed two of them, police said.")
    assert [e.sub_event_type for e in told] == ["Attack"]


def test_harm_told_as_none_denies_no_deed():
    # "No security personnel were injured" says who was spared, not that no gunfight was
    text = ("RAIPUR, India, Dec 7 (Wire) - Security forces killed five suspected Maoist rebels, "
            "including two women, in a gunfight in the forests of Chhattisgarh's Bijapur "
            "district on Sunday, police said, two days after Maoists killed a villager in "
            "neighbouring Sukma district, accusing him of being a police informer.\n\n"
            "No security personnel were injured, police said.")
    clash = [e for e in _told(text) if e.trigger == "gunfight"]
    assert [e.sub_event_type for e in clash] == ["Armed clash"]
    # the doer is who killed, not the women counted among the dead
    assert clash[0].actor1.name.startswith("Military Forces of India")


def test_the_killed_before_a_fight_noun_are_no_doers():
    told = _told("Security forces killed five suspected Maoist rebels in a gunfight in the "
                 "forests of Bijapur district on Sunday, police said.")
    assert told and told[0].actor1.name.startswith("Military Forces of India")
    assert told[0].actor2.name.startswith("Naxal-Maoist Rebels")
