"""Is a candidate a specific, real event of the kinds ACLED codes?

Four decisions, each with the reason it gives (relevance.yaml holds the word classes):

* **genre** of the whole article: a sports, market, technology or entertainment report is no
  event context, however often it says "attack"; a war report that mentions a match still is.
* **sense** of the cue from its participants: "beat", "battle", "attack", "shot", "rally",
  "deal" count only when the sentence holds the participants their conflict sense needs (an
  armed or security actor, a crowd, people killed or hurt, a weapon, a place attacked, a
  political party). The parse of the sentence (spaCy's parser, loaded only for the few
  sentences that need it) tells whether the word that looked like harm applies to people
  ("free downloads killed the shops' profits" is no killing).
* **realis**: a court case about an old crime, a generic or statistical statement, history.
* **frame** of the article from its headline and lead (``Relevance.frame``): a disaster's
  toll, a commemoration's war, a trial's crime, an obituary's life told later in it.

``Relevance.judge`` returns a ``Verdict``: keep or drop, and why, so a dropped candidate keeps
its reason (``eventwire extract --explain``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from ..dates import ANY_REPORT, MONTH_NAMES, WEEKDAY_NAMES, find_dates
from ..errors import ConfigError
from ..fatalities import count_fatalities
from .detect import compile_grouped
from .terms import TermSet, Words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..actors import ActorMention
    from .detect import Cue

CONFLICT = "conflict"
OTHER = "other news"  # a whole article with (almost) no word of conflict
# actor categories that give a cue its conflict sense (civilians alone do not: "a man")
_ARMED_OR_POLITICAL = {"police", "military", "settlers", "protesters", "rioters", "gang",
                       "ethnic_militia", "communal_militia", "clan_militia", "unidentified",
                       "group"}
# dependency labels of a verb's or noun's participants
_OBJECTS = {"dobj", "nsubjpass", "pobj", "attr", "oprd"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NEAR = 60  # characters around a cue in which a realis phrase counts
# what may stand before a cue that opens its sentence: "But the fighting", "Meanwhile, attacks"
_OPENS = re.compile(r"\W*(?:(?:and|but|yet|still|meanwhile|however|the|sporadic|heavy|"
                    r"fierce)\W+)*", re.I)
# ... or its own clause, after another's: "Talks have failed, and fighting continued"
_OPENS_CLAUSE = re.compile(r"[,;]\s+(?:and|but|yet|while)\s+(?:(?:the|sporadic|heavy|fierce)\s+)*$",
                           re.I)
# "..., the court heard": the whole sentence is evidence given at a trial
_COURT_HEARD = re.compile(r"\b(?:the )?(?:court|jury|tribunal|judge) (?:heard|was told|were "
                          r"told)\b|\btold (?:the )?(?:court|jury|tribunal)\b", re.I)
# a work's release told with its day: "published by Harbour & Finch on Thursday"
_RELEASED = re.compile(r"\b(?:published|released|premiered|premieres|aired|airs|screened|"
                       r"launched|out)\b(?:\s+[\w&'’-]+){0,4}\s+on\s+(?:Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday|\d)", re.I)
_IT_SAYS = re.compile(r"\b[Ii]t (?:is|was|has|had|also|now)\b")  # a body spoken of as "it"
# where a clause ends after a cue: what follows tells of something else
_CLAUSE_END = re.compile(r";|,\s+(?:which|while|whereas|but|and)\b|\s+(?:while|whereas|but)\s+")
_DECADE = re.compile(r"\bin the (?:early |mid-?|late )?(?:1[89]\d0s|20[01]0s|(?:fifties|sixties|"
                     r"seventies|eighties|nineties))\b", re.I)
_YEAR_BEFORE = re.compile(r"\b((?:1[89]|20)\d\d)(?:'s)?\s+$")  # "the 1994 " before the cue
_THING_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "MONEY", "PERCENT", "QUANTITY", "LAW",
               "EVENT", "LANGUAGE"}


@dataclass(frozen=True, slots=True)
class Genre:
    """An article's genre: ``conflict`` (or no clear genre) lets events through."""

    name: str
    score: int
    conflict: int
    source: str = "words"  # "words" (the vocabulary) or "model" (genres.yaml neighbours)
    weak: int = 0  # distinct words of conflict that other news uses too ("attack", "war")

    @property
    def eventful(self) -> bool:
        return self.name == CONFLICT

    @property
    def article(self) -> str:
        """"a sport article", or "other news" for an article with (almost) no word of
        conflict."""
        return "other news" if self.name == OTHER else f"a {self.name} article"

    def describe(self) -> str:
        what = "news of conflict or politics" if self.eventful else self.article
        return f"{what} by its {self.source}"


@dataclass(frozen=True, slots=True)
class Verdict:
    keep: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Frame:
    """What an article's headline and lead say it is about, when that frames the rest:
    ``accident`` (a deadly accident or a disaster), ``animal`` (an animal's attack),
    ``history`` (a commemoration), ``court`` (a trial or a sentence), ``obituary`` (a death
    in old age), ``crime`` (a crime of gain: a drug haul, a fraud), ``statistics`` (a
    period's figures: quarterly crime statistics), ``fiction`` (a film, a series, a novel
    or a game reviewed or released), ``exercise`` (a military exercise or drill) or ``pests``
    (a campaign against locusts, rats or weeds)."""

    kind: str
    words: str  # the lead's words that say so
    where: str = "the article's lead"  # or a paragraph's opening sentence

    def describe(self) -> str:
        what = {"accident": "accident or disaster", "animal": "an animal's attack",
                "court": "court case about a past crime",
                "obituary": "a life told (obituary)",
                "crime": "ordinary crime",
                "statistics": "statistics (a period's figures)",
                "fiction": "fiction (a film, series, book or game)",
                "exercise": "a military exercise's scenario",
                "pests": "a campaign against pests"}.get(self.kind, "history")
        return f"{what} ({self.where}: '{self.words}')"


