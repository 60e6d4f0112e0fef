"""One article's events, told many times, as incidents.

A news article tells its incident in the lead, again in the body's details, in an official's
account and the other side's, with the toll. The extractor reads each sentence alone, so one
incident comes out as several events. ``merge_tellings`` joins them: a caption and the body
in the same words (``_same_event``); a sentence that goes on with the incident or its crowd
just told ("The attackers ...", "The protesters then ..."); an incident named again ("the
blast"); and any later event of the same kind on the same day at the same place
(``_one_incident``). The first telling leads and keeps the others in ``also_told``; the
most precise date and place and the larger toll win.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import ANY_REPORT, find_dates
from ..geo.relative import haversine_km
from ..records import Event, Place
from .modality import nominal_cue, past_form

_REALIS = ("asserted", "reported", "claimed")


def merge_tellings(events: list[Event], report: dt.date | None = None) -> list[Event]:
    """An article's events (in the order told) with each incident's tellings joined."""
    out = _one_incident(_dedupe(events, report), report)
    _denied_claims(out, report)
    return out


def _denied_claims(events: list[Event], report: dt.date | None) -> None:
    """A claim that the article's own denial answers ("denied reports that its jets had
    carried out air strikes in Kunar", then "posts alleged that aircraft had bombed
    hideouts in Kunar"): violence only claimed (or only reported, where the article denies
    the reports themselves), of the kind and the country denied, near in time, is the
    report denied. It is kept, dropped with that reason."""
    # (harm told as none, "No security personnel were injured", denies the harm, not the
    # deed: the gunfight in which five rebels were killed took place)
    denials = [e for e in events if e.modality == "negated" and e.dropped is None and
               e.event_type in VIOLENT and e.location is not None and
               not _HARM_WORD.fullmatch((e.trigger or "").strip())]
    # (what is only reported is answered when the article denies the reports themselves:
    # "denied reports that aircraft had bombed ...", then "websites reported that warplanes
    # had struck a convoy" and "No ... aircraft carried out any strike")
    reports_denied = any(d.evidence is not None and _DENIES_REPORTS.search(d.evidence.text)
                         for d in events if d.modality == "negated")
    for e in events:
        if e.modality not in ("claimed", "reported") or e.dropped is not None or \
                e.event_type not in VIOLENT or e.location is None:
            continue
        if e.modality == "reported" and not reports_denied:
            continue
        denial = next((d for d in denials if d.event_type == e.event_type and
                       d.location.iso3 == e.location.iso3 and _near_in_time(d, e, report)
                       and not _apart(d.location, e.location)), None)
        if denial is not None and denial.evidence is not None:
            e.dropped = f"denied in the article ('{denial.evidence.text[:80].strip()}')"


# a trigger that names harm alone, not a deed: "injured", "killed", "casualties"
_HARM_WORD = re.compile(r"(?:injur|wound|hurt|kill|harm|casualt|dead|died|die)\w*", re.I)
_DENIES_REPORTS = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|"
                             r"dismisses|refuted|refutes)\s+(?:\w+\s+){0,2}(?:reports?|"
                             r"claims?|allegations?|accounts?|rumou?rs?)\b", re.I)


def _dedupe(events: list[Event], report: dt.date | None = None) -> list[Event]:
    """The same event told twice in one article (a caption and the body, a repeated lead)
    is one event (``_same_event``): the telling with the more precise date and place leads;
    the others are kept in ``also_told``."""
    out: list[Event] = []
    recent: Event | None = None  # the event the last telling told (a new one, or a retelling)
    for e in events:
        twin = next((o for o in out if _same_event(o, e)), None)
        told = recent if recent is not None and recent.dropped is None and \
            recent.modality in _REALIS else next(
                (o for o in reversed(out) if o.dropped is None and o.modality in _REALIS),
                None)  # the last event told as fact (a denial between does not count)
        into = None
        if twin is None and told is not None and (
                _continues_demonstration(told, e, report) or _elaborates(told, e, report)):
            # "Militants attacked an army post ... The attackers opened fire from three
            # sides", "Hundreds marched ... Later the protesters threw stones": the sentence
            # tells more of the event before it
            into = told
        elif twin is None:
            # an incident told before, named again ("The explosive device went off under
            # the lead vehicle", "police confirmed the attack", "the strike had killed"),
            # or claimed ("JNIM claimed responsibility, saying its fighters had killed 21
            # soldiers")
            into = next((o for o in reversed(out) if _retells(o, e, report)), None) or \
                _claimed_for(out, e, report)
        if into is not None:
            # one event, coded by the most that happened at it, with the larger toll
            if _DEMO_RANK.get(e.sub_event_type, 0) > _DEMO_RANK.get(into.sub_event_type, 0):
                into.sub_event_type, into.event_type = e.sub_event_type, e.event_type
                into.disorder_type = e.disorder_type
            if e.evidence and e.evidence not in into.also_told:
                into.also_told.append(e.evidence)
            if _sharper_place(into, e) and _contains(into.location, e.location):
                # the body names the spot the lead set in its region ("a police station in
                # the province", then "the Daraban police station in Dera Ismail Khan")
                into.location = e.location
            if (e.fatalities.best or 0) > (into.fatalities.best or 0) and not (
                    e.modality == "claimed" and into.fatalities.best):
                # (a side's claimed toll does not outbid a toll already reported)
                into.fatalities = e.fatalities
            recent = into
            continue
        if twin is None:
            # (the violence told last before it: an older incident recalled, not the news)
            last = next((o for o in reversed(out) if o.event_type in VIOLENT and (
                o.dropped is None or o.dropped.startswith("history"))), None)
            past = last if last is not None and _recalls(last, e) else None
            if past is not None:
                # "a survivor who was wounded in the shooting", the massacre of 2014 told
                # before: that history again
                e.dropped = f"history (tells again the incident of {str(past.date)[:7]})"
            out.append(e)
            if e.dropped is None and e.modality in _REALIS:
                recent = e
            continue
        recent = twin
        if _precision(e) < _precision(twin):  # the new telling says more: it leads
            out[out.index(twin)] = e
            e.also_told = [*twin.also_told, *([twin.evidence] if twin.evidence else [])]
        elif e.evidence and e.evidence not in twin.also_told and e.evidence != twin.evidence:
            twin.also_told.append(e.evidence)
    return out


VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _family(e: Event) -> str | None:
    """The kind of incident an event is part of: violence, a riot, a demonstration, or the
    destruction and looting that accompany them, arrests, or a taking of ground; other
    developments stand alone."""
    if e.sub_event_type in (*_TERRITORY, "Non-violent transfer of territory"):
        return "territory"  # (ACLED files two of them under Battles)
    if e.event_type in VIOLENT:
        return "violence"
    if e.event_type in _DEMO_TYPES:
        return "riot" if e.event_type == "Riots" else "demonstration"
    if e.sub_event_type == "Looting/property destruction":
        return "damage"
    if e.sub_event_type == "Arrests":
        return "arrest"
    if e.sub_event_type == "Disrupted weapons use":
        return "disrupt"  # a cache or a launcher found, told again
    return None


# kinds of incident that can be one: a riot is a demonstration's or an attack's violence;
# damage is done at a riot or in an attack; an arrest told again ("those arrested") is one
_COMPATIBLE = {frozenset(p) for p in (("violence",), ("riot",), ("demonstration",),
                                      ("damage",), ("arrest",), ("territory",),
                                      ("disrupt",),
                                      ("violence", "riot"),
                                      ("demonstration", "riot"), ("violence", "damage"),
                                      ("riot", "damage"))}


def _one_incident(events: list[Event], report: dt.date | None = None) -> list[Event]:
    """An article tells its incident many times: the lead, then the body's details, an
    official's account, the other side's, the toll ("Six soldiers were killed when their
    vehicle struck a roadside bomb ... The explosion hit a supply convoy ... 'An armoured
    vehicle hit an improvised explosive device,' the statement said"). A later event told as
    fact of the same kind (violence, or a demonstration and the crowd's violence at it; the
    looting and burning at either; arrests) on the same day (or with no day but the report's) and
    at the same place (or none of its own, or the region that holds it) is that incident,
    unless its sentence marks another ("in a separate attack", "elsewhere", "last week") or
    both name different armed groups. It joins the first telling (``also_told``), which
    keeps its type (a demonstration takes the most that happened at it) and the larger
    toll. An incident at another place or on another day stays its own event."""
    out: list[Event] = []
    for e in events:
        fam = _family(e)
        into = None
        if fam is not None and e.dropped is None and e.modality in _REALIS and \
                e.evidence is not None and not _marks_another(e.evidence.text):
            fits = [o for o in out if o.dropped is None and o.modality in _REALIS
                    and _joins(o, e, fam) and _near_in_time(o, e, report) and _same_area(o, e)]
            # (of two it could join, the one on its own day: Thursday's scuffles, not
            # Wednesday's rally)
            into = next((o for o in fits if e.date and o.date == e.date), fits[0] if fits
                        else None)
        if into is None:
            out.append(e)
            continue
        # the telling that says more of when and where leads ("a village in the Sagaing
        # region ..., residents said on Wednesday", then "bombs on Let Pan Hla village ... on
        # Tuesday")
        if e.location is not None and (into.location is None or _sharper_place(into, e)):
            # (a place the telling names itself: not the article's place it fell back on)
            into.location = e.location
        if e.actor1 is not None and e.sub_event_type == into.sub_event_type and (
                into.actor1 is None or (
                into.actor1.name.startswith(_NO_DOER) and not _anonymous(e.actor1.name))):
            # the telling that names the doer says who ("with shelling of Dilling", then
            # "RSF artillery shelled Dilling")
            into.actor1, into.actor2 = e.actor1, e.actor2 or into.actor2
        if e.date and (not into.date or e.time_precision < into.time_precision or (
                e.time_precision == into.time_precision >= 2 and str(e.date) < str(into.date))):
            # of two loose days, the earlier: a source speaks after the event
            into.date, into.time_precision = e.date, e.time_precision
        # a crowd's violence makes the demonstration violent (a clash told first, "during a
        # demonstration" after it, is a violent demonstration); a mob's stays a mob's
        if _DEMO_RANK.get(e.sub_event_type, 0) > _DEMO_RANK.get(into.sub_event_type, 0) and \
                into.sub_event_type != "Mob violence":
            into.sub_event_type, into.event_type = e.sub_event_type, e.event_type
            into.disorder_type = e.disorder_type
        for told in (e.evidence, *e.also_told):
            if told is not None and told not in into.also_told and told != into.evidence:
                into.also_told.append(told)
        if (e.fatalities.best or 0) > (into.fatalities.best or 0):
            into.fatalities = e.fatalities
    return out


# actors that name no doer: a violent deed's first telling may not say who did it
_NO_DOER = ("Unidentified", "Civilians")


def _sharper_place(into: Event, e: Event) -> bool:
    """Does ``e`` name a place of its own more precise than ``into``'s?"""
    return e.location is not None and into.location is not None and _own_place(e) and \
        (e.location.geo_precision or 9) < (into.location.geo_precision or 9)


def _own_place(e: Event) -> bool:
    """Does the event's sentence name its place?"""
    return bool(e.location is not None and e.location.mention and e.evidence is not None and
                e.location.mention in e.evidence.text)


def _near_in_time(first: Event, e: Event, report: dt.date | None) -> bool:
    """The same day, or no day of its own (the report's), or days a week apart of which one
    is told loosely (a source's "said on Wednesday" for a strike on Tuesday)."""
    if _same_day(first, e, report):
        return True
    apart = _days_apart(first, e)
    return apart is not None and max(first.time_precision, e.time_precision) >= 2 and apart <= 7


def _within_week(first: Event, e: Event) -> bool:
    """Are the two events' days (both readable) at most a week apart?"""
    apart = _days_apart(first, e)
    return apart is not None and apart <= 7


def _days_apart(first: Event, e: Event) -> int | None:
    """Days between the two events' dates, or None when either has no readable date."""
    try:
        return abs((dt.date.fromisoformat(str(first.date)) -
                    dt.date.fromisoformat(str(e.date))).days)
    except ValueError:
        return None


def _same_area(first: Event, e: Event) -> bool:
    """The same place, or none named in the later telling's own sentence, or one holds the
    other: a region and a village in it."""
    la, lb = first.location, e.location
    if la is None or lb is None or not _own_place(e):
        return True
    if la.mention and (la.geo_precision or 3) <= 2 and e.evidence is not None and re.search(
            r"\b" + re.escape(la.mention) + r"\b", e.evidence.text):
        # the later telling names the first one's place too ("the base on the northern
        # edge of Balcad, about 30 km north of Mogadishu"), wherever it placed itself
        return True
    return _same_place(la, lb) or _contains(la, lb) or _contains(lb, la)


def _joins(first: Event, e: Event, family: str) -> bool:
    """Can ``e`` (of ``family``) be a further telling of ``first``, by their kinds and
    actors? A demonstration and the crowd's violence at it, or the looting and burning at a
    riot or an attack, are one incident (``_COMPATIBLE``); two deeds of armed violence are
    one only when of the same kind (ACLED codes a clash, the shelling and the air strikes
    of one day in one town as three events); never two different named groups
    ("Al-Shabaab fighters ..." then "ISWAP fighters ...")."""
    kind = _family(first)
    if kind is None or frozenset((kind, family)) not in _COMPATIBLE:
        return False
    if kind == family == "violence" and first.sub_event_type != e.sub_event_type and not (
            first.event_type == e.event_type == "Explosions/Remote violence" and
            _BARE_BLAST.fullmatch((e.trigger or "").strip())):
        # (but a blast told with no weapon of its own, "heard a single loud blast", is the
        # sound of the grenade or the bomb told before it)
        return False
    if kind == family == "violence" and first.evidence is not None and \
            e.evidence is not None and first.evidence.start == e.evidence.start:
        return False  # two deeds of one sentence ("liberated the airport, and the base ...")
    if more_of_them(e):
        return False  # "using improvised explosive devices": more incidents than the one told
    if e.sub_event_type in _TERRITORY and first.sub_event_type in _TERRITORY and \
            not (_object_words(first) & _object_words(e)):
        return False  # "captured villages", then "liberated the airport": two takings
    # (a town entered "without fighting", then "took control of the town's police station"
    # on that day: one taking)
    return not _other_groups(first, e)


def _other_groups(first: Event, e: Event) -> bool:
    """Do the two events name groups of their own, none of them shared?"""
    named = [{a.name for a in (x.actor1, x.actor2) if a is not None and not _anonymous(a.name)}
             for x in (first, e)]
    return bool(named[0] and named[1] and not named[0] & named[1])


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# (of a plural: "that air strikes had killed" is a clause, not "that strike")
_DETERMINERS = frozenset({"the", "these", "those", "both", "its", "their", "his", "her"})


_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "several", "both", "dozens", "scores"})


