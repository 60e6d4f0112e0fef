"""What a candidate sentence's parse says about one cue's own words: the place words of a
noun cue's phrase ("shelling of the besieged town of Dilling") and the dates of its own
clause ("died on Saturday" does not date "a commander in the fiercest battles"). The parse
is spaCy's (``eventwire.nlp.parse_sentence``), run only on the sentences that need it: a
sentence that names two places or more, or one in an article a frame governs."""

from __future__ import annotations

from typing import Any

from ..dates import DateMention
from ..geo.geocoder import ADMIN_WORDS
from ..nlp import parse_sentence
from .detect import Cue

_NOMINAL_DEPS = frozenset({"pobj", "pcomp", "dobj", "nsubj", "nsubjpass", "appos"})
_PLACE_PATH = frozenset({"prep", "pobj", "compound", "amod", "det", "appos", "nmod"})
# the words for a town or a region that a place's name may hang from ("the town of Dilling",
# "Bokkos district"); a site's ("square", "campus", "building") name is no place
_TOWN_WORDS = frozenset({"village", "villages", "town", "towns", "city", "cities", "hamlet",
                         "locality", "settlement", "suburb", "neighbourhood", "neighborhood",
                         "quarter", "ward", "area", "colony", *ADMIN_WORDS})
_PLACE_PREPS = frozenset({"in", "at", "near", "on", "of", "outside", "around", "inside",
                          "across", "along", "within", "into", "off"})


def cue_place_words(sentence: str, offset: int, cue: Cue) -> tuple[tuple[int, int], ...] | None:
    """The words of a noun cue's own phrase ("shelling of the besieged town of Dilling",
    "clashes near Bara") as text spans (``offset`` is the sentence's start in the text): a
    place among them is the deed's. None when the cue is no noun of the sentence."""
    doc = parse_sentence(sentence)
    tokens = [t for t in doc if cue.start <= t.idx < cue.end]
    heads = [t for t in tokens if t.head.i == t.i or not (cue.start <= t.head.idx < cue.end)]
    # (a gerund that is a preposition's object or a clause's subject is a noun: "with
    # shelling of the town")
    if len(heads) != 1 or heads[0].dep_ == "ROOT" or not (
            heads[0].pos_ in ("NOUN", "PROPN") or heads[0].dep_ in _NOMINAL_DEPS):
        return None
    # the cue's own place hangs from it by prepositions, through place words only ("of the
    # besieged town of Dilling", "near Bara"); not a place of another deed or thing the
    # phrase names ("a protest against the killing of a man in Tolmar")
    # (a site's name is no town: "outside the Cigli municipality building", "in Armas
    # square", "on Mount Carmel campus")
    own = _place_path(heads[0])
    # the parties' own place is the fight's: "fighting between the army and Fano militiamen
    # near the town of Mota" (the parties themselves are no places)
    between = [g for c in heads[0].children if c.dep_ == "prep" and c.lower_ == "between"
               for g in c.children if g.dep_ == "pobj"]
    for party in between + [j for g in between for j in g.conjuncts]:
        for child in party.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS - {"of"}:
                own += _place_path(child)
    return tuple((offset + t.idx, offset + t.idx + len(t.text)) for t in own)


def _place_path(start: Any) -> list[Any]:
    """``start`` and the words that hang from it by prepositions, through place words only
    ("of the besieged town of Dilling", "near Bara"); a noun that is no town word ends the
    path ("a protest against the killing of a man in Tolmar": the killing's place is not the
    protest's; "clashes between Pokot and Turkana": parties, not places)."""
    own, todo = [start], [start]
    while todo:
        token = todo.pop()
        for child in token.children:
            if child.dep_ not in _PLACE_PATH or (
                    child.dep_ == "prep" and child.lower_ not in _PLACE_PREPS):
                continue
            own.append(child)
            if child.pos_ != "NOUN" or child.lower_ in _TOWN_WORDS:
                todo.append(child)
    return own


def clause_dates(sentence: str, offset: int, cue: Cue,
                 mentions: list[DateMention]) -> list[DateMention]:
    """Of the sentence's dates (``mentions``, offsets into the text, the sentence starting
    at ``offset``), those of the cue's own clause: a date that dates another verb ("died on
    Saturday", "hosted talks over the weekend", "opened in cinemas on Friday") does not date
    a deed told in a noun's phrase or a clause of its own ("a commander in the fiercest
    battles of the war", "sailors who were killed in the attack")."""
    doc = parse_sentence(sentence)
    own = [t for t in doc if cue.start <= t.idx < cue.end]
    if not own:
        return mentions
    span = range(own[0].i, own[-1].i + 1)
    head = next((t for t in own if not (cue.start <= t.head.idx < cue.end) or t.head.i == t.i),
                own[-1])
    verb = _clause_verb(head, span)
    out, own_verb = [], []
    for d in mentions:
        at = [t for t in doc if d.start - offset <= t.idx < d.end - offset]
        # (from the date's own head word: "Saturday night" hangs from "night")
        root = next((t for t in at if not (d.start - offset <= t.head.idx < d.end - offset)
                     or t.head.i == t.i), None)
        dated = _clause_verb(root, range(at[0].i, at[-1].i + 1)) if root is not None else None
        if verb is not None and (dated is verb or (
                dated is not None and not _modifies_noun(verb) and
                not _modifies_noun(dated))):
            # (the clauses of one chain of verbs share their dates; a relative clause's
            # date is its own, and a deed told in one is not dated by the sentence's)
            out.append(d)
            if dated is verb:
                own_verb.append(d)
    # a clause that tells its own time is dated by it, not by another clause's day ("signed
    # a deal on Saturday, even as clashes killed 19 people over the past week")
    return own_verb or out


def _clause_verb(token: Any, phrase: range | None = None) -> Any:
    """The verb whose clause holds ``token``: the token itself or its first verb above, or
    None when a noun lies between (the token qualifies a noun: "a commander in some of the
    fiercest battles", "letters by sailors who were killed" hold no clause of the sentence's
    own verb). The words of ``phrase`` (the one the token is in) do not count."""
    while True:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("NOUN", "PROPN", "PRON") and (phrase is None or
                                                        token.i not in phrase):
            return None


def _modifies_noun(verb: Any) -> bool:
    """Is the verb's clause a noun's modifier ("sailors who were killed", "a film which
    opened on Friday")?"""
    return verb.dep_ in ("relcl", "acl")