def _words(patterns: Sequence[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive patterns in one regex, grouped by first letter (the
    cue lexicon's fast form: a genre's vocabulary is scanned over whole articles)."""
    for p in patterns:
        if isinstance(p, dict):  # an unquoted pattern with ": " in it ("(?: \w+)") reads as a map
            key, value = next(iter(p.items()))
            raise ConfigError(f"relevance.yaml: the pattern '{key}: {value}' must be quoted "
                              "(it holds ': ')")
        if not isinstance(p, str):
            raise ConfigError(f"relevance pattern {p!r} is not a string")
    try:
        return compile_grouped(list(patterns))
    except (re.error, ConfigError) as exc:
        raise ConfigError(f"relevance.yaml: a pattern is not a valid regex: {exc}") from None


def _terms(patterns: Sequence[str], case: bool = False) -> TermSet:
    try:
        return TermSet(list(patterns), case=case)
    except ConfigError as exc:
        raise ConfigError(f"relevance.yaml: {exc}") from None


# genres of genres.yaml in which events happen
_EVENTFUL = {CONFLICT, "politics"}


# the deed named as one known already ("the battle's dead", "the site of the massacre")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# a word or two in scare quotes: 'masked "gunmen"', '"attackers"'
_SCARE_QUOTED = re.compile(r"[\"“‘'][\w-]+(?:\s[\w-]+)?[\"”’']")

class GenreModel:
    """The genre of a text by its nearest neighbours among short texts the project wrote for
    each genre (genres.yaml), in the shipped MiniLM sentence space (eventwire.classify.embed).
    Read only for articles whose words leave the genre open, so most text never pays for it.
    """

    def __init__(self, examples: dict[str, list[str]], k: int = 5,
                 vectors: Any | None = None) -> None:
        from ..classify.embed import get_embedder

        self._embed = get_embedder().embed
        self.labels = [g for g, texts in examples.items() for _ in texts]
        self.vectors = vectors if vectors is not None else \
            self._embed([t for texts in examples.values() for t in texts])
        self.k = k

    @classmethod
    @functools.cache
    def default(cls) -> GenreModel:
        """The model of genres.yaml; its vectors come from genres.vectors.json when that
        file was made from the same genres.yaml (``python training/genre_vectors.py``),
        else they are computed (about a second)."""
        text = resources.files(__package__).joinpath("genres.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text), vectors=_stored_vectors(text))

    def to_json(self, source: str) -> str:
        """The vectors as genres.vectors.json, tied to the text of genres.yaml."""
        import base64
        import hashlib
        import json

        import numpy as np

        data = np.asarray(self.vectors, dtype="<f4")
        return json.dumps({"sha1": hashlib.sha1(source.encode("utf-8")).hexdigest(),
                           "shape": list(data.shape),
                           "vectors": base64.b64encode(data.tobytes()).decode("ascii")})

    def predict(self, text: str) -> str:
        """The genre of the text's opening (the encoder reads its first 128 word pieces: a
        headline and lead say what a story is) by its ``k`` nearest examples, each voting
        with one plus its cosine similarity; the genre with the most votes wins."""
        import numpy as np

        sims = self.vectors @ self._embed([text[:2000]])[0]
        nearest = np.argsort(-sims)[:self.k]
        votes: dict[str, float] = {}
        for i in nearest:
            label = self.labels[i]
            votes[label] = votes.get(label, 0.0) + 1.0 + float(sims[i])
        best = max(votes, key=lambda g: votes[g])
        return best


def _stored_vectors(source: str) -> Any | None:
    import base64
    import hashlib
    import json

    import numpy as np

    try:
        raw = resources.files(__package__).joinpath("genres.vectors.json").read_text(
            encoding="utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    if data.get("sha1") != hashlib.sha1(source.encode("utf-8")).hexdigest():
        return None  # genres.yaml changed since: compute afresh
    return np.frombuffer(base64.b64decode(data["vectors"]), dtype="<f4").reshape(
        data["shape"]).astype(np.float32)


class Relevance:
    """Genre, sense and realis decisions from the word classes of relevance.yaml."""

    def __init__(self, spec: dict[str, Any], model: GenreModel | None = None,
                 use_model: bool = True) -> None:
        self._model = model
        self.use_model = use_model
        # vocabularies counted over whole articles: looked up word by word (terms.py)
        self.genres = {name: _terms(p) for name, p in spec["genres"].items()}
        self.general = {name: _terms(p) for name, p in (spec.get("general") or {}).items()}
        self.genre_names = {name: _terms(p, case=True)
                            for name, p in (spec.get("genre_names") or {}).items()}
        self.conflict = _terms(spec["conflict"])
        self.conflict_weak = _terms(spec.get("conflict_weak") or [])
        rule = spec.get("genre_rule") or {}
        self.min_terms = int(rule.get("min_terms", 3))
        self.min_terms_alone = int(rule.get("min_terms_alone", self.min_terms))
        self.ratio = float(rule.get("ratio", 1.5))
        # with more distinct conflict terms than this, the words settle the genre
        self.model_below = int(rule.get("model_below", 3))
        # an article of at least `other_words` words with fewer than `other_below` distinct
        # conflict terms is other news
        self.other_below = int(rule.get("other_below", 0))
        self.other_words = int(rule.get("other_words", 150))
        self.ambiguous = re.compile("|".join(f"(?:{p})" for p in spec["ambiguous"]), re.I)
        self.needs: dict[str, list[str]] = {k: list(v) for k, v in spec["needs"].items()}
        self.evidence = {k: _words(v) for k, v in spec["evidence"].items()}
        self.needs_by_cue = [(re.compile(item["cue"], re.I), list(item["needs"]),
                              bool(item.get("always")), bool(item.get("doubtful")))
                             for item in spec.get("needs_by_cue") or []]
        self.genre_ambiguous = re.compile(
            "|".join(f"(?:{p})" for p in spec["genre_ambiguous_actors"]), re.I)
        self.realis = {k: _words(v) for k, v in spec["realis"].items()}
        self.ordinary_crime = _words(spec.get("ordinary_crime") or ["(?!)"])
        self.no_harm = _words(spec.get("no_harm") or ["(?!)"])
        self.collectives = re.compile("|".join(f"(?:{p})" for p in spec.get("collectives")
                                               or ["(?!)"]), re.I)
        # the batch prefilter and the pipeline both ask for an article's genre, and the
        # judge for its sentences': each text is read once. The batch prefilter asks for a
        # whole chunk's articles (100 by default) before the pipeline asks again, so the
        # articles' cache holds more than a chunk; sentences have a cache of their own, so
        # they never push an article out before its second question
        self.genre: Callable[[str], Genre] = functools.lru_cache(maxsize=256)(self._genre)
        self._sentence_genre: Callable[[str], Genre] = functools.lru_cache(maxsize=64)(
            self._genre)
        self.formal_verbs = frozenset(spec.get("formal_protest_verbs") or ())
        # "resigned in protest": the protest is the motive of a formal act or of leaving
        self.motive_verbs = self.formal_verbs | {"resign", "quit", "step"}
        self.people_nouns = frozenset(str(w).lower() for w in spec.get("people_nouns") or ())
        self.amount_nouns = frozenset(str(w).lower() for w in spec.get("amount_nouns") or ())
        self.ground_words = frozenset(str(w).lower() for w in spec.get("ground_words") or ())
        self.abstract_nouns = frozenset(str(w).lower() for w in
                                        spec.get("abstract_nouns") or ())
        animals = spec.get("animals") or {}
        self.attacking_animals = frozenset(str(w).lower() for w in animals.get("attackers") or ())
        self.animals = self.attacking_animals | frozenset(
            str(w).lower() for w in animals.get("others") or ())
        self._animal_words = _words(sorted(map(re.escape, self.animals)) or ["(?!)"])
        self.institutions = frozenset(spec.get("institutions") or ())
        self.name_heads = frozenset(str(w).lower() for w in spec.get("name_heads") or ())
        heads = "|".join(sorted(map(re.escape, self.name_heads))) or "(?!)"
        # (parsed only with a head right after the cue or an office "for"/"of" right
        # before it)
        self._head_after = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{heads})\b", re.I)
        self._head_before = re.compile(
            rf"\b(?:{heads})\s+(?:for|of|on)\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
        self.bargainers = self.institutions | frozenset(spec.get("bargainers") or ())
        # a sentence that names none of them needs no parse to rule a demand theirs
        self.bargainer_gate = re.compile(
            r"\b(?:" + "|".join(sorted(map(re.escape, self.bargainers))) + r")", re.I)
        self.demand_cues = re.compile(spec.get("demand_cues") or r"(?!x)x", re.I)
        self.display = re.compile(spec.get("display_demonstration") or r"(?!x)x", re.I)
        # the frames' word classes by name; a class the file lacks never matches
        frames = spec.get("frames") or {}
        self.frames = {name: _words(frames.get(name) or ["(?!)"]) for name in (
            "accident_cues", "armed", "weapons", "animal", "animal_cues", "history",
            "commemoration", "court", "obituary", "fiction", "statistics", "exercise",
            "pests")}
        # harm verbs that make an event when the parse shows a person harmed
        self.harm_verbs = re.compile("|".join(f"(?:{p})" for p in spec.get("harm_verbs")
                                              or ["(?!)"]), re.I)

    @classmethod
    @functools.cache
    def default(cls) -> Relevance:
        text = resources.files(__package__).joinpath("relevance.yaml").read_text(encoding="utf-8")
        return cls(yaml.safe_load(text))

    # -- genre ------------------------------------------------------------------------------
    def _genre(self, text: str) -> Genre:
        """The article's genre: the best non-conflict genre when its vocabulary outweighs the
        conflict vocabulary (``genre_rule``), else ``conflict``."""
        words = Words.of(text)
        conflict = len({m.lower() for m in self.conflict.find(words)})
        weak = len({m.lower() for m in self.conflict_weak.find(words)})
        best, score = CONFLICT, 0
        for name, vocabulary in self.genres.items():
            terms = {m for m in vocabulary.find(words)
                     if m.islower() or not any(c.isalpha() for c in m)}
            names = self.genre_names.get(name)
            if names is not None:
                terms |= set(names.find(words))
            n = len(terms)
            if n and name in self.general:
                n += len({m for m in self.general[name].find(words) if m.islower()})
            if n > score:
                best, score = name, n
        # words of conflict that other news uses too ("clashed", "died", "fire") weigh
        # against another genre only when they clearly outnumber its terms (by two): a
        # market report says "attack" once, a report of a clash with prices in its
        # background says six of them
        if conflict < self.other_below and len(text.split()) >= self.other_words and \
                not (score >= self.min_terms and score > self.ratio * conflict):
            # a whole article with at most one plain word of conflict in it ("police",
            # "killed") is no news of conflict, whatever it borrows ("a battle over the car
            # park"): other news, where a cue with an everyday sense needs an armed actor
            # or a weapon (``judge``); a short note, a sentence, stays open
            return Genre(OTHER, score, conflict, "words", weak)
        if weak >= score + 2:
            return Genre(CONFLICT, score, conflict, "words", weak)
        if (score >= self.min_terms and score > self.ratio * conflict) or \
                (conflict == 0 and score >= self.min_terms_alone):
            return Genre(best, score, conflict, "words", weak)
        return Genre(CONFLICT, score, conflict, "words", weak)

    def settle(self, text: str, genre: Genre) -> Genre:
        """The genre when the words leave it open (few conflict terms, no other genre's
        vocabulary): the learned genre model decides."""
        # words of conflict that other news uses too outnumber another genre's vocabulary,
        # with at most one plain word of conflict: a drug that "attacks" tumours and "kills"
        # cells, a storm "battering" a coast; the words do not settle it
        split = genre.conflict <= 1 and genre.score >= self.min_terms
        if not genre.eventful or not self.use_model or (not split and (
                genre.conflict + genre.weak >= self.model_below or
                (genre.conflict and not genre.score))):
            return genre  # settled by the words: conflict terms and no other genre's
        if self._model is None:
            self._model = GenreModel.default()
        name = self._model.predict(text)
        return Genre(CONFLICT if name in _EVENTFUL else name, genre.score, genre.conflict,
                     "model", genre.weak)

    # -- the article's frame -----------------------------------------------------------------
    def frame(self, lead: str) -> Frame | None:
        """The frame the article's headline and lead (``lead``) set for its other sentences:
        a deadly accident, a disaster or an animal's attack told with no weapon and no armed
        party; a commemoration of a past war; a trial; an obituary; a crime of gain with no
        armed party (a drug haul, a fraud); a work of fiction reviewed or released (a film,
        a series, a novel, a game); else None."""
        f = self.frames
        fiction = f["fiction"].search(lead)
        if fiction:
            return Frame("fiction", fiction.group(0))
        obituary = f["obituary"].search(lead)
        if obituary:  # "dies at 84 ... after a short illness": a life told, not a disaster
            return Frame("obituary", obituary.group(0))
        accident = self.realis["accident"].search(lead) or (
            self.realis["industrial"].search(lead) if "industrial" in self.realis else None)
        animal = f["animal"].search(lead)
        if (accident or animal) and not self._armed(lead):
            return Frame("animal", animal.group(0)) if animal else \
                Frame("accident", accident.group(0))  # type: ignore[union-attr]
        history = f["history"].search(lead)
        if history and f["commemoration"].search(lead):
            return Frame("history", history.group(0))
        for kind in ("court", "obituary"):
            found = f[kind].search(lead)
            if found:
                return Frame(kind, found.group(0))
        figures = f["statistics"].search(lead)
        if figures:
            return Frame("statistics", figures.group(0))
        drill = f["exercise"].search(lead)
        if drill and not self.evidence["harm"].search(lead):
            return Frame("exercise", drill.group(0))
        pests = f["pests"].search(lead)
        if pests and not self._armed(lead):
            return Frame("pests", pests.group(0))
        crime = self.ordinary_crime.search(lead)
        if crime and not f["armed"].search(lead):
            return Frame("crime", crime.group(0))
        return None

    def _political_or_armed(self, text: str) -> bool:
        """Does the text name a political or armed party (an arrest's cause)?"""
        return bool(self.evidence["political"].search(text) or self.frames["armed"].search(text))

    def _armed(self, text: str) -> bool:
        """Does the text name a weapon or an armed party (the frames' word classes)? Not
        one it rules out ("investigators had ruled out sabotage")."""
        text = _RULED_OUT.sub(" ", text)
        return bool(self.frames["weapons"].search(text) or self.frames["armed"].search(text))

    def framed(self, cue: Cue, sentence: str, frame: Frame | None, dated: str) -> str | None:
        """Why the article's frame takes the candidate out of the news, or None: a toll, an
        emergency or (under an animal's attack) an attack in a disaster story whose sentence
        names no weapon and no armed party; an arrest in a drug haul's or a fraud's story,
        or one named in a trial's ("an unrelated arrest"), whose sentence names no political
        or armed party; a trial's arrest dated more than a year back; a violent event told
        without a recent date of its own in a story of a commemoration, a trial or a life
        (or, in a trial's, in quoted words); anything but a label in a work of fiction's
        review, unless dated recently. ``dated`` is "recent" (the sentence has a date of its
        own within the year before the report), "old" (only older dates) or "none"."""
        if frame is None:
            return None
        if frame.kind == "fiction":
            # a review's plot: its battles, murders and riots are the story's, not news,
            # unless a sentence dates its own within the year before the report (the day a
            # book or a film came out is no date of its plot: "published on Thursday")
            if _RELEASED.search(sentence):
                dated = "none"
            return frame.describe() if cue.family != "label" and dated != "recent" else None
        if frame.kind in ("exercise", "pests"):
            # the drill's attacks and explosions are its scenario (a pest campaign's battles
            # and aerial strikes its work); harm to people or an armed party of the
            # sentence's own is news ("gunmen attacked the troops")
            # (a party in scare quotes is the drill's: masked "gunmen" seized shoppers)
            unquoted = _SCARE_QUOTED.sub(" ", sentence)
            scenario = cue.family in ("battle", "explosion", "vac", "territory", "property") \
                and not self.evidence["harm"].search(sentence) \
                and not self.frames["armed"].search(unquoted)
            return frame.describe() if scenario else None
        if frame.kind == "court" and cue.family == "arrest":
            # an old arrest, or one named, not told ("a sample taken after an unrelated
            # arrest for shoplifting") with no political or armed cause: the crime tried;
            # "police arrested six of his supporters outside the court" is news
            named = cue.text.strip().lower() in ("arrest", "arrests")
            old = dated == "old" or (named and not self._political_or_armed(sentence))
            return frame.describe() if old else None
        if frame.kind == "crime":
            # a drug haul or a fraud: its arrests are ordinary crime unless their own
            # sentence names a political or armed party
            if cue.family == "arrest" and not self.ordinary_crime.search(sentence) and \
                    not self._political_or_armed(sentence):
                return frame.describe()
            return None
        if frame.kind == "history" and cue.family == "protest" and \
                _THE_DAY_BEFORE.search(sentence, max(0, cue.start - 80), cue.start):
            # "police radio logs from the day thousands of schoolchildren marched": the
            # remembered day's crowd, whatever day the exhibition opened
            return frame.describe()
        if frame.kind in ("court", "history", "obituary") and cue.family == "protest" and \
                dated != "recent" and _HAD_BEFORE.search(sentence, max(0, cue.start - 30),
                                                         cue.start):
            # "where thousands had gathered to demand the president's resignation": a
            # crowd before the time the story tells, the trial's or the remembered day's
            return frame.describe()
        if frame.kind == "history" and cue.family == "protest" and \
                self.frames["commemoration"].search(cue.text) and \
                not self.evidence["demand"].search(sentence.replace(cue.text, " ")) and \
                not _VOICED.search(sentence):
            # "the village gathered to remember": the commemoration itself, not a protest
            # at it, when no demand is voiced
            return f"a commemoration, no protest ({frame.describe()})"
        if frame.kind == "history" and cue.family not in ("protest", "agreement", "label") and \
                _THE_BEFORE.search(sentence, 0, cue.start) and \
                self.frames["commemoration"].search(sentence):
            # "laid wreaths at the monument to the battle's dead" on the anniversary: the
            # deed named with "the" beside a commemoration is the remembered one, whatever
            # day the wreaths were laid
            return frame.describe()
        if frame.kind in ("accident", "animal") and cue.family != "protest":
            # (a protest after the crash, "youths burned tyres after a bus killed two", is
            # news)
            text = cue.text.strip()
            if (self.frames["accident_cues"].fullmatch(text) or (
                    frame.kind == "animal" and self.frames["animal_cues"].fullmatch(text))) \
                    and not self._armed(sentence):
                return frame.describe()
            return None
        if cue.family not in ("protest", "agreement", "label") and (
                dated != "recent" or (frame.kind == "court" and (
                    _quoted(sentence, cue.start) or not self._political_or_armed(sentence)))):
            # in a trial's story the judge's or a witness's quoted words about the crime
            # ("said he had carried out 'a cowardly and brutal attack'") tell the crime,
            # whatever day the sentence names for the hearing; a crime tried whose sentence
            # names no political or armed party ("accused of killing his wife on March 14")
            # is ordinary crime, however recent
            return frame.describe()
        return None

    # -- the candidate ---------------------------------------------------------------------
    def is_ambiguous(self, cue_text: str) -> bool:
        return bool(self.ambiguous.fullmatch(cue_text.strip()))

    def _names_an_office(self, cue: Cue, doc: Doc | None) -> bool:
        """Does the cue only qualify an office's name in the parse ("the mass graves
        directorate", "the office for kidnapped Yazidi affairs"): its last word a modifier
        that hangs on a head of ``name_heads``, not a verb or a noun of its own?"""
        if doc is None:
            return False
        tokens = [t for t in doc if cue.start <= t.idx < cue.end]
        if not tokens:
            return False
        last = tokens[-1]
        if last.pos_ in ("NOUN", "ADJ") and last.i + 1 < len(doc) and \
                doc[last.i + 1].lower_ in self.name_heads:
            return True  # (the small parser may take "directorate said" for two verbs)
        return _office_walk(last, self.name_heads)

    def judge(
        self,
        cue: Cue,
        sentence: str,
        mentions: Sequence[ActorMention],
        ents: Sequence[tuple[int, int, str]],
        genre: Genre,
        parse: Callable[[], Doc | None] | None = None,
        context: Sequence[tuple[str, Sequence[ActorMention], Sequence[tuple[int, int, str]]]]
        = (),
        settle: Callable[[], Genre] | None = None,
        report_year: int | None = None,
        frame: Frame | None = None,
        dated: str = "recent",
    ) -> Verdict:
        """Keep or drop the candidate whose cue ``cue`` lies in ``sentence`` (offsets into
        it); ``mentions`` are the actor mentions in the sentence and ``ents`` its named
        entities (start, end, label), both with sentence offsets. ``parse`` gives the
        sentence's dependency parse when a decision needs it; ``context`` the paragraph's
        other sentences (text, mentions, entities), whose participants count too; ``settle``
        the article's genre when its words leave it open (``Relevance.settle``), asked only
        for a cue whose sense is in doubt; ``report_year`` dates "the 1994 massacre" as
        history; ``frame`` is the article's (``Relevance.frame``), and ``dated`` says whether
        the sentence has a date of its own within the year before the report ("recent"),
        only older ones ("old") or none ("none")."""
        realis = self._realis(sentence, cue, report_year)
        if realis is not None:
            return Verdict(False, realis)
        framed = self.framed(cue, sentence, frame, dated)
        if framed is not None:
            return Verdict(False, framed)
        if parse is not None and report_year is not None and any(
                int(y) < report_year - 1 for y in _OLD_YEAR.findall(sentence)):
            year = _year_of_deed(cue, parse(), report_year)
            if year is not None:
                return Verdict(False, year)
        if parse is not None and _YOU.search(sentence) and _told_of_you(parse(), cue):
            # "you command armies ... launching airstrikes": a game, a guide, a what-if
            return Verdict(False, "generic (told of 'you')")
        if parse is not None and cue.family in _VIOLENT and \
                self._animal_words.search(sentence):
            animal = self._animal_deed(cue, parse(), armed=bool(
                self.frames["armed"].search(sentence) or self.evidence["weapon"].search(sentence)
                or "actor" in self._evidence(cue, sentence, mentions, ents, genre)))
            if animal is not None:
                return Verdict(False, f"other sense ({animal})")
        riot_of = _RIOT_OF.match(sentence, cue.end) if \
            cue.text.strip().lower() == "riot" else None
        if riot_of is not None and not any(_is_person_word(w) for w in (
                riot_of.group(1), riot_of.group(1).removesuffix("s"))):
            # "a riot of colour and noise": a profusion, not a crowd's violence
            return Verdict(False, f"other sense (figurative, 'riot of {riot_of.group(1)}')")
        if _ON_THE_BEFORE.search(sentence, max(0, cue.start - 40), cue.start) and \
                cue.text.strip().lower() in ("attack", "offensive", "assault") and \
                not _OBJECT_AFTER.match(sentence, cue.end):
            # "opposition members went on the attack": a manner of arguing or playing, no
            # deed (the deed has its object: "went on the attack against the rebels")
            return Verdict(False, f"other sense (a manner, 'on the {cue.text.strip()}')")
        if parse is not None and cue.family != "protest" and (
                self._head_after.match(sentence, cue.end) or
                self._head_before.search(sentence, max(0, cue.start - 60), cue.start)) and \
                self._names_an_office(cue, parse()):
            # "the mass graves directorate said", "the office for kidnapped Yazidi affairs"
            # (not a protest word: the small parser hangs "a protest at the party office" on
            # the office; measured, a protest office is rarer than that)
            return Verdict(False, "other sense (part of an office's name)")
        years = _YEARS_AFTER.search(sentence, max(0, cue.start - 60), cue.start)
        if years is not None:
            # "more than four years after an insurgent attack on the town": the deed the
            # time is counted from is years old
            return Verdict(False, f"history ('{years.group(0).strip()}')")
        if _LIKE_BEFORE.search(sentence, max(0, cue.start - 40), cue.start):
            # "drums that sound like artillery fire", "hit us like a bomb": a comparison
            return Verdict(False, "other sense (a comparison)")
        if cue.family == "protest" and cue.text.lower().startswith("demonstration") and \
                self.display.search(sentence, max(0, cue.start - 20), cue.start):
            # "live-fire demonstrations were shown on screens": a thing shown
            return Verdict(False, "other sense (a display, not a protest)")
        if _NAMED_AS.search(sentence, max(0, cue.start - 60), cue.start) and \
                _QUOTE_CLOSES.match(sentence, cue.end):
            # 'describe the marchers as "rioters"': a name someone gave them, not a deed
            # (or a phrase: 'describing them as "martyrs on the road to Jerusalem"')
            return Verdict(False, "other sense (a name given in quotes)")
        if parse is not None and _COPULA_BEFORE.search(sentence, max(0, cue.start - 40),
                                                       cue.start):
            subject = _kind_named(cue, parse())
            if subject is not None:
                # "The only path left is a general strike": a kind named, no deed told (an
                # incident named by what it was, "It was a suicide attack", is one)
                return Verdict(False, f"generic (a kind named: '{subject} is a ...')")
        if parse is not None and cue.text.lower() in _EVENT_NOUNS and \
                _BEFORE_NOUN.match(sentence, cue.end):
            modified = self._modifies(cue, parse())
            if modified is not None:
                # "attack helicopters", "assault rifles": the cue names a kind of weapon;
                # no event is told
                return Verdict(False, f"other sense (describes '{modified}')")
        name = _inside_name(cue, sentence, ents)
        if name is not None and cue.family == "protest" and not _ACRONYM_AFTER.match(
                sentence, cue.end):
            name = None  # a named rally is a protest; "the Rally for Renewal (RR)" a party
        if name is not None and cue.family == "explosion" and (
                _WEAPON_AFTER.match(sentence, cue.end) or
                _WEAPON_BEFORE.search(sentence[max(0, cue.start - 40):cue.start])):
            name = None  # a named rally is a protest; "fired Grad rockets" names a weapon
        if name is not None:
            return Verdict(False, f"other sense (part of the name '{name}')")
        if cue.family == "protest" and not genre.eventful and \
                _PROTEST_WORD.fullmatch(cue.text.strip()) and _SAYS_THAT.match(sentence, cue.end):
            # in a market report, "groups have protested for months that costs are killing
            # investment" is a claim (in news of conflict "traders protested that" marched)
            return Verdict(False, "other sense (an objection in words: 'protested that')")
        if cue.family == "protest" and parse is not None and any(
                m.category in _ARMED_KINDS for m in mentions):
            armed = _armed_doer(cue, parse(), mentions)
            if armed is not None:
                # "bandits abducted 20 travellers after blocking the highway": the road
                # block is the armed men's deed, not a crowd's protest
                return Verdict(False, f"other sense (armed men's deed, '{armed}')")
        if cue.family == "protest" and parse is not None and \
                _PROTEST_WORD.fullmatch(cue.text.strip()):
            formal = self._formal_protest(cue, parse(), ents, loose=not genre.eventful)
            if formal is not None:
                return Verdict(False, f"other sense ({formal})")
        if cue.family == "territory" and parse is not None:
            captives = _captives(cue, parse())
            if captives is not None:
                # "31, including a major, had been captured": people taken, not ground
                return Verdict(False, f"other sense (people captured, '{captives}')")
            goods = self._taken_thing(cue, parse(), ents)
            if goods is not None:
                # "1.3 tonnes of ivory had been seized": goods taken, not ground
                return Verdict(False, f"other sense (goods taken, '{goods}')")
        family = cue.family
        if family == "protest" and parse is not None and \
                self.demand_cues.fullmatch(cue.text.strip()) and (
                    self.bargainer_gate.search(sentence) or _IT_SAYS.search(sentence)):
            # "the coalition is demanding that ...": a stand in words, in any article
            voice = self._demand_in_words(cue, parse())
            if voice is not None:
                return Verdict(False, f"other sense (a demand in words by '{voice}')")
        special = next(((needs, always, doubtful)
                        for regex, needs, always, doubtful in self.needs_by_cue
                        if regex.fullmatch(cue.text.strip())), None)
        ambiguous = self.is_ambiguous(cue.text) or (special is not None and special[1])
        doubtful = special is not None and special[2]
        plain = not ambiguous and not doubtful
        if settle is not None and not (plain and family == "protest"):
            # the learned genre, where the words leave it open, for every cue but a protest
            # word (a strike is news in any article)
            genre = settle()
        # other news is only the want of words of conflict, no genre of its own: a cue with
        # no everyday sense ("took control of the town", "abducted 31 passengers") is news
        # there as in news of conflict; only the cues with everyday senses need more
        if plain and (genre.eventful or genre.name == OTHER):
            return Verdict(True, "unambiguous cue")
        if doubtful and genre.eventful:
            crime = self.ordinary_crime.search(sentence)
            # "police arrested two suspects in the fraud probe" (a crime of gain), "police
            # arrested the quarterback" (a sports or business figure): ordinary crime
            # unless the sentence names a political or armed party or a crowd
            figure = None if crime is not None else self._genre_figure(
                cue, parse() if parse is not None else None)
            if crime is not None or figure is not None:
                kinds = self._evidence(cue, sentence, mentions, ents, genre)
                if crime is not None and not kinds & {"political", "crowd"}:
                    return Verdict(False, f"ordinary crime ('{crime.group(0)}' with "
                                          f"'{cue.text}')")
                if figure is not None and not kinds & {"political", "crowd"}:
                    return Verdict(False, f"ordinary crime (a {figure[0]} figure, "
                                          f"'{figure[1]}', with '{cue.text}')")
            return Verdict(True, f"real in {genre.describe()}")
        own = self._evidence(cue, sentence, mentions, ents, genre)
        kinds = set(own)
        for text, more, more_ents in context:
            kinds |= self._evidence(None, text, more, more_ents, genre)
        wanted = special[0] if special else self.needs.get(family, ["actor"])
        if special is not None and special[1] and not (set(wanted) & kinds):
            return Verdict(False, f"ordinary crime (no {' or '.join(wanted)} with '{cue.text}')")
        if not wanted:
            return Verdict(True, "labelled event")
        if not genre.eventful and genre.name != OTHER:
            # in a sports or market report only a weapon, deaths or an armed actor named
            # in plain words make a conflict event ("a bomb went off near the stadium"); a
            # crowd that strikes or marches for its demands is a protest in any article
            # (the cue's own sentence only: a bomb in the next sentence does not make "beat"
            # an attack; a weapon that is the cue itself, "a car bomb exploded", counts)
            if self.evidence["arms"].search(cue.text):
                own.add("arms")
            strong = [k for k in own if k == "arms" or
                      (k == "harm" and re.search(r"\b(?:killed|killing|dead|died|bodies)\b",
                                                 sentence, re.I)
                       and ("victim" in own or "actor" in own
                            or count_fatalities(sentence).best > 0))]
            if family == "protest":
                # a protest is news in any article: a strike in a market report, fans
                # marching on a club; only a doubtful word needs a crowd or demands
                lone = None if ambiguous or parse is None else \
                    self._lone_agent(cue, parse(), ents)
                if lone is not None:
                    # "he protested the stoppage", "a man demanding money": one person's
                    # word, not a gathering, in a sports or market story
                    return Verdict(False, f"other sense (one person, '{lone}', in "
                                          f"{genre.article})")
                if not ambiguous:
                    return Verdict(True, f"protest word in {genre.describe()}")
                strong += [k for k in ("demand", "crowd") if k in kinds]
            if family in ("mob", "property") and "crowd" in kinds and "harm" in kinds:
                strong.append("crowd")  # fans fighting outside the ground hurt people
            if not strong:
                return Verdict(False, f"other sense ({genre.article})")
            if strong == ["harm"] and parse is not None and \
                    self.harm_verbs.fullmatch(cue.text.strip()) and \
                    not self._person_patient(cue, parse(), ents):
                # "the antibiotic killed the bacterium (that causes thousands of deaths)"
                return Verdict(False, f"other sense (no person harmed by '{cue.text}')")
            if genre.name == "entertainment" and "harm" not in strong and not any(
                    label in PLACE_LABELS for _s, _e, label in ents):
                # a war film's review is full of weapons: one that is news has its place
                return Verdict(False, f"other sense ({genre.article}, no place)")
            if family == "protest" and parse is not None and \
                    not self._people_act(cue, parse(), ents, nouns=True):
                return Verdict(False, f"other sense (no people '{cue.text}')")
            return Verdict(True, f"{', '.join(strong)} in {genre.article}")
        own = self._sentence_genre(sentence)
        if not own.eventful and family != "protest":
            # a sports sentence in a war report: its own words say which sense it is
            return Verdict(False, f"other sense ({own.name} sentence)")
        have = [k for k in wanted if k in kinds]
        if family == "battle" and parse is not None:
            foe = self._foe_is_thing(cue, parse(), ents)
            if foe is not None:
                # "the battle against red imported fire ants", "a fight against inflation":
                # a fight whose foe is no person, group or place
                return Verdict(False, f"other sense (a fight against '{foe}')")
        if parse is not None and self.harm_verbs.fullmatch(cue.text.strip()):
            idea = self._abstract_patient(cue, parse(), ents)
            if idea is not None:
                # "lawmakers shot down a proposal", "the ruling killed the plan": harm done
                # to an idea is a figure of speech, whoever else the paragraph names
                return Verdict(False, f"other sense (figurative, '{cue.text}' a '{idea}')")
        if family == "explosion" and parse is not None and _BLOWN.match(cue.text.strip()):
            grown = self._figure_exploded(cue, parse())
            if grown is not None:
                # "our costs have exploded", "demand exploded": a figure that grew, no blast
                return Verdict(False, f"other sense (a figure, '{grown}', exploded)")
        if family == "protest":
            # a protest word in a conflict or general article is a protest unless the parse
            # shows prices or products doing it ("stocks rallied")
            if parse is not None and not self._people_act(cue, parse(), ents):
                return Verdict(False, f"other sense (no people '{cue.text}')")
            if parse is not None and "demand" not in kinds and _MARCH.match(cue.text):
                forces = _forces_march(parse(), cue)
                if forces is not None:
                    # "troops marched into the town", a military parade: forces on the move
                    return Verdict(False, f"other sense ({forces} '{cue.text}': forces on "
                                          f"the move)")
            return Verdict(True, "participants: " + (", ".join(have) or "protest word")
                           + f"; {genre.describe()}")
        if genre.name == OTHER and not (
                kinds & ({"political"} if family == "arrest" else
                         {"actor", "arms", "weapon"}) or
                (family == "agreement" and "party" in kinds) or
                (family == "battle" and "harm" in kinds) or
                (family in ("mob", "property") and kinds & {"crowd", "harm"})):
            # an article with hardly a word of conflict: harm, a place or a crowd alone do
            # not make a cue with an everyday sense violent ("a two-year battle over the car
            # park", "seven people were injured when the footbridge gave way"), nor does an
            # arrest of no political party (a pub brawl's suspect) make news
            return Verdict(False, f"other sense (other news: no armed or political party, "
                                  f"weapon or crowd with '{cue.text}')")
        if not have and parse is not None and self.harm_verbs.fullmatch(cue.text.strip()) \
                and self._person_patient(cue, parse(), ents):
            # "a man was killed in Kibera": the parse shows whom the harm befell
            return Verdict(True, f"participants: a person harmed (parse); {genre.describe()}")
        if not have:
            return Verdict(False, f"other sense (no {' or '.join(wanted)} with '{cue.text}')")
        if parse is not None and set(have) <= {"harm", "victim", "named"}:
            # harm words are the weakest evidence: the parse must show people harmed
            if not self._people_harmed(cue, parse(), ents):
                return Verdict(False, f"other sense (no person harmed by '{cue.text}')")
        return Verdict(True, "participants: " + ", ".join(have) + f"; {genre.describe()}")

    # -- realis from the parse -------------------------------------------------------------
    def may_be_irrealis(self, sentence: str) -> bool:
        """A cheap look for the words a parse-based realis check needs (negation, denial,
        modal verbs, plans): most event sentences have none and are never parsed for it."""
        return bool(_IRREALIS_WORDS.search(sentence))

    @staticmethod
    def people_taken(sentence: str, cue: Cue) -> bool:
        """Does a taking cue have a count of people as its subject, by the words alone ("31,
        including a major, had been captured")? The sentence's other cues (the fighting, the
        dead) then tell its event."""
        return cue.family == "territory" and bool(_COUNT_BEFORE.search(sentence, 0, cue.start))

    def ongoing(self, sentence: str, cue: Cue) -> str | None:
        """Is the cue's deed told as going on, with no day of its own ("Fighting continued
        elsewhere in Sagaing", "Attacks have nonetheless continued")? In an article it is
        the state of things the story sets out from, not an incident (in a one-paragraph
        report or a headline, "Fighting continues in Aleppo" is the news): the reason, else
        None."""
        pattern = self.realis.get("ongoing")
        if pattern is None:
            return None
        before = sentence[:cue.start]
        if not (_OPENS.fullmatch(before) or _OPENS_CLAUSE.search(before)):
            return None  # "Rebels attacked the post and fighting continued until dawn"
        words = cue.text.split()
        at = cue.end
        while at < len(sentence) and sentence[at].isspace():
            at += 1
        going = pattern.match(" ".join(words[1:])) if len(words) > 1 else None
        told = cue.text if going else None
        if going is None and (going := pattern.match(sentence, at)):
            told = sentence[cue.start:going.end()]
        if not going or find_dates(sentence, ANY_REPORT):
            return None
        return f"ongoing, no day of its own ('{told}')"

    def planned_after(self, sentence: str, cue: Cue) -> bool:
        """Does the clause right after a protest noun plan it ("a rally the party had planned
        to hold", "a march scheduled for Friday", "a strike due to begin on Monday")? Read
        from the words (``realis.planned_after``): the small parser often hangs such a clause
        on the wrong word."""
        if cue.family != "protest" or " " in cue.text.strip() or \
                "planned_after" not in self.realis:
            return False  # a cue of several words tells a deed ("dispersed a march")
        at = cue.end
        while at < len(sentence) and sentence[at].isspace():
            at += 1
        return at > cue.end and bool(self.realis["planned_after"].match(sentence, at))

    def realis_from_parse(self, cue: Cue, doc: Doc | None) -> str | None:
        """"negated", "expected" or "hypothetical" when the verbs that govern the cue say so
        ("denied that it had launched airstrikes", "did not fire", "plans to march",
        "would attack"), else None. Climbs from the cue through objects, complements and
        prepositions, never through a subject ("protesters did not disperse" stays a
        protest). A noun cue whose own clause plans it ("a rally it had planned to hold",
        "a march scheduled for Friday", "a strike that will start on Monday") is expected."""
        first = next(iter(_governors(doc, cue, _CLIMB)), None)
        if first is not None and first.pos_ in ("NOUN", "PROPN"):
            for clause in first.children:
                if clause.dep_ in ("relcl", "acl") and clause.pos_ in ("VERB", "AUX"):
                    if clause.lemma_.lower() in _PLAN | {"schedule", "set"}:
                        return "expected"
                    found = _verb_realis(clause)
                    if found in ("expected", "negated"):
                        return found
        prev = None
        for token in _governors(doc, cue, _CLIMB):
            if token.pos_ in ("VERB", "AUX"):
                found = _verb_realis(token)
                if found:
                    return found
                if prev is not None and prev.lower_ == "for" and \
                        token.lemma_.lower() in _CALL_FOR:
                    # "called for an inquiry and for further protests": asked, not done
                    return "expected"
            prev = token
        return None

    def generic_present(self, cue: Cue, sentence: str, doc: Doc | None) -> str | None:
        """Why a cue told in an article body's simple present is no one occurrence, or None:
        its verb is a finite present with no auxiliary ("landmines kill and maim civilians
        long after wars end", "cheap drones that strike villages", "which carries out air
        strikes"), in a sentence that names
        no day (a photo caption's present, "protesters march in the capital on Friday",
        tells its day). News tells its events in the past; its present is a habit, a rule
        or a kind."""
        verb = _verb_at(doc, cue)
        if verb is None and doc is not None:
            # a noun cue that is the subject: "landmines kill and maim civilians"
            noun = next((t for t in reversed(doc) if cue.start <= t.idx < cue.end), None)
            # (or its object: "which carries out air strikes against both groups")
            verb = noun.head if noun is not None and noun.dep_ in ("nsubj", "dobj") and \
                noun.head.pos_ == "VERB" else None
        if verb is None:
            return None
        day = _A_DAY.search(sentence)
        if day is not None and not (verb.dep_ == "relcl" and not any(
                t.idx <= day.start() < t.idx + len(t) for t in verb.subtree)):
            # (the day of the clause around a relative one is not its: "the United States,
            # which carries out air strikes ..., said on Monday")
            return None
        if verb.tag_ == "VBN":
            # a state in the present passive, or one that remains: "400,000 people are
            # displaced", "600,000 remain displaced" (not "are being shelled", "were killed")
            auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if (auxes and auxes <= {"is", "are", "'re"}) or (
                    verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.lemma_ == "remain"
                    and verb.head.tag_ in ("VBZ", "VBP")):
                return f"generic (a state told in the present: '{verb.text}')"
            return None
        if verb.tag_ not in ("VBZ", "VBP") and not (
                verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)):
            return None  # (a base form with its own subject is a present the tagger missed)
        if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
            return None
        # a present under a past or a perfect ("said they attack", "has said gunmen kill")
        # is still a habit; a verb in quoted speech likewise
        return f"generic (told in the present: '{verb.text}')"

    def told_as_past(self, cue: Cue, doc: Doc | None) -> bool:
        """Is the cue's event told as done: the verb that governs it in the past tense
        ("forces killed", "clashes had taken place", "a man was shot")? A future date on
        such an event is the end of a span or another event's date, not a plan."""
        for token in _governors(doc, cue, None):
            if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBN"):
                if token.lemma_.lower() in _ANNOUNCE:
                    return False  # "called a strike for Monday": the call is done, not it
                auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
                if auxes & _FUTURE_AUX:
                    return False  # "will be held", "would have attacked"
                # a participle that heads its sentence with no auxiliary is a finite past the
                # small tagger took for a participle ("officers arrested, beat up and ...")
                return token.tag_ == "VBD" or bool(auxes & _PAST_AUX) or \
                    (not auxes and _finite_root(token))
            if token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBG",):
                return False  # a present or base form governs it: "plan to march"
        return False

    # -- parts -----------------------------------------------------------------------------
    def _realis(self, sentence: str, cue: Cue, report_year: int | None = None) -> str | None:
        """A court case, a generic statement or history, told next to the cue."""
        before = sentence[max(0, cue.start - _NEAR):cue.start]
        near = sentence[max(0, cue.start - _NEAR):cue.end + _NEAR]
        if cue.family not in ("arrest", "protest") and (
                self.realis["court"].search(before) or _COURT_HEARD.search(sentence)):
            return "court case about a past crime"
        if cue.family in ("vac", "mob", "battle", "property"):
            accident = self.realis["accident"].search(near)
            if accident:
                return f"accident or disaster ('{accident.group(0)}')"
        if cue.family in ("vac", "mob", "battle", "property", "explosion") and \
                "industrial" in self.realis:
            works = self.realis["industrial"].search(near)
            if works:
                return f"accident or disaster ('{works.group(0)}')"
        if cue.family == "protest" and "nature_blocks" in self.realis:
            nature = self.realis["nature_blocks"].search(before.rstrip() + " " + cue.text)
            if nature:
                return f"accident or disaster ('{nature.group(0)}')"
        vague = _VAGUE_PAST.match(sentence) or _VAGUE_PAST_AFTER.match(sentence, cue.end)
        if vague and (cue.start > vague.end() or vague.start() >= cue.end):
            # "Earlier this year, a bomb attack outside a district office killed a clerk": a
            # past deed the story recalls with no day, its background, not its news
            return f"history (a past period, no day: '{vague.group(1)}')"
        right = self.realis["right_before"].search(before) if "right_before" in self.realis \
            else None
        if right:
            return f"generic (a right, not its use: '{right.group(0).strip()} {cue.text}')"
        habit = self.realis["habit_before"].search(before) if "habit_before" in self.realis \
            else None
        if habit:
            return f"generic (a habit: '{habit.group(0).strip()} {cue.text}')"
        # a decade long past, or a tally's long period, reaches to the end of the cue's
        # clause: "killed when an army unit entered the hamlet in the early 1980s", "the
        # arrest of hundreds of suspected members of criminal groups over the past two years"
        clause = _CLAUSE_END.split(sentence[cue.end:cue.end + 2 * _NEAR], maxsplit=1)[0]
        simulated = self.realis.get("simulated")
        rehearsed = simulated and (simulated.search(near) or simulated.search(clause))
        if rehearsed and cue.family != "protest":
            return f"an exercise, not a deed ('{rehearsed.group(0)}')"
        generic = self.realis["generic"].search(near) or (
            self.realis["period"].search(clause) if "period" in self.realis else None) or (
            # (a deed of a named day measured against past years, "the worst violence in
            # recent years", is one deed)
            self.realis["years_back"].search(near) if not _A_DAY.search(sentence) else None)
        if generic and generic.group(0).lower().startswith("since") and \
                _RECORD_SINCE.search(near):
            generic = None  # "the deadliest day since 2019": one deed measured against years
        if generic:
            return f"generic ('{generic.group(0)}')"
        share = _SHARE_OF_TALLY.search(sentence)
        if share:
            # "38 of those were caused by landmines, 41 by killings": a tally's breakdown
            return f"generic (a share of a tally: '{share.group(0)}')"
        periodic = _PERIODIC_SOURCE.search(sentence)
        if periodic and not _A_DAY.search(sentence):
            # "the office said in its annual report that 173 leaders were killed in 2025":
            # the figures of a report of the year or the month, not a deed of a day
            return f"generic (a periodic report's figures: '{periodic.group(0)}')"
        tally = _tally_of_period(sentence, cue, clause)
        if tally is not None:
            return f"generic (a period's tally: '{tally}')"
        history = self.realis["history"].search(near)
        decade = _DECADE.search(clause) or _DECADE.search(near)
        if decade or (history and cue.family != "protest"):
            # a commemoration is a protest of today; "student marches were a defining feature
            # of politics in the 2010s" is no protest of today
            return f"history ('{(decade or history).group(0)}')"
        year = _YEAR_BEFORE.search(before[-12:])
        if year and report_year and int(year.group(1)) < report_year - 1 and \
                cue.family != "protest":
            return f"history ('{year.group(0).strip()}')"  # "the 1994 genocide"
        return None

    def _evidence(
        self,
        cue: Cue | None,
        sentence: str,
        mentions: Sequence[ActorMention],
        ents: Sequence[tuple[int, int, str]],
        genre: Genre,
    ) -> set[str]:
        kinds: set[str] = set()
        for m in mentions:
            if m.category not in _ARMED_OR_POLITICAL:
                continue
            if not genre.eventful and m.category != "group" and \
                    self.genre_ambiguous.search(m.text):
                continue
            kinds.add("actor")
            if m.category in ("protesters", "rioters"):
                kinds.add("crowd")
        # the cue's own words are no evidence of its sense ("killed" is no harm for
        # "killed"), but a crowd or a demand may be part of a protest cue ("gathered ... to
        # demand")
        rest = sentence if cue is None else sentence[:cue.start] + " " + sentence[cue.end:]
        rest = self.no_harm.sub(" ", rest)  # "nobody was hurt" is no harm
        for name, regex in self.evidence.items():
            if regex.search(rest) or (cue is not None and name in ("crowd", "demand",
                                                                   "settlement")
                                      and regex.search(cue.text)):
                kinds.add(name)
        if any(m.category == "civilians" for m in mentions):
            kinds.add("victim")
        if any(label in PLACE_LABELS for _s, _e, label in ents):
            kinds.add("place")
        if any(m.category == "group" or (m.category in _ARMED_OR_POLITICAL and
                                         m.category not in ("police", "military"))
               for m in mentions):
            kinds.add("political")
        if any(m.category == "group" and m.inter in (2, 3, 4) for m in mentions):
            kinds.add("group")  # a named rebel group or militia (a party to a conflict)
        # a named group of people ("Pokot herders", "the Kurds"); named persons and
        # organisations are what sports and business news are full of, so they do not count
        if any(label == "NORP" and (cue is None or not (s < cue.end and cue.start < e))
               for s, e, label in ents):
            kinds.add("named")
        return kinds

    def _modifies(self, cue: Cue, doc: Doc | None) -> str | None:
        """The weapon an event noun qualifies from before it ("attack helicopters",
        "assault rifles", "combat drones"): it names a kind of weapon, no event; else None.
        (Other things it qualifies are left alone: "the attack motive", "riot police".)"""
        token = _token_at(doc, cue)
        if token is None or token.idx + len(token.text) < cue.end or token.head.i <= token.i \
                or token.dep_ not in ("compound", "amod") or token.lower_ not in _EVENT_NOUNS:
            return None  # only an event's own noun: "mob justice", "a gunshot wound" and
            # "IED planters" still tell the deed
        head = token.head
        word = head.lower_
        if head.pos_ != "NOUN":
            return None
        # "attack helicopters", "assault rifles", "combat drones": a kind of weapon
        return head.text if self.evidence["weapon"].fullmatch(word) else None

    def _people_act(self, cue: Cue, doc: Doc | None, ents: Sequence[tuple[int, int, str]],
                    nouns: bool = False) -> bool:
        """Is the protest word done by people, not by prices ("stocks rallied") or a firm
        showing a product ("demonstrated its new phone")?"""
        verb = _verb_at(doc, cue)
        if verb is None:  # a noun: read only in other news ("a rally in bank shares")
            return not nouns or self._noun_of_people(cue, doc, ents)
        if verb.lemma_.lower().startswith("demonstrat"):
            # "demonstrated its new phone" shows a thing; "700 persons demonstrated" or
            # "demonstrated against the law" is a protest, whoever the parse makes subject
            shown = [c for c in verb.children if c.dep_ == "dobj"]
            return not shown or not all(self._thing(o, ents, org=True) for o in shown)
        subjects = _arguments(verb, {"nsubj", "nsubjpass"})
        return not subjects or not all(self._thing(s, ents, org=False) and
                                       not self._of_people(s) for s in subjects)

    def _animal_deed(self, cue: Cue, doc: Doc | None, armed: bool) -> str | None:
        """"an animal: 'lions'" when the cue's verb is done by an animal that attacks (its
        subject or agent, or the subject of a clause that tells how: "injured when an
        elephant charged"), or befalls animals only ("shot a lioness") in a sentence with
        no armed party or weapon (``armed``); else None."""
        verb = _verb_at(doc, cue)
        if verb is None:
            return None
        doers = _arguments(verb, {"nsubj"}) + [
            g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"]
        doers += [s for c in verb.children if c.dep_ == "advcl"
                  for s in _arguments(c, {"nsubj"})]
        if verb.dep_ == "relcl" and any(d.lower_ in ("that", "which", "who") for d in doers):
            doers.append(verb.head)  # "parasitic flies that attack fire ants": the flies
        # a dateline parsed as the subject: "MAUN, Botswana - A pride of lions killed ...",
        # the pride in apposition to the town
        doers += [c for d in doers for c in d.children if c.dep_ == "appos"]
        # a name is no animal: "the Red Leopard ambushed a patrol", "the Tigers"
        animal = next((d for d in doers if d.lower_ in self.attacking_animals and
                       not (d.i > d.sent.start and d.text[:1].isupper()) and
                       not any(c.dep_ == "compound" and c.text[:1].isupper()
                               for c in d.children)), None)
        if animal is not None:
            return f"an animal: '{animal.text}'"
        harmed = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not armed and harmed and all(h.lower_ in self.animals for h in harmed):
            return f"animals harmed: '{harmed[0].text}'"
        return None

    def _noun_of_people(self, cue: Cue, doc: Doc | None,
                        ents: Sequence[tuple[int, int, str]]) -> bool:
        """A protest noun is of people unless the parse ties it to things only: "a rally
        in bank shares", "a late stock rally" (its modifiers and what it is of or in)."""
        token = next((t for t in doc if cue.start <= t.idx < cue.end), None) \
            if doc is not None else None
        if token is None or token.pos_ != "NOUN":
            return True
        tied = [c for c in token.children if c.dep_ == "compound"]
        tied += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "by")
                 for g in c.children if g.dep_ == "pobj"]
        return not tied or not all(self._thing(t, ents, org=True) and not self._of_people(t)
                                   for t in tied)

    def _taken_thing(self, cue: Cue, doc: Doc | None,
                     ents: Sequence[tuple[int, int, str]]) -> str | None:
        """What a taking verb of the cue takes ("had been seized", "secured"), where the parse
        shows a common noun that is no ground, no person and no named place ("1.3 tonnes of
        ivory", "funding"): the noun, else None. A measure ("tonnes of", "a haul of") is
        read through to what it measures."""
        verb = _verb_in(doc, cue)
        if verb is None:
            return None
        taken = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        if len(taken) != 1:
            return None
        head = taken[0]
        measured = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        if measured and (any(c.dep_ == "nummod" for c in head.children) or
                         head.lower_ in _MEASURES):
            head = measured[0]  # "1.3 tonnes of ivory", "a haul of weapons"
        if head.pos_ != "NOUN" or head.lower_ in _HOLD or \
                any(s <= head.idx < e for s, e, _label in ents):
            return None  # (and "seized full control of the town": ground held)
        word, lemma = head.lower_, (head.lemma_ or head.lower_).lower()
        if _is_person_word(lemma) or _is_person_word(word) or self.collectives.fullmatch(word):
            return None
        # ground or a named place anywhere in what was taken ("the Ghazlani military base
        # southwest of Mosul", whatever word the small parser made its head)
        for t in taken[0].subtree:
            if t.lower_ in self.ground_words or (t.lemma_ or "").lower() in self.ground_words \
                    or self.evidence["target"].fullmatch(t.lower_) or \
                    any(s <= t.idx < e and label in ("GPE", "LOC", "FAC")
                        for s, e, label in ents):
                return None
        return head.text

    @staticmethod
    def _of_people(token: Any) -> bool:
        """"a section of residents", "regiments of members": a part or a body of people."""
        return any(g.pos_ in ("NOUN", "PROPN") and _is_person_word(g.lemma_ or g.lower_)
                   for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj")

    def _genre_figure(self, cue: Cue, doc: Doc | None) -> tuple[str, str] | None:
        """(genre, word) when the person the cue befalls is named by a word of a genre in
        which events do not happen ("the quarterback", "the club's chairman", "two
        hackers"): the arrested or abducted is the verb's object or passive subject, or
        what the noun is of ("the arrest of the striker")."""
        token = _token_at(doc, cue)
        if token is None:
            return None
        if token.pos_ == "VERB":
            args = _arguments(token, {"dobj", "nsubjpass"})
        else:
            args = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if c.dep_ == "pobj"]
        for arg in args:
            for word in (arg, *(c for c in arg.children if c.dep_ in ("compound", "amod"))):
                if word.pos_ != "NOUN":
                    continue
                for name, terms in self.genres.items():
                    if terms.contains(word.lower_) or terms.contains(word.lemma_.lower()):
                        return name, word.text
        return None

    def _formal_protest(self, cue: Cue, doc: Doc | None,
                        ents: Sequence[tuple[int, int, str]], loose: bool = False) -> str | None:
        """A protest that is a formal objection, not people demonstrating: "lodged a
        protest with the embassy", "the ministry protested the ruling", "resigned in
        protest". None when the parse shows none of these. ``loose`` (sport or other news,
        where a player protests a referee's call) also takes one person's objection ("he
        protested the decision", "sent off for his protests"); in news of conflict or politics
        a lone protester, or a union or party that "protested the cuts", is demonstrating."""
        token = _token_at(doc, cue)
        if token is None:
            return None
        head = token.head
        if token.pos_ == "NOUN":
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if loose and owner is not None and _one_person(owner, ents):
                # "sent to the stands for his protests": one person's objection
                return f"one person's objection ('{owner.text} {token.text}')"
            if token.dep_ == "dobj" and head.lemma_.lower() in self.formal_verbs:
                return f"a formal protest ('{head.text} ... {token.text}')"
            if token.dep_ == "pobj" and head.lower_ in ("in", "under") and \
                    head.head.lemma_.lower() in self.motive_verbs:
                return f"a motive ('{head.head.text} {head.text} {token.text}')"
            state = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj" and
                          self._institution(g, ents) and not any(
                              s <= g.idx < e and label in PLACE_LABELS
                              for s, e, label in ents)), None)
            if state is not None and any(c.dep_ == "prep" and c.lower_ in ("to", "towards")
                                         for c in (*token.children, state.head)):
                state = None  # "a caravan protest from Manresa to Barcelona": a route
            if state is not None:
                return f"a formal protest ('{token.text} from {state.text}')"  # a state's
            return None
        if token.pos_ == "VERB":
            subjects = [c for c in (token, *token.conjuncts)
                        for c in c.children if c.dep_ == "nsubj"]
            where = [c for v in (token, *token.conjuncts) for c in v.children
                     if c.dep_ == "prep" and c.lower_ in _WHERE]
            if subjects and not where and all(self._institution(s, ents) for s in subjects):
                return "a formal protest by a state or a firm"
            written = next((g for c in token.children if c.dep_ == "prep" and
                            c.lower_ in ("in", "by", "through", "via")
                            for g in c.children if g.lemma_.lower() in _WRITTEN), None)
            if written is not None and not where:
                return f"a formal protest (in a {written.text})"  # "protested in a letter"
            own = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if loose and len(own) == 1 and objects and not where and _one_person(own[0], ents) and \
                    not _is_person_word(objects[0].lemma_ or objects[0].lower_):
                # "Whitlock protested the stoppage": one person objects to a decision
                return f"one person's objection ('{own[0].text} {token.text} " \
                       f"{objects[0].text}')"
        return None

    def _lone_agent(self, cue: Cue, doc: Doc | None,
                    ents: Sequence[tuple[int, int, str]]) -> str | None:
        """The one person (or thing) that does the protest word, when the parse shows only
        one: the verb's subject ("Whitlock protested", "he protested"), the noun a
        participle describes ("a man demanding money", "a note demanding money") or the
        noun's owner ("his protest"); a name, a pronoun, a singular word for a person or a
        thing. None for a group, a plural, an organisation or no agent. Asked only in a
        sports, market or other story."""
        token = _token_at(doc, cue)
        agent = _agent(token) if token is not None else None
        if token is None or agent is None:
            return None
        if any(c.dep_ in ("conj", "cc") for c in agent.children):
            return None  # "a teacher and indigenous people"
        if agent.lower_ in _ONE_PRONOUNS:
            return agent.text
        ent = next((label for s, e, label in ents if s <= agent.idx < e), "")
        if ent == "PERSON":
            return agent.text
        word = agent.lemma_.lower() or agent.lower_
        if not ent and agent.tag_ in ("NNP", "NN") and agent.dep_ == "nsubj" and \
                agent.text[:1].isupper() and not agent.text.isupper() and \
                not any(c.isdigit() or c == "-" for c in agent.text) and \
                not _is_person_word(word) and word not in self.people_nouns and \
                not self.collectives.fullmatch(agent.lower_) and \
                not self._thing(agent, ents, org=True):
            # "Whitlock protested the stoppage": a sports or business name (an acronym is a
            # body's name: "ANNISU-R protested")
            return agent.text
        if ent or agent.tag_ != "NN" or self.collectives.fullmatch(agent.lower_):
            return None
        if _is_person_word(word) or word in self.people_nouns:
            return agent.text  # "the man demanding money"
        # a thing that "demands" ("a note demanding money"): nobody gathered
        return agent.text if agent is token.head and token.dep_ in ("acl", "relcl") else None

    def _demand_in_words(self, cue: Cue, doc: Doc | None) -> str | None:
        """The institution that voices a demand word, when the parse shows one: "unions
        are demanding 4.5 percent", "the ministry is calling for the resignation", "it is
        demanding that ..." (a demand at a table or in a statement, not a crowd's)."""
        token = _token_at(doc, cue)
        agent = _agent(token) if token is not None else None
        if agent is None or agent.ent_type_:
            return None
        # "It is demanding that ...": a body spoken of as "it" (a crowd is "they")
        return agent.text if (agent.lemma_ or agent.lower_).lower() in self.bargainers or \
            agent.lower_ == "it" else None

    def _institution(self, token: Any, ents: Sequence[tuple[int, int, str]]) -> bool:
        """A state, a government body or a firm as the protesting subject ("Beijing",
        "the ministry", "the company"), not a group of people."""
        ent = next((label for s, e, label in ents if s <= token.idx < e), "")
        if ent == "GPE":  # a party or a union (ORG) does march; a country protests by note
            return not _is_person_word(token.lemma_ or token.lower_)
        return not ent and token.lemma_.lower() in self.institutions

    def _people_harmed(
        self, cue: Cue, doc: Doc | None, ents: Sequence[tuple[int, int, str]]
    ) -> bool:
        """Does the harm verb (the cue) apply to people or a place, not to things ("free
        downloads killed the shops' profits")? Read from the parse: the verb's objects and
        passive subjects, through prepositions and coordination; only when every one of them
        is plainly a thing is the answer no (the small parser errs, and so keeps)."""
        verb = _verb_at(doc, cue)
        if verb is None:
            return self._noun_on_people(cue, doc, ents)
        args = _arguments(verb, _OBJECTS)
        return not args or not all(self._thing(a, ents, org=False) for a in args)

    def _abstract_patient(self, cue: Cue, doc: Doc | None,
                          ents: Sequence[tuple[int, int, str]]) -> str | None:
        """The patient of a harm verb when the parse gives one and every one is abstract
        ("shot down a proposal", "killed the bill"): relevance.yaml's abstract_nouns or an
        ending no person or place has. None otherwise."""
        verb = _verb_at(doc, cue)
        if verb is None:
            return None
        args = _arguments(verb, {"dobj", "nsubjpass"})
        return args[0].text if args and all(self._abstract(a, ents) for a in args) else None

    def _noun_on_people(self, cue: Cue, doc: Doc | None,
                        ents: Sequence[tuple[int, int, str]]) -> bool:
        """A harm noun ("attack", "assault") backed by nothing but people in the sentence is
        on people unless the parse ties it to things ("an attack on the government's
        record", "an assault on press freedom") or makes it someone's words with nothing
        attacked ("calling her attacks desperate")."""
        token = next((t for t in doc if cue.start <= t.idx < cue.end), None) \
            if doc is not None else None
        if token is None or token.pos_ != "NOUN":
            return True
        args = [g for c in token.children if c.dep_ == "prep" and
                c.lower_ in ("on", "upon", "against") for g in c.children if g.dep_ == "pobj"]
        if not args:
            # "her attacks", "his assault": one person's (a group's, "their attacks", stay)
            return not any(c.dep_ == "poss" and c.lower_ in ("her", "his", "my", "your")
                           for c in token.children)
        # only what is plainly abstract: a bank, a cinema or a stadium attacked is a place
        return not all(self._abstract(a, ents) for a in args)

    def _foe_is_thing(self, cue: Cue, doc: Doc | None,
                      ents: Sequence[tuple[int, int, str]]) -> str | None:
        """The foe of a fight noun ("battle against X", "fight with X") when every one the
        parse gives is plainly no person, group or place: an animal or a pest, or an
        abstract noun ("fire ants", "terrorism", "poverty"; not "the administration", which
        may be people). None when any foe may be a party (a name, people, a word the
        lexicons lack), or the parse gives none."""
        if doc is None:
            return None
        token = next((t for t in doc if cue.start <= t.idx < cue.end and t.pos_ == "NOUN"),
                     None)
        if token is None:
            return None
        foes = [g for c in token.children if c.dep_ == "prep" and
                c.lower_ in ("against", "with") for g in c.children if g.dep_ == "pobj"]
        foes += [c for f in foes for c in f.conjuncts]
        if not foes:
            # what it is fought for, when abstract: "losing the battle for credibility"
            # ("the battle for Mosul", "the fight for control of the town" are fought)
            prize = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                     for g in c.children if g.dep_ == "pobj"]
            if prize and all(self._abstract(p, ents) and not any(
                    c.dep_ == "prep" for c in p.children) for p in prize):
                return prize[0].text
            return None
        for foe in foes:
            if any(c.dep_ in ("compound", "amod") and (
                    any(s <= c.idx < e for s, e, _label in ents) or c.pos_ == "PROPN")
                    for c in foe.children):
                return None  # "the Tarvona rebels", "Kessani forces"
            if not (foe.lower_ in self.animals or (foe.lemma_ or "").lower() in self.animals
                    or self._abstract(foe, ents)):
                return None
        return foes[0].text

    def _figure_exploded(self, cue: Cue, doc: Doc | None) -> str | None:
        """The subject of an explosion verb of the cue ("exploded", "blew up") when the
        parse shows an amount that grows, not a device (relevance.yaml amount_nouns:
        "costs", "prices", "demand"); else None. ("Violence exploded" is told of a deed.)"""
        verb = _verb_in(doc, cue)
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
            return None
        subject = subjects[0]
        amount = subject.lower_ in self.amount_nouns or \
            (subject.lemma_ or "").lower() in self.amount_nouns
        return subject.text if amount else None

    def _abstract(self, token: Any, ents: Sequence[tuple[int, int, str]]) -> bool:
        """An abstract noun, one of relevance.yaml's or by an ending no place has ("-ism",
        "-ness", "-ship"), that no entity label makes a name ("the government's record",
        "press freedom")."""
        if any(s <= token.idx < e for s, e, _label in ents) or token.pos_ != "NOUN":
            return False
        word = token.lower_
        if _is_person_word(token.lemma_ or word) or self.evidence["target"].fullmatch(word):
            return False
        # endings that name no place ("a procession", "the residence", "a university" do)
        return word in self.abstract_nouns or bool(_IDEA.search(word))

    def _person_patient(self, cue: Cue, doc: Doc | None,
                        ents: Sequence[tuple[int, int, str]]) -> bool:
        """Is whom the harm verb befell a person ("a man was killed", "gunmen killed two
        herders", "killed Otieno")? Its direct object or passive subject, read from the
        parse, is a named person or group, a word for people, or a number of something."""
        verb = _verb_at(doc, cue)
        if verb is None:
            return False
        counted = [c for c in verb.children if c.dep_ == "nsubj" and c.like_num]
        # "8 killed in Hama", "a commander killed in the raid": a participle that modifies
        # the one it befell
        reduced = [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" else []
        for arg in _arguments(verb, {"dobj", "nsubjpass"}) + counted + reduced:
            if arg.like_num or arg.pos_ == "NUM":
                return True  # "143 killed yesterday", "killed 12": a count of the dead
            if arg.lower_ == "old" and arg.i >= 2 and \
                    arg.doc[arg.i - 2].lower_ in ("year", "years", "month", "months"):
                return True  # "a 23-year-old was killed"
            ent = next((label for s, e, label in ents if s <= arg.idx < e), "")
            if ent in ("PERSON", "NORP") or _is_person_word(arg.lemma_ or arg.lower_) or \
                    _is_person_word(arg.lower_) or arg.lemma_.lower() in self.people_nouns:
                return True
            if arg.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in arg.children) and \
                    not self._thing(arg, ents, org=False):
                return True  # "killed 12 pupils": a count of something not a thing
        return False

    def _thing(self, token: Any, ents: Sequence[tuple[int, int, str]], *, org: bool) -> bool:
        """Plainly not a person, a group or a place: a named product, firm (``org``), sum or
        date; an abstract noun ("opportunities", "management"); a word of the sports,
        market or technology vocabulary ("shares", "prices", "title")."""
        ent = next((label for s, e, label in ents if s <= token.idx < e), "")
        if ent:  # a date or a firm as a protester is the small parser's error, not a sense
            return ent in (_THING_ENTS if org else _THING_ENTS - {"ORG", "EVENT", "LAW"}) or \
                (org and ent in ("DATE", "TIME"))
        if token.pos_ in ("PRON", "PROPN"):
            return token.lower_ in ("it", "this", "that", "which", "what")
        if token.pos_ not in ("NOUN",):
            return False
        word = token.lower_
        if _is_person_word(token.lemma_ or word) or self.evidence["target"].fullmatch(word):
            return False
        if (_ABSTRACT.search(word) and not self.collectives.fullmatch(word)) or \
                word in self.abstract_nouns:
            return True
        return any(terms.contains(word) or terms.contains(token.lemma_.lower())
                   for terms in self.genres.values())


