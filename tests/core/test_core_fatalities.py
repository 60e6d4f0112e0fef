import pytest

from eventwire.fatalities import count_fatalities


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Gunmen killed at least 12 people in the market.", 12),
        ("Two soldiers died when their vehicle hit a mine.", 2),
        ("A soldier died of his wounds.", 1),
        ("The blast wounded six people.", 0),
        ("Militants attacked the post, killing three soldiers and wounding five.", 3),
        ("Dozens were killed in the raid.", 12),
        ("There were no casualties.", 0),
        ("96 people were killed, including 29 soldiers.", 96),
        ("The man was shot dead outside his home.", 1),
        ("Fighting continued. Fatalities coded to 10.", 10),
        ("A trader was killed and his shop looted. 1 fatality.", 1),
        # a death and an injury told by one verb pair: the injured are not the count
        ("Raiders shot and killed two herders and injured another near the river.", 2),
        ("The attackers killed 3 and injured 5.", 3),
        ("The blast left 4 injured.", 0),
        ("One ranger was shot and killed by poachers.", 1),
        ("A night guard was stabbed and later killed by robbers.", 1),
        ("Bandits killed between 6 to 10 villagers.", 6),  # a range: its lower figure
        ("Four people, including a child, were killed in the shelling.", 4),
        ("Two guards, including their captain, were injured.", 0),
        # a toll over a period is no one event's count
        ("At least 140 people were killed in 9 days of fighting in the hills.", 0),
        ("Some 30 traders have been killed since January, the union said.", 0),
        ("Three people were killed in the raid on Monday.", 3),
        # the count before an active verb is the killer's, after it the dead's
        ("A gunman killed two people at the bus stop.", 2),
        ("One attacker killed three villagers.", 3),
        ("Two herders killed in cattle raid", 2),  # a headline's passive
        # lynching and the "to death" verbs
        ("Two suspected thieves were lynched by a crowd.", 2),
        ("A crowd lynched two suspected thieves.", 2),
        ("Villagers stoned two men to death.", 2),
        ("Three traders were hacked to death by raiders.", 3),
        ("The riot police were beaten back by the crowd.", 0),
        # two counts before one verb add up; one count is never a word of the other's
        ("3 soldiers and 2 civilians were killed in the ambush.", 5),
        ("Four guards and two passers-by died in the blast.", 6),
        # a body found is a death; so are bodies counted
        ("The body of a trader was found in a ditch outside Vessa.", 1),
        ("A body was found dumped near the Tarvona bridge.", 1),
        ("The bodies of three men were recovered from the river.", 3),
        ("The body was taken to the mortuary.", 0),
        # a headline's singular noun with no article or auxiliary
        ("Police officer killed in Vessa roadside blast.", 1),
        ("Soldiers killed in Vessa ambush.", 0),
        # lives claimed, deaths caused, a victim told by a pronoun
        ("The clashes claimed 5 lives.", 5),
        ("The fighting led to the deaths of seven people.", 7),
        ("Raiders struck at dawn, claiming the lives of four herders.", 4),
        ("Five people including a child were killed.", 5),
        ("Twelve were injured including a child who later died.", 1),
        ("The mob lynched him.", 1),
        ("He was shot dead outside his shop.", 1),
        ("Police shot him in the leg.", 0),
        ("Unknown men hacked to death a watchman.", 1),
        ("Residents found the man dead the next morning.", 1),
        # a tally over decades or of a past year is no event's; livestock is no one's death
        ("Nine people were killed, renewing a feud that has killed hundreds over the past "
         "two decades.", 9),
        ("Similar clashes killed more than 30 people in 2021.", 0),
        ("Three herders were killed and about 40 cattle slaughtered.", 3),
        ("Three cattle herders were killed.", 3),
        # a count with a quantifier after the killer's verb is the dead's, not the killer
        ("A bomb killed at least 14 people in the market.", 14),
        ("An air strike killed at least fourteen people, including six children.", 14),
        ("One man killed over the weekend was a trader.", 1),
    ],
)
def test_counts_deaths_not_injuries(text, best):
    assert count_fatalities(text).best == best


def test_up_to_gives_a_range_with_no_floor():
    f = count_fatalities("Up to 20 people were killed in the strike.")
    assert (f.low, f.best, f.high) == (0, 20, 20)


