"""clean_text on scraped plain text written for these tests."""

from __future__ import annotations

from ingest_fixtures import STORY_A, STORY_B

from eventwire.ingest import clean_text
from eventwire.ingest.text import is_boilerplate

CAPTION = (
    "Smoke rises over the old quarter as soldiers advance through Tarsk on June 2, 2019, "
    "during an operation to clear the hill villages."
)


def _scraped() -> str:
    lines = [
        "Accessibility links",
        "Skip to content",
        "Breaking News",
        "Home",
        "World",
        "Africa",
        "Sport",
        "Gunmen kill three soldiers at Tarsk checkpoint",
        CAPTION,
        *STORY_B,
        "Share this story",
        "Related stories",
        "Copyright 2019 The Hill Times. All rights reserved.",
    ]
    return "\n\n".join(lines)


def test_navigation_and_footer_lines_are_dropped() -> None:
    text, _captions, _title = clean_text(_scraped())
    lines = text.split("\n\n")
    for junk in ("Accessibility links", "Skip to content", "Breaking News", "Home", "Sport"):
        assert junk not in lines
    assert not any("Copyright" in ln or "Share this" in ln for ln in lines)
    assert "Related stories" not in lines
    for para in STORY_B:
        assert para in lines  # the story itself is untouched


def test_title_and_caption_found_and_caption_stays_in_text() -> None:
    text, captions, title = clean_text(_scraped())
    assert title == "Gunmen kill three soldiers at Tarsk checkpoint"
    assert captions == [CAPTION]
    assert CAPTION in text  # events may be coded from it: offsets must point into the text
    assert "June 2, 2019" in captions[0]


def test_story_lede_with_a_dated_quote_is_not_a_caption() -> None:
    lede = (
        "Police said protesters blocked the bridge in Velmora on May 16, 2023, and refused to "
        "leave."
    )
    text, captions, _title = clean_text("Bread protest spreads\n\n" + lede + "\n\n" + STORY_A[1])
    assert captions == []
    assert lede in text


def test_labelled_and_credited_captions() -> None:
    raw = "\n\n".join(
        [
            "Bread protest spreads to the capital",
            STORY_A[0],
            "Image caption, Demonstrators block the main bridge in Velmora",
            STORY_A[1],
            "A woman holds a loaf of bread during the march (Photo: Lena Varga)",
        ]
    )
    text, captions, _ = clean_text(raw)
    assert captions == [
        "Demonstrators block the main bridge in Velmora",
        "A woman holds a loaf of bread during the march (Photo: Lena Varga)",
    ]
    assert "Image caption" not in text


def test_is_boilerplate_on_single_lines() -> None:
    assert is_boilerplate("Share this article")
    assert is_boilerplate("© 2024 Example Media Ltd")
    assert is_boilerplate("We use cookies to give you the best experience.")
    assert is_boilerplate("Facebook | Twitter | WhatsApp")
    assert not is_boilerplate(STORY_A[0])
    assert not is_boilerplate("Home affairs minister resigns")