_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "men", "people", "ies")


def more_of_them(e: Event) -> bool:
    """Is ``e``'s trigger a bare plural noun ("using improvised explosive devices", no "the"
    or "these" before it): incidents of its kind, not the one told before?"""
    if e.evidence is None or not e.trigger:
        return False
    words = e.trigger.split()
    head = words[-1].lower()
    # a deed ("threw stones", "fired rockets") is told by a verb; a participle before two
    # more words qualifies a noun ("improvised explosive devices")
    noun = nominal_cue(e.trigger) or (len(words) >= 3 and words[0].lower().endswith("ed"))
    if len(head) < 4 or not noun or not head.endswith("s") or \
            head.endswith(("ss", "us", "is", *_PEOPLE_ENDINGS)):
        return False  # "sending demonstrators running": people, not incidents
    at = e.evidence.text.find(e.trigger)
    if at >= 0 and not e.evidence.text[:at].strip(" \"“‘'") and \
            e.event_type == "Explosions/Remote violence":
        return False  # "Shells fell on houses": munitions the sentence opens on, its incident's
    before = e.evidence.text[:at].split()[-1:] if at >= 0 else []
    # "two bombs", "the rockets": a counted or a known set is the incident's
    return not any(w.lower() in _DETERMINERS or w.isdigit() or w.lower() in _COUNTS
                   for w in [*before, *words[:-1]])