def test_a_headline_toll_goes_to_the_one_violent_event_the_body_tells():
    """'Market bombing kills 104' above a body that tells the bombing without its toll."""
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    head = "Market bombing kills 104 in Tallbridge\n\nBy a staff reporter\n\n"
    body = ("A car bomb exploded in the crowded central market of Tallbridge on Friday "
            "morning, police said.\n\nRescue workers searched the rubble through the night.\n")
    events = Pipeline().extract(Article(head + body, published=dt.date(2024, 5, 6)))
    assert [e.fatalities.best for e in events] == [104]
    # two violent events: the headline's toll could be either's, or both's: none is given
    two = body + ("\nIn a separate incident, gunmen attacked a police post in Harrowgate on "
                  "Saturday, police said.\n")
    events = Pipeline().extract(Article(head + two, published=dt.date(2024, 5, 6)))
    assert len(events) == 2 and all(e.fatalities.best == 0 for e in events)


@pytest.mark.parametrize(("text", "grievance", "best"), [
    ("Lawyers marched in Vessa against the killing of a colleague.", True, 0),
    ("Youths rioted after the death of a boy in police custody.", True, 0),
    ("Students protested over the murder of two classmates.", True, 0),
    ("Riders rioted after one of their colleagues was killed, torching a police post.",
     True, 0),
    ("Residents burned tyres after police shot dead a youth.", True, 0),
    ("Police shot dead two protesters during a march against the killing of a student.",
     True, 2),
    # read as any other text, the death is counted
    ("Lawyers marched in Vessa against the killing of a colleague.", False, 1),
])
def test_a_protests_grievance_is_no_death_at_it(text, grievance, best):
    assert count_fatalities(text, grievance=grievance).best == best


def test_a_peaceful_protest_has_no_deaths_and_a_riot_only_its_own():
    import datetime as dt

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    pipe = Pipeline()
    peaceful = ("Hundreds of lawyers marched peacefully in Vessa on Monday to demand justice "
                "for a colleague who was killed last month.")
    events = [e for e in pipe.extract(Article(peaceful, published=dt.date(2024, 5, 6)))
              if e.sub_event_type == "Peaceful protest"]
    assert events and all(e.fatalities.best == 0 for e in events)
    riot = ("Rioters burned tyres in Vessa on Monday after the killing of a student; two "
            "rioters were killed when police opened fire.")
    events = pipe.extract(Article(riot, published=dt.date(2024, 5, 6)))
    assert [e.fatalities.best for e in events if e.event_type in ("Riots", "Protests")] == [2]


@pytest.mark.parametrize(("text", "best"), [
    # a headline's present tense and bare singular object
    ("Mob lynches suspected thief in Dorrin", 1),
    ("Villagers lynch two cattle thieves in Dorrin", 2),
    ("Police kill robbery suspect in Dorrin estate.", 1),
    ("Raiders kill herder and drive off cattle near Vessa", 1),
    # a name for the dead has no determiner
    ("Councillor Amos Tiren was shot dead by gunmen outside his home in Vessa.", 1),
    # a plural gives no count, an intention no death
    ("Residents kill herdsmen in border raid", 0),
    ("The gang tried to kill witness in Vessa", 0),
    ("He was not killed by police, the family said.", 0),
    # a life, a wound, a toll told at length, a death before its victims
    ("A police officer lost his life when bandits ambushed a patrol near Vessa.", 1),
    ("A man was fatally stabbed during a brawl between rival supporters in Vessa.", 1),
    ("A student who was shot during the march in Vessa succumbed to his injuries.", 1),
    ("Villagers stoned to death two suspected thieves in Dorrin.", 2),
    ("The death toll from the attack on the market rose to 5.", 5),
])
def test_deaths_told_tersely_or_at_length(text, best):
    assert count_fatalities(text).best == best


@pytest.mark.parametrize(("text", "best"), [
    ("Residents seized two young men they accused of theft, beat and stoned them to death "
     "and set the bodies on fire.", 2),
    ("Gunmen abducted three farmers near Vessa and later killed them.", 3),
    ("Police arrested two men in Vessa and beat them.", 0),
])
def test_a_death_told_of_them_counts_the_people_before(text, best):
    assert count_fatalities(text).best == best
