"""The cue lexicon's matching rules, on sentences written here."""

from __future__ import annotations

from eventwire.events.detect import CueLexicon


def _lexicon(*patterns: str) -> CueLexicon:
    return CueLexicon({"cues": [{"sub": "Armed clash", "family": "battle",
                                 "patterns": list(patterns)}]})


def test_cue_ending_in_a_lookahead_or_space_matches_before_the_next_word() -> None:
    lex = _lexicon("overt(?:ook|aken) (?=(?-i:[A-Z]))", "regains (?:all |full )")
    assert [c.text for c in lex.find("Rebels overtook Kanyabayonga at dawn.")] == ["overtook "]
    assert [c.text for c in lex.find("The army regains all of the valley.")] == ["regains all "]
    assert not lex.find("Rebels overtook the convoy.")  # the lookahead still decides
    # the grouped prefilter agrees with the per-cue patterns
    assert lex.any_cue.search("Rebels overtook Kanyabayonga at dawn.")


def test_cue_never_stops_inside_a_word() -> None:
    lex = _lexicon("shell(?:ed|ings?|s)?")
    assert [c.text for c in lex.find("Two shellings hit the market.")] == ["shellings"]
    assert not lex.find("The shellfish market reopened.")


def test_two_letter_gate_finds_what_the_patterns_find() -> None:
    from eventwire.events.detect import _compile, _first_two, compile_gate, compile_starts

    patterns = ["shell(?:ed|ings?|s)?", "sh?ot dead", "a(?:mbush|ttack)(?:ed|s)?", "[Rr]aid",
                "(?:set|sets) ablaze", "x", "a ?bomb", "(?:gr|st)(?:enade|ormed)",
                r"\d{2,3} ?mm", "clash(?:es)?\\b", "(?-i:Burn)(?:ed|t)"]
    assert _first_two("sh?ot dead") == {"sh", "so"}
    assert _first_two("x") is None  # one letter: grouped by its first only
    assert _first_two(r"\d{2,3} ?mm") is None  # a class: left ungrouped
    gate, each = compile_gate(patterns), _compile(patterns)
    starts = compile_starts(patterns)
    texts = ["Gunmen ambushed a convoy.", "Soldiers shot dead two men.", "The sot dead drunk.",
             "Mortar shells of 120 mm and 82mm rounds.", "They set ablaze a hut; x marks it.",
             "A bomb, a grenade and a storming.", "The shellfish stall.", "Burnt out cars.",
             "burnt cars", "Raiders raid the ATTACKS' site", "grenades", "Clashes erupted.",
             "None here at all.", "As the sh", "a", "\u017fhelled and \u212aILLED", "SHOT DEAD"]
    for text in texts:
        # the places compile_starts matches at are the places the gate matches at
        assert [i for i in range(len(text) + 1) if starts.match(text, i)] == \
            [i for i in range(len(text) + 1) if gate.match(text, i)], text
        for start in range(len(text)):
            found, want = gate.search(text, start), each.search(text, start)
            assert (found is None) == (want is None), text
            if found and want:
                assert found.start() == want.start(), text
                assert (found.end() > found.start()) == (want.end() > want.start())


def test_find_tries_each_cue_where_some_cue_matches_and_finds_what_a_scan_finds() -> None:
    from eventwire.events.detect import _entry_matches

    lex = CueLexicon({"cues": [
        {"sub": "Armed clash", "family": "battle", "patterns": ["clash(?:es|ed)?", "fought"]},
        {"sub": "Attack", "family": "violence", "patterns": ["attack(?:ed|s)?",
                                                             "shot dead", "shot"]},
        {"sub": "Shelling/artillery/missile attack", "family": "explosion",
         "patterns": ["shell(?:ed|ing|s)?", r"\d{2,3} ?mm"]},
        {"sub": "Peaceful protest", "family": "protest", "patterns": ["protest(?:ed|s)?",
                                                                      "marched"]},
    ]})
    texts = ["Rebels clashed with troops and shelled the town; gunmen attacked a bus.",
             "Clashes, clashes and more clashes: 120 mm and 82mm rounds were fired.",
             "He was shot dead after the protest; the protesters marched and fought.",
             "attacks attacked attack", "Nothing of the kind happened here.", "",
             "The shellfish stall protested nothing."]
    for text in texts:
        starts = lex.cue_starts(text)
        for entry in lex.entries:
            want = [(m.start(), m.end()) for m in entry.regex.finditer(text)]
            assert [(m.start(), m.end()) for m in _entry_matches(entry.regex, text, starts)] \
                == want, text
    cues = lex.find("He was shot dead after the protest; the protesters marched and fought.")
    assert [c.text for c in cues] == ["shot dead", "protest", "marched", "fought"]