def _object_words(e: Event) -> set[str]:
    """The words of a trigger that can name what was taken ("the Mosul airport")."""
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", e.trigger or "")[1:]}


def _anonymous(name: str) -> bool:
    """An actor that tells no incident from another: unidentified, civilians, a crowd, or
    the state's forces (the army and the police are at most incidents of a country)."""
    return name.startswith(("Unidentified", "Civilians", "Protesters", "Rioters",
                            "Police Forces of", "Military Forces of", "Government of")) or \
        "Communal Militia" in name


def _same_event(a: Event, b: Event) -> bool:
    """Told twice: in two sentences, in the same words ("a roadside bomb struck" in a
    caption, "a roadside bomb hit" in the body), with the same type, actors, day and place.
    Two captures named in one sentence, or near one town in other words, stay two."""
    if (a.dropped is None) != (b.dropped is None) or a.sub_event_type != b.sub_event_type:
        return False
    if a.evidence is None or b.evidence is None or a.evidence.start == b.evidence.start or \
            (a.trigger or "").lower() != (b.trigger or "").lower():
        return False
    if (a.actor1.name if a.actor1 else None) != (b.actor1.name if b.actor1 else None) or \
            (a.actor2.name if a.actor2 else None) != (b.actor2.name if b.actor2 else None):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if (a.modality in _REALIS) != (b.modality in _REALIS):
        return False
    la, lb = a.location, b.location
    if la is None or lb is None:
        return la is lb
    return _same_place(la, lb)


