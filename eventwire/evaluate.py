"""Score the extractor against gold event data (ACLED-style rows or UCDP GED rows).

Each gold record's ``text`` is run through the pipeline with the record's report date, and
the primary extracted event is compared field by field. A record where nothing is
extracted counts as wrong on every field, so the figures are recall-like accuracies.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import parse_date
from .errors import InputError
from .ontology import country_iso3, fold
from .pipeline import Pipeline, primary_event
from .records import Article, Event

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
          "location_25km", "date", "fatalities")
_UCDP_TYPES = ("State-based armed conflict", "Non-state conflict", "One-sided violence")
_ADMIN_WORDS = re.compile(
    r"\b(?:governorate|province|region|state|oblast|district|division|department|county|"
    r"prefecture|municipality|territory|city|special|autonomous|republic|raion|rayon|krai|"
    r"of|the|al|el|ad|ar|as|an|at|az|ash|governorat|wilayah|muhafazat)\b")


@dataclass(slots=True)
class Gold:
    id: str
    text: str
    report_date: Any
    fields: dict[str, Any]
    kind: str  # "acled" or "ucdp"


@dataclass(slots=True)
class Report:
    correct: Counter[str] = field(default_factory=Counter)
    applicable: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    records: int = 0
    with_event: int = 0
    without_text: int = 0  # gold records with no text: scored as finding no event
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)

    def accuracy(self, name: str) -> float | None:
        n = self.applicable[name]
        return self.correct[name] / n if n else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "with_event": self.with_event,
            "without_text": self.without_text,
            "seconds": round(self.seconds, 2),
            "accuracy": {f: self.accuracy(f) for f in FIELDS},
            "applicable": dict(self.applicable),
        }


def read_gold(path: str | Path, limit: int | None = None) -> Iterator[Gold]:
    """Gold records from a JSONL file in the ACLED-2022 or UCDP format."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no such gold file")
    n = 0
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}:{lineno}", "gold record is not a JSON object")
            if not isinstance(row.get("text"), str):
                row = {**row, "text": ""}  # counted as a record the extractor cannot code
            yield _gold(row)
            n += 1
            if limit is not None and n >= limit:
                return


def _gold(row: dict[str, Any]) -> Gold:
    ucdp = "where_prec" in row or row.get("event_type") in _UCDP_TYPES
    iso3 = None
    if row.get("iso") not in (None, ""):
        iso3 = country_iso3(str(row["iso"]))
    if iso3 is None and row.get("country"):
        iso3 = country_iso3(str(row["country"]), demonyms=False)
    fatal = row.get("fatalities")
    fields = {
        "event_type": row.get("event_type"),
        "sub_event_type": None if ucdp else row.get("sub_event_type"),
        "actor1": None if ucdp else row.get("actor1"),
        "actor2": None if ucdp else row.get("actor2"),
        "country": iso3,
        "admin1": row.get("admin1"),
        "lat": row.get("lat"),
        "lon": row.get("lon"),
        "date": row.get("date"),
        "date_end": row.get("date_end"),
        "fatalities": fatal,
        "fatalities_low": row.get("fatalities_low"),
        "fatalities_high": row.get("fatalities_high"),
    }
    report = (row.get("source_date") or row.get("date")) if ucdp else row.get("date")
    return Gold(str(row.get("id", "")), str(row["text"]), report, fields,
                "ucdp" if ucdp else "acled")


def normalize_actor(name: str | None) -> str:
    """ACLED actor names compared without the "(2019-)" era suffix, case or accents."""
    if not name:
        return ""
    name = re.sub(r"\s*\((?:\d{4})?-(?:\d{4})?\)", "", name)
    return fold(name)


def normalize_admin(name: str | None) -> str:
    if not name:
        return ""
    key = _ADMIN_WORDS.sub(" ", fold(name).replace("'", ""))
    return "".join(key.split())


def same_admin1(iso3: str | None, gold: str | None, ours: str | None) -> bool:
    """Do two admin1 names name one region of the country? Same key, one name in two
    spellings ("Duhok"/"Dahuk", "Idleb"/"Idlib"), or names the gazetteer knows for one
    region ("Bayern"/"Bavaria", "Ninewa"/"Ninawa", its ISO 3166-2 names)."""
    if not gold or not ours:
        return False
    if normalize_admin(gold) == normalize_admin(ours):
        return True
    from difflib import SequenceMatcher

    from .geo import Geocoder
    from .geo.normalize import admin_key, admin_loose

    a, b = admin_loose(gold), admin_loose(ours)
    if a == b or (a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.8):
        return True
    geo = Geocoder.default()
    return admin_key(ours) in geo.admin1_aliases(iso3 or "", gold) or \
        admin_key(gold) in geo.admin1_aliases(iso3 or "", ours)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def _ucdp_type(event: Event) -> str | None:
    if event.event_type == "Violence against civilians":
        return "One-sided violence"
    if event.event_type not in ("Battles", "Explosions/Remote violence"):
        return None
    inters = {a.inter for a in (event.actor1, event.actor2) if a is not None}
    return "State-based armed conflict" if 1 in inters else "Non-state conflict"


