"""Date expressions in news text, resolved against the report date.

``find_dates`` returns every expression it can anchor ("March 5, 2017", "on Sunday",
"yesterday", "last week"); ``event_date`` picks the one that dates an event: the nearest
expression in the event's sentence, else the last one before it in the paragraph, else the
report date. Precision follows ACLED's time_precision: 1 day, 2 week or range, 3 month.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from .fastre import caseless_chars

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# the names as written, capitalized, for other modules' patterns ("In November", "on Friday")
MONTH_NAMES = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len,
                                      reverse=True)) + ")"
WEEKDAY_NAMES = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"

_MONTH_NAMES = ["Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?",
                "July?", "Aug(?:ust)?", "Sep(?:t(?:ember)?)?", "Oct(?:ober)?", "Nov(?:ember)?",
                "Dec(?:ember)?"]
_MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "\b" then _MONTH or _DAY, for a pattern's opening: the same matches, found faster. The re
# module goes at once to the places where a regex can start when the regex opens with a plain
# character or an alternation of them (not with "\b"), so the word-start check comes after
# the first character: "\b" before a word character is (?<!\w) there, (?<!\w.) after it.
# The day's "[0-3]?\d" is "\d" with a second digit when the first is 0-3, tried first: the
# same readings in the same order.
_MONTH_AT_START = r"(?P<month>" + "|".join(
    rf"{name[0]}(?<!\w{name[0]}){name[1:]}" for name in _MONTH_NAMES) + r")\.?"
_DAY_AT_START = r"(?P<day>\d(?<!\w\d)(?:(?<=[0-3])\d)?)(?:st|nd|rd|th)?"
# a year before 1900 only where no word follows it ("Dec. 2, 1805," but not "March 3, 1500
# protesters"); _YEAR_AHEAD is the same year after a day, which makes it no "dm"
_YEAR_AHEAD = r"(?:(?:19|20)\d\d|1[0-8]\d\d(?!\s*[a-z]))"
_YEAR = rf"(?P<year>{_YEAR_AHEAD})"


def _rel_at_start(phrases: str) -> str:
    r"""``\b(?P<rel>phrase|phrase|...)\b`` for a case-blind regex (re.I), written so that
    the re module goes at once to the places where it can start.

    It opens with one plain (case-sensitive) class of the characters that the letters the
    phrases start with match case-blind (eventwire.fastre); the word-start check follows
    it ((?<!\w) before the first character is (?<!\w.) after it), and then the phrases of
    the letter it took, each without its first letter, behind a case-blind look back at
    that letter, in their order. Phrases of other letters cannot match where these do, so
    the first phrase that matches is the same: the same matches as the plain alternation.
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases.split("|"):
        first = phrase[0].lower()
        if not ("a" <= first <= "z"):
            raise ValueError(f"a relative date phrase opens with a letter a-z: {phrase!r}")
        groups.setdefault(first, []).append(phrase[1:])
    letters = "".join(map(re.escape, "".join(caseless_chars(ch) or "" for ch in groups)))
    tails = "|".join(f"(?<={ch})(?:{'|'.join(rest)})" for ch, rest in groups.items())
    return rf"(?P<rel>(?-i:[{letters}])(?<!\w.)(?:{tails}))\b"


