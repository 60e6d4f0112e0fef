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


SPORT = ("The Harbour Hawks beat the Valley Comets 3-1 in the league match on Saturday. The "
         "striker scored twice and the goalkeeper saved a penalty kick, and the coach praised "
         "his squad's attack after the derby. The champions now lead the standings by four "
         "points with three matches of the season left, and the players face the cup final.")


def test_other_news_whose_candidates_would_all_drop_is_skipped() -> None:
    from eventwire.batch.prefilter import OTHER_NEWS
    from eventwire.pipeline import default_pipeline
    from eventwire.records import Article

    pipeline = default_pipeline()
    pre = CuePrefilter(pipeline.cues, pipeline.relevance)
    assert pre.reason(SPORT) == OTHER_NEWS
    assert pipeline.extract(Article(SPORT)) == []  # what the skip stands for
    assert CuePrefilter(pipeline.cues).may_have_events(SPORT)  # without the relevance stage
    # a weapon, a death or a protest word in the same report: it goes through the extractor
    for extra in (" A car bomb exploded near the stadium before the match.",
                  " A fan died after the match.",
                  " Fans protested outside the stadium against ticket prices."):
        assert pre.reason(SPORT + extra) is None
    kept = pipeline.extract(Article(SPORT + " A car bomb exploded near the stadium before "
                                             "the match, killing two guards."))
    assert [e.trigger for e in kept] == ["car bomb"]  # the bomb, not the team's "beat"


def test_a_long_article_with_hardly_a_word_of_conflict_is_not_skipped() -> None:
    """Other news (an article of 150 words or more with at most one plain word of conflict)
    keeps its plain cues, so the prefilter must let it through."""
    from eventwire.events.relevance import OTHER, Relevance

    text = ("Residents of Vessa say the town has changed in the past year. The district "
            "council sold the car park, the market moved to the ring road and the old "
            "cinema closed its doors. Traders on the high street say their takings have "
            "fallen by a third, and the bakery now opens only four days a week. The council "
            "leader said a new leisure centre would open next spring, paid for by the sale, "
            "and that the bus service to the station would run every twenty minutes. "
            "Opposition councillors asked for a review of the plans at a meeting on Monday. "
            "On Sunday the River Guards took control of the town of Lenga, forty kilometres "
            "to the north, after the garrison left, residents said. "
            "Schools in Vessa will stay open, the education office said, and the weekly "
            "market will go ahead on Thursday as usual, with more stalls than last year.")
    assert Relevance.default().genre(text).name == OTHER
    pipeline = default_pipeline()
    assert CuePrefilter(pipeline.cues, pipeline.relevance).may_have_events(text)
    assert pipeline.extract(Article(text=text))
