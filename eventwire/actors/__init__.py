"""Actor mentions in a sentence and their ACLED-style names.

Two kinds of mention are found, both from data files beside this module:
named groups (groups.tsv: "ISIS", "Daesh", "the jihadists" -> "Islamic State") and generic
actor words (categories.yaml: "Iraqi forces" -> "Military Forces of Iraq", "gunmen" ->
"Unidentified Armed Group (<country>)"). A generic mention's country comes from a demonym or
"of <country>" beside it, else from the event's place (filled in later by ``name_for``).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ..fastre import caseless_class
from ..ontology import countries, country_iso3, country_name
from ..records import Actor


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # offsets into the text given to ``find_actors``
    end: int
    text: str
    category: str  # a categories.yaml key, or "group" for a named group
    name: str | None  # the group's name; None for a generic mention
    inter: int
    country: str | None  # ISO3 given by the text itself (demonym, "of Iraq")
    armed: bool
    # "JNIM and/or ISGS militants": the two groups one uncertain attribution names
    either: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True)
class _Category:
    key: str
    template: str
    inter: int
    armed: bool


@dataclass(frozen=True, slots=True)
class _Lexicon:
    categories: dict[str, _Category]
    word_category: dict[str, str]  # lower-cased word -> category key
    groups: dict[str, tuple[str, int, str | None]]  # alias (as written) -> current group
    eras: dict[str, list[tuple[str, str, int, str | None]]]  # alias -> (until, name, inter, iso3)
    group_regex: re.Pattern[str] | None
    generic_regex: re.Pattern[str]
    demonym_words: dict[str, str]  # "Iraqi", "Iraq", "South Korean" -> ISO3 (as written)
    definite: frozenset[str]
    ethnic: dict[str, Any]  # categories.yaml's ethnic_militia: template, inter, nouns, not_a_people
    gendarmerie: dict[str, Any]  # categories.yaml's gendarmerie: words, template, police_in


def _data(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def _lexicon() -> _Lexicon:
    raw = yaml.safe_load(_data("categories.yaml"))
    armed = set(raw.get("armed_categories", []))
    categories: dict[str, _Category] = {}
    word_category: dict[str, str] = {}
    for key, spec in raw["categories"].items():
        categories[key] = _Category(key, spec["template"], int(spec["inter"]), key in armed)
        for word in spec["words"]:
            word_category.setdefault(word.lower(), key)

    groups: dict[str, tuple[str, int, str | None]] = {}
    eras: dict[str, list[tuple[str, str, int, str | None]]] = {}
    lines = [ln for ln in _data("groups.tsv").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        group = (row["name"], int(row["inter"]), row["country"] or None)
        until = (row.get("until") or "").strip()
        for alias in row["aliases"].split("|"):
            alias = alias.strip()
            if not alias:
                continue
            if until:
                eras.setdefault(alias, []).append((until, *group))
            else:
                groups.setdefault(alias, group)

    def alt(words: list[str]) -> str:
        return _trie_pattern(words)

    # one case-blind trie of every alias, so the longest wins ("IS Sahel" over "IS"); acronyms
    # and short names must then match their case ("IS", not "is"): see find_actors
    group_regex = (re.compile(rf"(?<![\w-])(?:{_trie_pattern(list(groups))})(?![\w-])", re.I)
                   if groups else None)
    generic_regex = re.compile(rf"(?<![\w-])(?:{alt(list(word_category))})(?![\w-])", re.I)

    demonym_words: dict[str, str] = {}
    for c in countries().values():
        for word in (*(d for d in c.demonyms if len(d) > 2), c.name):
            demonym_words.setdefault(word, c.iso3)
    for alias, rows in eras.items():
        rows.sort()
        groups.setdefault(alias, rows[-1][1:])
    return _Lexicon(
        categories, word_category, groups, eras, group_regex, generic_regex, demonym_words,
        frozenset(raw.get("definite_article") or ()),
        {**raw["ethnic_militia"], "nouns": frozenset(raw["ethnic_militia"]["nouns"]),
         "of_nouns": frozenset(raw["ethnic_militia"].get("of_nouns") or ()),
         "faiths": frozenset(w.lower() for w in raw["ethnic_militia"].get("faiths") or ()),
         "not_a_people": frozenset(raw["ethnic_militia"]["not_a_people"])},
        {"template": raw["gendarmerie"]["template"],
         "words": frozenset(w.lower() for w in raw["gendarmerie"]["words"]),
         "police_in": frozenset(raw["gendarmerie"]["police_in"])},
    )


def _trie_pattern(words: list[str], fold: bool = True, word_start: bool = False) -> str:
    """One regex alternative for many words, as a prefix tree: the re module tries a flat
    alternation word by word at every position, a tree a character at a time. Matching is
    case-blind (compile with re.I) unless ``fold`` is False; at each position the longest
    word that fits is tried first, as in a flat alternation sorted longest first.

    ``word_start``: a match must start a word (no letter, digit, "_" or "-" before it),
    the check the callers would write as ``(?<![\\w-])`` in front (see ``_opening``)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in (word.lower() if fold else word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], top: bool = False) -> str:
        ends = "" in node
        branches = [(_opening(ch, fold, word_start) if top else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie, top=True)


def _opening(ch: str, fold: bool, word_start: bool) -> str:
    """The regex for a trie's first character ``ch``, written so that the re module passes
    over the branches of other first characters quickly (see eventwire.fastre), and finds
    the places where a regex can start at once when the regex opens with an alternation of
    plain characters.

    Case-blind (``fold``): ``ch`` is written as the plain class of exactly the characters
    it matches case-blind (an ASCII ``ch``; any other stays as it is): the same matches.
    ``word_start``: the look back for a word character before the match comes after the
    first character (``(?<![\\w-])`` before it is ``(?<![\\w-].)`` after it), so that the
    regex still opens with the plain character: the same matches."""
    out = (caseless_class(ch) if fold else None) or re.escape(ch)
    if word_start:
        out += r"(?<![\w-][\s\S])"
    return out


_OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def person_words() -> frozenset[str]:
    """Every generic actor word of categories.yaml ("soldiers", "villagers", "gunmen"):
    words for people, read by the relevance stage to tell a harmed person from a thing."""
    return frozenset(_lexicon().word_category)


def find_actors(text: str) -> list[ActorMention]:
    """Every actor mention in ``text``, in order, overlapping mentions resolved (named first)."""
    lex = _lexicon()
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    if lex.group_regex is not None:
        for m in lex.group_regex.finditer(text):
            alias = m.group(0)
            group = lex.groups.get(alias) or _casefold_lookup(lex.groups, alias)
            if group is None:
                continue  # "is" is not "IS": case-sensitive aliases match only as written
            name, inter, country = group
            found.append(ActorMention(m.start(), m.end(), alias, "group", name, inter, country,
                                      armed=inter in (1, 2, 3, 4, 8)))
            taken.append((m.start(), m.end()))
    for m in _PAIRED_PEOPLES.finditer(text):
        # "the Tarvo and Selish communities clashed": two peoples' armed men (ACLED's
        # communal militias); not two nations ("Kenyan and Ugandan herders") or two faiths
        if any(s < m.end() and m.start() < e for s, e in taken) or any(
                w.lower() in lex.ethnic["not_a_people"] or w.lower() in lex.ethnic["faiths"]
                or country_iso3(w) for w in (m.group(1), m.group(2))):
            continue
        for g in (1, 2):
            found.append(_militia(text, m.start(g), m.end(g), m.group(g)))
        taken.append((m.start(), m.end()))
    for m in lex.generic_regex.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group(0).lower()
        cat = lex.categories[lex.word_category[word]]
        start = m.start()
        country: str | None = None
        armed = _ARMED_CROWD.search(text, max(0, start - 40), start) \
            if cat.key == "civilians" and word in _CROWD_NOUNS else None
        if armed is not None:
            # "armed Irigwe youths", "armed herders": a crowd that bears arms is an armed
            # side, its people's militia when the people is named
            people = armed.group(1)
            if people and people.lower() not in lex.ethnic["not_a_people"] and \
                    people.lower() not in lex.ethnic["faiths"] and not country_iso3(people):
                found.append(_militia(text, armed.start(1), m.end(), people))
                taken.append((armed.start(1), m.end()))
                continue
            if not people:
                unk = lex.categories["unidentified"]
                found.append(ActorMention(armed.start(), m.end(), text[armed.start():m.end()],
                                          "unidentified", None, unk.inter, None, True))
                taken.append((armed.start(), m.end()))
                continue
        dem = _demonym_before(text, start)
        if dem:
            start, country = dem
        elif word in lex.ethnic["nouns"] or word in lex.ethnic["of_nouns"]:
            of = _OF_PEOPLE.match(text, m.end())
            if of and of.group(1).lower() not in lex.ethnic["not_a_people"] and \
                    not any(s < of.end() and m.start() < e for s, e in taken):
                # "raiders from the Tarvo community", "attackers belonging to the Selish
                # clan": the people's armed men (ACLED's communal militia), named by the people
                found.append(_militia(text, start, of.end(), of.group(1)))
                taken.append((start, of.end()))
                continue
            people = _PEOPLE_BEFORE.search(text, max(0, start - 40), start) \
                if word in lex.ethnic["nouns"] else None
            if people and people.group(1).lower() not in lex.ethnic["not_a_people"] and \
                    not any(s < people.end(1) and people.start(1) < e for s, e in taken):
                # "Tarvonian raiders": a people's militia, named by the people (ACLED)
                found.append(_militia(text, people.start(1), m.end(), people.group(1)))
                taken.append((people.start(1), m.end()))
                continue
            of = _OF_COUNTRY.match(text[m.end():m.end() + 60])
            if of:
                country = country_iso3(of.group(1), demonyms=False)
        else:
            of = _OF_COUNTRY.match(text[m.end():m.end() + 60])
            if of:
                country = country_iso3(of.group(1), demonyms=False)
        found.append(ActorMention(start, m.end(), text[start:m.end()], cat.key, None, cat.inter,
                                  country, cat.armed))
        taken.append((start, m.end()))
    for m in _paired_forces().finditer(text):
        # "between Ukrainian and Russian forces": the first demonym names forces too
        if any(s < m.end(1) and m.start(1) < e for s, e in taken):
            continue
        mil = lex.categories["military"]
        found.append(ActorMention(m.start(1), m.end(1), m.group(1), "military", None, mil.inter,
                                  country_iso3(m.group(1)), mil.armed))
        taken.append((m.start(1), m.end(1)))
    for m in _plural_demonyms().finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        # "The Iraqis have captured ...": a people named by its demonym acts through its
        # forces; counted ("wounding several Palestinians", "three Afghans"), its people
        kind = "civilians" if _COUNTED.search(text, max(0, m.start() - 30), m.start()) \
            else "military"
        cat = lex.categories[kind]
        found.append(ActorMention(m.start(), m.end(), m.group(0), kind, None, cat.inter,
                                  country_iso3(m.group(0)), cat.armed))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda a: a.start)
    return _merge_heads(text, _join_either(text, found))


