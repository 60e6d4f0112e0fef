"""Death counts in an event's text -> ``Fatalities(best, low, high)``.

Counts only deaths ("killed", "dead", "died", "fatalities"), never the injured; an explicit
coding note ("Fatalities coded to 10") wins; "at least 12" gives low 12, "up to 20" high 20;
"no casualties" gives zero. Counts in separate clauses add up ("3 soldiers and 2 civilians
were killed"); a count introduced by "including" is part of the one before it. A range
("between 6 to 10") counts its lower figure, as ACLED codes it; a toll over a period ("140
killed in 9 days", "since January") is no one event's count and is not taken.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from .records import Fatalities


@functools.cache
def _words() -> tuple[dict[str, int], dict[str, int]]:
    raw = yaml.safe_load(
        resources.files(__package__).joinpath("fatalities.yaml").read_text(encoding="utf-8")
    )
    return {k: int(v) for k, v in raw["numbers"].items()}, {
        k: int(v) for k, v in raw["vague"].items()
    }


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    numbers, vague = _words()
    word = "|".join(sorted((re.escape(w) for w in (*numbers, *vague)), key=len, reverse=True))
    num = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{word})(?:[- ](?:{word}))?)")
    qual = r"(?:(?P<qual>at least|at most|up to|more than|over|nearly|almost|around|about|some|approximately|an estimated|as many as|fewer than|less than|roughly|a total of|a further|another)\s+)?"  # noqa: E501
    word_not_count = rf"(?!(?:{num})\s)[\w'’-]+\s+"  # a word that is no other count
    who = rf"(?:{word_not_count}){{0,4}}?"
    dead = (r"(?:killed|dead|died|slain|shot dead|massacred|executed|lost (?:their|his|her) "
            r"li(?:fe|ves)|fatally (?:shot|stabbed|wounded|injured|hit|struck)|"
            r"beheaded|beaten to death|burn(?:ed|t) to death|succumbed|perished|"
            r"murdered|assassinated|were killed|was killed|have been killed|had been killed|"
            r"bodies|corpses|lynched|(?:hacked|stabbed|stoned|clubbed|beaten|battered|burn(?:ed|t)|"
            r"trampled) to death|burn(?:ed|t) alive|slaughtered)")
    # "shot and killed", "abducted and later killed": a first harm before the death
    hurt_and = (r"(?:(?:shot|stabbed|hacked|beaten|tortured|attacked|abducted|kidnapped|"
                r"ambushed|raped|injured|wounded)\s+and\s+(?:later\s+|then\s+)?)")
    return {
        # "Fatalities coded to 10", "coded as 3 fatalities", "10 fatalities coded"
        "coded": re.compile(rf"\b(?:fatalities|deaths)\s+(?:were\s+|was\s+)?coded\s+(?:to|as|at)\s+(?P<n>{num})|\bcoded\s+(?:to|as)\s+(?P<n2>{num})\s+(?:fatalit|death)", re.I),  # noqa: E501
        # "12 killed", "at least 5 people were killed", "two soldiers died"
        "subject": re.compile(rf"(?P<pre>\b(?:including|among them|of whom|of which|among whom)\s+)?\b{qual}(?P<n>{num})\s+{who}(?:[\w'’-]*,?\s+(?:including|among them)\s+[^,.;]{{1,60}}?,?\s+(?=were\s|was\s|have\s|had\s|are\s))?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+|are\s+|reportedly\s+|also\s+|later\s+)*{hurt_and}?{dead}\b", re.I),  # noqa: E501
        # "killing 12", "killed at least three people", "kills two"
        "object": re.compile(rf"(?P<pre>\b(?:including|among them)\s+)?\b(?:killing|killed|kills|kill|executed|executing|executes|massacred|massacres|murdered|murdering|murders|lynched|lynching|lynches|lynch|beheaded|beheading|beheads|slaughtered|slaughtering|shot dead|shoots? dead|left|leaving|bodies of|(?:claim(?:ed|ing|s)?|cost|costing) the lives of|(?:led|leading) to the deaths? of|(?:caused|causing|resulted in|resulting in) the deaths? of)\s+{qual}(?P<n>{num})\b(?!\s*(?:km|kilomet|miles|hours|days|years|times|percent|%))(?P<rest>\s+(?:[\w'’-]+\s+){{0,3}}?(?:dead|injured|wounded|hurt))?", re.I),  # noqa: E501
        # "stoned two men to death", "beat 3 suspects to death"
        "to_death": re.compile(rf"\b(?:stoned|stoning|beat|beating|beaten|hacked|hacking|stabbed|stabbing|clubbed|clubbing|battered|burnt|burned|burning)\s+(?:{qual}(?P<n>{num})\s+(?:[\w'’-]+\s+){{0,3}}?to death\b|to death\s+(?:at least\s+|some\s+|about\s+)?(?P<n2>{num})\b)", re.I),  # noqa: E501
        # "12 fatalities", "death toll rose to 30", "5 deaths"
        "noun": re.compile(rf"\b{qual}(?P<n>{num})\s+(?:fatalities|deaths|dead|fatality|death)\b|\bdeath toll\s+(?:\w+\s+){{0,8}}?(?:to|of|at|reached|stands at|is)\s+(?:at least\s+|some\s+|about\s+)?(?P<n2>{num})", re.I),  # noqa: E501
        # "the clashes claimed 5 lives", "cost three lives"
        "lives": re.compile(rf"\b(?:claim(?:ed|ing|s)?|cost|costing|took|taking)\s+{qual}(?P<n>{num})\s+(?:more\s+|other\s+|human\s+)?lives\b", re.I),  # noqa: E501
        # a word every "noun" match holds: a text without one is not scanned for them (most
        # event sentences name no death: the quick scan saves the long one)
        "noun_word": re.compile(r"dead|death|fatalit", re.I),
        # after a count: "in 7 days", "over the past month", "since January"
        "span": re.compile(rf"(?:\s+(?:[\w'’-]+\s+){{0,4}}?)?\s*(?:in|over|during|within)\s+(?:the\s+(?:past|last|previous)\s+)?(?:{num}\s+)?(?:days|weeks|months|years|decades|week|month|year|decade)\b|(?:\s+(?:[\w'’-]+\s+){{0,4}}?)?\s*in\s+(?:early\s+|mid-?|late\s+)?(?:19|20)\d\d\b|(?:\s+(?:[\w'’-]+\s+){{0,4}}?)?\s*since\s+(?:the\s+)?(?:start|beginning|january|february|march|april|may|june|july|august|september|october|november|december|\d{{4}})\b", re.I),  # noqa: E501
        # the first of two coordinated counts before one verb: "3 soldiers and 2 civilians
        # were killed" (searched in the text before the second count)
        "pair": re.compile(rf"(?<![\w-])(?P<n>{num})\s+(?:{word_not_count}){{1,3}}?and\s+$", re.I),  # noqa: E501
        # "between 16 to 25 people": ACLED codes a range's lower figure
        "range": re.compile(rf"\bbetween\s+(?P<n>{num})\s*(?:-|–|to|and)\s*{num}\b", re.I),
        "none": re.compile(r"\b(?:no|without)\s+(?:\w+\s+)?(?:fatalities|casualties|deaths|one was killed|one died|loss of life|victims)\b|\bno (?:one|body|people) (?:was|were) (?:killed|hurt|injured)|\bcasualties unknown|fatalities unknown", re.I),  # noqa: E501
    }


_ACTIVE = re.compile(r"(?:killed|lynched|murdered|slaughtered|massacred|executed|assassinated|"
                     r"beheaded|shot dead)$", re.I)
# a count of animals: "40 cattle", "30 goats" (not "three cattle herders")
_ANIMALS = re.compile(r"\s+(?:head\s+of\s+)?(?:cattle|cows|bulls|oxen|goats|sheep|camels|"
                      r"livestock|animals|donkeys|chickens|pigs|horses|dogs|poultry)\b"
                      r"(?!\s+(?:herders|herdsmen|rustlers|raiders|traders|farmers|keepers|"
                      r"owners|thieves|breeders|herder|rustler|trader|farmer))", re.I)
_HURT_FIRST = re.compile(r"\b(?:injured|wounded|hurt)\b[^.;]*\b(?:including|among them)\b",
                         re.I)
_AUX = re.compile(r"\b(?:were|was|been|are|is|being)\b", re.I)
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
# a quantifier that opens an object's count right after the verb
_COUNT_NEXT = re.compile(r"\s+(?:at least|at most|more than|over|up to|as many as|nearly|"
                         r"almost|around|about|some|an estimated)\s+([\w-]+)", re.I)
# words after a bare "killed" that leave it a headline's passive ("Two killed in raid")
_AFTER_PASSIVE = frozenset({
    "in", "at", "on", "by", "during", "after", "when", "while", "as", "near", "and", "or",
    "from", "with", "over", "yesterday", "today", "last", "this", "early", "late", "overnight",
    "outside", "inside", "across", "along", "around", "following", "amid", "since", "before",
    "between", "among", "within", "under", "into", "per", "each", "but", "so", "then", "also",
    "reportedly", "allegedly", "instantly", "immediately"})


# a death told of "them": "stoned them to death", "killed them", "shot them dead"
_KILLED_THEM = re.compile(
    r"\b(?:(?:killed|killing|executed|executing|lynched|lynching|murdered|beheaded|slaughtered)"
    r"\s+(?:all\s+|both\s+)?them\b|(?:shot|stoned|beat|beaten|hacked|stabbed|clubbed|burn(?:ed|t)|"
    r"bludgeoned)\s+(?:all\s+|both\s+)?them\s+(?:to\s+death|dead)\b)", re.I)
# people counted before: "two young men", "three suspected thieves" (a count as the
# "subject" pattern reads it, fatalities.yaml's words)
_PEOPLE = (r"(?:men|women|people|persons|boys|girls|youths|suspects|thieves|robbers|children|"
           r"villagers|civilians|farmers|herders|traders|soldiers|policemen|officers|fighters|"
           r"militants|passengers|students|workers|brothers|sisters|members)")


@functools.cache
def _counted_people() -> re.Pattern[str]:
    numbers, _vague = _words()
    word = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    return re.compile(rf"\b(?P<n>\d+|{word})\s+(?:[\w'’-]+\s+){{0,2}}?{_PEOPLE}\b", re.I)


def _agent(text: str, m: re.Match[str]) -> bool:
    """Is a subject count the killer's, not the dead's? An active transitive verb with no
    auxiliary, followed by its object: "A gunman killed two people", "One mob lynched a
    thief"; not "Two killed in raid" or "Three were killed"."""
    if _AUX.search(m.group(0)) or not _ACTIVE.search(m.group(0)):
        return False
    count = _COUNT_NEXT.match(text, m.end())
    if count and (count.group(1)[0].isdigit() or count.group(1).lower() in _words()[0]):
        return True  # "A bomb killed at least 14 people": "at" opens the object's count
    nxt = _NEXT_WORD.match(text, m.end())
    return bool(nxt) and nxt.group(1).lower() not in _AFTER_PASSIVE