def _apart(la: Place, lb: Place) -> bool:
    """Two places each named to a town or a district, by other names ("denied reports that
    a second grenade exploded in the neighbouring town": not the blast told in Datu Piang,
    however near)."""
    return (la.geo_precision or 3) <= 2 and (lb.geo_precision or 3) <= 2 and \
        la.name != lb.name and (la.lat, la.lon) != (lb.lat, lb.lon)


def _same_place(la: Place, lb: Place, near_km: float = 25.0) -> bool:
    """Two events' places are one: the same name, or within ``near_km`` (25 km)."""
    if la.name == lb.name:
        return True
    if None in (la.lat, la.lon, lb.lat, lb.lon) or la.iso3 != lb.iso3:
        return False
    return haversine_km(la.lat, la.lon, lb.lat, lb.lon) <= near_km  # type: ignore[arg-type]


# words for a violent incident, and for its doers
_INCIDENT_WORDS = (r"attacks?|assault|ambush|raid|clash(?:es)?|fighting|fought|blast|"
                   r"explosion|bombing|bombed|shelled|shooting|violence|incident")
_INCIDENT = re.compile(_INCIDENT_WORDS, re.I)
# an incident named with a definite word: "in the shooting", "that massacre"
_DEFINITE_INCIDENT = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+)?(?:" + _INCIDENT_WORDS +
                                r"|massacres?|killings?|shootings|bombings|siege)\b", re.I)