# (?=[...]) in a pattern: the letters its alternatives start with, so that the engine passes
# over every other word at once instead of trying each alternative there
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(
        r"(?P<year>(?:1(?<!\w1)9|2(?<!\w2)0)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    # two days of one month: "Dec. 19 and 20, 2001", "19-20 December 2001" (the first day,
    # at a range's precision)
    ("dmy2", re.compile(rf"{_DAY_AT_START}\s*(?:and|&|-|–|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+"
                        rf"(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("mdy2", re.compile(rf"{_MONTH_AT_START}\s+{_DAY}\s*(?:and|&|-|–|to)\s*[0-3]?\d"
                        rf"(?:st|nd|rd|th)?,?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"{_DAY_AT_START}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("mdy", re.compile(rf"{_MONTH_AT_START}\s+{_DAY},?\s+{_YEAR}\b")),
    # "3 March last year", "March 3 last year"
    ("dly", re.compile(
        rf"{_DAY_AT_START}\s+(?:of\s+)?{_MONTH}\s+(?P<which>last|this|next)\s+year\b")),
    ("mdly", re.compile(rf"{_MONTH_AT_START}\s+{_DAY},?\s+(?P<which>last|this|next)\s+year\b")),
    ("dm", re.compile(rf"{_DAY_AT_START}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*{_YEAR_AHEAD})")),
    ("md", re.compile(
        rf"{_MONTH_AT_START}\s+{_DAY}\b(?!\s*,?\s*{_YEAR_AHEAD})(?!\s*(?:km|kilomet))")),
    ("my", re.compile(
        rf"\b(?=[idelmJFMASOND])(?:in\s+|during\s+|early\s+|late\s+|mid-?)?{_MONTH}\s+{_YEAR}\b")),
    # "in February last year", "in March this year": a month of a year told relative to
    # the report's
    ("mly", re.compile(
        rf"\b(?=[idelmJFMASOND])(?:in\s+|during\s+|early\s+|late\s+|mid-?)?{_MONTH}\s+(?:of\s+)?"
        r"(?P<which>last|this|next)\s+year\b")),
    # "In September, a drone hit a market": an article's background, the latest such month
    # before the report's (at a sentence's start, with its comma)
    ("m", re.compile(
        rf"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:In|In early|In late|In mid-)\s*{_MONTH},")),
    # "staged a one-day strike in June over pay": a month alone within a sentence (not one
    # with its day or year, "in June 2019", "in June 5 attacks")
    ("im", re.compile(
        rf"\b(?<=in |In )(?:early |late |mid-)?{_MONTH}\b(?!\.?,?\s*(?:\d|of\b|last\b|this\b|"
        r"next\b))")),
    ("weekday", re.compile(
        r"\b(?=[ltoencMTWFS])(?P<last>last\s+|this\s+|on\s+|early\s+|late\s+|next\s+|coming\s+)?"
        r"(?P<wd>Monday|Tuesday|Wednesday|"
        r"Thursday|Friday|Saturday|Sunday)s?(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("relday", re.compile(_rel_at_start(
        "yesterday|today|tonight|last night|overnight|this morning|this afternoon|this evening|"
        "earlier today|the previous day|the day before|the previous night|a day earlier|"
        "the next day|the following day|tomorrow"), re.I)),
    ("relweek", re.compile(_rel_at_start(
        "last week|this week|earlier this week|past week|the previous week|over the weekend|"
        "last weekend|this weekend|in recent days|past few days|last few days|"
        "several days ago|a few days ago|days ago|next week|coming week"), re.I)),
    ("relmonth", re.compile(_rel_at_start(
        "last month|this month|earlier this month|next month"), re.I)),
]
# every pattern of these kinds has a month name (_MONTH, case as written) in it
_NEED_MONTH = frozenset({"dmy2", "mdy2", "dmy", "mdy", "dly", "mdly", "dm", "md", "my", "mly",
                         "m", "im"})
_ANY_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_ROUGH = re.compile(r"\b(?:around|about|approximately|circa|week of|in the week|between|"
                    r"late|early|mid-|as reported|over the past)\b", re.I)
# "on Tuesday between the rebels and the militias": "between" after a date names the
# parties, not a span of days (which names a day or a month next: "between 3 and 5 May")
_BETWEEN_PARTIES = re.compile(r"\W*between\s+(?!\d|the\s+\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                              r"Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|mid|early|"
                              r"late)\w*)", re.I)
_NOT_EVENT_CONTEXT = re.compile(r"\b(since|until|till|by|from|before)\s*$", re.I)
_WHEN_NEXT = re.compile(r",?\s+when\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    precision: int  # 1 day, 2 week/range, 3 month
    explicit: bool  # names a calendar date (not relative to the report date)
    # the day something was said ("residents said on Wednesday"), not the day of what was
    # told: it yields to any other date of the sentence
    telling: bool = False
    # a day counted from the one told before it ("nine days later", "the next day")
    counted: bool = False
    # a month named alone within a sentence ("staged a one-day strike in June over pay")
    within: bool = False


def parse_date(value: object) -> dt.date | None:
    """A report date from a date, datetime or ISO-like string; None if absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:  # RFC 2822, as feeds and HTTP headers write dates
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(text, None)
    return found[0].date if found and found[0].explicit else None


# an article or a quantifier before a weekday: any such day, not one ("on a Saturday")
_ANY_DAY = re.compile(r"\b(?:a|an|every|each|any|one|some)\s+$", re.I)
# a plan told before a day: the day is ahead of the report when it can be
_PLAN_BEFORE = re.compile(r"\b(?:will|would|plan(?:s|ned)?|announced|called|scheduled|set to|"
                          r"due to|expected to|intends?|to hold|to stage|next)\b", re.I)
# a day something is set for ("a strike for Jan. 20", "scheduled for 3 March")
# a weekday written with its calendar date: "Wednesday 16 December", "Wednesday, Dec. 16"
_DAY_MONTH_NEXT = re.compile(
    r",?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=[JFMASOND])" + _MONTH + r"|(?=[JFMASOND])"
    + _MONTH.replace("?P<month>", "?:") + r"\.?\s+\d{1,2}\b)")
_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?"
                             r"\s+(?:the\s+)?$")
_FOR_DATE = re.compile(r"\bfor\s+(?:on\s+)?$", re.I)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, report: dt.date | None) -> int | None:
    """The year of "5 March" in a report: the latest such date not after the report."""
    if report is None:
        return None
    candidate = _safe_date(report.year, month, day)
    if candidate is None:
        return report.year
    if candidate > report + dt.timedelta(days=7):
        return report.year - 1
    return report.year


def find_dates(text: str, report: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` that can be resolved, in text order."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    has_month = _ANY_MONTH.search(text) is not None
    for kind, pattern in _PATTERNS:
        if kind in _NEED_MONTH and not has_month:
            continue  # no month name anywhere: these patterns cannot match (a quicker scan)
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            bound = None if _WHEN_NEXT.match(text, m.end()) else \
                _NOT_EVENT_CONTEXT.search(text[max(0, m.start() - 8):m.start()])
            # ("since July 2025, when clashes escalated": the date of the "when" clause's deed)
            if bound and bound.group(1).lower() != "from":
                continue  # "since March 2014" bounds a period, it dates no event
            if kind == "weekday" and _ANY_DAY.search(text, max(0, m.start() - 8), m.start()):
                continue  # "on a Saturday morning", "every Friday": no day of its own
            if kind == "weekday" and _DAY_MONTH_NEXT.match(text, m.end()):
                continue  # "Wednesday 16 December": the calendar date names the day
            resolved = _resolve(kind, m, report)
            if resolved is None:
                continue
            date, precision, explicit = resolved
            weekday = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if kind in ("dm", "md") and weekday is not None and report is not None:
                # "Wednesday, December 16" with no year: the year in which it is a Wednesday,
                # the nearest to the report
                want = WEEKDAYS[weekday.group(1).lower()]
                years = [y for y in (report.year, report.year + 1, report.year - 1)
                         if (d := _safe_date(y, date.month, date.day)) and d.weekday() == want]
                if years:
                    date = _safe_date(years[0], date.month, date.day) or date
            window = text[max(0, m.start() - 40):m.start()]
            if kind in ("dm", "md") and report is not None and date < report:
                ahead = _safe_date(date.year + 1, date.month, date.day)
                if ahead is not None and (_FOR_DATE.search(window) or (
                        ahead <= report + dt.timedelta(days=60) and
                        _PLAN_BEFORE.search(text, max(0, m.start() - 120), m.start()))):
                    # "called a strike for Jan. 20", "announced protests in Brussels on Dec.
                    # 18" (eleven days ahead): a day set for, the next one after the report
                    date = ahead
            if bound and (report is None or date <= report):
                continue  # "from March 2014": a past period's start; "a strike from
                # December 14", ahead of the report, is the day a plan starts
            after = text[m.end():m.end() + 16]
            # (only the date's own sentence: "... over the past week.\n\nOn Thursday")
            near = re.split(r"[.!?\n]\s", window[-25:])[-1]
            if precision == 1 and (_ROUGH.search(near) or (
                    _ROUGH.search(after) and not _BETWEEN_PARTIES.match(after))):
                precision = 2
            out.append(DateMention(m.start(), m.end(), m.group(0), date, precision, explicit,
                                   within=kind == "im"))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return _anaphoric(text, _that_month(text, out, taken), taken, report)


# a day told from the one the story told before it: "nine days later", "the next day", "a
# week earlier" (not a span: "for two days"; nor a day told from an event: "two days after
# the attack")
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12, "several": None, "few": None}
_ANAPHORIC = re.compile(
    r"(?<!\bfor )(?<!\bwithin )(?<!\bover )\b(?:(?P<n>\d{1,2}|a|an|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>day|week)s?\s+(?P<dir>later|afterwards|earlier)(?!\s+than\b)"
    r"|the\s+(?P<rel>next|following|previous)\s+(?P<unit2>day|morning|night|week))\b", re.I)


# a month of the year told just before it: "The war ended in 2002 ... a ceasefire signed in
# Luena that April"
# (the month capitalized, as written: "fears that may lead to protests" names no month)
_THAT_MONTH = re.compile(r"\b(?:[Tt]hat|[Tt]he same)\s+(?P<month>" + "|".join(_MONTH_NAMES) +
                         r")\b(?!\.?\s+\d)")
# a year written alone ("in 2002", "the 1994 genocide")
YEAR_WORD = re.compile(r"\b((?:19|20)\d\d)\b")


# a report day to find a text's own days by when none is given (they are only looked for)
ANY_REPORT = dt.date(2000, 1, 3)


def _that_month(text: str, out: list[DateMention],
                taken: list[tuple[int, int]]) -> list[DateMention]:
    """``out`` with each "that April" dated in the year the text named last before it (a
    year alone or a date's); with no year before it, it stays unresolved."""
    added = []
    for m in _THAT_MONTH.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        years = [(y.end(), int(y.group(1))) for y in YEAR_WORD.finditer(text, 0, m.start())]
        years += [(d.end, d.date.year) for d in out if d.end <= m.start()]
        if not years:
            continue
        year = max(years)[1]
        month = MONTHS[m.group("month").lower()]
        added.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, month, 1), 3,
                                 True))
        taken.append((m.start(), m.end()))
    return sorted([*out, *added], key=lambda d: d.start) if added else out