def _value(token: str) -> int | None:
    numbers, vague = _words()
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    parts = re.split(r"[- ]", token)
    total = 0
    for part in parts:
        if part in numbers:
            value = numbers[part]
            total = total * value if value == 100 and total else total + value
        elif part in vague:
            total += vague[part]
        else:
            return None
    return total or None


# a death a crowd answers ("marched against the killing of a student", "rioted after the
# death of a boy in custody", "demanding justice for the murdered activist"): the cause of
# the protest, told as its grievance, and no death at it
_GRIEVANCE = re.compile(
    r"\b(?:against|over|protest(?:ing|ed|s)?(?:\s+against)?|denounc\w+|condemn\w*|"
    r"demand(?:ing|ed|s)?\s+justice\s+for|justice\s+for|mourn\w*|in\s+memory\s+of|after|"
    r"following|in\s+the\s+wake\s+of|in\s+response\s+to|to\s+protest)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:killings?|murders?|deaths?|lynchings?|assassinations?|shootings?|massacres?|"
    r"murdered|killed|slain)\b(?:\s+of\b[^.;]*)?|"
    # "rioted after one of their colleagues was killed", "after police shot dead a youth"
    r"\b(?:after|following)\s+(?:[\w'’-]+\s+){1,6}?(?:was|were|had been|has been)\s+"
    r"(?:\w+\s+)?(?:killed|shot dead|murdered|lynched)\b[^.;,]*|"
    r"\b(?:after|following)\s+(?:the\s+)?(?:police|officers|policemen|soldiers|troops|"
    r"security forces|guards)\s+(?:had\s+)?(?:allegedly\s+)?(?:shot dead|killed|shot and "
    r"killed)\b[^.;,]*", re.I)


