"""Exact and near-duplicate detection over project-written wire copies."""

from __future__ import annotations

import pytest
from ingest_fixtures import STORY_A, STORY_B

from eventwire.ingest import Deduplicator
from eventwire.records import Article


def _art(aid: str, paras: list[str], outlet: str) -> Article:
    return Article(text="\n\n".join(paras), article_id=aid, outlet=outlet)


def test_exact_near_and_unique() -> None:
    dedup = Deduplicator()
    wire = _art("w1", STORY_A, "wire.example")
    exact = _art("c1", [p.upper() for p in STORY_A], "copy-one.example")  # case/space only
    # A re-published copy: new sign-off line, last paragraph dropped, one sentence reworded.
    near = _art(
        "c2",
        [*STORY_A[:3], "Reporting by the Valley Courier staff; editing by the night desk."],
        "copy-two.example",
    )
    other = _art("o1", STORY_B, "hill.example")
    results = [dedup.check(a) for a in (wire, exact, near, other)]
    assert [r.kind for r in results] == ["unique", "exact", "near", "unique"]
    assert results[1].of == "w1" and results[2].of == "w1"
    assert 0.7 <= results[2].similarity < 1.0
    assert results[3].of is None and not results[3].is_duplicate
    assert dedup.copies("w1") == ["c1", "c2"]
    assert dedup.source_count("w1") == 3
    assert dedup.outlets("w1") == ["wire.example", "copy-one.example", "copy-two.example"]
    assert dedup.source_count("o1") == 1


def test_a_different_story_on_the_same_topic_is_not_a_copy() -> None:
    dedup = Deduplicator()
    dedup.check(_art("a", STORY_A, "x.example"))
    # Same event, written independently: shares names and a few facts, not the prose.
    follow_up = [
        "Hundreds of people marched through Velmora again on Saturday over the price of "
        "bread, four days after police broke up a similar protest with tear gas.",
        "This time the march passed off peacefully. Organisers handed a petition to the "
        "regional council and promised further action if the subsidy is not restored.",
    ]
    result = dedup.check(_art("b", follow_up, "y.example"))
    assert result.kind == "unique"


def test_copy_of_a_copy_points_to_the_first_original() -> None:
    dedup = Deduplicator()
    dedup.check(_art("orig", STORY_B, "a.example"))
    dedup.check(_art("copy", STORY_B[:2] + ["Additional reporting by our correspondent."], "b"))
    again = dedup.check(
        _art("copy2", STORY_B[:2] + ["Additional reporting by our correspondent."], "c")
    )
    assert again.kind == "exact" and again.of == "orig"
    assert dedup.source_count("orig") == 3


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError):
        Deduplicator(threshold=0)
