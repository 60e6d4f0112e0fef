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