def count_fatalities(text: str, grievance: bool = False) -> Fatalities:
    """Fatalities reported in ``text`` (zero when none are reported). ``grievance``: the
    text tells a protest or a riot, whose cause may be a death ("against the killing of a
    student"): such a death is the protest's grievance, not a death at it."""
    if grievance:
        text = _GRIEVANCE.sub(" ", text)
    pats = _patterns()
    coded = pats["coded"].search(text)
    if coded:
        n = _value(coded.group("n") or coded.group("n2"))
        if n is not None:
            return Fatalities(n, n, n)
    summary = re.search(
        r"(?:^|[.;]\s+)(?P<n>\d+|one|no)\s+(?:fatality|fatalities)\b(?:\s+reported)?\s*(?:[.;,]|$)",
        text.strip(), re.I)
    if summary:  # a closing "1 fatality." sums up the report
        n = 0 if summary.group("n").lower() == "no" else _value(summary.group("n"))
        if n is not None:
            return Fatalities(n, n, n)
    text = pats["range"].sub(lambda m: "at least " + m.group("n"), text)
    best = low = high = 0
    spans: list[tuple[int, int]] = []
    for kind in ("subject", "object", "to_death", "lives", "noun"):
        if kind == "noun" and not pats["noun_word"].search(text):
            continue  # no "dead", "death" or "fatalit..." in it: no noun match
        for m in pats[kind].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            if m.groupdict().get("pre"):
                continue  # "including 3 soldiers": already counted in the total before it
            if m.groupdict().get("n") and _ANIMALS.match(text, m.end("n")):
                continue  # "40 cattle slaughtered": livestock, not people
            if kind == "subject" and _HURT_FIRST.search(m.group(0)):
                continue  # "12 were injured, including a child who later died"
            if kind == "subject" and _agent(text, m):
                continue  # "A gunman killed two people": the count is the killer's
            if kind == "object" and m.group(0).lower().startswith(("left", "leaving")) and \
                    re.search(r"injured|wounded|hurt", m.group("rest") or "", re.I):
                continue  # "leaving 3 injured" (but "killed 3 and injured 5" counts 3)
            if kind == "object" and m.group(0).lower().startswith(("left", "leaving")) and not (
                m.group("rest") and "dead" in m.group("rest").lower()
            ):
                continue
            raw = m.groupdict().get("n") or m.groupdict().get("n2")
            n = _value(raw) if raw else None
            if n is None or n > 100000:
                continue
            if pats["span"].match(text, m.end()):
                continue  # "135 were killed in 7 days": a toll over a period, not one event's
            qual = (m.groupdict().get("qual") or "").lower()
            first = pats["pair"].search(text, 0, m.start()) if kind == "subject" else None
            if first is not None and not any(s < m.start() and first.start() < e
                                             for s, e in spans):
                n += _value(first.group("n")) or 0  # "3 soldiers and 2 civilians were killed"
                spans.append((first.start(), m.start()))
            spans.append((m.start(), m.end()))
            best += n
            low += n
            high += n
            if qual in ("up to", "as many as", "at most", "fewer than", "less than"):
                low -= n
    if best:
        return Fatalities(best, max(low, 0), high)
    if pats["none"].search(text):
        return Fatalities(0, 0, 0)
    them = _KILLED_THEM.search(text)
    if them:
        # "seized two young men ..., beat and stoned them to death": the people counted
        # before the pronoun
        counted = [m for m in _counted_people().finditer(text, 0, them.start())
                   if (_value(m.group("n")) or 0) >= 2]  # ("a group of men": no count)
        if counted:
            n = _value(counted[-1].group("n"))
            return Fatalities(n, n, n)  # type: ignore[arg-type]
    single = re.search(
        r"\b(?:the other|one of them|one of the \w+)\s+(?:\w+\s+)?died\b|"
        r"\b(?:killing|death|murder) of (?:a|an|one|1)\b|"
        r"\b(?:a|an|one|the)\s+(?:[\w'’-]+\s+){0,6}?(?:was|has been|had been)\s+"
        r"(?:\w+\s+)?(?:(?:shot|stabbed|beaten|hacked|attacked|abducted|kidnapped|tortured)"
        r"\s+and\s+(?:later\s+|then\s+)?)?"
        r"(?:killed|shot dead|murdered|beheaded|executed|lynched|beaten to death|"
        r"stabbed to death|hacked to death|found dead|assassinated)\b|"
        r"\b(?:killed|killing|murdered|murdering|lynched|beheaded|executed|assassinated|shot dead)"
        r"\s+(?:a|an|one|the)\s+(?!number|total|few|lot|couple)[\w'’-]+\b|"
        r"\b(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:died|was killed)\b|"
        r"\bthe (?:[\w'’-]+\s+){0,2}?(?:victim|man|woman|boy|girl|child|officer|soldier|"
        r"policeman|driver|resident|civilian|farmer) (?:\w+\s+)?died\b|"
        # a pronoun's death: "the mob lynched him", "he was shot dead", "she died"
        r"\b(?:killed|killing|lynched|lynching|murdered|beheaded|executed|shot)\s+(?:him|her)\b"
        r"(?!\s+(?:in the (?:leg|arm|hand|foot|shoulder|thigh)|and (?:fled|escaped)))|"
        r"\b(?:he|she)\s+(?:was|has been|had been)\s+(?:(?!not\b|never\b)\w+\s+)?"
        r"(?:killed|shot dead|murdered|"
        r"lynched|beheaded|executed|(?:hacked|stabbed|beaten|burnt|burned|stoned) to death)\b|"
        r"\b(?:he|she)\s+(?:later\s+)?died\b|"
        # one person's wounds: "a student who was shot ... succumbed to his injuries"
        r"\bsuccumbed to (?:his|her) (?:[\w'’-]+\s+)?(?:injuries|wounds)\b|"
        # "hacked to death a man", "found the man dead"
        r"\bto death (?:a|an|one)\b|"
        r"\bfound (?:the |a |an )?(?:[\w'’-]+\s+){0,2}?(?:dead|lifeless)\b|"
        # a body found: "the body of a trader was found", "a body was dumped"
        r"\bbody of (?:a|an|one|the|his|her)\b|"
        r"\b(?:a|the) (?:[\w'’-]+\s+)?body (?:was|has been|had been) (?:found|discovered|"
        r"recovered|dumped)\b|"
        # a headline's singular noun: "Police officer killed in Mandera blast"
        r"(?:^|[.;:]\s+)(?:[A-Z][\w'’-]*\s+){0,3}?(?!not\b|never\b)[a-z][\w'’-]*[^\Ws]\s+"
        r"(?:killed|shot dead|"
        r"lynched|murdered|beheaded|(?:stabbed|hacked|beaten) to death)\s+(?:in|at|by|during|"
        r"after|as|when|near|on)\b",
        text,
        re.I,
    )
    if single or _BARE_ONE.search(text):
        return Fatalities(1, 1, 1)
    return Fatalities(0, 0, 0)