def _recalls(past: Event, e: Event) -> bool:
    """Does ``e``, violence with no day of its own, name ``past``, an incident the article
    tells as history, with a definite word ("a survivor who was wounded in the shooting"
    after the massacre of 2014), at its place (or none of its own)?"""
    if past.dropped is None or not past.dropped.startswith("history") or \
            e.dropped is not None or e.evidence is None or e.time_precision < 2 or \
            past.event_type not in VIOLENT or e.event_type not in VIOLENT or \
            not _DEFINITE_INCIDENT.search(e.evidence.text) or _marks_another(e.evidence.text):
        return False
    return _same_area(past, e)


# a sentence that opens on the incident or its doers already told: "The attackers ...",
# "The blast ...", "Later, the gunmen ..."
_ANAPHOR = re.compile(
    r"^(?:(?:later|then|afterwards|after that|during the \w+),?\s+)?(?:the|these|those)\s+"
    r"(?:(?:\w+-)?\w+\s+)?(?:attackers?|assailants?|gunmen|gunman|militants?|fighters|raiders|"
    r"insurgents|rebels|" + _INCIDENT_WORDS + r")\b", re.I)


def _elaborates(first: Event, e: Event, report: dt.date | None = None) -> bool:
    """Does ``e`` tell more of ``first``, the event told just before it: a violent event in
    a sentence that opens on that incident or its doers ("The attackers, armed with rifles,
    opened fire on the post"), on the same day (or with no date but the report's) and at
    the same place (or none of its own)?"""
    if first.dropped is not None or e.dropped is not None or e.evidence is None:
        return False
    if first.modality not in _REALIS or e.modality not in _REALIS or \
            first.event_type not in VIOLENT or e.event_type not in VIOLENT:
        return False
    told = e.evidence.text.strip()
    trigger = (e.trigger or "").strip()
    if _marks_another(told):
        return False  # "In a separate incident, two men were killed"
    # a toll, or a witness's words of harm or of the incident, with no doer of their own
    # ("The wounded were taken to a clinic", "'They were shooting everybody,' said a
    # farmer") tell the same incident; a quote that tells another deed ("'They have captured
    # villages,' he said") is its own event
    own_doer = e.actor1 is not None and not e.actor1.name.startswith("Unidentified") and \
        e.actor1.name not in {a.name for a in (first.actor1, first.actor2) if a is not None}
    aftermath = not own_doer and bool(_HARM_ONLY.fullmatch(trigger) or (
        _QUOTED.match(told) and (_HARM_ONLY.search(trigger) or _INCIDENT.search(trigger))))
    if not aftermath and not _ANAPHOR.match(told) and not (
            _INCIDENT.fullmatch(trigger) and re.search(
                r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?" + re.escape(trigger) + r"\b", told,
                re.I)):
        return False  # "No group has claimed the attack": the incident told before
    # (a toll told later may carry only the day it was told: "said on Saturday that two of
    # the wounded had since died")
    # (and a witness's quoted words carry the day they were spoken)
    # (and a toll with no day of its own has the day its paragraph told: "On Friday the toll
    # rose to four ... More than 30 people were injured")
    loose = e.time_precision >= 2 or bool(_QUOTED.match(told)) or \
        not find_dates(told, report or ANY_REPORT)
    return _same_day_and_place(first, e, report) or (
        aftermath and loose and (_days_apart(first, e) or 0) <= 7 and _same_area(first, e))