# a record measured since a year: "the deadliest day since 2019"
_RECORD_SINCE = re.compile(r"\b(?:\w+est|worst|first|most \w+|biggest|largest)\b[^.;:]{0,40}?"
                           r"\bsince (?:the )?(?:19|20)\d\d", re.I)
# a sentence that opens on a past period with no day: "Earlier this year,", "Last year,"
_VAGUE_PAST = re.compile(r"[\"“‘']?((?:earlier|late|early) (?:this|last) year|earlier in the year|"
                         r"last year|in recent (?:months|years)|in previous years|"
                         r"over the past (?:year|two years|few years|decade)),", re.I)
# the same right after the deed's noun: "The union's last general strike, earlier this
# year, paralysed transport"
_VAGUE_PAST_AFTER = re.compile(r",\s+((?:earlier|late|early) (?:this|last) year|"
                               r"earlier in the year|last year),", re.I)
# a past perfect right before the cue: "had gathered", "had earlier marched"
# what a text rules out: "ruled out sabotage", "no sign of an attack", "found no evidence of
# a bomb"
_RULED_OUT = re.compile(r"\b(?:ruled out|rule out|rules out|ruling out|no (?:signs?|evidence|"
                        r"indications?|suggestion) (?:of|that)|not (?:caused by|the work of))\s+"
                        r"(?:(?:an?|any|the|foul|play|terrorist|deliberate)\s+){0,3}[\w-]+", re.I)