def test_an_empty_match_sends_the_cue_back_to_a_full_scan() -> None:
    import re

    from eventwire.events.detect import _entry_matches

    regex = re.compile(r"(?:raid)?")  # matches the empty string everywhere
    text = "a raid, then another raid"
    assert [(m.start(), m.end()) for m in _entry_matches(regex, text, [0, 2, 21])] == \
        [(m.start(), m.end()) for m in regex.finditer(text)]


def test_crowd_control_munitions_are_no_shelling() -> None:
    lex = CueLexicon.default()

    def subs(text: str) -> list[str]:
        return [c.sub_event_type for c in lex.find(text)]

    for text in ["Police fired tear gas shells to stop the farmers' march on the highway.",
                 "Officers lobbed teargas shells and stun grenades at the crowd.",
                 "Most of the injured were hit by tear gas shell fragments."]:
        assert "Shelling/artillery/missile attack" not in subs(text), text
    for text in ["Troops fired artillery shells at the village overnight.",
                 "Militants lobbed two mortar shells into the camp.",
                 "The army shelled the outskirts of the town."]:
        assert "Shelling/artillery/missile attack" in subs(text), text


def test_aircraft_that_had_struck_are_an_air_strike_in_the_past_perfect() -> None:
    found = CueLexicon.default().find("Residents said warplanes had struck a convoy near "
                                      "Tarvona late on Saturday.")
    assert "Air/drone strike" in {c.sub_event_type for c in found}


def test_a_strike_launched_from_the_air_is_no_labour_strike() -> None:
    lex = CueLexicon.default()
    air = lex.find("An Israeli drone launched an air strike on a car near Vessa.")
    assert "Peaceful protest" not in {c.sub_event_type for c in air}
    walkout = lex.find("Teachers launched an indefinite strike in Vessa on Monday.")
    assert "Peaceful protest" in {c.sub_event_type for c in walkout}


def test_a_shop_closing_strike_is_a_protest_in_either_voice() -> None:
    lex = CueLexicon.default()
    for text in ("Traders observed a shutter-down strike in Vessa on Saturday.",
                 "A complete strike was observed in Vessa on Sunday against the killing.",
                 "Transporters held a wheel-jam strike across Tarvona on Monday."):
        assert "Peaceful protest" in {c.sub_event_type for c in lex.find(text)}, text


def test_the_wounded_are_people_not_a_deed() -> None:
    lex = CueLexicon.default()
    toll = lex.find("The death toll rose to 17 on Sunday after six of the wounded died.")
    assert not [c for c in toll if c.text.lower().startswith(("wound", "injur"))]
    deed = lex.find("Gunmen wounded six traders in Vessa on Sunday.")
    assert [c.text for c in deed if c.text.lower().startswith("wound")] == ["wounded"]


def test_people_described_as_displaced_are_no_displacement() -> None:
    lex = CueLexicon.default()
    for text in ("Aid groups must assist the 3,000 people displaced from Vessa.",
                 "More than a million people are currently internally displaced in Tarvona."):
        assert "Other" not in {c.sub_event_type for c in lex.find(text)}, text
    told = lex.find("Fighting displaced 3,000 residents of Vessa on Sunday.")
    assert "Other" in {c.sub_event_type for c in told}


def test_what_a_letter_demands_is_no_protest() -> None:
    lex = CueLexicon.default()
    letter = lex.find("The store owner had received letters demanding money.")
    assert "Peaceful protest" not in {c.sub_event_type for c in letter}
    crowd = lex.find("Hundreds of traders marched in Vessa demanding lower taxes.")
    assert "Peaceful protest" in {c.sub_event_type for c in crowd}