_CLAIM_OF = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:\w+\s+)?responsibility\b|\bclaimed\s+"
                       r"(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attack|ambush|raid|bombing|"
                       r"strike|killing)s?\b", re.I)


def _claimed_for(out: list[Event], e: Event, report: dt.date | None) -> Event | None:
    """The incident a claim of responsibility is for: the last violent event told as fact
    before it, near in time and in the same area, when ``e``'s sentence claims one and
    names no place of its own (the claim's own account of the deed, with its toll, is the
    same incident, whatever kind of deed it names)."""
    # (a claim's seizure or destruction is the attack's too: "claimed responsibility,
    # saying its fighters had raided a barracks and seized arms and ammunition")
    if e.dropped is not None or e.evidence is None or (
            e.event_type not in VIOLENT and e.sub_event_type not in _SPOILS) or \
            not _CLAIM_OF.search(e.evidence.text) or _marks_another(e.evidence.text) or \
            _own_place(e):
        return None
    # (a claim's day is the claim's: "claimed the attack ... on Saturday" of Friday's raid)
    return next((o for o in reversed(out) if o.dropped is None and o.modality in _REALIS and
                 o.event_type in VIOLENT and o.evidence is not None and
                 o.evidence.start != e.evidence.start and (
                     _same_day(o, e, report) or _within_week(o, e))), None)


def _retells(first: Event, e: Event, report: dt.date | None = None) -> bool:
    """Does ``e`` name ``first``, an incident told as fact before it, again: its sentence
    names the incident with a definite word ("The explosive device went off", "confirmed
    the attack", "The abduction complicates the talks", "the strike had killed",
    "condemned both attacks"), by ``e``'s own trigger or ``first``'s, both violent or both
    a demonstration, on the same day (or none but the report's) and at the same place (or
    none of its own, or within 50 km)?"""
    if first is e or first.dropped is not None or e.dropped is not None or \
            e.evidence is None or first.modality not in _REALIS or e.modality not in _REALIS:
        return False
    if not (first.event_type in VIOLENT and e.event_type in VIOLENT) and not (
            first.event_type == e.event_type == "Protests"):
        return False
    if first.evidence is not None and first.evidence.start == e.evidence.start:
        return False  # two deeds of one sentence ("liberated the airport, and the base ...")
    told = e.evidence.text
    if _marks_another(told):
        return False
    # the incident's own word, ``e``'s or ``first``'s, when the cue names one ("drone
    # strike", "roadside bomb", "attack"), not a deed told with its object ("retook the
    # river port": "the port" is no incident)
    # (a longer cue with no article is a compound noun: "improvised explosive device")
    # (a weapon ``e`` tells by its deed, "The drone struck", names only a deed of its kind)
    if not _names_incident(first.trigger or "", told) and \
            not _names_incident(e.trigger or "", told) and not (
                first.sub_event_type == e.sub_event_type and
                _names_incident(_instrument(e.trigger or "") or "", told)):
        return False
    if _other_groups(first, e):
        return False  # "the Blue Lion raided ...": another group's deed
    if _REACTED.search(told) and _near_in_time(first, e, report):
        # "was appalled by the attacks on civilians in El Obeid and Dilling", "condemned
        # the bombing": a reaction to the incidents told, not another
        return True
    where = _REFERRED.search(told) or _NAMED_BEFORE.search(told)
    if where is not None and _near_in_time(first, e, report) and (
            first.evidence is not None and any(
                re.search(r"\b" + re.escape(where.group("name")) + r"\b", t.text)
                for t in (first.evidence, *first.also_told))):
        # "the army reinforced its border posts following the attack at Mangaize": the
        # incident referred to by its place, told before, wherever the sentence is
        return True
    # the incident named again may name its spot nearer ("the device was planted near the
    # village of Tajori" after "a bomb struck ... in Lakki Marwat district")
    return _same_day_and_place(first, e, report, near_km=50.0)


