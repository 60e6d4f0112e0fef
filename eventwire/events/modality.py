"""How an event is told (asserted, reported, claimed, expected, negated, hypothetical) and
who tells it, from the patterns in modality.yaml and the sentence's named entities."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class _Rules:
    order: list[str]
    generic: re.Pattern[str]
    before: dict[str, re.Pattern[str]]
    after: dict[str, re.Pattern[str]]
    sentence: dict[str, re.Pattern[str]]


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@functools.cache
def _rules() -> _Rules:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath("modality.yaml").read_text(encoding="utf-8")
    )
    return _Rules(
        order=list(raw["order"]),
        generic=_join(raw["generic"]),
        before={k: _join(v) for k, v in raw["before"].items()},
        after={k: _join(v) for k, v in (raw.get("after") or {}).items()},
        sentence={k: _join(v) for k, v in raw["sentence"].items()},
    )


# a bare "and"/"or" and at most one word before the cue: a coordination of nouns
_NOUN_AND = re.compile(r"(?:and|or)\s+(?:[\w'’-]+\s+)?", re.I)
# past forms that do not end in -ed: a cue that opens on one is a verb ("threw stones")
_IRREGULAR_PAST = frozenset({"threw", "shot", "beat", "hit", "struck", "fought", "set", "took",
                             "stole", "burnt", "blew", "broke", "stood", "ran", "drove", "held",
                             "led", "overran", "tore", "brought", "caught", "fled", "laid",
                             "sent", "slew", "went", "shook", "retook", "overtook", "withdrew"})


def past_form(word: str) -> bool:
    """Is ``word`` a verb's past form ("shelled", "struck"): a cue that holds one is told by
    its verb, not named by a noun?"""
    word = word.lower()
    return word.endswith("ed") or word in _IRREGULAR_PAST


def nominal_cue(cue: str) -> bool:
    """Is the cue a plural noun phrase ("air strikes", "loud blasts"), not a verb's
    ("killed", "threw stones")?"""
    words = cue.lower().split()
    return bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss") and \
        not words[0].endswith("ing") and not past_form(words[0])


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|as|after|before|when)\b|\b(?:and|but)\b")


def is_generic(sentence: str) -> bool:
    return bool(_rules().generic.search(sentence))


def modality_of(sentence: str, cue_start: int, cue_end: int | None = None) -> str:
    """The modality of the event whose cue spans ``cue_start:cue_end`` in ``sentence``."""
    rules = _rules()
    if cue_end is not None:
        tail = sentence[cue_end:cue_end + 120]
        for name in rules.order:
            after = rules.after.get(name)
            if after is not None and after.search(tail):
                return name
    head = sentence[:cue_start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    # an "and" that joins the cue to a noun before it ("will include artillery and air
    # strikes", "expect heavy traffic and loud blasts") is no clause of its own: the clause
    # goes on before it
    if nominal_cue(sentence[cue_start:cue_end] if cue_end is not None else ""):
        while breaks and _NOUN_AND.fullmatch(head[breaks[-1].start():]):
            breaks.pop()
    clause = head[breaks[-1].end():] if breaks else head
    for name in rules.order:
        before = rules.before.get(name)
        if before is not None and before.search(clause[-80:]):
            return name
        pattern = rules.sentence.get(name)
        if pattern is not None and pattern.search(sentence):
            return name
    return "asserted"


_ROLE = (r"(?:spokes(?:man|woman|person)|commander|minister|official|officials|chief|head|"
         r"governor|mayor|director|general|colonel|captain|lieutenant|sources?|witness(?:es)?|"
         r"residents?|activists?|monitor|observatory|police|army|military|ministry|"
         r"department|agency|office|statement)")
_ATTR_PATTERNS = [
    re.compile(r"\baccording to (?P<who>[^,.;“”\"]{3,120})", re.I),
    re.compile(r"[,”\"]\s*(?:said|says|told \w+|added|stated)\s+(?P<who>[^,.;“”\"]{2,120})"),
    re.compile(r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w.'’-]*|he|she|they|officials|police"
               r"|the \w+(?: \w+)?)\s*,?\s*(?:said|says|told|stated|reported|claimed|announced)\b"),
]
_ATTR_VERB = re.compile(r"said|says|told|added|stated|reported|claimed|announced")
_PRONOUNS = {"he", "she", "they", "it"}


def attribution_of(
    sentence: str,
    people: Mapping[str, str | None],
    last_source: str | None,
) -> str | None:
    """Who the sentence says told the event; ``people`` maps the article's named people to
    their titles (from ``people_with_roles``) so that "said Davis" gets the full name."""
    for i, pattern in enumerate(_ATTR_PATTERNS):
        if i and not _ATTR_VERB.search(sentence):
            break  # the other patterns all need one of these verbs
        m = pattern.search(sentence)
        if not m:
            continue
        who = " ".join(m.group("who").split()).strip(" ,")
        if who.lower() in _PRONOUNS or (
            last_source and re.fullmatch(rf"the {_ROLE}|the (?:captain|colonel|general|major)",
                                         who, re.I)
        ):
            return last_source
        return _full_source(who, people)
    return None


def _full_source(who: str, people: Mapping[str, str | None]) -> str:
    words = who.split()
    surname = words[-1] if words else who
    for person in sorted(people, key=len, reverse=True):
        if person.split()[-1] == surname:
            role = people[person]
            return f"{person}, {role}" if role else person
    return who


_TITLE_TAIL = re.compile(
    r"\s+(?:Navy|Army|Air Force|Marine)?\s*(?:Captain|Colonel|General|Lieutenant|Major|Sergeant|"
    r"Commander|Admiral|Capt\.|Col\.|Gen\.|Lt\.|Maj\.)$"
)


def people_with_roles(text: str, people: list[str]) -> Mapping[str, str | None]:
    """Each named person with the title written before them ("Defense Department
    spokesman Navy Captain Jeff Davis" -> "Defense Department spokesman"). A title is read
    only when asked for: most named people are never anyone's source."""
    return _PeopleRoles(text, people)


class _PeopleRoles(Mapping[str, "str | None"]):
    def __init__(self, text: str, people: list[str]) -> None:
        self._text = text
        self._people = dict.fromkeys(people)  # ordered, no repeats, quick to ask
        self._roles: dict[str, str | None] = {}

    def __iter__(self) -> Iterator[str]:
        return iter(self._people)

    def __len__(self) -> int:
        return len(self._people)

    def __getitem__(self, person: str) -> str | None:
        if person not in self._roles:
            if person not in self._people:
                raise KeyError(person)
            self._roles[person] = _role_of(self._text, person)
        return self._roles[person]


def _role_of(text: str, person: str) -> str | None:
    """The title in the few words just before any mention of ``person`` (and with a role word
    in it: a cheap scan rules most windows out)."""
    start = text.find(person)
    while start >= 0:
        window = text[max(0, start - 120):start]
        m = _TITLE_BEFORE.search(window) if _ROLE_WORD.search(window) else None
        if m:
            return re.sub(r"^the\s+", "", _TITLE_TAIL.sub("", m.group(1).strip()))
        start = text.find(person, start + 1)
    return None


_ROLE_WORD = re.compile(_ROLE)
_TITLE_BEFORE = re.compile(
    rf"((?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,4}}{_ROLE}(?:\s+[A-Z][\w'’.-]*){{0,3}})\s+$"
)