def _anaphoric(text: str, out: list[DateMention], taken: list[tuple[int, int]],
               report: dt.date | None) -> list[DateMention]:
    """``out`` with the days told from the date told just before them ("He was arrested
    nine days later", after "on 3 June 2022": 12 June 2022), at that date's precision (a
    week's for weeks); one with no date before it stays unresolved."""
    if not out:
        return out
    added = []
    for m in _ANAPHORIC.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m.group("rel"):
            n, unit = 1, m.group("unit2").lower()
            sign = -1 if m.group("rel").lower() == "previous" else 1
        else:
            n = int(m.group("n")) if m.group("n").isdigit() else _COUNT_WORDS[m.group("n").lower()]
            unit = m.group("unit").lower()
            sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
        if n is None:
            continue  # "several days later": no day
        days = sign * n * (7 if unit == "week" else 1)
        # the day told before it that this one follows: the last one, unless that puts a
        # day told as past after the report ("'We want justice today,' he said. He was
        # arrested nine days later": the days count from the crime told before)
        anchor = next((d for d in reversed(out) if d.end <= m.start() and d.precision <= 2
                       and (report is None or d.date + dt.timedelta(days=days) <= report)),
                      None)
        if anchor is None:
            continue
        added.append(DateMention(m.start(), m.end(), m.group(0),
                                 anchor.date + dt.timedelta(days=days),
                                 max(anchor.precision, 2 if unit == "week" else 1),
                                 anchor.explicit, counted=True))
    return sorted([*out, *added], key=lambda d: d.start) if added else out