# one death told without a determiner, as headlines and terse reports tell it: a bare
# singular object ("Mob lynches suspected thief in Kisii", "Police kill robbery suspect"),
# or a name for the dead ("Chief Ali Noor was shot dead by gunmen"). Plurals ("kill
# herdsmen", "lynch thieves") give no count; an infinitive or a modal ("tried to kill",
# "will kill") no death.
_BARE_ONE = re.compile(
    r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bmay )(?<!\bmight )"
    r"(?<!\bnot )(?<!\bto\s)"
    r"\b(?:[Kk]ill(?:s|ed)?|[Ll]ynch(?:es|ed)?|[Mm]urder(?:s|ed)|[Bb]ehead(?:s|ed)|"
    r"[Ss]hoots? dead|[Ss]hot dead)\s+"
    r"(?:(?!(?:in|at|by|on|and|or|as|after|during|while|when|near|with|for|from|over|"
    r"instantly|outright|himself|herself|itself|themselves|off|time|spree|"
    r"people|children|men|women)\b)[a-z][\w'’-]*\s+){0,2}?"
    r"(?!(?:in|at|by|on|and|or|as|after|during|while|when|near|with|for|from|over|"
    r"instantly|outright|himself|herself|itself|time|spree|off)\b)"
    r"[a-z][\w'’-]*(?<![sS])(?<!men)(?<!people)(?<!children)(?<!folk)(?<!ly)"
    r"(?=\s*(?:[.,;:]|$|\s(?:in|at|on|near|after|during|over|for|outside|inside|along|"
    r"with|as|while|from|and)\b))|"
    r"(?:^|[.;:]\s+|,\s+)(?:[A-Z][\w'’-]+\s+){1,4}(?:was|has been|had been)\s+"
    r"(?:(?:allegedly|reportedly|later|fatally)\s+)?(?:killed|shot dead|murdered|lynched|"
    r"beheaded|assassinated|(?:hacked|stabbed|beaten|stoned|burnt|burned) to death)\b",
    re.M)