# a count right before a people's name: its people, not its forces
_COUNTED = re.compile(r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                      r"eleven|twelve|several|many|some|few|dozens of|scores of|hundreds of|"
                      r"thousands of|(?:at least|more than|over|about) \w+)\s+(?:\w+\s+)?$",
                      re.I)


def _militia(text: str, start: int, end: int, people: str) -> ActorMention:
    """The mention ``text[start:end]`` of a people's armed men: ACLED's communal militia,
    named by the people ("Tarvo Ethnic Militia (<country>)")."""
    ethnic = _lexicon().ethnic
    return ActorMention(start, end, text[start:end], "group",
                        ethnic["template"].replace("{people}", people), int(ethnic["inter"]),
                        None, True)


_EITHER = re.compile(r"\s*and/or\s*|\s+or\s+")


def _join_either(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """Two named groups joined by "and/or" or "or" ("JNIM and/or ISGS militants") are one
    uncertain attribution: ACLED names it "A and/or B", one actor, not the first group. A
    slash is left alone: "Katiba Macina/JNIM" is a group and its alliance, not a doubt."""
    out: list[ActorMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if prev is not None and prev.category == "group" and mention.category == "group" \
                and not prev.either and prev.name != mention.name \
                and _EITHER.fullmatch(text[prev.end:mention.start]):
            out[-1] = ActorMention(prev.start, mention.end, text[prev.start:mention.end],
                                   "group", f"{prev.name} and/or {mention.name}", prev.inter,
                                   prev.country, prev.armed or mention.armed,
                                   either=(prev, mention))
            continue
        out.append(mention)
    return out


@functools.cache
def _paired_forces() -> re.Pattern[str]:
    words = sorted({d for c in countries().values() for d in c.demonyms
                    if len(d) > 3 and d[0].isupper() and not d.endswith("s")},
                   key=len, reverse=True)
    # the same matches as the flat list, faster; the first demonym starts a word
    first = _trie_pattern(words, fold=False, word_start=True)
    body = _trie_pattern(words, fold=False)
    return re.compile(rf"({first})\s+and\s+(?:the\s+)?(?:{body})\s+"
                      r"(?:forces|troops|soldiers|armies|militaries|police)\b")


@functools.cache
def _plural_demonyms() -> re.Pattern[str]:
    words = sorted({d for c in countries().values() for d in c.demonyms
                    if d.endswith("s") and len(d) > 4 and d[0].isupper()}, key=len, reverse=True)
    # the same matches as the flat list, faster; a match starts a word
    body = _trie_pattern(words, fold=False, word_start=True)
    return re.compile(rf"(?:{body})(?![\w-])(?!\s+(?:forces|troops|soldiers|police))")


def _merge_heads(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """Fold a generic head noun into the named group before it ("ISIS militants")."""
    out: list[ActorMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.category != "group"
            and mention.category != "group"
            and text[prev.end:mention.start] == " "
            and mention.country in (None, prev.country)
        ):
            # "Israeli military forces", "police forces": one actor named by two words
            out[-1] = ActorMention(prev.start, mention.end, text[prev.start:mention.end],
                                   prev.category, None, prev.inter, prev.country, prev.armed)
            continue
        if (
            prev is not None
            and prev.category == "group"
            and mention.category != "group"
            and mention.armed
            and text[prev.end:mention.start].strip() in ("", "group")
        ):
            out[-1] = dataclasses.replace(prev, end=mention.end,
                                          text=text[prev.start:mention.end])
            continue
        out.append(mention)
    return out


def shifted(mention: ActorMention, delta: int) -> ActorMention:
    """The same mention with offsets moved by ``delta`` (text -> sentence offsets)."""
    return dataclasses.replace(mention, start=mention.start + delta, end=mention.end + delta)


def forces_before(text: str, pos: int) -> ActorMention | None:
    """"Russian airstrikes", "Israeli shelling": a demonym right before a cue names the
    state forces that carried it out."""
    lex = _lexicon()
    dem = _demonym_before(text, pos)
    if dem is None:
        # "Iranian howitzers repeatedly shelled", "a Chadian jet dropped a bomb": the state's
        # arms named as the doer a few words before the deed
        arms = next(reversed(list(_arms_before().finditer(text, max(0, pos - 80), pos))),
                    None)
        if arms is None or not _LEAD_TO_DEED.fullmatch(text, arms.end(), pos):
            return None
        dem = _demonym_before(text, arms.start())
    if dem is None:
        return None
    start, iso3 = dem
    mil = lex.categories["military"]
    return ActorMention(start, pos, text[start:pos].strip(), "military", None, mil.inter, iso3,
                        mil.armed)


# what may stand between a state's arms and the deed they did: "conducted an", "and rocket"
_LEAD_TO_DEED = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:an?\s+|the\s+)?", re.I)


@functools.cache
def _arms_before() -> re.Pattern[str]:
    words = yaml.safe_load(_data("categories.yaml")).get("arms_words") or []
    return re.compile(rf"(?<![\w-])(?:{_trie_pattern(words)})(?![\w-])", re.I)


_WORD = re.compile(r"[\w'’.-]+")
# a capitalised word (not an acronym) standing just before an armed noun
_PEOPLE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")
# (?<![\w'’-]) is checked after the first capital, as (?<![\w'’-][A-Z]): the same matches,
# and the regex opens with a plain class, so the re module goes from capital to capital
_PAIRED_PEOPLES = re.compile(
    r"([A-Z](?<![\w'’-][A-Z])[a-z]+(?:-[A-Z][a-z]+)?) and (?:the )?([A-Z][a-z]+(?:-[A-Z][a-z]+)?) "
    r"(?:communities|clans|sub-clans|tribes|ethnic groups|herders|herdsmen|pastoralists|"
    r"raiders|militias|militiamen|clansmen|tribesmen)\b")
_OF_PEOPLE = re.compile(r" (?:from|of|belonging to) the ([A-Z][a-z]+(?:-[A-Z][a-z]+)?) "
                        r"(?:community|communities|clan|sub-clan|tribe|ethnic group)\b")
_QUALIFIERS = {"federal", "national", "local", "state"}
# "armed" before a crowd's noun, with a people's name between or not ("armed Tarvo youths")
_ARMED_CROWD = re.compile(r"\b[Aa]rmed\s+(?:([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+)?$")
_CROWD_NOUNS = frozenset({"youths", "youth", "men", "villagers", "residents", "herders",
                          "farmers", "locals", "civilians"})


def _demonym_before(text: str, pos: int) -> tuple[int, str] | None:
    """(start, ISO3) of a demonym or country name that ends just before ``pos``, with an
    optional "'s", "-led" or "federal"/"national"... after it ("Iraq's federal police")."""
    before = text[max(0, pos - 60):pos]
    if not before or not before[-1].isspace():
        return None
    words = list(_WORD.finditer(before))[-4:]
    if words and words[-1].group(0).lower() in _QUALIFIERS:
        words = words[:-1]
    if not words:
        return None
    last = words[-1].group(0)
    for suffix in ("-led", "'s", "’s"):
        if last.endswith(suffix):
            last = last[: -len(suffix)]
            break
    table = _lexicon().demonym_words
    for k in (3, 2, 1):
        if len(words) < k:
            continue
        head = [w.group(0) for w in words[-k:-1]]
        iso3 = table.get(" ".join([*head, last]))
        if iso3:
            return pos - len(before) + words[-k].start(), iso3
    return None


def _strip_suffix(phrase: str) -> str:
    phrase = phrase.strip()
    phrase = re.sub(r"(?:'s|’s)?(?:[- ]led| federal| national| local| state)?$", "", phrase)
    return phrase


def _casefold_lookup(
    groups: dict[str, tuple[str, int, str | None]], alias: str
) -> tuple[str, int, str | None] | None:
    if groups is _lexicon().groups:  # the usual case: one dict look-up
        return _casefold_index().get(alias.lower())
    low = alias.lower()
    for key, value in groups.items():
        if key.lower() == low and not (key.isupper() or len(key) < 4):
            return value
    return None


@functools.cache
def _casefold_index() -> dict[str, tuple[str, int, str | None]]:
    """``_casefold_lookup`` over the lexicon's groups for every alias at once."""
    index: dict[str, tuple[str, int, str | None]] = {}
    for key, value in _lexicon().groups.items():
        if not (key.isupper() or len(key) < 4):
            index.setdefault(key.lower(), value)
    return index


def name_for(mention: ActorMention, event_country: str | None, date: str | None = None) -> Actor:
    """The normalized Actor for a mention, given the event's country (ISO3) and date: a
    group's name can change with time (the Taliban became Afghanistan's state forces)."""
    if mention.either:
        # each group under its own name of the time ("... and/or Islamic State (Sahel)")
        parts = [name_for(m, event_country, date) for m in mention.either]
        return Actor(name=" and/or ".join(a.name for a in parts), inter=parts[0].inter,
                     country=parts[0].country, mention=mention.text)
    if mention.category == "group":
        name, inter, country = mention.name or mention.text, mention.inter, mention.country
        lex = _lexicon()
        alias = next((a for a in lex.eras if a.lower() == mention.text.lower()
                      or mention.text.lower().startswith(a.lower() + " ")), None)
        if alias and date:
            for until, e_name, e_inter, e_country in lex.eras[alias]:
                if date <= until:
                    name, inter, country = e_name, e_inter, e_country
                    break
        if "{country}" in name:
            name = name.format(country=country_name(event_country) or "International")
            country = country or event_country
        return Actor(name=name, inter=inter, country=country, mention=mention.text)
    return category_actor(mention.category, mention.country or event_country, mention.text)


def category_actor(category: str, event_country: str | None, mention: str | None = None) -> Actor:
    """The generic actor of a category ("protesters", "civilians"...) in a country."""
    lex = _lexicon()
    cat = lex.categories[category]
    label = country_name(event_country) or "International"
    template = cat.template
    gendarmerie = lex.gendarmerie
    if category == "police" and mention and not gendarmerie["words"].isdisjoint(
            re.findall(r"[a-z]+", mention.lower())):
        police = event_country in gendarmerie["police_in"]
        template = gendarmerie["template"].replace(
            "{forces}", "Police Forces" if police else "Military Forces")
    if label in lex.definite:
        template = template.replace(" of {country}", " of the {country}")
    return Actor(name=template.format(country=label), inter=cat.inter,
                 country=event_country, mention=mention)