def _resolve(
    kind: str, m: re.Match[str], report: dt.date | None
) -> tuple[dt.date, int, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d, 1, True) if d else None
    if kind in ("dmy2", "mdy2"):
        d = _safe_date(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))
        return (d, 2, True) if d else None
    if kind in ("dmy", "mdy"):
        d = _safe_date(int(g["year"]), MONTHS[g["month"].lower().rstrip(".")], int(g["day"]))
        return (d, 1, True) if d else None
    if kind in ("dm", "md"):
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        if g["month"].lower() == "may" and kind == "md" and m.group(0)[0].islower():
            return None  # "may 3" is rarely a date in lower case
        year = _year_for(month, day, report)
        if year is None:
            return None
        d = _safe_date(year, month, day)
        return (d, 1, True) if d else None
    if kind == "my":
        year, month = int(g["year"]), MONTHS[g["month"].lower().rstrip(".")]
        return (dt.date(year, month, 1), 3, True)
    if report is None:
        return None
    if kind in ("dly", "mdly", "mly"):  # "3 March last year", "in February next year"
        year = report.year + {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        month = MONTHS[g["month"].lower().rstrip(".")]
        if kind == "mly":
            return (dt.date(year, month, 1), 3, False)
        d = _safe_date(year, month, int(g["day"]))
        return (d, 1, False) if d else None
    if kind in ("m", "im"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        if month == report.month:
            return None  # "In December," in a December report: no better than its day
        year = report.year if month < report.month else report.year - 1
        back = (report.month - month) % 12
        if kind == "im" and not 2 <= back <= 8:
            # within a sentence, last month is no better than the report's day, and a month
            # most of a year back may as well be the coming one ("elections in April")
            return None
        return (dt.date(year, month, 1), 3, False)
    if kind == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        back = (report.weekday() - target) % 7
        last = (g.get("last") or "").strip().lower()
        if last in ("next", "coming"):  # ahead of the report: a plan, not an event yet
            ahead = (target - report.weekday()) % 7 or 7
            return (report + dt.timedelta(days=ahead), 1, False)
        if last == "last" and back == 0:
            back = 7
        return (report - dt.timedelta(days=back), 1, False)
    rel = g["rel"].lower()
    if kind == "relday":
        if rel == "overnight" and re.match(r"\s+(?:attacks?|raids?|strikes?|fighting|clashes|"
                                           r"shelling|assaults?|bombardments?)\b",
                                           m.string[m.end():m.end() + 20], re.I):
            return None  # "an overnight attack ... last week": a time of day, not last night
        if rel in ("yesterday", "last night", "overnight", "the previous night"):
            return (report - dt.timedelta(days=1), 1, False)
        if rel in ("the previous day", "the day before", "a day earlier", "the next day",
                   "the following day"):
            return None  # relative to another date, resolved by the caller's context
        if rel == "tomorrow":
            return (report + dt.timedelta(days=1), 1, False)
        return (report, 1, False)
    if kind == "relweek":
        if rel in ("next week", "coming week"):
            return (report + dt.timedelta(days=7), 2, False)
        return (report - dt.timedelta(days=3), 2, False)
    if kind == "relmonth":
        first = report.replace(day=1)
        if rel == "last month":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        elif rel == "next month":
            first = (first + dt.timedelta(days=32)).replace(day=1)
        return (first, 3, False)
    return None


def long_past(mention: DateMention, report: dt.date) -> bool:
    """Does ``mention`` date something more than a year before ``report`` (a month's date
    counting from the month's last day)?"""
    day = mention.date
    if mention.precision >= 3:
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return (report - day).days > 366


def event_date(
    mentions: list[DateMention],
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    report: dt.date | None,
    trigger: int | None = None,
) -> tuple[dt.date | None, int]:
    """The date of an event whose sentence spans ``sentence`` (offsets into the text)."""
    in_sentence = [d for d in mentions if sentence[0] <= d.start < sentence[1]]
    if in_sentence:
        anchor = trigger if trigger is not None else sentence[0]
        best = min(in_sentence, key=lambda d: (d.telling, d.precision, abs(d.start - anchor)))
        return best.date, best.precision
    before = [d for d in mentions if paragraph[0] <= d.start < sentence[0]]
    if before:
        best = before[-1]
        return best.date, best.precision
    if report is not None:
        return report, 2
    return None, 3