def _incident_head(trigger: str) -> str | None:
    """The noun a cue names its incident by: its last word ("drone strike", "roadside
    bomb", "attack"); none for a weapon told by its verb ("drone struck": ``_instrument``),
    a deed told with its object ("retook the river port") or a longer phrase with an
    article."""
    words = trigger.split()
    if len(words) > 2 and re.search(r"\b(?:the|a|an|of)\b", trigger, re.I):
        return None
    if _instrument(trigger) is not None:
        return None  # "drone struck": a verb, no incident's name (``_instrument``)
    head = words[-1] if words else ""
    return head if len(head) > 3 and head.isalpha() else None


def _instrument(trigger: str) -> str | None:
    """The weapon a cue told as a deed names before its verb ("drone struck": the drone)."""
    words = trigger.split()
    if len(words) == 2 and past_form(words[1]) and not _INCIDENT.fullmatch(words[1]) and \
            len(words[0]) > 3 and words[0].isalpha():
        return words[0]
    return None


# a reaction to an incident named with a definite word: "appalled by the attacks",
# "condemned the bombing", "deplored these killings"
_REACTED = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|denounc\w+|deplor\w+|appalled|outraged|shocked|horrified|"
    r"saddened|dismayed|alarmed|mourn\w*)[\"”’']?\s+(?:(?:by|at|over|of)\s+)?"
    r"(?:the|these|those|both|this|that)\s",
    re.I)
# an incident referred to as the cause or the time of another deed, by its place:
# "following the attack at Mangaize", "in retaliation for the raid on Dorrin"
# ... or by its place named before it: "those responsible for the Tibu attack"
_REFERRED_NOUNS = (r"(?:attacks?|assaults?|raids?|ambush(?:es)?|bombings?|blasts?|explosions?|"
                   r"strikes?|massacres?|killings?|clashes|fighting|offensive)")
_NAMED_BEFORE = re.compile(
    r"\b(?:for|of|after|following|since|over|behind|in)\s+(?:the|last week's|"
    r"[A-Z][a-z]+day's)\s+(?P<name>[A-Z][\w'’-]+)\s+" + _REFERRED_NOUNS + r"\b")
_REFERRED = re.compile(
    r"\b(?:following|after|since|in the wake of|in response to|in retaliation for|in "
    r"reprisal for|in revenge for|days after|a day after)\s+(?:the|this|that|last week's|"
    r"[A-Z][a-z]+day's)\s+(?:[\w'’-]+\s+){0,2}?" + _REFERRED_NOUNS +
    r"\s+(?:at|on|in|near|against)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+)")


def _names_incident(trigger: str, told: str) -> bool:
    """Does ``told`` name the incident of ``trigger`` with a definite word ("the blast",
    "both attacks", "the drone")?"""
    head = _incident_head(trigger)
    if head is None:
        return False
    stem = head.lower().removesuffix("s")
    names = "|".join(_BOMB_WORDS) if stem in _BOMB_WORDS else re.escape(stem)
    return bool(re.search(r"\b(?:the|this|that|both|these|those)\s+(?:[\w'’-]+\s+){0,2}?"
                          r"(?:" + names + r")s?\b", told, re.I))


# a bomb is named again as "the device" or "the explosives" ("its fighters had detonated
# the device" after "a roadside bomb tore through a minibus")
_BOMB_WORDS = ("bomb", "device", "explosive", "ied", "landmine", "mine")


def _same_day_and_place(first: Event, e: Event, report: dt.date | None,
                        near_km: float = 25.0) -> bool:
    """Is ``e``, a further telling, on ``first``'s day (or with no date but the report's)
    and at its place (or none of its own, or the region that holds it, or within
    ``near_km``)?"""
    if not _same_day(first, e, report):
        return False
    la, lb = first.location, e.location
    return la is None or lb is None or _same_place(la, lb, near_km) or _contains(lb, la) or \
        _contains(la, lb)


def _same_day(first: Event, e: Event, report: dt.date | None) -> bool:
    """The same day, or either without one, or ``e`` with no day of its own (the report's,
    at a week's precision)."""
    return not first.date or not e.date or first.date == e.date or (
        report is not None and str(e.date) == report.isoformat() and e.time_precision == 2)