# a word quoted as what someone called a person or a deed: 'described the marchers as "'
_NAMED_AS = re.compile(r"\b(?:as|called|calling|calls|labelled|labeled|branded|dubbed|termed)\s+"
                       r"[\"“‘']$", re.I)
# the quote a cue opens closes within a short phrase
_QUOTE_CLOSES = re.compile(r"[^\"“”.;]{0,60}?[\"”’']")
_HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+|earlier\s+|already\s+|been\s+)?$", re.I)
# a deed told as what a remembered time saw: "from the day thousands of schoolchildren",
# "the night when students"
_THE_DAY_BEFORE = re.compile(r"\b(?:the|that)\s+(?:day|night|morning|year|week|summer|winter|"
                             r"spring|autumn)\s+(?:when\s+|that\s+)?(?:[\w'’-]+\s+){1,6}$",
                             re.I)
# a copula right before a noun cue: "is a general strike", "was the only answer, war"
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|remains?|remained|becomes?|became)\s+"
                            r"(?:(?:a|an|the|only|another|just|simply|now)\s+){0,2}"
                            r"(?:[\w-]+\s+)?$", re.I)
# subjects that name an incident already told: "It was a suicide attack", "The blast was a
# car bomb"
_INCIDENT_SUBJECTS = frozenset({"it", "this", "that", "which", "what", "blast", "explosion",
                                "attack", "incident", "assault", "raid", "strike", "bombing",
                                "shooting", "killing", "violence", "clash", "clashes",
                                "fighting", "protest", "rally", "march", "demonstration"})


