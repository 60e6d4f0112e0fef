"""The extraction pipeline: Article -> Doc -> cues -> events with roles, place, date, deaths.

``Pipeline`` holds no hidden global state: the spaCy model, cue lexicon and geocoder are
loaded once per process through their own cached loaders and shared by every call, so the
batch runner and a Dask worker can build one Pipeline and reuse it.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import actors as _actors
from .actors.home import home_country_prior
from .classify.mappings import cameo_for, plover_for
from .dates import (
    ANY_REPORT,
    MONTH_NAMES,
    YEAR_WORD,
    DateMention,
    event_date,
    find_dates,
    long_past,
)
from .events.clauses import clause_dates, cue_place_words
from .events.detect import Cue, CueLexicon
from .events.incidents import VIOLENT, merge_tellings, more_of_them
from .events.modality import (
    attribution_of,
    is_generic,
    modality_of,
    past_form,
    people_with_roles,
)
from .events.relevance import PLACE_LABELS, Frame, Genre, Relevance, Verdict
from .fatalities import count_fatalities
from .geo.geocoder import (
    COMPOUND_AFTER,
    NAME_ROLE,
    REFERENCE_ROLES,
    dateline_end,
    dateline_starts,
    stood_against,
)
from .geo.subdivisions import subdivision_place
from .nlp import load_model, parse_sentence
from .ontology import acled, countries
from .records import Actor, Article, Event, Evidence, Fatalities, Place, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .geo import Geocoder

# Families whose cues, in the same paragraph as an event of the key family, refine that
# event instead of making one of their own ("Police dispersed the protesters").
_ABSORBS: dict[str, set[str]] = {
    "protest": {"arrest", "property", "vac", "mob", "disrupt", "battle", "change", "other"},
    "mob": {"property", "vac", "arrest", "protest"},
    "label": {"explosion", "battle", "territory", "vac", "protest", "mob", "arrest", "property",
              "disrupt", "agreement", "base", "change", "transfer", "other"},
    "explosion": {"vac", "property", "other", "change"},
    "battle": {"vac", "property", "other", "change", "transfer"},
    "territory": {"vac", "property", "other", "change", "transfer", "battle"},
    "vac": {"vac", "property", "other", "arrest"},
    "arrest": {"vac", "other", "disrupt"},
    "property": {"vac", "other"},
}
_HARM = re.compile(r"tortur|beat|kill|shot|stabb|murder|execut|lynch|rap", re.I)
_STRATEGIC = {"arrest", "property", "disrupt", "agreement", "base", "change", "transfer", "other"}
_REALIS = ("asserted", "reported", "claimed")
# a word form that is no finite present: a past, a participle, a noun of "-ions", "-ers"
_NOT_PRESENT = re.compile(r"(?:ed|ing|en|ion|ions|ment|ments|ies|age|ure|ity|ers|ors|ists)$")
# the object of an attack that is an armed post: "stormed the post", "raided an army base",
# "attacked a police station" (not "the post office", "a refugee camp")
_ARMED_TARGET = re.compile(
    r"\s+(?:the|an?|their|its|two|three|several)\s+(?:[\w'’-]+\s+)?(?:(?P<police>police)\s+"
    r"(?:post|station|outpost|checkpoint|barracks|base)s?|(?:army|military|security|border)?\s*"
    r"(?:post|outpost|base|barracks|checkpoint|garrison|positions?)s?)\b(?!\s+office)",
    re.I)
# a present passive or a state before a participle: "are displaced", "remain displaced"
_STATE_BEFORE = re.compile(r"\b(?:is|are|remain|remains)\s+(?:(?:still|now|currently|"
                           r"[a-z]+ly)\s+)?$", re.I)
# the word before a cue that makes it a noun ("the attack", "of protests")
_PREV_WORD = re.compile(r"([\w'’-]+)\W*$")
_NOUN_BEFORE = frozenset({
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "of",
    "in", "on", "at", "for", "after", "during", "by", "with", "another", "any", "no", "every",
    "each", "such", "latest", "new", "first", "second"})
# a present verb of doing right before a noun cue: "carries out air strikes", "launch raids"
_DOES_BEFORE = re.compile(r"\b(?:carr(?:y|ies)\s+out|conducts?|launch(?:es)?|stages?|mounts?|"
                          r"wages?)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a word after a noun cue that may be its present verb (no past, no participle, no
# preposition or auxiliary)
_NEXT_PRESENT = re.compile(
    r"\s+(?!(?:of|in|on|at|by|for|with|and|or|that|which|who|was|were|is|are|had|has|have|"
    r"near|from|to|as|after|during|into|against|outside|inside|across|along|will|would|"
    r"could|may|might|can|also|reportedly|allegedly|then|later|since|before)\b)"
    r"([a-z]+)(?<!ed)(?<!ing)(?<!ly)\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.I)
_FOUND = re.compile(r"(?:finds?|found|discovered|recovered|unearthed)\b", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# "two militants were killed by police in a shootout": a passive harm verb beside the
# battle's noun names who did it (its "by" phrase) and to whom (its subject); not "were
# repulsed by": the repulsed side attacked first and leads
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|got)\s+(?:\w+ly\s+)?(?:shot(?: dead)?|killed|"
                         r"attacked|ambushed|injured|wounded|targeted|overpowered|"
                         r"gunned down|neutrali[sz]ed)\s+"
                         r"(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?", re.I)
# a participle right after its subject, then "by" its doer: a passive with no auxiliary
_REDUCED_PASSIVE = re.compile(r"(?:ed|shot|shot dead|slain|beaten|stabbed|hit|struck|"
                              r"burnt|burned|taken|seized|overrun)$", re.I)
_BY_AGENT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?by\s+", re.I)
# a doer after "by" that is no known actor: people in the plural, or a device
_BY_DOER = re.compile(r"(?:(?:the|a|an|some|two|three|four|five|\d+|suspected|unknown|"
                      r"unidentified|armed|alleged|masked)\s+)*(?:[a-z]+[^s\W]s|ied|bomb|"
                      r"landmine|mine|explosive|grenade|roadside bomb)\b", re.I)
# a short stretch with no clause break between a subject and its participle
_NO_BREAK = re.compile(r"[^,;:.]{0,40}?\s")
_AGENT_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:planted|laid|placed|fired|launched|"
                          r"carried out|"
                          r"conducted|detonated|thrown|triggered|dropped|used|staged)\s+by\s+|"
                          r"^\W*(?:blamed\s+on|attributed\s+to)\s+", re.I)
_NEEDS_VICTIM = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
_EXPLOSIVE_BY_NONSTATE = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}


@dataclass(slots=True)
class _Proto:
    cue: Cue  # offsets relative to the sentence
    sub: str
    family: str
    sent_index: int
    paragraph: int
    refine_text: list[str] = field(default_factory=list)
    headline: bool = False  # a cue in a title line, kept only to say why it was dropped
    # the words whose toll is this deed's, when its sentence tells other deeds too
    toll_text: str | None = None
    # then also the deed's own clause (offsets into the sentence)
    clause: tuple[int, int] | None = None
    # why the cue tells a state of things, not an incident ("Fighting continued elsewhere")
    ongoing: str | None = None
    # the date the deed's own phrase carries, where its sentence names other days
    # (``_phrase_date``, read once by ``_build``)
    phrase_date: DateMention | None = None
    # one of two demonstrations a sentence tells in clauses of their own: its clause is its
    # scope ("rallied on Wednesday ..., and a smaller demonstration the following night ...")
    own_clause: bool = False


@dataclass(slots=True)
class _Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    headline: bool = False  # a title line: it sums up events the body tells


DEFAULT_MODEL = "default"
# The shipped classifier is asked only when the rule's confidence is below this: a weak cue
# (a word of several kinds, "attacked", "clashes", "killed"; 0.5) or a hedged telling. A strong
# cue told as fact ("grenade", "air strike"; 0.8) stands as the rules read it. On the first
# 3,000 rows of each dev set, against the rules alone and against asking the model about every
# event (bench/scorecard.py), event_type: acled-2022 .933 / .941 / .946, kenya .757 / .766 /
# .750, burkina .807 / .809 / .808, bangladesh .871 / .897 / .884, india-pakistan .640 / .706 /
# .715. It runs on few events (453 of the 3,093 from acled-2022's first 3,000 rows), so the
# event-dense mix keeps its speed (bench/batch_speed.py --dense: CPU ratio to the bare NER
# 1.37-1.47 against 1.33-1.39, docs/speed.md).
MODEL_GATE = 0.55


class Pipeline:
    """Extract ACLED-style events from articles. One instance can serve many articles."""

    def __init__(
        self,
        *,
        cues: CueLexicon | None = None,
        geocoder: Geocoder | None = None,
        classifier: Any | None = DEFAULT_MODEL,
        focus: dict[str, float] | None = None,
        relevance: Relevance | None = None,
        explain: bool = False,
    ) -> None:
        self.cues = cues or CueLexicon.default()
        self.relevance = relevance or Relevance.default()
        # also return the candidates the relevance stage dropped, each with its reason
        self.explain = explain
        self._geocoder = geocoder
        # DEFAULT_MODEL: the shipped classifier, asked only about events whose rule cue is
        # weak (below MODEL_GATE) and loaded at the first such event; None: the rules alone;
        # a classifier object (a user's own categories): it decides every event's type
        self._classifier = classifier
        self.model_gate = MODEL_GATE if classifier == DEFAULT_MODEL else 1.01  # (every event)
        # the countries the whole input is about (ISO2 -> 0..1; see Geocoder.focus_of)
        self.focus = dict(focus or {})
        self.taxonomy = acled()

    @property
    def classifier(self) -> Any | None:
        if isinstance(self._classifier, str):
            from .classify import SubtypeClassifier

            self._classifier = SubtypeClassifier.load()
        return self._classifier

    def variant(self, *, focus: dict[str, float] | None = None,
                explain: bool | None = None) -> Pipeline:
        """A pipeline sharing this one's parts (cues, gazetteer, classifier), with another
        country focus or explain setting; this one is not changed."""
        other = copy.copy(self)
        if focus is not None:
            other.focus = dict(focus)
        if explain is not None:
            other.explain = explain
        return other

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            from .geo import Geocoder

            self._geocoder = Geocoder.default()
        return self._geocoder

    # -- public -------------------------------------------------------------------------
    def extract(self, article: Article) -> list[Event]:
        return self.events_from_doc(article, load_model()(article.text))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Events for each article, parsing in batches with ``nlp.pipe``."""
        nlp = load_model()
        buffer: list[Article] = []
        for article in articles:
            buffer.append(article)
            if len(buffer) >= batch_size:
                yield from self._flush(nlp, buffer)
                buffer = []
        if buffer:
            yield from self._flush(nlp, buffer)

    def _flush(self, nlp: Any, buffer: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, doc in zip(buffer, nlp.pipe(a.text for a in buffer), strict=True):
            yield article, self.events_from_doc(article, doc)

    # -- stages -------------------------------------------------------------------------
    def events_from_doc(self, article: Article, doc: Doc) -> list[Event]:
        text = article.text
        sentences = _sentences(doc, text)
        # an article of several paragraphs; a one-paragraph report (ACLED's and UCDP's
        # notes, a wire's brief) is dated and placed by what it opens on
        article_body = _article_body(sentences)
        protos = self._detect(sentences, article_body)
        if not protos:
            return []
        report = article.published
        dates = _telling_dates(_filing_dates(_from_dateline(text, report, sentences),
                                             sentences), text)
        if not article_body:
            # what a report tells "the next day" or "two days later" (a death of the
            # wounded, a protest after the arrest) is the reported event's; a month it
            # names in passing ("clashes that began in July") is its background's (measured:
            # a one-paragraph note is dated by what it opens on)
            dates = [d for d in dates if not d.counted and not d.within]
        doc_ents = doc.ents  # built anew (a Token per word) each time it is read
        ents = [(e.start_char, e.end_char, e.label_) for e in doc_ents]
        named_actors = _actors.find_actors(text)  # once per article: prior and main group
        prior = _country_prior(named_actors)
        for iso2, weight in home_country_prior(text).items():
            prior[iso2] = max(prior.get(iso2, 0.0), weight)
        found = self.geocoder.geoparse(text, ents, prior=prior, focus=self.focus or None,
                                       references=True)
        # a town or region named only inside a name ("outside the Karachi Press Club", "the
        # Lahore High Court"): no mention of its own, the place of an event whose sentence
        # names no other (``_build``)
        in_names = [m for m in found if m.role == NAME_ROLE and m.referent is not None and
                    (m.referent.feature_code or "").startswith(("PPL", "ADM"))]
        places = [m for m in found if m.role not in REFERENCE_ROLES]
        # "a Britain-based war monitor", "the U.S.-led coalition": a place inside a word that
        # says who someone is; nothing happens there
        places = [m for m in places if not COMPOUND_AFTER.match(text, m.end)]
        # (only in a country the text's places or the feed's focus are in: "the Kuala Lumpur
        # talks" in a story about Kenya place nothing)
        known = {m.place.iso3 for m in places if m.place is not None} | {
            self.geocoder.country_iso3(cc) for cc in self.focus or ()}
        in_names = [m for m in in_names if not known or m.referent.iso3 in known]
        # a name the gazetteer cannot place that is an armed group's ("M23 and Wazalendo
        # fighters clash", M23 tagged a place by the small model) is no place of any event
        groups = [(a.start, a.end) for a in named_actors if a.category == "group"]
        places = [m for m in places if m.place is not None or not any(
            a < m.end and m.start < b for a, b in groups)]
        people_names = [e.text for e in doc_ents if e.label_ == "PERSON" and " " in e.text]
        people = people_with_roles(text, people_names)
        paragraphs = _paragraph_spans(sentences)
        article_actors = _dominant_group(named_actors)
        genre = self.relevance.genre(text)
        # the places the gazetteer found count as places where the small model saw none
        # ("Clashes in Deir ez-Zor countryside": a battle has its place)
        # (also where the small model took the place for an organisation: "clashes continue
        # in Lattakia countryside", Lattakia tagged ORG)
        judge_ents = ents + [(m.start, m.end, "GPE") for m in places
                             if m.place is not None and not any(
                                 s < m.end and m.start < e and label in PLACE_LABELS
                                 for s, e, label in ents)]
        # the learned genre, asked once per article and only when a doubtful cue needs it
        settle = functools.cache(functools.partial(self.relevance.settle, text, genre))
        frame = self.relevance.frame(_lead(sentences))
        by_paragraph: dict[int, list[_Sentence]] = {}
        for s in sentences:
            by_paragraph.setdefault(s.paragraph, []).append(s)
        # a paragraph of an article that opens on an accident frames its own later tolls,
        # as a lead frames the article's ("the road crash on Saturday, in which a bus collided
        # with a fuel tanker. Police said 11 people were killed")
        accident_opens: dict[int, tuple[int, Frame]] = {}
        if frame is None and article_body:
            for number in {p.paragraph for p in protos}:
                members = by_paragraph[number]
                opening = self.relevance.frame(members[0].text)
                if opening is not None and opening.kind == "accident" and len(members) > 1:
                    accident_opens[number] = (members[0].index, dataclasses.replace(
                        opening, where="its paragraph's opening"))

        _split_tolls(protos, sentences)
        events: list[Event] = []
        last_source: str | None = None
        source_by_sentence: dict[int, str | None] = {}
        # a sentence's source can only come from those before it: the sentences after the
        # last candidate's are never asked
        for sent in sentences[:max(p.sent_index for p in protos) + 1]:
            src = attribution_of(sent.text, people, last_source)
            if src:
                last_source = src
            source_by_sentence[sent.index] = src
        for i, proto in enumerate(protos):
            sent = sentences[proto.sent_index]
            nxt = protos[i + 1].sent_index if i + 1 < len(protos) else len(sentences)
            scope = [s for s in sentences[proto.sent_index:max(nxt, proto.sent_index + 1)]
                     if s.paragraph == proto.paragraph]
            scope_text = " ".join(s.text for s in scope)
            own_frame = frame
            opening = accident_opens.get(proto.paragraph)
            if opening is not None and sent.index > opening[0]:
                own_frame = opening[1]
            verdict = self._judge(proto, sent, named_actors, judge_ents, genre,
                                  by_paragraph[proto.paragraph], settle, report, own_frame,
                                  _dated(sent, dates, report, proto.cue if article_body
                                         else None) if own_frame is not None else "recent")
            if verdict.keep and proto.ongoing:
                verdict = Verdict(False, proto.ongoing)
            if not verdict.keep and not self.explain:
                continue
            event = self._build(article, proto, sent, scope_text, dates, places,
                                paragraphs[proto.paragraph], report, article_actors,
                                source_by_sentence.get(sent.index), named_actors, prior,
                                _story_place(sentences, sent, places, paragraphs)
                                if article_body and not any(
                                    sent.start <= m.start < sent.end for m in places)
                                else None, in_names, article_body)
            if event is not None:
                old = (_long_past(event, sent, dates, report, proto.phrase_date) or (
                    _tally(event) or _past_month(event, sent, dates, report) or
                    self._present(proto.cue, sent.text)
                    if article_body else None)) if verdict.keep else None
                if old is not None:
                    # (kept, dropped, to the merge: a later telling of the same old
                    # incident is history too)
                    verdict = Verdict(False, old)
                if verdict.keep:
                    event.explanation = verdict.reason
                else:
                    event.dropped = verdict.reason
                events.append(event)
        _toll_from_headline(events, sentences)
        merged = merge_tellings(events, report)
        # (the merge may drop a telling too: a claim the article denies)
        return merged if self.explain else [e for e in merged if e.dropped is None]

    def _judge(
        self,
        proto: _Proto,
        sent: _Sentence,
        named_actors: list[_actors.ActorMention],
        ents: list[tuple[int, int, str]],
        genre: Genre,
        paragraph: list[_Sentence],
        settle: Callable[[], Genre] | None = None,
        report: dt.date | None = None,
        frame: Frame | None = None,
        dated: str = "recent",
    ) -> Verdict:
        """The relevance stage's decision on one candidate (eventwire.events.relevance)."""
        if proto.headline:
            return Verdict(False, "headline (an article's events are read from its body)")
        if proto.family == "label":
            return Verdict(True, "labelled event")
        mentions = [_actors.shifted(m, -sent.start) for m in named_actors
                    if sent.start <= m.start and m.end <= sent.end]
        sent_ents = [(s - sent.start, e - sent.start, label) for s, e, label in ents
                     if sent.start <= s and e <= sent.end]
        # the rest of the paragraph: participants are often named in the next sentence
        others = [s for s in paragraph if s.index != sent.index]
        context = [(s.text,
                    [_actors.shifted(m, -s.start) for m in named_actors
                     if s.start <= m.start and m.end <= s.end],
                    [(a - s.start, b - s.start, label) for a, b, label in ents
                     if s.start <= a and b <= s.end]) for s in others]
        return self.relevance.judge(proto.cue, sent.text, mentions, sent_ents, genre,
                                    parse=functools.partial(parse_sentence, sent.text),
                                    context=context, settle=settle,
                                    report_year=report.year if report else None,
                                    frame=frame, dated=dated)

    def _present(self, cue: Cue, sentence: str) -> str | None:
        """Why a kept cue in an article body is told in the generic present, or None
        (``Relevance.generic_present``). Only a cue that may be a finite present ("kill",
        "strikes", not "killed" or "killing") is parsed for it."""
        words = cue.text.split()
        if not words:
            return None
        word = words[0].lower()
        state = word.endswith("ed") and _STATE_BEFORE.search(sentence, 0, cue.start)
        prev = _PREV_WORD.search(sentence, 0, cue.start)
        # the cue itself may be the present verb: "landmines kill", "weapons that strike"
        verb = len(words) == 1 and not _NOT_PRESENT.search(word) and not past_form(word) and \
            not (prev and prev.group(1).lower() in _NOUN_BEFORE)
        # or the word after it: "Landmines kill and maim" (not "the air strike killed",
        # "an exchange of fire")
        after = _NEXT_PRESENT.match(sentence, cue.end)
        noun = not past_form(words[-1])
        # or the verb that does it: "which carries out air strikes against both groups"
        done = noun and _DOES_BEFORE.search(sentence, max(0, cue.start - 40), cue.start)
        if not (state or verb or done or (noun and after and not past_form(after.group(1)))):
            return None
        return self.relevance.generic_present(cue, sentence, parse_sentence(sentence))

    def _cached(self, cue: Cue, sentence: str) -> Cue:
        """A weapon cue named as what was seized or found ("troops seized four rifles,
        grenades and two trucks") is a disrupted use (a cache), not an attack."""
        if cue.family != "explosion" or not self.cues.refiner(
                "cache_before", sentence[max(0, cue.start - 90):cue.start]):
            return cue
        return dataclasses.replace(cue, sub_event_type="Disrupted weapons use",
                                   family="disrupt")

    def _detect(self, sentences: list[_Sentence], article_body: bool) -> list[_Proto]:
        protos: list[_Proto] = []
        para_families: dict[int, list[_Proto]] = {}
        uncued: dict[int, list[str]] = {}  # a paragraph's sentences before its first cue
        for sent in sentences:
            if sent.headline and self.explain and len(sent.text) >= 12:
                # a title sums up what the body tells: its cue is read there, and kept here
                # only so that --explain can say why the headline made no event
                protos.extend(_Proto(c, c.sub_event_type, c.family, sent.index,
                                     sent.paragraph, headline=True)
                              for c in _choose([c for c in self.cues.find(sent.text)
                                                if c.strong], sent.text)[:1])
                continue
            if sent.headline or len(sent.text) < 12 or is_generic(sent.text):
                continue
            existing = para_families.setdefault(sent.paragraph, [])
            label = None
            if not existing and self.cues.label_prefix(sent.text):
                sub, length = self.cues.label_prefix(sent.text) or ("", 0)
                label = _Proto(Cue(sub, "label", True, 3.0, 0, length, sent.text[:length]), sub,
                               "label", sent.index, sent.paragraph)
                protos.append(label)
                existing.append(label)
                continue
            cues = self.cues.find(sent.text)
            if not cues:
                if existing:
                    existing[-1].refine_text.append(sent.text)
                else:
                    uncued.setdefault(sent.paragraph, []).append(sent.text)
                continue
            strong = [self._cached(c, sent.text) for c in cues if c.strong]
            strong = [c for c in strong if not (
                c.family == "mob" and c.text.lower().startswith("vigilante") and
                self.cues.refiner("allied_before", sent.text[max(0, c.start - 80):c.start]))]
            if any(c.family != "explosion" for c in cues):
                # "militants armed with rifles and grenades attacked a police station": the
                # grenades are what they carried; the attack is the deed
                strong = [c for c in strong if c.family != "explosion" or not
                          self.cues.refiner("equipment_before",
                                            sent.text[max(0, c.start - 80):c.start])]
            if strong and all(c.family in _STRATEGIC for c in strong):
                harm = [c for c in cues if not c.strong and c.family == "vac"
                        and _HARM.search(c.text)]
                if harm:  # "detained and tortured him": the violence is the event
                    strong = harm
            if any(c.family != "protest" for c in strong):
                # "arrested 14 activists a day before a rally they had planned to hold": the
                # planned rally is no event of the sentence; what was done to them is
                strong = [c for c in strong if not self.relevance.planned_after(sent.text, c)]
            # "31, including a major, had been captured": people taken, not ground
            strong = [c for c in strong if not self.relevance.people_taken(sent.text, c)]
            chosen = _choose(strong, sent.text, article_body) if strong else []
            if not chosen:
                weak = [c for c in cues if not c.strong]
                if existing:
                    existing[-1].refine_text.append(sent.text)
                    continue
                chosen = weak[:1]
            added = False
            for cue in chosen:
                if any(cue.family in _ABSORBS.get(p.family, ()) or
                       (p.family == cue.family and p.sent_index < sent.index) or
                       (p.family == cue.family and p.sub == cue.sub_event_type
                        and p.family in ("protest", "mob", "label") and not (
                            p.family == "protest" and p.sent_index == sent.index))
                       for p in existing):
                    continue
                proto = _Proto(cue, cue.sub_event_type, cue.family, sent.index, sent.paragraph)
                twins = [p for p in existing if p.family == cue.family == "protest" and
                         p.sent_index == sent.index]
                for p in twins:
                    p.own_clause = proto.own_clause = True
                protos.append(proto)
                proto.ongoing = self.relevance.ongoing(sent.text, cue) if article_body \
                    else None
                if proto.ongoing:
                    # "Fighting continued elsewhere in Sagaing. On Friday, resistance forces
                    # attacked ...": the state of things (dropped, with this reason) sums up
                    # no deed of its paragraph; the next cue tells its own
                    continue
                if not cue.strong:
                    # a weak cue alone ("[size=no report]") is refined by what the
                    # paragraph said before it ("settlers hurled stones at cars.")
                    proto.refine_text.extend(uncued.get(sent.paragraph, ()))
                existing.append(proto)
                added = True
            if not added and existing:
                existing[-1].refine_text.append(sent.text)
        return protos

    def _build(
        self,
        article: Article,
        proto: _Proto,
        sent: _Sentence,
        scope_text: str,
        dates: list[DateMention],
        places: list[Any],
        paragraph: tuple[int, int],
        report: dt.date | None,
        article_group: _actors.ActorMention | None,
        source: str | None,
        named_actors: list[_actors.ActorMention],
        prior: dict[str, float] | None = None,
        story: tuple[int, int] | None = None,
        in_names: list[Any] | None = None,
        article_body: bool = True,
    ) -> Event | None:
        cue = proto.cue
        sentence = sent.text
        modality = ("asserted" if proto.family == "label"
                    else modality_of(sentence, cue.start, cue.end))
        if modality in _REALIS and proto.family != "label" and \
                self.relevance.may_be_irrealis(sentence):
            # the parse tells what the words near the cue cannot ("denied that it had
            # launched airstrikes", "did not fire a single shot")
            modality = self.relevance.realis_from_parse(cue, parse_sentence(sentence)) or \
                modality
        elif modality == "hypothetical" and proto.family != "label" and \
                self.relevance.realis_from_parse(cue, parse_sentence(sentence)) == "expected":
            modality = "expected"  # "the army said it would launch an offensive": a plan
        if modality in _REALIS and self.relevance.planned_after(sentence, cue):
            modality = "expected"  # "a day before a rally the party had planned to hold"
        if modality in _REALIS and proto.family == "protest" and \
                _CALLED_OFF.search(sentence, max(0, cue.start - 60), cue.start):
            modality = "negated"  # "suspended a planned indefinite nationwide strike"
        trigger = (sent.start + cue.start, sent.start + cue.end)
        span = (sent.start, sent.end)
        if proto.family == "protest":
            # "a rally against India", "burnt the Indian flag": the country a crowd stands
            # against is not where it gathers
            # (kept as a reference, so the feed's other countries lean ahead of it)
            places = [dataclasses.replace(m, place=None, role="against", referent=m.place)
                      if m.role == "country" and stood_against(article.text, m.start) else m
                      for m in places]
        clause = None if proto.clause is None else \
            (sent.start + proto.clause[0], sent.start + proto.clause[1])
        if clause is not None and any(
                clause[0] <= m.start < clause[1] and m.place is not None and
                m.role not in ("country", "hint") for m in places):
            # "bomb attacks killed four in Kharkiv late on Thursday, and artillery fire
            # killed two more in Kherson on Saturday": each deed at its own clause's place
            span = clause
        place = self.geocoder.locate_event(article.text, places, span, trigger,
                                           _cue_phrase(sent, cue, places))
        if clause is not None and span != clause and place is not None and place.admin1 and \
                place.geo_precision < 3 and _ELSEWHERE.search(article.text, *clause):
            # "signed a deal in Bahir Dar, even as clashes elsewhere in the region killed 19":
            # the other clause's town is not this deed's place; the region holding it is
            place = self.geocoder.region_point(Place(
                name=place.admin1, country=place.country, iso3=place.iso3,
                admin1=place.admin1, geo_precision=3, mention=place.admin1))
        if story is not None and place is not None:
            # a sentence that names no place, in a paragraph that has named none before it,
            # tells of the place the story is at: the last one named ("Shells fell on houses
            # in the eastern part of the town", after a paragraph on the shelling of Dilling),
            # not the article's most named place, when both are in one country (and the
            # last one is no country's or wider region's)
            told = self.geocoder.locate_event(article.text, places, story, None)
            if told is not None and told.iso3 == place.iso3 and told.geo_precision <= 2:
                place = told
        if place is None:
            # a town its sentence names only inside a name: "protested outside the Karachi
            # Press Club"
            place = next((dataclasses.replace(m.referent, mention=m.name) for m in in_names or ()
                          if sent.start <= m.start < sent.end), None)
        if place is None:
            place = self._fallback_place(article.text, places, paragraph, prior or {})
        iso3 = place.iso3 if place else None

        # the article's actor mentions, shifted into the sentence (found once per article)
        mentions = [_actors.shifted(m, -sent.start) for m in named_actors
                    if sent.start <= m.start and m.end <= sent.end]
        mentions = [m for m in mentions if not _is_source(sentence, m)]
        actor1, actor2 = _roles(mentions, cue, sentence)
        if proto.clause is not None and proto.own_clause:
            # two demonstrations of one sentence (``_own_dated_clause``): each is refined by
            # its own clause ("rallied on Wednesday ..., and a smaller demonstration the
            # following night ended in scuffles": the rally was peaceful)
            scope_text = scope_text.replace(sentence, sentence[proto.clause[0]:proto.clause[1]], 1)
        refine = " ".join([scope_text, *(t for t in proto.refine_text if t not in scope_text)])
        sub = self._refine(proto, actor1, actor2, refine, sentence)

        date, precision = event_date(
            dates, clause if clause is not None and
            any(clause[0] <= d.start < clause[1] for d in dates) else (sent.start, sent.end),
            paragraph, report, trigger[0])  # (and on its own clause's day)
        # (a one-paragraph report is dated by what it opens on: ``_article_body``)
        proto.phrase_date = _phrase_date(sentence, cue, dates, sent.start) if article_body \
            else None
        if proto.phrase_date is not None:
            date, precision = proto.phrase_date.date, proto.phrase_date.precision
        elif precision < 2 and _other_clause_dated(sentence, cue, dates, sent.start):
            # "A drone attack killed 11 in El Obeid on Wednesday, as fighting intensified,
            # with shelling of Dilling": the day is the other clause's; this deed's is loose
            precision = 2
        after = _DAYS_AFTER.search(sentence[:cue.start])
        if after and date is not None and any(
                sent.start <= d.start < sent.start + after.start() for d in dates):
            # "Soldiers patrol Gao on May 4, a day after a bomb struck": the bomb is May 3
            n = _NUMBER_WORDS.get(after.group("n").lower()) or int(after.group("n"))
            date -= dt.timedelta(days=n * (7 if after.group("unit").startswith("week") else 1))
            # (counted from the other clause's day, the day is exact: not that clause's own)
            precision = min(d.precision for d in dates
                            if sent.start <= d.start < sent.start + after.start())
        if modality == "expected" and date is not None and report is not None and \
                0 < (report - date).days < 7 and _WEEKDAY.search(sentence):
            # "called for protests on Friday" in Monday's paper: the coming Friday
            date += dt.timedelta(days=7)
        day = date.isoformat() if date else None
        if modality in _REALIS and date is not None and report is not None and date > report:
            if self.relevance.told_as_past(cue, parse_sentence(sentence)):
                # "between 20 - 24 March, forces killed ...": told as done, so it is not
                # after its report; the later date is the end of a span or another event's
                date = report
            else:
                modality = "expected"  # "a strike called for next Monday": not yet happened
        confidence = {True: 0.8, False: 0.5}[cue.strong]
        # the rule's own confidence is its vote: a strong cue told as fact weighs more
        # than a weak or hedged one (measured: bench/classify_combined.py, "conf")
        rule_conf = (0.9 if proto.family == "label" else confidence) * \
            _MODALITY_FACTOR.get(modality, 0.3)
        if self._classifier is not None and rule_conf < self.model_gate:
            # rules propose, the learned classifier decides (eventwire.classify.combine)
            from .classify import combine

            # the model reads the event's whole scope: its sentence and the ones that
            # refine it (for a one-paragraph report, the paragraph)
            probs = self.classifier.predict_proba([refine])[0]
            ruled = sub
            sub, confidence = combine({sub: rule_conf}, probs, rule_weight=RULE_CONF_WEIGHT)
            if proto.family not in ("protest", "label") and \
                    self._types(sub)[0] == "Protests" != self._types(ruled)[0] and \
                    not any(c.family == "protest" for c in self.cues.find(refine)):
                # a deed of violence is no peaceful gathering where no word of its scope
                # tells one ("the TTP claimed responsibility for the attack in a message to
                # journalists"): the model may refine a cue's deed, not trade it for a
                # protest nobody mentions
                sub = ruled
            elif self._types(ruled)[0] in VIOLENT and sub in _WORDLESS_DEVELOPMENTS and \
                    not any(c.sub_event_type == sub for c in self.cues.find(refine)):
                # nor for a development no word of its scope tells ("offered a reward for
                # information about those responsible for the attack" is no agreement; a
                # taking with "no clashes were reported" is the model's to read)
                sub = ruled
        a1, a2 = _normalize_roles(sub, actor1, actor2, mentions, iso3, article_group, refine, day)
        if sub in ("Government regains territory", "Non-state actor overtakes territory"):
            sub = ("Government regains territory" if a1 is None or a1.inter == 1
                   else "Non-state actor overtakes territory")
        if sub == "Abduction/forced disappearance" and \
                self.cues.refiner("harm", _NO_HARM.sub(" ", refine)):
            # abducted and killed (or beaten): the violence is the event ("but nobody was
            # killed" is none)
            sub = "Attack"
        if sub == "Arrests" and a1 is not None and a1.inter in (2, 3, 4):
            sub = "Abduction/forced disappearance"  # only states arrest; a militia abducts
        if sub == "Attack" and a2 is not None and a2.inter in (1, 2, 3, 8) and \
                not self.cues.refiner("off_duty", refine):
            sub = "Armed clash"  # but an off-duty officer is attacked as a civilian
        if sub == "Attack" and actor2 is None and cue.family == "vac":
            post = _ARMED_TARGET.match(sentence, cue.end)
            if post is not None:
                # "fighters stormed the post at Mangaize": an armed post's defenders, not
                # civilians, are attacked (ACLED codes a battle)
                sub = "Armed clash"
                a2 = _actors.category_actor("police" if post.group("police") else "military",
                                            iso3)
        if sub == "Armed clash" and proto.cue.text.lower().startswith("ambush") and \
                a2 is not None and a2.inter == 7 and a1 is not None and a1.inter in (2, 3, 4):
            sub = "Attack"  # "gunmen ambushed a passenger vehicle": no armed side was hit
        event_type, disorder = self._types(sub)
        start, end = _strip_span(article.text, sent.start, sent.end)
        if proto.family == "label":
            confidence = 0.9
        confidence *= _MODALITY_FACTOR.get(modality, 0.3)
        return Event(
            article_id=article.article_id,
            event_id=stable_id(article.article_id, sent.start, cue.start, sub),
            event_type=event_type,
            sub_event_type=sub,
            disorder_type=disorder,
            actor1=a1,
            actor2=a2,
            location=place,
            date=date.isoformat() if date else None,
            time_precision=precision,
            fatalities=Fatalities(0, 0, 0) if sub == "Peaceful protest" else
            count_fatalities(refine if proto.toll_text is None else " ".join(
                [proto.toll_text, refine[len(sentence):] if refine.startswith(sentence)
                 else ""]), grievance=event_type in ("Protests", "Riots")),
            modality=modality,
            attribution=source if modality != "asserted" or source else None,
            evidence=Evidence(article.text[start:end], start, end),
            confidence=round(confidence, 3),
            trigger=cue.text,
            plover=plover_for(sub),
            cameo=cameo_for(sub),
            url=article.url,
        )

    def _types(self, sub: str) -> tuple[str, str]:
        """(event type, disorder type) of a sub-type, from ACLED or the classifier's own
        ontology when it was trained on custom categories."""
        if sub in self.taxonomy.event_type_of:
            return self.taxonomy.event_type_of[sub], self.taxonomy.disorder_of[sub]
        parent = self.classifier.event_type(sub) if self._classifier is not None else None
        return parent or sub, ""

    def _refine(
        self,
        proto: _Proto,
        actor1: _actors.ActorMention | None,
        actor2: _actors.ActorMention | None,
        text: str,
        sentence: str,
    ) -> str:
        sub = proto.sub
        family = proto.family
        if family == "protest":
            if sub == "Violent demonstration":
                # a riot is a violent demonstration unless it has a victim and no
                # demonstration is in sight: rioters who beat a suspected thief, attack
                # another group, or confront soldiers raiding their camp are a mob
                demo = not _RIOT_WORD.match(proto.cue.text) or any(
                    c.strong and c.sub_event_type == "Peaceful protest"
                    for c in self.cues.find(text)) or bool(self.cues.refiner("grievance", text))
                return "Violent demonstration" if demo or not self._riot_victim(
                    actor2, text) else "Mob violence"
            if self.cues.refiner("violent", text) or self._crowd_deed(text):
                # a crowd's violence with no demonstration word at all is a mob's
                demo = proto.cue.strong or self._protest_told(text)
                return "Violent demonstration" if demo else "Mob violence"
            if self.cues.refiner("excessive_force", text):
                return "Excessive force against protesters"
            if _intervened(self.cues, text):
                return "Protest with intervention"
            return "Peaceful protest"
        if sub == "Armed clash" and actor1 is not None and _is_crowd(actor1, sentence) and (
                actor2 is None or not actor2.armed) and not _COMBATANTS.search(sentence):
            # "members of two rival parties clashed" (not "two soldiers and three members of
            # the group were killed in a firefight")
            return "Mob violence"
        if sub == "Armed clash" and actor1 is not None and actor2 is not None and any(
                (a.category in ("protesters", "rioters") or (
                    a.category == "civilians" and _UNARMED_CROWD.search(a.text)))
                and b.category in ("police", "military") for a, b in
                ((actor1, actor2), (actor2, actor1))):
            # a crowd that clashes with the police is rioting, not fighting a battle
            return self._crowd_violence(text)
        if sub == "Armed clash" and not (actor1 is not None and actor1.armed) and not (
                actor2 is not None and actor2.armed) and \
                self.cues.refiner("crowd_clash", sentence) and \
                not self.cues.refiner("armed_context", sentence):
            return "Mob violence"  # "a clash ensued between cadres of two parties"
        if family == "explosion" and sub in ("Shelling/artillery/missile attack", "Grenade") and \
                actor2 is not None and actor2.armed and self.cues.refiner("two_sided", text):
            return "Armed clash"  # "fired grenade launchers and small arms at the positions"
        if family == "vac" and sub == "Attack":
            if actor1 is not None and actor1.category in ("protesters",):
                # party activists who attack with no demonstration told are a mob
                return self._crowd_violence(text)
            if actor1 is not None and (actor1.category == "rioters" or _is_crowd(actor1, sentence)):
                return "Mob violence"
            if actor2 is not None and actor2.armed:
                return "Armed clash"
        if family == "property" and actor1 is not None and (
                actor1.category in ("protesters", "rioters") or _is_crowd(actor1, sentence)):
            # a crowd that wrecks or burns is rioting (ACLED codes destruction by rioters as
            # a riot, not as a strategic development)
            return self._crowd_violence(text)
        if family == "property" and actor1 is not None and actor1.armed:
            own = sentence if proto.clause is None else sentence[proto.clause[0]:proto.clause[1]]
            if any(c.family == "vac" and c.sub_event_type == "Attack"
                   for c in self.cues.find(own)):
                # "insurgents beheaded four villagers and burned dozens of homes": the
                # killing is the deed, the burning part of it
                return "Attack"
        if family == "vac" and sub in ("Attack", "Abduction/forced disappearance") and \
                self.cues.refiner("crowd_subject",
                                  sentence[max(0, proto.cue.start - 80):proto.cue.start]) \
                and not self.cues.refiner("armed_context", sentence):
            return "Mob violence"  # "villagers caught a suspected thief and beat him"
        return sub

    def _riot_victim(self, target: _actors.ActorMention | None, text: str) -> bool:
        """Do the rioters of ``text`` turn on someone: a target other than the police who
        keep order at a demonstration (civilians, another crowd, soldiers), police who came
        on an operation of their own (a raid, an arrest), or, with no target named, harm
        done to people ("beat a suspected thief"), damage to what others own ("set the
        company's office ablaze", looting) or a fight between crowds?"""
        if target is None:
            return any(c.family in ("vac", "battle", "property") for c in self.cues.find(text)) \
                or bool(_BETWEEN_WORD.search(text) or self.cues.refiner("riot_damage", text)
                        or self.cues.refiner("security_operation", text))
        if target.category == "police":
            return bool(self.cues.refiner("security_operation", text))
        return True

    def _crowd_deed(self, text: str) -> bool:
        """Does the parse of ``text`` show a crowd doing damage or violence: a verb of
        ``crowd_deeds`` whose subject (its own, the first verb's of a coordination, or the
        noun a relative clause hangs on) is a crowd's noun ("residents who reject the results
        burned a bus"), not done to a symbol ("burnt the party flag")? Parsed only when such
        a verb's stem is there."""
        gate = self.cues.crowd_deed_gate
        if gate is None or not gate.search(text):
            return False
        doc = parse_sentence(text)
        if doc is None:
            return False
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.cues.crowd_deeds or \
                    any(c.dep_ == "neg" or (c.dep_ == "dobj" and c.lemma_.lower() in
                                            self.cues.crowd_symbols) for c in token.children):
                continue  # "did not burn", "burnt the party flag"
            verb = token
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if verb.dep_ == "relcl" and subjects and subjects[0].lower_ in ("who", "that"):
                subjects = [verb.head]
            if any(s.lemma_.lower() in self.cues.crowd_doers for s in subjects):
                return True
        return False

    def _protest_told(self, text: str) -> bool:
        """Does ``text`` tell of a demonstration (a strong protest cue)?"""
        return any(c.strong and c.family == "protest" for c in self.cues.find(text))

    def _crowd_violence(self, text: str) -> str:
        """A crowd's violence: a violent demonstration where the text tells of one, else a
        mob's."""
        return "Violent demonstration" if self._protest_told(text) else "Mob violence"

    def _fallback_place(
        self, text: str, places: list[Any], paragraph: tuple[int, int],
        prior: dict[str, float],
    ) -> Place | None:
        """No place in the event's sentence: the paragraph's, then the article's first place
        (a dateline only when there is no other), then a region it names, then the country
        its national organizations point to (unless the input's focus is other countries),
        then the focus country."""
        # a dateline is where the story was filed: another place the article names first
        datelines = dateline_starts(text)
        for lo, hi, dateline in (*paragraph, False), (0, len(text), False), (0, len(text), True):
            for mention in places:
                if lo <= mention.start < hi and mention.place is not None and \
                        dateline == (mention.start in datelines):
                    return mention.place
        found = subdivision_place(text[paragraph[0]:paragraph[1]]) or subdivision_place(text)
        if found is not None:
            found = self.geocoder.region_point(found)
        if found is None and prior:
            iso2, weight = max(prior.items(), key=lambda kv: kv[1])
            # in a feed the user (or its first pass) says is about other countries, an
            # organisation's home is no place: Al-Shabaab in a Kenya feed is in Kenya
            if self.focus and iso2 not in self.focus:
                weight = 0.0
            country = self.geocoder.country(iso2) if weight >= 0.6 else None
            if country is not None:
                country.relation = "somewhere in the country of the organizations named"
                return country
        if found is None and self.focus and not any(m.place for m in places):
            # a report that names no place at all, in a feed about one country: that
            # country, at country precision (the user said what the input is about)
            iso2, weight = max(self.focus.items(), key=lambda kv: kv[1])
            if len(self.focus) > 1:
                # a feed about several countries: the one the text's own words lean to (an
                # organisation's home, a demonym, a name only one of them holds), if any
                votes = self.geocoder.focus_votes(text, places, self.focus)
                for cc, w in prior.items():
                    if cc in self.focus:
                        votes[cc] += w
                if votes:  # the feed as a whole vouches for whichever of its countries
                    iso2 = max(votes, key=lambda cc: votes[cc])
                    weight = sum(self.focus.values())
            country = self.geocoder.country(iso2) if weight >= 0.5 else None
            if country is not None:
                country.relation = "somewhere in the country the input is about (--focus)"
                return country
        return found


# -- helpers --------------------------------------------------------------------------------
# soldiers or fighters in a sentence: a clash of theirs is no crowd's
_COMBATANTS = re.compile(r"\b(?:soldiers?|troops|army|militants?|rebels?|insurgents?|"
                         r"jihadists?|fighters)\b", re.I)


def _sentences(doc: Doc, text: str) -> list[_Sentence]:
    out: list[_Sentence] = []
    paragraph = 0
    for sent in doc.sents:
        # the doc's text is the article's: slicing it is Span.text without building a Token
        # object per token
        raw = text[sent.start_char:sent.end_char]
        if not raw.strip():
            paragraph += 1
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = sent.start_char + len(raw.rstrip())
        out.append(_Sentence(len(out), start, end, text[start:end], paragraph))
        if "\n" in raw[len(raw.rstrip()):] or "\n" in text[end:end + 2]:
            paragraph += 1
    per_paragraph = Counter(s.paragraph for s in out)
    if len(per_paragraph) > 2:
        spans: dict[int, tuple[int, int]] = {}
        for s in out:
            first, _ = spans.get(s.paragraph, (s.start, s.end))
            spans[s.paragraph] = (first, s.end)
        for s in out:
            # a short line without a full stop, alone in its paragraph, is a headline (the
            # small model may cut it after an abbreviation: "Maj.-Gen. Emeka Okonjo, soldier
            # and chess teacher, dies at 84")
            line = text[slice(*spans[s.paragraph])]
            if "\n" not in line and not line.rstrip("”\"'’").endswith((".", "!", "?")) and \
                    len(line.split()) <= 24:
                s.headline = True
    if len(out) > 1 and not out[0].headline and len(out[0].text.split()) <= 16 and \
            _title_case(out[0].text) and any(len(s.text.split()) >= 8 for s in out[1:]):
        # a feed item's title run into its text ("Workers Rally Behind New Chip. Shares
        # of ..."): a line in title case before a body is a headline too
        out[0].headline = True
    return out


_RIOT_WORD = re.compile(r"riot|running battle", re.I)
# a protest called off before it began: "suspended a planned indefinite nationwide strike",
# "called off the march", "postponed Friday's rally"
_CALLED_OFF = re.compile(r"\b(?:suspend(?:ed|s|ing)?|call(?:ed|s|ing)?\s+off|cancel(?:l)?(?:ed|s|"
                         r"ing)?|postpon(?:ed|es|ing)|shelv(?:ed|es|ing)|avert(?:ed|s|ing)?|"
                         r"abandon(?:ed|s|ing)?)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_BETWEEN_WORD = re.compile(r"\bbetween\b", re.I)

# words a title leaves in lower case (articles, conjunctions, short prepositions)
_TITLE_SMALL = frozenset(
    "a an and as at but by for from in into nor of off on onto or out over per so the to "
    "up upon via vs with yet amid".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _cue_phrase(sent: _Sentence, cue: Cue,
                places: list[Any]) -> tuple[tuple[int, int], ...] | None:
    """The words of a noun cue's own phrase (``cue_place_words``), when its sentence names
    two places or more (a sentence that tells deeds at several places): the place among
    them is the deed's. A sentence of one place is not parsed."""
    if not cue.text.split() or past_form(cue.text.split()[0]):
        return None  # a cue told by its verb ("shelled", "threw stones") is no noun
    inside = [m for m in places if sent.start <= m.start < sent.end and m.place is not None
              and m.role not in ("country", "hint")]
    if len({m.place.name for m in inside}) < 2:
        return None
    return cue_place_words(sent.text, sent.start, cue)


def _story_place(sentences: list[_Sentence], sent: _Sentence, places: list[Any],
                 paragraphs: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the last sentence before ``sent`` that names a place other than a
    country, when ``sent``'s paragraph names none before it (an article's: a one-paragraph
    report keeps its own place)."""
    lo = paragraphs[sent.paragraph][0]
    if any(lo <= m.start < sent.start for m in places):
        return None
    for prev in reversed(sentences[:sent.index]):
        if prev.headline:
            break
        if any(prev.start <= m.start < prev.end and m.place is not None and
               m.role not in ("country", "hint") for m in places):
            return (prev.start, prev.end)
    return None


def _title_case(text: str) -> bool:
    """Is ``text`` written as a title: every word but the small ones capitalised, at
    least three of them ("Chip Maker Shot Down in Price War")? Sentence case never is
    ("Forces clashed with rebels in Tessit": a verb or a noun in lower case)."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _TITLE_SMALL]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _paragraph_spans(sentences: list[_Sentence]) -> dict[int, tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    return spans


_MODALITY_FACTOR = {"asserted": 1.0, "reported": 0.95, "claimed": 0.75}
# harm told as none: "but nobody was killed", "without injuring anyone", "no casualties"
_NO_HARM = re.compile(r"\b(?:no ?one|nobody|none)\b(?:\s+\w+){0,3}?\s+(?:killed|hurt|injured|"
                      r"wounded|harmed)\b|\bwithout (?:killing|injuring|hurting|harming)\b|"
                      r"\bno (?:casualties|deaths|injuries)\b", re.I)
# combine() weight for the rule's confidence (0.4-0.9): measured on the dev rows with
# bench/classify_combined.py, 0.3 / 0.5 / 0.7 gave event_type 0.935 / 0.938 / 0.939
RULE_CONF_WEIGHT = 0.7
_CLAUSE = re.compile(r"[;]|,\s*(?:and|while|but)\b|\.\s")


_SOURCE_BEFORE = re.compile(r"\baccording to (?:a |an |the |some |several )?(?:\w+ )?$", re.I)
# the clause after a passive deed that tells how it was done, opened by its doer: "were
# killed when security forces raided", "died as soldiers opened fire" (an armed doer: "when
# two men were carrying the body" tells no killer)
_WHEN_DOER = re.compile(r"\W*(?:[\w'’-]+\s+){0,5}?(?:when|as)\s+(?:the\s+|some\s+)?",
                        re.I)
# "claimed an airstrike", "claimed responsibility", "claimed to have killed": its own deed
_CLAIMS_DEED = re.compile(r"\s*(?:\w+\s+)?claim(?:ed|s)\s+(?:responsibility\b|to\s+have\s+|"
                          r"(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:air\s*strikes?|strikes?|attacks?|"
                          r"raids?|bombings?|ambush(?:es)?|operations?|assaults?)\b)", re.I)
_SOURCE_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:said|says|told|reported|stated|claimed)\b")


def _is_source(sentence: str, mention: _actors.ActorMention) -> bool:
    """"according to a local official", "police said": a source, not a participant (but
    "the army claimed an airstrike": who claims a deed of its own did it)."""
    after = sentence[mention.end:mention.end + 60]
    return bool(_SOURCE_BEFORE.search(sentence[max(0, mention.start - 40):mention.start])
                or (_SOURCE_AFTER.match(after) and not _CLAIMS_DEED.match(after)))


def _own_dated_clause(sentence: str, cue: Cue, before: list[Cue]) -> bool:
    """Is ``cue`` in a clause of its own, away from the cues chosen ``before`` it, that tells
    a day of its own ("rallied on Wednesday ..., and a smaller demonstration the following
    night ended in scuffles")? Then it is another demonstration."""
    if cue.text.lower().startswith("protest"):
        return False  # "and the chamber protested in a letter last week": words, no crowd
    a, b = _clause_at(sentence, cue.start)
    if any(a <= c.start < b for c in before):
        return False
    return any(a <= d.start < b for d in find_dates(sentence, ANY_REPORT))


def _article_body(sentences: list[_Sentence]) -> bool:
    """An article of several paragraphs (not a one-paragraph report: ACLED's and UCDP's
    notes, a wire's brief, which is dated and placed by what it opens on)."""
    return len({s.paragraph for s in sentences if not s.headline}) > 1


# what stands between a remote-violence deed and its payload: a count ("dropped at least
# three improvised explosive devices")
_PAYLOAD_GAP = re.compile(r"(?:\s*\b(?:an?|the|its|their|at least|more than|about|some|several|"
                          r"dozens of|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)*"
                          r"\s*", re.I)


def _choose(strong: list[Cue], sentence: str, clauses: bool = False) -> list[Cue]:
    """One cue per sub-type and clause; strategic cues only when nothing violent is there
    (with ``clauses``, an article's: nothing violent in their own clause, "signed a peace
    deal on Saturday, even as clashes killed 19 people over the past week"); a weapon named
    right after a remote-violence cue is that deed's ("drones dropped explosive devices" is
    one air strike)."""
    violent = [c for c in strong if c.family not in _STRATEGIC]
    pool = violent or strong[:1]
    if violent and clauses:
        spans = _clauses(sentence)
        held = {i for c in violent for i, (a, b) in enumerate(spans) if a <= c.start < b}
        alone = [c for c in strong if c.family in _STRATEGIC and not any(
            a <= c.start < b for i, (a, b) in enumerate(spans) if i in held)]
        pool = sorted(violent + alone[:1], key=lambda c: c.start)
    out: list[Cue] = []
    families = {c.family for c in pool}
    for cue in pool:
        same = [c for c in out if c.sub_event_type == cue.sub_event_type]
        if same and not _CLAUSE.search(sentence, same[-1].end, cue.start):
            continue
        if cue.family == "mob" and "protest" in families:
            continue
        if cue.family == "explosion" and any(
                c.family == "explosion" and 0 <= cue.start - c.end <= 40 and
                _PAYLOAD_GAP.fullmatch(sentence, c.end, cue.start) for c in out):
            # "drones dropped explosive devices", "drones dropped at least three improvised
            # explosive devices": the deed's payload, not another
            continue
        if cue.family == "protest" and any(c.sub_event_type == cue.sub_event_type or
                                           c.family == "protest" for c in out) and not (
                clauses and _own_dated_clause(sentence, cue, out)):
            continue
        out.append(cue)
    return out


def _roles(
    mentions: list[_actors.ActorMention], cue: Cue, sentence: str
) -> tuple[_actors.ActorMention | None, _actors.ActorMention | None]:
    """(actor1, actor2) around a cue: subject before it, object after it; passive swaps."""
    if cue.family == "label":
        # "Looting: On 3 May, the military looted ...": roles as if the cue were the verb
        # after the first actor
        first = mentions[0] if mentions else None
        rest = [m for m in mentions if m is not first]
        return first, (rest[0] if rest else None)
    if _FOUND.match(cue.text):
        # "SDF found 27 corpses": who found the dead did not kill them
        return None, None
    # a mention that runs into the cue ("Turkish army warplanes carried out") is its subject
    # and so is one the cue opens with ("Inter-clan clashes", "Residents lynched")
    before = [m for m in mentions if m.start < cue.start or (
        m.start == cue.start and m.end <= cue.end)]
    # a mention inside the cue ("hit ISIS targets") is its object
    after = [m for m in mentions if m.start >= cue.end or (cue.start < m.start < cue.end)]
    head = sentence[:cue.start]
    by_agent = _BY_AGENT.match(sentence, cue.end)
    reduced = bool(by_agent and _REDUCED_PASSIVE.search(cue.text) and (
        not before or _NO_BREAK.fullmatch(sentence, before[-1].end, cue.start)) and
        (any(by_agent.end() <= m.start <= by_agent.end() + 4 for m in after) or
         _BY_DOER.match(sentence, by_agent.end())))
    if _PASSIVE.search(head) or reduced:
        # (or a headline's passive with no auxiliary: "Suspected robbers shot dead by police")
        by = re.search(r"^\W*(?:\w+\s+){0,4}?by\s+", sentence[cue.end:cue.end + 60])
        agent = None
        if by:
            agent = next((m for m in after if m.start >= cue.end + by.start()), None)
        elif cue.family == "battle":
            # "two militants were killed in an encounter with the police": the other side
            agent = after[0] if after else None
        if agent is None and (when := _WHEN_DOER.match(sentence, cue.end)):
            # "Two militants were killed when security forces raided a hideout": the doer
            # of the clause that tells how
            agent = next((m for m in after if when.end() <= m.start <= when.end() + 4 and
                          m.category in _DOER_KINDS), None)
        patient = before[-1] if before else None
        return agent, patient
    agent = _AGENT_AFTER.match(sentence[cue.end:cue.end + 60])
    if agent:  # "a landmine planted by the army exploded"
        by = cue.end + agent.end()
        doer = next((m for m in after if by - 1 <= m.start <= by + 24
                     and re.fullmatch(r"[\w\s'’-]*", sentence[by:m.start])), None)
        chain = [doer] if doer is not None else []
        while doer is not None:
            # "blamed on Sudan's paramilitary Rapid Support Forces": the name the words
            # before it describe is the doer
            head = next((m for m in after if 0 <= m.start - doer.end <= 2 and
                         sentence[doer.end:m.start].strip() in ("", "(")), None)
            if head is None:
                break
            doer = head
            chain.append(head)
        if doer is not None:
            others = [m for m in mentions if all(m is not c for c in chain)]
            return doer, (others[0] if others else None)
    if after and _BETWEEN.search(sentence[:after[0].start]):
        second = after[1] if len(after) > 1 else None
        return after[0], second
    if cue.family == "battle":
        told = _PASSIVE_BY.search(sentence)
        if told:
            doer = next((m for m in mentions
                         if told.end() - 1 <= m.start <= told.end() + 24), None)
            done = next((m for m in reversed(mentions) if m.end <= told.start()), None)
            if doer is not None and done is not None:
                return doer, done
    subject = None
    for m in reversed(before):
        lead = sentence[max(0, m.start - 12):m.start].lower()
        if re.search(r"\b(?:of|from|against|with|on|at|in|to|by|near|into)\s+(?:the\s+)?$",
                     lead) or _INCLUDING.search(sentence, max(0, m.start - 30), m.start) or \
                _BACKER.search(sentence, max(0, m.start - 40), m.start):
            continue  # (and "five rebels, including two women": part of a list, no doer)
        deed = _OBJECT_OF_DEED.search(sentence, max(0, m.start - 40), m.start)
        if deed and (re.fullmatch(r"[\w\s-]*\band\s+(?:\w+\s+)?", sentence[m.end:cue.start])
                     or _IN_A_DEED.fullmatch(sentence, m.end, cue.start)
                     or (_WITH_NOUN.fullmatch(sentence, m.end, cue.start) and
                         not past_form(cue.text.split()[0]))) \
                and any(o.end <= deed.start() and o.category in _DOER_KINDS for o in before):
            # "Gunmen killed at least 12 people and abducted six women": the people are
            # the first deed's object; the doer of the second is the first's subject (so
            # in "security forces killed five rebels, including two women, in a gunfight")
            continue
        subject = m
        break
    if subject is not None:
        # "Mozambican and Rwandan forces clashed": the first of a pair leads
        i = before.index(subject) if subject in before else -1
        # (with its count: "Two soldiers and three militants were killed in a firefight")
        if i > 0 and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:(?:\d+|two|three|four|five|six|"
                                  r"seven|eight|nine|ten|several|dozens of|scores of)\s+)?",
                                  sentence[before[i - 1].end:subject.start], re.I):
            subject = before[i - 1]
    if subject is None and before:
        subject = before[0]
    if subject is None:
        subject = _actors.forces_before(sentence, cue.start)
    if subject is None:
        # "clashes between A and B", "A and B clashed": the first two after/before the cue
        subject = after[0] if after and re.match(r"^\s*(?:between|among)\b",
                                                  sentence[cue.end:]) else None
    objects = [m for m in after if m is not subject]
    obj = objects[0] if objects else None
    if obj is None and subject is not None:
        # (the subject's backers are its allies, no partner: "Turkish forces supported by
        # opposition rebels shelled the town")
        partners = [m for m in before if m is not subject and m.start > subject.end and
                    not _BACKER.search(sentence, max(0, m.start - 40), m.start)]
        obj = partners[0] if partners else None
    return subject, obj


# a deed's verb and its object's count right before a mention ("killed at least 12 people")
_OBJECT_OF_DEED = re.compile(
    r"\b(?:killed|killing|shot|abducted|kidnapped|injured|wounded|attacked|beat|hacked|"
    r"beheaded|stabbed|raped|executed|lynched|tortured|massacred|slaughtered|assaulted|"
    r"mutilated|ambushed|captured|robbed|"
    r"arrested|detained|seized|burned|burnt|torched)\s+(?:(?:at least|more than|some|about|"
    r"nearly|over|up to)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# the words from a deed's object to the noun cue that says with what it was done: " in the
# town of Tibu with " ("attacked a police station in Tibu with explosive-laden drones")
_WITH_NOUN = re.compile(r"[^.;:]{0,80}?\bwith\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?")
# developments that are no deed: the learned typing names one only where a word tells it
_WORDLESS_DEVELOPMENTS = frozenset({"Agreement", "Change to group/activity",
                                    "Headquarters or base established", "Other",
                                    "Disrupted weapons use"})
# the backers of a doer, named after it: "troops backed by local Macawisley clan militia"
_BACKER = re.compile(r"\b(?:backed|supported|assisted|aided|accompanied)\s+by\s+"
                     r"(?:(?:the|local|allied|armed)\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# a list's part named after its whole: "five rebels, including two women"
_INCLUDING = re.compile(r"\b(?:including|among them|among whom)\s+(?:[\w-]+\s+){0,2}$", re.I)
# the words from a deed's object to a noun cue that says in what the deed was done: ", in a
# gunfight", "during an encounter"
_IN_A_DEED = re.compile(r"[^.;:]{0,60}?\b(?:in|during)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?")
# a crowd's words; "groups" or "members" (of a militia or gang), herders and relatives may
# be an armed side, the others never are
_CROWD_WORDS = "crowds?|locals|residents|villagers|supporters|youths|people|mob|workers|" \
    "students|farmers|traders"
_CROWD = re.compile(rf"\b(?:{_CROWD_WORDS}|groups?|members|herders|relatives)\b", re.I)
_UNARMED_CROWD = re.compile(rf"\b(?:{_CROWD_WORDS}|protesters)\b", re.I)


def _intervened(cues: CueLexicon, text: str) -> bool:
    """Did authorities step in against this protest? Not an arrest the protest is about
    ("demanding the release of activists detained in March") or an earlier one."""
    regex = cues.refiners.get("intervention")
    for m in regex.finditer(text) if regex else ():
        word = m.group(0).lower()
        if not ("arrest" in word or "detain" in word or "custody" in word):
            return True
        if cues.refiner("dated_after", text[m.end():m.end() + 30]):
            continue
        if not cues.refiner("authority_first", m.group(0)) and \
                cues.refiner("past_arrest_before", text[max(0, m.start() - 60):m.start()]):
            continue
        return True
    return False


def _is_crowd(mention: _actors.ActorMention, sentence: str = "") -> bool:
    """"locals", "a group of 20 persons": an unorganized crowd, not a lone attacker."""
    if mention.category != "civilians":
        return False
    lead = sentence[max(0, mention.start - 30):mention.start] if sentence else ""
    return bool(_CROWD.search(mention.text) or re.search(
        r"\b(?:group|crowd|mob|gang) of\b[^,.]*$|\b(?:rival|two)\s+$", lead, re.I))


def _other_clause(scope: str, actor_text: str) -> bool:
    """The actor is the subject of another clause than the bomb's ("Soldiers patrol ...,
    a day after a roadside bomb struck ...")."""
    at = scope.find(actor_text)
    after = scope[at + len(actor_text):at + len(actor_text) + 80]
    # or the one harmed by it: "Two soldiers were killed in an IED blast", "soldiers killed
    # by a landmine"
    return at >= 0 and bool(re.search(r",|\bafter\b|\bwhen\b|\bas\b", after) or
                            _HARMED_BY.match(after))


_HARMED_BY = re.compile(r"\s+(?:\w+\s+){0,2}?(?:(?:were|was|have been|had been|got)\s+)?"
                        r"(?:\w+ly\s+)?(?:killed|injured|wounded|hurt|maimed|died|hit|"
                        r"targeted|struck)\s+(?:in|by|when|after)\b", re.I)


def _normalize_roles(
    sub: str,
    actor1: _actors.ActorMention | None,
    actor2: _actors.ActorMention | None,
    mentions: list[_actors.ActorMention],
    iso3: str | None,
    article_group: _actors.ActorMention | None,
    scope: str,
    day: str | None = None,
) -> tuple[Actor | None, Actor | None]:
    def name(mention: _actors.ActorMention) -> Actor:
        return _actors.name_for(mention, iso3, day)

    blast = acled().event_type_of.get(sub) == "Explosions/Remote violence"
    # (in a blast, people named are whom it hit, a crowd too: "killing seven people")
    civilian_doer = actor1 is not None and actor1.category == "civilians" and (
        blast or not _is_crowd(actor1, scope))
    if civilian_doer and acled().event_type_of.get(sub) in (
            "Violence against civilians", "Battles", "Explosions/Remote violence"):
        # "two men shot a doctor": individual attackers are an unidentified armed group
        a1 = _actors.category_actor("unidentified", actor1.country or iso3, actor1.text)
    else:
        a1 = name(actor1) if actor1 else None
    a2 = name(actor2) if actor2 else None
    if civilian_doer and a2 is None and blast:
        # "a bomb tore through a minibus carrying passengers": the people named are whom
        # the blast hit, not who set it
        a2 = name(actor1)
    if article_group is not None:
        # "the terrorists" in an article about one named group mean that group
        if actor1 is not None and _refers_back(actor1, scope):
            a1 = name(article_group)
        if actor2 is not None and _refers_back(actor2, scope):
            a2 = name(article_group)
    event_type = acled().event_type_of.get(sub, "")
    if event_type == "Protests":
        crowd = next((m for m in mentions if m.category in ("protesters", "rioters")), None)
        # (a crowd is named by the country it gathers in, not by a nationality it names:
        # ACLED's Protesters (Pakistan) chanting against India)
        a1 = _actors.category_actor("protesters", iso3 or (crowd.country if crowd else None))
        police = next((m for m in mentions if m.category in ("police", "military")), None)
        a2 = (name(police) if police and sub != "Peaceful protest" else None)
        if sub != "Peaceful protest" and a2 is None:
            a2 = _actors.category_actor("police", iso3)
        return a1, a2
    crowd = next((m for m in mentions if m.category in ("protesters", "rioters")), None)
    crowd_country = iso3 or (crowd.country if crowd is not None else None)
    if sub == "Violent demonstration":
        a1 = _actors.category_actor("rioters", crowd_country)
        police = next((m for m in mentions if m.category in ("police", "military")), None)
        return a1, (name(police) if police else None)
    if sub == "Mob violence":
        victim = a2 if a2 is not None and (actor2 is None or actor2.category != "rioters") else None
        return _actors.category_actor("rioters", crowd_country), victim or _actors.category_actor(
            "civilians", iso3)
    if sub in _EXPLOSIVE_BY_NONSTATE and (a1 is None or (
            a1.inter == 1 and actor1 is not None and _other_clause(scope, actor1.text))):
        # a bomb with no named bomber: the armed group the report is about, else unknown;
        # state forces named beside it are its target
        state = a1
        a1 = (name(article_group) if article_group
              else _actors.category_actor("unidentified", iso3))
        a2 = a2 if a2 is not None and a2.name != a1.name else state
    kind_only = actor1 is not None and actor1.category in _COLLECTIVE_SIDES
    if a1 is not None and a2 is not None and a1.name == a2.name and not kind_only:
        a2 = None
    if sub == "Armed clash" and kind_only and (a2 is None or a2.inter == 7):
        # "inter-clan clashes", "two communities clashed": both sides are the kind's
        # unidentified militias (ACLED codes the same actor on each side)
        a2 = a1
    if (event_type == "Battles" and a2 is None and article_group is not None
            and (a1 is None or a1.inter == 1)):
        # "Iraqi forces captured villages": from the group the article is about
        a2 = name(article_group)
    if sub in _NEEDS_VICTIM:
        if a1 is None:
            a1 = _actors.category_actor("unidentified", iso3)
        if a2 is None or a2.inter not in (7,):
            if a2 is None:
                a2 = _actors.category_actor("civilians", iso3)
    if sub == "Arrests" and a1 is None:
        a1 = _actors.category_actor("police", iso3)
    if a1 is None and sub in ("Armed clash", "Remote explosive/landmine/IED", "Grenade"):
        a1 = _actors.category_actor("unidentified", iso3)
    return a1, a2


# collective sides told by their kind, not their names ("two clans", "tribal clashes")
_COLLECTIVE_SIDES = frozenset({"ethnic_militia", "communal_militia", "clan_militia"})
# the kinds of actor that do deeds to others (not the civilians or crowds they are done to)
_DOER_KINDS = frozenset({"unidentified", "group", "military", "police"}) | _COLLECTIVE_SIDES


def _country_prior(mentions: list[_actors.ActorMention]) -> dict[str, float]:
    """Where the actors say the events are: a named group's home country, or the country of
    police ("Iraqi police") - police act at home, unlike armies."""
    prior: dict[str, float] = {}
    table = countries()
    for m in mentions:
        if m.country is None or m.country not in table:
            continue
        if m.category == "group" and m.inter in (2, 3, 4):
            weight = 1.0
        elif m.category == "police":
            weight = 0.5
        else:
            continue
        iso2 = table[m.country].iso2
        prior[iso2] = prior.get(iso2, 0.0) + weight
    return prior


def _refers_back(mention: _actors.ActorMention, scope: str) -> bool:
    """"the terrorists", "the militants": a definite generic armed actor (not "unknown
    gunmen") that points back to a group named elsewhere in the article."""
    if mention.category != "unidentified":
        return False
    if re.search(r"\b(?:unknown|unidentified|suspected|armed|some|several|two|three)\b",
                 mention.text, re.I):
        return False
    lead = scope[max(0, mention.start - 6):mention.start].lower()
    return lead.endswith(("the ", "its ", "their "))


def _dominant_group(mentions: list[_actors.ActorMention]) -> _actors.ActorMention | None:
    """The named armed group an article is about: named at least twice, more than any."""
    counts: dict[str, tuple[int, _actors.ActorMention]] = {}
    for m in mentions:
        if m.category == "group" and m.inter in (2, 3, 4):
            n, first = counts.get(m.name or "", (0, m))
            counts[m.name or ""] = (n + 1, first)
    if not counts:
        return None
    n, first = max(counts.values(), key=lambda t: t[0])
    return first if n >= 2 else None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lead(sentences: list[_Sentence]) -> str:
    """The article's headline(s) and its first sentence after them: what it is about."""
    head = [s.text for s in sentences if s.headline]
    body = next((s.text for s in sentences if not s.headline), "")
    return " ".join([*head, body])


_WEEKDAY = re.compile(r"\b(?:on|this|next|from|by|until) (?:Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday)\b")


def _from_dateline(text: str, report: dt.date | None,
                   sentences: list[_Sentence]) -> list[DateMention]:
    """The article's dates. A story filed on a day before the report ("RAMALLAH, Nov 29 -
    ... on Saturday" in a paper of Dec 6) tells its days relative to its dateline's day, not
    the report's: "on Saturday" is Nov 28. A dateline's day within two weeks before the report
    anchors the relative days (weekdays, "yesterday", "last week")."""
    dates = find_dates(text, report)
    if report is None:
        return dates
    lines = [(s.start, s.start + end) for s in sentences[:3]
             for end in (dateline_end(s.text),) if end]
    filed = next((d.date for d in dates if d.explicit and d.precision == 1 and
                  any(a <= d.start < b for a, b in lines)), None)
    if filed is None or not 0 < (report - filed).days <= 14:
        return dates
    relative = [d for d in find_dates(text, filed) if not d.explicit]
    return sorted([d for d in dates if d.explicit] + relative, key=lambda d: d.start)


def _filing_dates(dates: list[DateMention], sentences: list[_Sentence]) -> list[DateMention]:
    """A dateline's date ("BAMAKO, May 4 (AFP) - A roadside bomb struck ... on Friday") is
    the day the story was filed: in its sentence it yields to the event's own day or month
    (it is read as a telling's day, at a week's precision), and it stays the sentence's date
    when none other is told."""
    lines = [(s.start, s.start + end) for s in sentences
             for end in (dateline_end(s.text),) if end]
    if not lines:
        return dates
    return [dataclasses.replace(d, precision=max(d.precision, 2), telling=True)
            if any(a <= d.start < b for a, b in lines) else d for d in dates]


# a verb of saying and the words that may stand between it and its day: "said on
# Wednesday", "told reporters on Sunday", "said in a statement on Saturday" (not "announced
# a strike from December 14": the day of what was announced)
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|added|tweeted|wrote|posted)"
    r"(?:\s+(?!that\b|when\b|after\b|before\b|as\b|for\b|from\b)[\w'’-]+){0,5}?\s+(?:on\s+|late\s+|"
    r"early\s+)?$|"
    # "in a statement read on state television on Sunday evening", "a video posted on
    # Saturday": the day a telling came out
    r"\b(?:statement|communiqu[eé]|announcement|broadcast|address|briefing|interview|"
    r"message|video|post|report)\s+(?:[\w'’-]+\s+)?(?:read|issued|released|published|"
    r"broadcast|aired|posted|given|delivered|carried)(?:\s+(?:out\s+)?(?:on|by|over)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:television|TV|radio|media|channel|website|"
    r"account|agency))?\s+(?:on\s+|late\s+|early\s+)?$", re.I)


def _telling_dates(dates: list[DateMention], text: str) -> list[DateMention]:
    """The day a source spoke ("residents said on Wednesday", "the army said in a statement
    on Saturday") is not the day of what it told: it yields to the sentence's other dates
    and, alone, dates the event loosely (a week's precision: on or before that day)."""
    return [dataclasses.replace(d, precision=max(d.precision, 2), telling=True)
            if _SAID_ON.search(text, max(0, d.start - 80), d.start) else d for d in dates]


def _tally(event: Event) -> str | None:
    """Why an event told as fact is a period's tally, or None: its cue is incidents of a
    kind (a bare plural: "air strikes had killed more than 100 civilians since October",
    "In October, drone attacks forced 300 people to flee") and the text dates them by no
    day, only by a month or a longer period. Those are many incidents summed up, not one.
    Read in article bodies only: a one-line summary or headline ("12 people die since
    morning by Russian airstrikes", beside a month's tally) tells the day's incident."""
    if event.modality not in _REALIS or not event.date or event.time_precision < 3:
        return None
    if not more_of_them(event):
        return None
    return f"generic (incidents of a period, not one: '{event.trigger}', {str(event.date)[:7]})"


def _long_past(event: Event, sent: _Sentence, dates: list[DateMention],
               report: dt.date | None, phrase: DateMention | None = None) -> str | None:
    """Why an event told as fact is history, or None: the text dates it more than a year
    before the report, and its sentence names no later date ("police arrested 50 activists
    in March 2019" in a 2026 article is the story's background, not its news; "marched on
    8 May 2022 to mark the end of the war on 8 May 1945" is news). ``phrase``, the date the
    deed's own phrase carries (``_phrase_date``), is its only date when given."""
    if report is None or event.modality not in _REALIS or not event.date:
        return None
    own = [d for d in dates if sent.start <= d.start < sent.end]
    if phrase is not None:
        own = [phrase]  # the deed's own date, not the sentence's other deeds'
    try:
        day = dt.date.fromisoformat(str(event.date))
    except ValueError:
        return None
    # (a deed dated loosely by its sentence's date, "separated the men on Aug. 15, 2014,
    # and shot them", is of that date too)
    told = [d for d in dates if d.date == day and d.precision <= event.time_precision]
    if not told or not all(long_past(d, report) for d in own or told[:1]):
        return None  # the report's day, or a date of its own within the year
    return f"history (dated {str(event.date)[:7]}, more than a year before the report)"


_MONTH_NAME = re.compile(rf"\b{MONTH_NAMES}\b")


def _past_month(event: Event, sent: _Sentence, dates: list[DateMention],
                report: dt.date | None) -> str | None:
    """Why an event told as fact in an article body is background, or None: its sentence
    dates it by an earlier month alone ("In November, a drone strike on a funeral killed
    40 people" in a December report), no day: the story recalls it; its news is the days
    it dates."""
    if report is None or event.modality not in _REALIS or not event.date or \
            event.time_precision < 3:
        return None
    own = [d for d in dates if sent.start <= d.start < sent.end]
    if not own or any(d.precision < 3 for d in own):
        return None  # no month of its own, or a day beside it
    month = str(event.date)[:7]
    # (a calendar month named, "In November": not "a factory that closed last month", a
    # clause's date the deed may have taken)
    if not any(d.date.isoformat()[:7] == month and _MONTH_NAME.search(d.text)
               for d in own) or \
            month >= report.isoformat()[:7]:
        return None
    return f"history (a past month, no day: {month})"


def _dated(sent: _Sentence, dates: list[DateMention], report: dt.date | None,
           cue: Cue | None = None) -> str:
    """"recent" when the sentence has a date of its own within the year before the report
    (any date without a report date), "old" when it has only older ones, else "none". With
    ``cue`` (an article's: a one-paragraph report's opening date dates all it tells), only
    the dates of the cue's own clause count (``eventwire.events.clauses``)."""
    # a dateline's date is the filing's ("COVENTRY, England, 5 May 2024 - Eighty years ago
    # ..."), not the sentence's own
    line = dateline_end(sent.text)
    mentions = [d for d in dates if sent.start + line <= d.start < sent.end]
    if cue is not None and mentions:
        mentions = clause_dates(sent.text, sent.start, cue, mentions)
    own = [d.date for d in mentions]
    if report is not None:  # a year alone ("arrested him in 2021") dates it too
        own += [dt.date(int(y), 12, 31) for y in YEAR_WORD.findall(sent.text, line)
                if int(y) < report.year]
    if not own:
        return "none"
    if report is None:
        return "recent"
    year_before = report - dt.timedelta(days=366)
    if any(d < year_before for d in own) and \
            all(not d.explicit for d in mentions if d.date >= year_before):
        # a calendar date long past beats a day told relative to the report: "Eighty years
        # ago this week, in May 1944", "the court heard on Monday that on 3 May 2019 ..."
        return "old"
    return "recent" if any(d >= year_before for d in own) else "old"


# a deed's own clause that puts it away from the sentence's place: "clashes elsewhere in the
# region"
_ELSEWHERE = re.compile(r"\belsewhere\b", re.I)
# where one clause of a sentence ends and another deed's begins: "A drone attack killed 11
# civilians in El Obeid, local authorities said, as fighting intensified around Bara"
_CLAUSE_BREAK = re.compile(r",\s+(?:as|while|whereas|but|and|even as|meanwhile)\s+|;\s+|"
                           r"\s+(?:while|whereas)\s+|"
                           # "..., a day after fighting near Mota left nine dead"
                           r",\s+(?:a|an|one|two|three|four|five|\d+)\s+(?:days?|weeks?|"
                           r"hours?)\s+(?:after|before)\s+", re.I)


def _phrase_date(sentence: str, cue: Cue, dates: list[DateMention],
                 offset: int) -> DateMention | None:
    """The date the deed's own phrase carries, where its sentence names days apart: the one
    date whose words hang on the cue in the parse, with no other verb between ("gathered on
    Sunday to rebury 41 people killed by militants in August 2014": the killing is of August
    2014, the gathering of Sunday). Parsed only for such a sentence."""
    own = [d for d in dates if offset <= d.start < offset + len(sentence)]
    if len({d.date for d in own}) < 2:
        return None
    doc = parse_sentence(sentence)
    if doc is None:
        return None
    cue_tokens = {t.i for t in doc if cue.start <= t.idx < cue.end}
    if not cue_tokens:
        return None
    mine = []
    for d in own:
        token = next((t for t in doc if t.idx <= d.start - offset < t.idx + len(t)), None)
        while token is not None and token.head.i != token.i:
            token = token.head
            if token.i in cue_tokens:
                mine.append(d)
                break
            if token.pos_ in ("VERB", "AUX"):
                break
    return mine[0] if len(mine) == 1 else None


def _other_clause_dated(sentence: str, cue: Cue, dates: list[DateMention],
                        offset: int) -> bool:
    """Does the sentence date a deed only in clauses other than the cue's?"""
    own = [d.start - offset for d in dates if offset <= d.start < offset + len(sentence)]
    if not own:
        return False
    a, b = _clause_at(sentence, cue.start)
    return not any(a <= d < b for d in own)


def _clause_at(text: str, pos: int) -> tuple[int, int]:
    """The clause (``_clauses``) that holds offset ``pos``."""
    return next((a, b) for a, b in _clauses(text) if a <= pos < b)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The text's clauses as offsets (``_CLAUSE_BREAK``; the last one's end is past the
    text's, so that every offset in it falls in one)."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text) + 1]
    return list(zip(cuts, cuts[1:], strict=False))


def _split_tolls(protos: list[_Proto], sentences: list[_Sentence]) -> None:
    """A sentence that tells several deeds tells each one's toll in its own clause: each
    deed counts the dead of its clause, and a clause with a toll but no deed of its own
    ("Nine people were killed, as militias fought over a well") lends its toll to the
    nearest deed, the next one first."""
    by_sentence: dict[int, list[_Proto]] = {}
    for p in protos:
        if not p.headline:
            by_sentence.setdefault(p.sent_index, []).append(p)
    for index, group in by_sentence.items():
        if len(group) < 2:
            continue
        text = sentences[index].text
        clauses = _clauses(text)
        if len(clauses) < 2:
            continue
        own: dict[int, list[str]] = {}
        where = {id(p): next(i for i, (a, b) in enumerate(clauses) if a <= p.cue.start < b)
                 for p in group}
        held = set(where.values())
        for i, (a, b) in enumerate(clauses):
            if i in held:
                own.setdefault(i, []).append(text[a:b])
                continue
            after = [j for j in sorted(held) if j > i]
            j = after[0] if after else max(held)
            own.setdefault(j, []).append(text[a:b])
        for p in group:
            i = where[id(p)]
            # two deeds in one clause share it: the first one told counts its toll
            first = next(q for q in group if where[id(q)] == i) is p
            p.toll_text = " ".join(own.get(i, [])) if first else ""
            if len(held) > 1:
                p.clause = (clauses[i][0], min(clauses[i][1], len(text)))


def _toll_from_headline(events: list[Event], sentences: list[_Sentence]) -> None:
    """"104 killed in market bombing" as the headline, the bombing told in the body without
    its toll: an article that reports one violent event gives it the headline's toll (a
    headline sums up what the body tells; several events could share it in any way)."""
    violent = [e for e in events if e.dropped is None and e.modality in _REALIS
               and e.event_type in VIOLENT]
    if len(violent) != 1 or violent[0].fatalities.best:
        return
    headline = " ".join(s.text for s in sentences if s.headline)
    if headline:
        toll = count_fatalities(headline)
        if toll.best:
            violent[0].fatalities = toll


_DAYS_AFTER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+"
                         r"(?P<unit>days?|weeks?)\s+after\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7}


def pipeline_for(model: str, focus: dict[str, float] | None = None) -> Pipeline:
    """The pipeline for a ``--model`` choice: "default" (the rules, and the shipped
    classifier where a rule's cue is weak), "none" (the rules alone), or a model file made
    by ``eventwire train``, which decides every event's type (ConfigError if unreadable)."""
    if model == "default":
        return Pipeline(focus=focus) if focus else default_pipeline()
    if model == "none":
        return Pipeline(classifier=None, focus=focus)
    from .classify import SubtypeClassifier

    return Pipeline(classifier=SubtypeClassifier.load(model), focus=focus)


@functools.cache
def default_pipeline() -> Pipeline:
    """One shared Pipeline per process (its parts are cached loaders anyway)."""
    return Pipeline()


def primary_event(events: list[Event]) -> Event | None:
    """The event an article is mainly about: the first one it tells as fact."""
    realis = [e for e in events if e.modality in _REALIS]
    return (realis or events or [None])[0]


__all__ = ["Pipeline", "default_pipeline", "pipeline_for", "primary_event"]