def _contains(wide: Place, place: Place) -> bool:
    """Is ``wide`` a region or the country that holds ``place`` ("Zamfara" for a village in
    Zamfara state): a later sentence that names only the region tells the same place."""
    if wide.geo_precision <= place.geo_precision or wide.iso3 != place.iso3:
        return False
    if wide.name in (place.admin1, place.admin2, place.country):
        return True
    # a name the gazetteer lacks, placed at the region that holds it ("blocked the road at
    # Kasuwan Magani", in or near Kaduna): the region holds the place
    anchor = (wide.relation or "").removeprefix("in or near ")
    if anchor != (wide.relation or "") and anchor in (place.admin1, place.admin2,
                                                      place.country):
        return True
    # a region the gazetteer names in another spelling than the place's admin1 ("North
    # Kordofan", "Shamal Kurdufan"): its point lies near the place
    return wide.feature_code == "ADM1" and None not in (wide.lat, wide.lon, place.lat,
                                                         place.lon) and \
        haversine_km(wide.lat, wide.lon, place.lat, place.lon) <= 200.0  # type: ignore[arg-type]


# what an attack takes or wrecks, told with it
_SPOILS = ("Disrupted weapons use", "Looting/property destruction")
# an explosion told by no weapon: "a loud blast", "the explosion"
_BARE_BLAST = re.compile(r"(?:blasts?|explosions?|exploded|detonations?|bang)", re.I)
# harm words with no act of their own: a toll told after the incident
_HARM_ONLY = re.compile(r"(?:killed|wounded|injured|hurt|dead|died|deaths?|bodies|casualties|"
                        r"killing|wounding|injuring)", re.I)
# a sentence that is a witness's or an official's own words
_QUOTED = re.compile(r"^[\"“‘']|^[^\"“”]{0,200}[\"”’']\s*,?\s*(?:[\w'’-]+\s+){0,4}?"
                     r"(?:said|says|told|added)\b", re.I)
# ("a second attack" is another; "the second truck" of the convoy is not)
_ANOTHER = re.compile(r"\b(?:separate|another|earlier|elsewhere|meanwhile|previous|a second)\b"
                      r"|\b(?:last|next) (?:week|month|year)\b", re.I)
# a period's start ("a line held since a ceasefire last year"): no time of the deed
_SINCE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _marks_another(told: str) -> bool:
    """Does a sentence mark its deed as another incident than the one told before ("in a
    separate attack", "elsewhere", "last week")? A time that only starts a period ("since
    a ceasefire last year") marks none."""
    return any(not (m.group(0)[:4].lower() in ("last", "next") and
                    _SINCE.search(told, 0, m.start()))
               for m in _ANOTHER.finditer(told))


# a demonstration's sub-types from the least to the most that happened at it
_DEMO_RANK = {"Peaceful protest": 1, "Protest with intervention": 2,
              "Excessive force against protesters": 3, "Violent demonstration": 4}
_DEMO_TYPES = ("Protests", "Riots")
# a sentence that opens on the crowd or the demonstration already told: "The protesters ...",
# "Later the marchers ...", "The rally ..."
_DEMO_ANAPHOR = re.compile(
    r"^(?:(?:later|then|afterwards|after that|at one point|eventually),?\s+)?"
    r"(?:the|these|those|some of the|some)\s+(?:(?:\w+-)?\w+\s+)?"
    r"(?:protesters|protestors|demonstrators|marchers|crowds?|strikers|rioters|"
    r"demonstrations?|protests?|march|rally|sit-in)\b", re.I)


def _continues_demonstration(first: Event, e: Event, report: dt.date | None = None) -> bool:
    """Does ``e`` tell more of ``first``, a demonstration told just before it, in a sentence
    that opens on its crowd or on it ("The protesters then blocked the road"), on the same day
    (or with no date but the report's) and at the same place (or none of its own)? A crowd's
    violence at a demonstration is the demonstration's (ACLED codes it as one event)."""
    if first.dropped is not None or e.dropped is not None or e.evidence is None:
        return False
    if first.modality not in _REALIS or e.modality not in _REALIS or \
            first.sub_event_type not in _DEMO_RANK or e.event_type not in _DEMO_TYPES:
        return False
    if not _DEMO_ANAPHOR.match(e.evidence.text.strip()):
        return False
    return _same_day_and_place(first, e, report)


def _precision(e: Event) -> tuple[int, int]:
    return (e.time_precision if e.date else 9,
            e.location.geo_precision if e.location and e.location.geo_precision else 9)
