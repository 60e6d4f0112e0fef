"""TermSet: regex word lists looked up word by word find what the regexes find. Every text
here is written for the test."""

from __future__ import annotations

import re

import pytest

from eventwire.errors import ConfigError
from eventwire.events.relevance import Relevance
from eventwire.events.terms import TermSet, Words

PATTERNS = [
    # the phrase first: the regex takes the first alternative that fits, the table the longest
    r"(?:stock market|shares?|stocks?|s&p|e-?mail|semi-?finals?|corp\.?)",
    r"attack\w*",
    r"\d{1,3}-\d{1,3} (?:win|loss)",
    r"air ?strikes?",
    r"war",
]

TEXTS = [
    "The S&P rose as stock market shares in Acme Corp. fell; e-mail and email both count.",
    "Attacked twice, the attackers left; an attack-related delay followed the semi-final.",
    "United sealed a 3-1 win after airstrikes were called off, air strikes never came.",
    "An anti-war rally: the war's end was near, warships stayed, the team's war chest grew.",
    "STOCKS fell. Stocks, stock and Stock Market all appear here, as does stock  market.",
]


def _regex_finds(patterns: list[str], text: str) -> list[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return [m.group(0) for m in
            re.finditer(rf"(?<![\w-])(?:{body})(?!(?<=[\w-])[\w-])", text, re.I)]


@pytest.mark.parametrize("text", TEXTS)
def test_finds_the_distinct_terms_the_regexes_find(text: str) -> None:
    terms = TermSet(PATTERNS)
    def words(found: list[str]) -> set[str]:
        return {w.lower() for f in found for w in re.findall(r"\w+(?:-\w+)*", f)}

    assert words(terms.find(text)) == words(_regex_finds(PATTERNS, text))


def test_phrases_need_their_own_separators() -> None:
    terms = TermSet([r"stock market", r"s&p"])
    assert terms.find("the stock market and the S&P") == ["stock market", "S&P"]
    assert terms.find("stock, market; S P") == []


def test_trailing_word_star_is_a_prefix_and_contains_checks_whole_terms() -> None:
    terms = TermSet([r"kill\w*", r"stock market"])
    assert terms.find("killed, killings and skills") == ["killed", "killings"]
    assert terms.contains("killers") and terms.contains("stock market")
    assert not terms.contains("market") and not terms.contains("stock market crash")


def test_unspellable_alternatives_stay_regexes_alone() -> None:
    terms = TermSet([r"(?:goal|\d{1,3}-\d{1,3} (?:win|draw))"])
    assert "goal" in terms.phrases
    assert terms.loose is not None and "goal" not in terms.loose.pattern
    assert terms.find("a goal sealed the 2-2 draw") == ["goal", "2-2 draw"]


def test_case_sensitive_names() -> None:
    terms = TermSet([r"(?:Red Sox|NASA)"], case=True)
    assert terms.find("the Red Sox and NASA, not the red sox or Nasa") == ["Red Sox", "NASA"]


def test_a_bad_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        TermSet(["(unclosed"])
    with pytest.raises(ConfigError):
        TermSet([3])  # type: ignore[list-item]


def test_genre_vocabularies_in_relevance_yaml_are_mostly_spelled_out() -> None:
    # the speed of the genre decision depends on it: a pattern made unspellable by an edit
    # would silently fall back to the slow scan
    rel = Relevance.default()
    for name, terms in rel.genres.items():
        assert len(terms.phrases) > 20, name
    assert rel.conflict.loose is None and rel.conflict_weak.loose is None


def test_words_split_once() -> None:
    w = Words.of("Semi-final: anti-war, team's.")
    assert w.lower == ["semi-final", "anti-war", "team", "s"]