def _kind_named(cue: Cue, doc: Doc) -> str | None:
    """The subject of a copula whose attribute is the cue ("The only path left is a general
    strike"), when it names no incident ("it", "the blast"); None otherwise."""
    token = next((t for t in doc if cue.start <= t.idx < cue.end and t.dep_ == "attr"), None)
    told = token is None
    if told:
        # or a deed told of the attribute, in the present, of a subject that is no one:
        # "Every dose is a bullet fired at the parasite" (not "The victim is a student shot
        # by police", nor the past's "It was a bomb planted by the rebels")
        token = next((t for t in doc if cue.start <= t.idx < cue.end), None)
        if token is None or token.dep_ not in ("acl", "relcl") or token.head.dep_ != "attr" \
                or token.head.head.tag_ not in ("VBZ", "VBP"):
            return None
        token = token.head
    if token is None or token.head.lemma_ not in ("be", "remain", "become"):
        return None
    subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if told and any(_is_person_word(c.lemma_) or _is_person_word(c.text)
                    for c in (*subjects, token)):
        return None
    if not subjects or any(c.lower_ in _INCIDENT_SUBJECTS or c.pos_ in ("PRON", "PROPN")
                           for c in subjects):
        return None
    return subjects[0].text


_IDEA = re.compile(r"(?:ism|isms|(?<!busi)ness|(?<!town)(?<!wor)ships?)$")  # not a township
_IRREALIS_WORDS = re.compile(
    r"\b(?:not|n't|never|no|den(?:y|ied|ies)|reject\w*|refut\w*|dismiss\w*|will|would|could|"
    r"might|may|shall|should|plan\w*|threat\w*|vow\w*|intend\w*|prepar\w*|aim\w*|"
    r"fail\w*|refus\w*|(?:call\w*|appeal\w*|press\w*|push\w*|urg\w*) for)\b", re.I)
