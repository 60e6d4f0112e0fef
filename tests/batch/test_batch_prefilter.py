"""The cue prefilter only skips articles the extractor gives no event."""

from __future__ import annotations

from batch_texts import EVENTS as _EVENTS
from batch_texts import QUIET as _QUIET

from eventwire.batch import CuePrefilter
from eventwire.pipeline import default_pipeline
from eventwire.records import Article


def test_prefilter_skips_only_articles_without_events() -> None:
    pre = CuePrefilter()
    pipeline = default_pipeline()
    skipped = 0
    for text in _EVENTS + _QUIET:
        if not pre.may_have_events(text):
            skipped += 1
            assert pipeline.extract(Article(text=text)) == [], text
    assert skipped >= 3  # the quiet reports have nothing to parse
    assert all(pre.may_have_events(t) for t in _EVENTS)


def test_labelled_notes_pass_the_prefilter() -> None:
    pre = CuePrefilter()
    assert pre.may_have_events("Arrests: On 3 May, police detained a journalist in Harare.")
    assert not pre.may_have_events("The bakery on the corner sells bread and cakes.")