def score(gold: Gold, event: Event | None, report: Report) -> None:
    """Add one gold record and its primary event to ``report``."""
    g = gold.fields
    report.records += 1
    report.kinds[gold.kind] += 1
    if event is not None:
        report.with_event += 1
    place = event.location if event else None

    def mark(name: str, ok: bool) -> None:
        report.applicable[name] += 1
        report.correct[name] += int(bool(ok))

    if g["event_type"]:
        if gold.kind == "ucdp":
            mark("event_type", event is not None and _ucdp_type(event) == g["event_type"])
        else:
            mark("event_type", event is not None and event.event_type == g["event_type"])
    if gold.kind == "acled" and g["sub_event_type"]:
        mark("sub_event_type", event is not None and event.sub_event_type == g["sub_event_type"])
        report.confusion[(g["sub_event_type"], event.sub_event_type if event else "(none)")] += 1
    if gold.kind == "acled" and g["actor1"]:
        # (every row that names its actors, with or without a sub-event type: older ACLED
        # exports have none, and the actors were scored on the few rows that had one)
        for role in ("actor1", "actor2"):
            predicted = getattr(event, role) if event else None
            mark(role, event is not None and normalize_actor(predicted.name if predicted else None)
                 == normalize_actor(g[role]))
    if g["country"]:
        mark("country", place is not None and place.iso3 == g["country"])
    if g["admin1"]:
        mark("admin1", place is not None and (not g["country"] or place.iso3 == g["country"])
             and same_admin1(place.iso3, g["admin1"], place.admin1))
    if g["lat"] is not None and g["lon"] is not None:
        mark("location_25km", place is not None and place.lat is not None
             and place.lon is not None
             and haversine_km(place.lat, place.lon, float(g["lat"]), float(g["lon"])) <= 25.0)
    if g["date"]:
        ok = event is not None and event.date is not None and (
            event.date == g["date"]
            or (g.get("date_end") and g["date"] <= event.date <= g["date_end"]))
        mark("date", bool(ok))
    if g["fatalities"] is not None:
        best = event.fatalities.best if event else 0
        lo, hi = g.get("fatalities_low"), g.get("fatalities_high")
        ok = best == int(g["fatalities"]) or (
            lo is not None and hi is not None and int(lo) <= best <= int(hi))
        mark("fatalities", ok)


def evaluate(
    path: str | Path,
    *,
    limit: int | None = None,
    pipeline: Pipeline | None = None,
    progress: Callable[[int, float], None] | None = None,
) -> Report:
    pipe = pipeline or Pipeline()
    report = Report()
    started = time.perf_counter()
    golds = list(read_gold(path, limit))

    def articles() -> Iterable[Article]:
        for g in golds:
            yield Article(text=g.text, article_id=g.id or "", published=parse_date(g.report_date),
                          source_name=f"{path}#{g.id}")

    for i, (gold, (_, events)) in enumerate(
        zip(golds, pipe.extract_many(articles()), strict=True), 1
    ):
        if not gold.text.strip():
            report.without_text += 1
            events = []
        score(gold, primary_event(events), report)
        if progress is not None and (i % 250 == 0 or i == len(golds)):
            progress(i, time.perf_counter() - started)
    report.seconds = time.perf_counter() - started
    return report


def format_report(report: Report, *, confusion: bool = True) -> str:
    lines = [
        f"records: {report.records}  with an event: {report.with_event}  "
        f"time: {report.seconds:.1f}s ({report.records / max(report.seconds, 1e-9):.1f}/s)"
        + (f"  without text: {report.without_text}" if report.without_text else ""),
        "",
        f"{'field':<16}{'accuracy':>10}{'correct':>10}{'of':>8}",
    ]
    for name in FIELDS:
        acc = report.accuracy(name)
        if acc is None:
            lines.append(f"{name:<16}{'n/a':>10}")
            continue
        lines.append(f"{name:<16}{acc:>10.3f}{report.correct[name]:>10}"
                     f"{report.applicable[name]:>8}")
    if confusion and report.confusion:
        lines += ["", _per_class(report), "", _confusion_table(report)]
    return "\n".join(lines)


def _per_class(report: Report) -> str:
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for (g, p), n in report.confusion.items():
        gold_n[g] += n
        pred_n[p] += n
        if g == p:
            hit[g] += n
    lines = [f"{'sub_event_type':<38}{'gold':>6}{'pred':>6}{'prec':>7}{'rec':>7}{'f1':>7}"]
    f1s = []
    for label in sorted(gold_n, key=lambda k: -gold_n[k]):
        prec = hit[label] / pred_n[label] if pred_n[label] else 0.0
        rec = hit[label] / gold_n[label]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        lines.append(f"{label[:37]:<38}{gold_n[label]:>6}{pred_n[label]:>6}"
                     f"{prec:>7.2f}{rec:>7.2f}{f1:>7.2f}")
    lines.append(f"{'macro-F1':<38}{'':>6}{'':>6}{'':>7}{'':>7}{sum(f1s) / len(f1s):>7.2f}")
    return "\n".join(lines)


def _confusion_table(report: Report) -> str:
    """Gold sub-type -> its most frequent wrong predictions."""
    rows: dict[str, Counter[str]] = {}
    for (g, p), n in report.confusion.items():
        if g != p:
            rows.setdefault(g, Counter())[p] += n
    lines = ["confusion (gold -> predicted instead, most frequent first):"]
    for g in sorted(rows, key=lambda k: -sum(rows[k].values())):
        wrong = ", ".join(f"{p} {n}" for p, n in rows[g].most_common(4))
        lines.append(f"  {g}: {wrong}")
    return "\n".join(lines)


def stderr_progress(total: int) -> Callable[[int, float], None]:
    def show(done: int, seconds: float) -> None:
        rate = done / max(seconds, 1e-9)
        eta = (total - done) / rate if rate else 0.0
        print(f"\r  {done}/{total} records  {rate:.1f}/s  ETA {eta:.0f}s", end="",
              file=sys.stderr, flush=True)
        if done == total:
            print(file=sys.stderr)
    return show