# dependency labels to climb from a cue to the verb that governs it (not subjects)
_CLIMB = {"dobj", "pobj", "prep", "xcomp", "ccomp", "compound", "amod", "attr", "acomp",
          "oprd", "advcl", "pcomp", "conj", "aux", "auxpass"}
_DENY = {"deny", "reject", "refute", "dismiss"}
# a coordinated verb with its own auxiliary or subject heads a clause of its own
_OWN_CLAUSE = {"aux", "auxpass", "nsubj", "nsubjpass"}
# a tally of a period, told in the perfect: "The group has killed more than 1,500 civilians
# in the province since January", "more than 1,300 people had been killed in the region
# since January", "has carried out more than 100 air strikes in 2026"
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:[a-z]+ly\s+)?(?:(?:carried\s+out|conducted|launched|"
    r"staged|mounted|recorded|registered|documented)\s+(?:more\s+than\s+|over\s+|nearly\s+|"
    r"almost\s+|some\s+|about\s+|at\s+least\s+)?[\d,]+\s+)?$", re.I)
_SINCE_PERIOD = re.compile(
    r"\b(?:since|from)\s+(?:the\s+(?:start|beginning)\s+of\s+(?:the|this|last)\s+year|"
    rf"(?:early\s+|mid-?|late\s+)?{MONTH_NAMES}(?!\s+\d)|(?:19|20)\d\d)\b|\bso\s+far\b|"
    r"\bin\s+the\s+first\s+(?:[\w-]+\s+)?(?:months?|weeks?|half|quarter)\b")
# ... or its count alone, large and over the year: "more than 250 civilians this year"
_YEAR_PERIOD = re.compile(r"\b(?:this|last)\s+year\b|\b(?:in|during)\s+(?:19|20)\d\d\b")
_LARGE_COUNT = re.compile(r"\b(?:more than|over|nearly|almost|upwards of|some|about)\s+"
                          r"(?:\d{1,3}(?:,\d{3})+|[1-9]\d{2,})\b")


def _tally_of_period(sentence: str, cue: Cue, clause: str) -> str | None:
    """The period a perfect tense's deed sums up, or None (see _SINCE_PERIOD)."""
    if not _PERFECT_BEFORE.search(sentence, max(0, cue.start - 60), cue.start):
        return None
    period = _SINCE_PERIOD.search(clause)
    if period is None and _LARGE_COUNT.search(sentence):
        period = _YEAR_PERIOD.search(clause)
    return period.group(0) if period else None


# "went on the attack", "are on the offensive": a manner, not a deed
_ON_THE_BEFORE = re.compile(r"\b(?:go|goes|going|gone|went|is|are|was|were|be|been|being|stay|"
                            r"stays|stayed|came out|come out|remained|remain)\s+(?:\w+ly\s+)?"
                            r"on\s+the\s+$", re.I)
_OBJECT_AFTER = re.compile(r"\s+(?:against|on|at|into|towards?)\b", re.I)
# a tally broken down by its causes: "38 of those were caused by", "half of them were
# carried out by"
_SHARE_OF_TALLY = re.compile(r"\b(?:[\d,]+|\w+) of (?:those|them|these|the (?:deaths|dead|"
                             r"victims|casualties|killings|incidents|attacks|cases))\s+(?:were|"
                             r"was|had been|have been)\s+(?:caused|carried out|committed|"
                             r"attributed|blamed on|due to)\b", re.I)
# a sentence told from a report of a year's or a month's figures
_PERIODIC_SOURCE = re.compile(r"\b(?:(?:in|according to|from) (?:its|their|his|her|the|an?|a new) "
                              r"(?:latest )?(?:annual|yearly|monthly|quarterly|half-yearly|"
                              r"year-end) (?:report|review|tally|figures|statistics|survey)|"
                              r"(?:according to|from|in) (?:the )?(?:data|figures|statistics|"
                              r"records|tallies) (?:compiled|collected|gathered|kept|published)|"
                              # "figures published earlier this year showed that ..."
                              r"(?:figures|data|statistics|tallies) (?:published|released|"
                              r"compiled|issued)(?: \w+){0,4} (?:show|shows|showed|indicate|"
                              r"indicates|indicated|suggest|suggests|suggested))"
                              r"\b", re.I)
# a day named in a sentence: a caption's present tells that day's event
_A_DAY = re.compile(rf"\b(?:{WEEKDAY_NAMES}|today|tonight|yesterday|overnight|"
                    rf"this (?:morning|afternoon|evening)|{MONTH_NAMES}\.? \d{{1,2}}|"
                    rf"\d{{1,2}} {MONTH_NAMES})\b")
_FUTURE_AUX = {"will", "shall", "'ll", "would", "could", "might", "may", "should", "must"}
_ANNOUNCE = {"call", "announce", "schedule", "set", "plan", "threaten", "vow",
                           "urge", "promise", "intend", "prepare"}
_SAY = {"say", "announce", "warn", "tell", "vow", "promise", "declare", "insist", "state",
        "confirm", "pledge", "threaten"}
_CALL_FOR = {"call", "appeal", "press", "push", "urge"}
_PAST_AUX = {"was", "were", "had", "has", "have", "been", "'d"}
_PLAN = {"plan", "threaten", "vow", "intend", "prepare", "aim", "seek", "want", "promise",
         "pledge"}
_FAIL = {"fail", "refuse"}


def _verb_realis(verb: Any) -> str | None:
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "neg" for c in verb.children) or lemma in _DENY or lemma in _FAIL:
        return "negated"
    if lemma in _PLAN:
        return "expected"
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll"):
            return "expected"
        if c.dep_ == "aux" and c.lower_ == "would" and verb.dep_ == "ccomp" and \
                verb.head.lemma_.lower() in _SAY and not any(
                    a.dep_ == "aux" and a.lower_ == "have" for a in verb.children):
            # "the army said it would launch an offensive": a plan told in the past
            return "expected"
        if c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should"):
            return "hypothetical"
    return None


