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
    from eventwire.events.detect import _compile, _first_two, compile_gate

    patterns = ["shell(?:ed|ings?|s)?", "sh?ot dead", "a(?:mbush|ttack)(?:ed|s)?", "[Rr]aid",
                "(?:set|sets) ablaze", "x", "a ?bomb", "(?:gr|st)(?:enade|ormed)",
                r"\d{2,3} ?mm", "clash(?:es)?\\b", "(?-i:Burn)(?:ed|t)"]
    assert _first_two("sh?ot dead") == {"sh", "so"}
    assert _first_two("x") is None  # one letter: grouped by its first only
    assert _first_two(r"\d{2,3} ?mm") is None  # a class: left ungrouped
    gate, each = compile_gate(patterns), _compile(patterns)
    texts = ["Gunmen ambushed a convoy.", "Soldiers shot dead two men.", "The sot dead drunk.",
             "Mortar shells of 120 mm and 82mm rounds.", "They set ablaze a hut; x marks it.",
             "A bomb, a grenade and a storming.", "The shellfish stall.", "Burnt out cars.",
             "burnt cars", "Raiders raid the ATTACKS' site", "grenades", "Clashes erupted.",
             "None here at all.", "As the sh", "a"]
    for text in texts:
        for start in range(len(text)):
            found, want = gate.search(text, start), each.search(text, start)
            assert (found is None) == (want is None), text
            if found and want:
                assert found.start() == want.start(), text
                assert (found.end() > found.start()) == (want.end() > want.start())