_WHERE = {"in", "at", "outside", "near", "on", "before", "along", "through", "across", "around",
          "inside", "into", "to"}  # "protested outside the ministry": people in a place
# a weapon named before its kind ("Grad rockets") or after a verb of firing ("fired a Tochka")
_WEAPON_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:rockets?|missiles?|launchers?|shells?|rounds?|"
                           r"bombs?|mortars?)\b", re.I)
_WEAPON_BEFORE = re.compile(r"\b(?:fired|fires|firing|launched|launching|using|with)\b[^.;]*$",
                            re.I)


def _quoted(sentence: str, at: int) -> bool:
    """Is position ``at`` inside a quotation of ``sentence`` (an opening quote before it that
    no closing quote ends)?"""
    before = sentence[:at]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


_ONE_PRONOUNS = frozenset({"he", "she", "his", "her", "i", "my"})  # one person, by pronoun


def _one_person(token: Any, ents: Sequence[tuple[int, int, str]]) -> bool:
    """A single person: "he", "her", or a singular name with no "and" in its phrase
    ("Whitlock", not "Whitlock and his team", nor "the fans", "Kenyans"): a name the NER
    tags as a person, or a capitalised name that is no word for people (the small model often
    tags a lone surname as an organisation)."""
    if token.lower_ in _ONE_PRONOUNS:
        return True
    if any(c.dep_ in ("conj", "cc") for c in token.children):
        return False
    ent = next((label for s, e, label in ents if s <= token.idx < e), "")
    if ent == "PERSON":
        return True
    return ent in ("", "ORG") and token.text[:1].isupper() and \
        token.tag_ in ("NNP", "NN") and (ent == "ORG" or not token.is_sent_start) and \
        not _is_person_word(token.lemma_ or token.lower_)


# a stand taken at a commemoration: "to stand against", "to call on legislators"
_VOICED = re.compile(r"\b(?:against|call(?:s|ed|ing)? (?:on|for)|demonstrat\w*|protest\w*|"
                     r"demand\w*|urg(?:e|ed|ing))\b", re.I)
_RIOT_OF = re.compile(r"\s+of\s+([\w-]+)", re.I)
_PROTEST_WORD = re.compile(r"protest(?:s|ed|ing)?", re.I)
_LIKE_BEFORE = re.compile(r"\b(?:like|as if|as though|resembl\w+|akin to|reminiscent of)\s+"
                          r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# entities whose names can hold an event word ("Royal Dutch Shell", "Storm Ellis")
_NAME_ENTS = {"ORG", "PERSON"}


def _inside_name(cue: Cue, sentence: str, ents: Sequence[tuple[int, int, str]]) -> str | None:
    """The name a one-word cue is written inside, capitalised mid-sentence, when it is part
    of a firm's, product's, work's or person's name ("Royal Dutch Shell", "Storm" the film)."""
    word = sentence[cue.start:cue.end]
    if " " in word.strip() or not word[:1].isupper() or cue.start == 0 or \
            re.search(r"(?:^|[.!?:\"“]\s*)$", sentence[:cue.start]):
        return None  # lower case, or a capital that starts a sentence
    if word.strip().isupper():
        return None  # an acronym is the thing itself ("an IED exploded"), not a firm's word
    for s, e, label in ents:
        if label in _NAME_ENTS and s <= cue.start and cue.end <= e:
            return sentence[s:e]
    return None


def _finite_root(token: Any) -> bool:
    """Does ``token`` head its sentence, alone or as a conjunct of its head ("arrested,
    beat up and robbed"), with no auxiliary on the way?"""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
        if any(c.dep_ in ("aux", "auxpass") for c in token.children):
            return False
    return token.dep_ == "ROOT"


def _governors(doc: Doc | None, cue: Cue, through: set[str] | None) -> Iterator[Any]:
    """The cue's first token, then the words that govern it, up to six, climbing only
    through the dependency labels ``through`` (any label when None)."""
    if doc is None:
        return
    token = next((t for t in doc if cue.start <= t.idx < cue.end), None)
    steps = 0
    while token is not None and steps < 6:
        steps += 1
        yield token
        if (through is not None and token.dep_ not in through) or token.head is token:
            return
        if through is not None and token.dep_ == "conj" and any(
                c.dep_ in _OWN_CLAUSE for c in token.children):
            return  # "planned to attack but were arrested": the arrest is a clause of its own
        token = token.head


_MARCH = re.compile(r"march|parade", re.I)
# the subject of a march that is a movement of forces or a parade, not a demonstration
_FORCES = re.compile(r"(?:soldiers?|troops|army|armies|forces|rebels?|fighters?|militants?|"
                     r"insurgents?|militias?|militiamen|guerrillas?|columns?|units?|"
                     r"battalions?|regiments?|brigades?|divisions?|platoons?|tanks|convoys?|"
                     r"cadets|recruits|riot police|policemen|police officers|police)", re.I)


def _forces_march(doc: Doc | None, cue: Cue) -> str | None:
    """The subject word when the marching verb's subjects are all armed or security forces
    ("troops marched into the town"), else None."""
    verb = _verb_at(doc, cue)
    if verb is None:
        return None
    words = []
    for subject in _arguments(verb, {"nsubj"}):
        # "hundreds of soldiers": the body of people the number counts
        of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        words.append(of[0] if of else subject)
    if words and all(_FORCES.fullmatch(w.lower_) for w in words):
        return words[0].lower_
    return None


_YOU = re.compile(r"\byou\b", re.I)
# families whose cue an animal may do or suffer ("lions killed", "attacked the cattle")
_VIOLENT = {"vac", "battle", "mob", "explosion", "property"}


def _told_of_you(doc: Doc | None, cue: Cue) -> bool:
    """Is the cue's event done by "you" (a verb that governs it has "you" as its subject)?
    News tells what someone did; a game's review, a guide or a what-if tells the reader."""
    for token in _governors(doc, cue, None):
        if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in token.children):
            return True
    return False


# a word right after the cue, in lower case: the cue may qualify it ("attack helicopters")
_BEFORE_NOUN = re.compile(r"\s+[a-z][a-z-]+\b")
# the event nouns that also name a kind of weapon: "attack helicopters", "assault rifles",
# "battle tanks", "combat drones", "strike aircraft"
_EVENT_NOUNS = frozenset({"attack", "strike", "assault", "battle", "combat"})


# a protest word that takes a clause: an objection said ("protested that the fees were unfair")
_SAYS_THAT = re.compile(r"(?:\s+(?:for|over)\s+(?:\w+\s+){0,2}?(?:days|weeks|months|years))?"
                        r"\s+that\s+(?!day\b|week\b|night\b|morning\b)", re.I)
# an organisation's short name after its name: "the Rally for Democratic Renewal (RRD)"
_ACRONYM_AFTER = re.compile(r"[^().;]{0,60}\((?:[A-Z][A-Za-z]?){2,8}\)")
# what a formal objection is made in: "protested in a letter to the minister"
_WRITTEN = frozenset({"letter", "statement", "note", "submission", "petition", "memo",
                      "memorandum", "complaint", "email", "filing", "communique", "communiqué"})


# the actor kinds that bear arms: their road blocks and sieges are no protests
# (not the police or the army, whose road blocks are often at a crowd's protest: "police
# blocked the road to parliament, where teachers protested")
_ARMED_KINDS = frozenset({"gang", "ethnic_militia", "communal_militia", "clan_militia",
                          "unidentified"})


def _armed_doer(cue: Cue, doc: Doc | None, mentions: Sequence[ActorMention]) -> str | None:
    """The armed actor the parse shows doing the protest word ("armed bandits ... after
    blocking the highway", "gunmen blocked the road"), or None."""
    token = _token_at(doc, cue)
    agent = _agent(token) if token is not None else None
    if agent is None and token is not None and token.dep_ == "pcomp" and \
            token.head.head.pos_ == "VERB":
        # "bandits abducted 20 travellers after blocking the highway": the verb's subject
        # (or the noun the small parser hung the verb on)
        verb = token.head.head
        agent = next((c for c in verb.children if c.dep_ == "nsubj"), None) or (
            verb.head if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") else None)
    if agent is None:
        return None
    hit = next((m for m in mentions if m.start <= agent.idx < m.end), None)
    return hit.text if hit is not None and hit.category in _ARMED_KINDS else None


def _agent(token: Any) -> Any:
    """The one doer of the word at ``token``, when the parse shows one: the verb's subject,
    the noun a participle describes ("a man demanding money"), the subject of the verb a
    participle adds to ("the man ... handed over a note demanding money", through
    coordinated verbs), or a noun's owner ("his protest"); else None."""
    if token.pos_ == "VERB":
        agents = [c for c in token.children if c.dep_ == "nsubj"]
        if not agents and token.dep_ in ("acl", "relcl") and token.tag_ == "VBG" and \
                token.head.pos_ in ("NOUN", "PROPN"):
            agents = [token.head]
        elif not agents and token.dep_ == "advcl" and token.tag_ == "VBG":
            verb = token.head
            while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            agents = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        agents = [c for c in token.children if c.dep_ == "poss"]
    return agents[0] if len(agents) == 1 else None


def _office_walk(token: Any, heads: frozenset[str]) -> bool:
    """Does ``token``, a modifier, hang (through modifiers, "of" and "for") on a noun of
    ``heads``? (A cue that is no modifier, "stormed the office in protest", does not.)"""
    if token.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    for _ in range(4):
        if token.dep_ not in ("compound", "amod", "nmod", "pobj", "prep", "poss") or \
                token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in heads:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _token_at(doc: Doc | None, cue: Cue) -> Any:
    """The parse's first token inside the cue, or None."""
    if doc is None:
        return None
    return next((t for t in doc if cue.start <= t.idx < cue.end), None)


# years counted from the deed named right after: "four years after an insurgent attack"
_YEARS_AFTER = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|"
                          r"twenty|thirty|several|many)\s+(?:years|decades)\s+(?:after|since)\s+"
                          r"(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a year alone as the time of a deed: "were arrested in 2019", "in 2019, troops killed"
_IN_YEAR = re.compile(r"\b(?:in|during|throughout)\s+(?:(?:early|mid|late)[\s-]+)?((?:19|20)\d\d)\b"
                      r"(?!\s*[-–/]\s*\d)", re.I)


def _year_of_deed(cue: Cue, doc: Doc | None, report_year: int) -> str | None:
    """Why a deed dated by a year alone is history, or None: the parse attaches "in 2021",
    a year two or more before the report's, to the cue's own verb or noun ("police arrested
    14 activists in 2021", "waves of walkouts in 2022" in a 2024 article: the words from the
    cue up to its verb). A year of another word's clause ("a man wanted for a robbery
    committed in 2019") dates nothing of the deed. The report's year or the one before may
    be the deed's own: older summaries date by the year alone (a tally reading of the
    report's year, measured, cost the Burkina Faso and UCDP sets)."""
    token = _token_at(doc, cue)
    if doc is None or token is None:
        return None
    verb, path = token, {token.i}
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        path.add(verb.i)
    own = verb  # the cue's own verb (not a verb of saying it hangs from)
    # a relative clause, an apposition or a clause of when and why says more of what its
    # head's clause tells, at its time: "In 2007, cyberattacks paralysed the websites after
    # the authorities moved a memorial, an episode that also sparked two nights of rioting"
    # (and so does a coordinated clause with no time of its own: "In 2010, a police officer
    # seized a bus, and eight tourists were killed when a rescue went wrong")
    # (a gerund that is a clause's subject is its verb's deed: "Between 1987 and 2006,
    # fighting between the LRA and the army displaced two million")
    while verb.dep_ in ("relcl", "acl", "advcl", "ccomp", "csubj") or (
            verb.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB") or (
            verb.head.i != verb.i and verb.head.dep_ == "appos") or (
            verb.dep_ == "conj" and not any(t.ent_type_ in ("DATE", "TIME")
                                            for t in verb.subtree)):
        verb = verb.head
        path.add(verb.i)
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
            path.add(verb.i)
    for m in _IN_YEAR.finditer(doc.text):
        year = int(m.group(1))
        prep = next((t for t in doc if t.idx == m.start()), None)
        if year < report_year - 1 and prep is not None and prep.head.i in path:
            return f"history ('{m.group(0)}')"
        # (or a noun of the verb's that the year dates: "was destroyed during the siege in
        # 2017, when ... the military retook the city")
        head = prep.head if prep is not None else None
        while head is not None and head.pos_ in ("NOUN", "PROPN", "ADP") and \
                head.head.i != head.i:
            head = head.head
        if year < report_year - 1 and head is not None and head.pos_ in ("VERB", "AUX") and \
                head.i in path and prep.head.i not in path:
            return f"history ('{m.group(0)}')"
    at_the_time = any(c.dep_ == "prep" and c.lower_ == "at" and any(
        g.lower_ == "time" and any(d.lower_ == "the" for d in g.children) for g in c.children)
        for c in own.children)
    years = list(_OLD_YEAR.finditer(doc.text))
    old = [m for m in years if int(m.group(1)) < report_year - 1]
    if at_the_time and old and len(old) == len(years):
        # "a law passed in 2023 triggered student demonstrations at the time": the time the
        # sentence named, its only year, long past
        return f"history ('at the time', '{old[-1].group(0)}')"
    if verb.lemma_ == "be" and any(t.dep_ == "attr" and t.i in path for t in verb.children):
        # a deed named as what something was, not told: its time is the one its clause gives
        # ("fighters were among the groups that laid siege to the city in 2017, a five-month
        # battle that killed 1,100", the battle parsed as what the fighters were)
        within = {t.i for t in verb.subtree}
        for m in _IN_YEAR.finditer(doc.text):
            prep = next((t for t in doc if t.idx == m.start()), None)
            if int(m.group(1)) < report_year - 1 and prep is not None and prep.i in within:
                return f"history ('{m.group(0)}')"
    for token in doc:
        if not _A_YEAR.fullmatch(token.text) or int(token.text) >= report_year - 1:
            continue
        dated = _dated_by_year(token, cue, path)
        if dated is not None:
            return f"history ('{dated}')"
    return None


_A_YEAR = re.compile(r"(?:19|20)\d\d")
_OLD_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# the words that give a year to what follows them: "between 1987 and 2006", "from 2009 to
# 2015" (not "since 2019" or "until 2019": a state that lasts, or one that ended then)
_SPAN_WORDS = frozenset({"between", "from", "to", "and", "in", "during", "throughout", "-",
                         "–"})


def _dated_by_year(year: Any, cue: Cue, path: set[int]) -> str | None:
    """The words that date the deed by ``year`` (a token), or None. The year (or the span
    it ends or starts) belongs to the cue's verb ("Between 1987 and 2006, fighting between
    the LRA and the army displaced two million": the fighting's verb is the clause's), or
    to the noun that is the deed or does it ("the 2013-2018 civil war ... killed 400,000",
    "the 1994 genocide killed"). A year of another word ("arrested under a 2019 law") dates
    nothing of the deed."""
    token, words = year, [year]
    while token.head.i != token.i and (
            token.head.pos_ in ("NUM", "CCONJ", "PUNCT") or
            (token.head.pos_ == "ADP" and token.head.lower_ in _SPAN_WORDS) or
            _A_YEAR.fullmatch(token.head.text)):
        token = token.head
        words.append(token)
    if token.head.i == token.i or token.pos_ == "ADP" and token.lower_ not in _SPAN_WORDS:
        return None
    owner = token.head
    first, last = min(w.i for w in words), max(w.i for w in words)
    doc = token.doc
    named = first > 0 and doc[first - 1].lower_ in ("the", "its", "their", "his", "her", "this",
                                                    "that", "those", "these")
    if not named and (last + 1 < len(doc) and doc[last + 1].tag_ in ("NNS", "NNPS") or
                      owner.tag_ in ("NNS", "NNPS") and token.dep_ != "pobj"):
        # a count: "around 2000 people protested", "between 2000 and 3000 men" (not a year
        # that names the deeds: "the 2019 clashes")
        return None
    said = doc[first:last + 1].text
    if owner.i in path and owner.pos_ in ("VERB", "AUX") and token.pos_ == "ADP":
        return said
    if owner.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nummod", "compound", "amod",
                                                          "nmod", "npadvmod"):
        if owner.i in path and cue.family != "protest" and owner.idx >= cue.start:
            return said  # the noun is the deed: "the 2013-2018 civil war"
        if owner.dep_ in ("nsubj", "nsubjpass") and owner.head.i in path:
            return said  # the noun does the deed: "the 1994 genocide killed"
        if owner.dep_ == "pobj" and owner.head.lower_ in ("in", "during") and named and \
                owner.pos_ == "NOUN" and owner.head.i == owner.head.sent.start and \
                owner.head.head.i in path:
            # the time the sentence opens on: "In the 2012 factory fire, 112 workers were
            # killed" (not a place's number, "in Ouaga 2000", nor a clause's within)
            return said
    return None


_COUNT_BEFORE = re.compile(r"\b(\d+)(?:,\s+(?:including|among them)\s+[^,;.]{1,40},)?\s*$")


def _captives(cue: Cue, doc: Doc | None) -> str | None:
    """The people a passive taking verb of the cue has as its parsed subject ("two soldiers
    were seized"): a count or a word for people, else None. (A count right before the cue,
    "31, including a major, had been captured", is passed over at detection:
    ``Relevance.people_taken``.)"""
    verb = _verb_in(doc, cue)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    if subject.pos_ == "NUM" or subject.like_num or _is_person_word(subject.lemma_) or \
            _is_person_word(subject.text):
        return subject.text
    return None


# an explosion told by its verb (only these are read for what exploded)
_BLOWN = re.compile(r"explod(?:ed|es|ing)|blew up|blown up|blow(?:s|ing)? up", re.I)
# what a force takes over ground: "seized control of", "tightened its grip on"
_HOLD = frozenset({"control", "grip", "hold", "possession", "command"})
# nouns that measure what follows "of": "a haul of", "quantities of", "a consignment of"
_MEASURES = frozenset({"haul", "hauls", "quantity", "quantities", "consignment", "shipment",
                       "cache", "caches", "stash", "load", "batch", "amount", "lot", "lots"})


def _verb_in(doc: Doc | None, cue: Cue) -> Any:
    """The first verb token within the cue ("had been seized": "seized"), or None."""
    if doc is None:
        return None
    return next((t for t in doc if cue.start <= t.idx < cue.end and t.pos_ == "VERB"), None)


def _verb_at(doc: Doc | None, cue: Cue) -> Any:
    """The verb token the cue starts with, or None (a noun cue, no parse)."""
    if doc is None:
        return None
    token = next((t for t in doc if cue.start <= t.idx < cue.end), None)
    return token if token is not None and token.pos_ == "VERB" else None


# abstract nouns by their suffix: no person, group or place is called so
_ABSTRACT = re.compile(r"(?:ity|ities|tion|tions|sion|sions|ment|ments|ness|ance|ances|ence|"
                       r"ences|ship|ism|isms|hood|dom|ure|ures|cy|cies)$")


def _arguments(verb: Any, deps: set[str]) -> list[Any]:
    """The verb's participants with the given labels, through prepositions and shared by
    coordinated verbs ("attacked and beat a prisoner": the prisoner is both verbs')."""
    out: list[Any] = []
    for v in (verb, *verb.conjuncts):
        out.extend(c for c in v.children if c.dep_ in deps)
        for prep in (c for c in v.children if c.dep_ in ("prep", "agent")):
            if prep.dep_ == "agent" or "pobj" in deps:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


@functools.cache
def _person_words() -> frozenset[str]:
    """Words for people: the actor lexicon's words (civilians, forces, groups), singular too."""
    from ..actors import person_words

    words = set(person_words())
    words |= {w[:-1] for w in words if w.endswith("s")}
    return frozenset(words | {"people", "person", "he", "she", "they", "them", "him", "her",
                              "us", "we", "i", "me", "who", "someone", "anyone", "everyone"})


def _is_person_word(word: str) -> bool:
    return word.lower() in _person_words()


__all__ = ["CONFLICT", "Genre", "GenreModel", "Relevance", "Verdict"]
