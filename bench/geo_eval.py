"""Geocoding accuracy on the dev sets (measurement only: the data is read at run time).

    PYTHONPATH=. python bench/geo_eval.py [--limit N] [--ucdp-limit N] [--misses FILE]
                                          [--only acled,ucdp,tr-news] [--tr-misses N]

ACLED: for each row, spaCy NER + ``geoparse`` on the notes + ``locate_event`` with the first
sentence as the event sentence and no trigger; prints country / admin1 / within-25-km
accuracy. UCDP: the same on rows whose headline names the gold place. Each set is read as
one collection, as ``eventwire geoparse --focus auto`` reads its inputs: a first pass finds
the countries it is about (``Geocoder.focus_of``, from the texts alone), printed as
``focus``; ``--no-focus`` skips that.

TR-News (``geoparse/tr-news.jsonl``, a check set: only aggregate figures are printed): spaCy
NER + ``geoparse`` on each article; a gold place name (one with coordinates) is *found* when a
mention overlaps its span; then accuracy within 161 km over all gold names and over the found
ones, the same GeoNames id over the found ones, the median error in km, the share of the
names not found that are demonyms ("Canadian"), and per gold feature kind (country, admin1,
town, ...) the found and 161 km shares and the share found with the right id but more than
161 km from GeoNames' point (``same_id_far``). A second line reads the same articles with
``geoparse(references=True)`` (``demonyms=True``, its older name), which also reports
"Canadian" as a reference to Canada and a well-known place inside an organisation's, facility's
or event's name ("University of Texas") with role "in a name" (never a place of an event); the
gold counts such forms as toponyms. ``--tr-misses N``
also prints the N most frequent missed gold names with their counts (for an issue's closing
note; off by default, and no rule may be tuned on them).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.evaluate import same_admin1
from eventwire.geo import Geocoder
from eventwire.geo.normalize import fold
from eventwire.geo.relative import haversine_km
from eventwire.nlp import load_model


def _dev_dir() -> Path:
    """$EVENTWIRE_DEV, else the first shared/dev beside one of this checkout's parents."""
    env = os.environ.get("EVENTWIRE_DEV")
    if env:
        return Path(env)
    for parent in Path(__file__).resolve().parents[1:5]:
        if (parent / "shared" / "dev").is_dir():
            return parent / "shared" / "dev"
    return Path("../shared/dev")


DEV = _dev_dir()
_FEATURE = {"village", "town", "city", "area", "district", "governorate", "province", "region",
            "camp", "neighborhood", "neighbourhood", "subdistrict", "countryside", "airport",
            "base", "farms", "farm", "hill", "mountain", "crossing", "dam", "valley", "plain",
            "desert", "airbase", "field", "fields", "quarter", "square"}


def _rows(path: Path, limit: int | None, seed: int = 7) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if limit and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


def _run(geo: Geocoder, texts: list[str], focus: dict[str, float] | None):
    nlp = load_model()
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True):
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        sents = list(doc.sents)
        sent = (sents[0].start_char, sents[0].end_char) if sents else (0, len(text))
        mentions = geo.geoparse(text, ents, focus=focus)
        yield geo.locate_event(text, mentions, sent, None), mentions


def _show(focus: dict[str, float]) -> str:
    return ",".join(f"{cc}:{w:.2f}" for cc, w in focus.items()) or "-"


def eval_acled(geo: Geocoder, limit: int | None, misses: list, use_focus: bool = True) -> dict:
    path = DEV / "acled-2022" / "acled-2022.jsonl"
    if not path.exists():
        return {}
    rows = _rows(path, limit)
    n = c_ok = a_ok = k_ok = 0
    texts = [r["text"] for r in rows]
    focus = geo.focus_of(texts) if use_focus else {}
    t0 = time.perf_counter()  # the rows, not the first pass
    for row, (place, mentions) in zip(rows, _run(geo, texts, focus or None), strict=True):
        n += 1
        iso3 = geo.country_iso3(row["country"])
        cok = place is not None and place.iso3 == iso3
        aok = place is not None and same_admin1(iso3, row["admin1"], place.admin1)
        d = (haversine_km(place.lat, place.lon, row["lat"], row["lon"])
             if place is not None and place.lat is not None else None)
        kok = d is not None and d <= 25
        c_ok += cok
        a_ok += aok
        k_ok += kok
        if not kok:
            misses.append({"set": "acled", "id": row["id"], "text": row["text"][:300],
                           "gold": [row["location"], row["admin1"], row["admin2"],
                                    row["country"], row["geo_precision"]],
                           "ours": place and [place.name, place.admin1, place.admin2,
                                              place.country, place.geo_precision,
                                              place.relation],
                           "km": d and round(d), "cok": cok, "aok": aok,
                           "mentions": [(m.name, m.role, m.place and m.place.name,
                                         m.place and m.place.iso3) for m in mentions]})
    secs = time.perf_counter() - t0
    return {"rows": n, "country": c_ok / n, "admin1": a_ok / n, "within25km": k_ok / n,
            "seconds": round(secs, 1), "focus": _show(focus)}


def eval_ucdp(geo: Geocoder, limit: int | None, misses: list, use_focus: bool = True) -> dict:
    path = DEV / "ucdp-syria" / "ucdp-syria.jsonl"
    if not path.exists():
        return {}
    rows = []
    for row in _rows(path, None):
        words = row["location"].split()
        if len(words) > 1 and words[-1].lower() in _FEATURE:
            words = words[:-1]
        name = fold(" ".join(words))
        if name and len(name) >= 3 and f" {name} " in f" {fold(row['text'])} ":
            rows.append(row)
    if limit and limit < len(rows):
        rows = random.Random(7).sample(rows, limit)
    n = k_ok = c_ok = 0
    texts = [r["text"] for r in rows]
    focus = geo.focus_of(texts) if use_focus else {}
    for row, (place, mentions) in zip(rows, _run(geo, texts, focus or None), strict=True):
        n += 1
        d = (haversine_km(place.lat, place.lon, row["lat"], row["lon"])
             if place is not None and place.lat is not None else None)
        k_ok += d is not None and d <= 25
        c_ok += place is not None and place.iso3 == "SYR"
        if d is None or d > 25:
            misses.append({"set": "ucdp", "id": row["id"], "text": row["text"],
                           "gold": [row["location"], row["admin1"], row["where_prec"]],
                           "ours": place and [place.name, place.admin1, place.country,
                                              place.geo_precision, place.relation],
                           "km": d and round(d),
                           "mentions": [(m.name, m.role, m.place and m.place.name,
                                         m.place and m.place.iso3) for m in mentions]})
    return {"rows": n, "country": c_ok / max(n, 1), "within25km": k_ok / max(n, 1),
            "within25km_rows": k_ok, "focus": _show(focus)}


_KIND = {"PCLI": "country", "PCLS": "country", "PCLD": "country", "PCLIX": "country",
         "ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin2", "CONT": "region", "RGN": "region"}


def _kind(fcode: str | None) -> str:
    if fcode in _KIND:
        return _KIND[fcode]
    return "town" if (fcode or "").startswith("PPL") else "feature"


def eval_tr_news(geo: Geocoder, top_misses: int = 0, references: bool = False) -> dict:
    path = DEV / "geoparse" / "tr-news.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    nlp = load_model()
    texts = [r["text"] for r in rows]
    n = found = k_all = same = adjectival = 0
    errors: list[float] = []
    by_kind: dict[str, list[int]] = {}
    missed: Counter = Counter()
    t0 = time.perf_counter()
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=16), strict=True):
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        mentions = geo.geoparse(row["text"], ents, references=references)
        for gold in row["toponyms"]:
            if gold.get("lat") is None or gold.get("lon") is None:
                continue
            n += 1
            kind = by_kind.setdefault(_kind(gold.get("fcode")), [0, 0, 0, 0])
            kind[0] += 1
            hit = next((m for m in mentions if m.start < gold["end"] and gold["start"] < m.end),
                       None)
            if hit is None:
                missed[gold["phrase"]] += 1
                adjectival += geo.is_demonym(gold["phrase"])
                continue
            found += 1
            kind[1] += 1
            place = hit.referent or hit.place
            if place is None or place.lat is None:
                missed[gold["phrase"]] += 1
                continue
            d = haversine_km(place.lat, place.lon, float(gold["lat"]), float(gold["lon"]))
            errors.append(d)
            k_all += d <= 161
            kind[2] += d <= 161
            right = bool(gold.get("geonameid")) and place.geonames_id == int(gold["geonameid"])
            same += right
            kind[3] += right and d > 161  # the right place at another point than GeoNames'
            if d > 161:
                missed[gold["phrase"]] += 1
    secs = time.perf_counter() - t0
    out: dict = {"articles": len(rows), "names": n, "found": found / max(n, 1),
                 "within161_all": k_all / max(n, 1), "within161_found": k_all / max(found, 1),
                 "same_id_found": same / max(found, 1),
                 "median_km": round(statistics.median(errors), 1) if errors else None,
                 "missed_demonyms": round(adjectival / max(n - found, 1), 3),
                 "seconds": round(secs, 1)}
    for kind, (kn, kf, kk, kfar) in sorted(by_kind.items()):
        out[kind] = f"{kn}:found={kf / kn:.2f},161km={kk / kn:.2f},same_id_far={kfar / kn:.2f}"
    if top_misses:
        out["misses"] = missed.most_common(top_misses)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=None, help="ACLED rows (random sample)")
    ap.add_argument("--ucdp-limit", type=int, default=None, help="UCDP rows (random sample)")
    ap.add_argument("--misses", help="write the misses as JSON lines here")
    ap.add_argument("--no-focus", action="store_true",
                    help="read each row on its own, not each set as one collection")
    ap.add_argument("--only", default="acled,ucdp,tr-news",
                    help="comma-separated sets to run (acled, ucdp, tr-news)")
    ap.add_argument("--tr-misses", type=int, default=0,
                    help="also print TR-News' N most frequent missed names (closing notes only)")
    args = ap.parse_args(argv)
    only = {s.strip() for s in args.only.split(",")}
    geo = Geocoder.default()
    misses: list = []
    acled = eval_acled(geo, args.limit, misses, not args.no_focus) if "acled" in only else {}
    ucdp = eval_ucdp(geo, args.ucdp_limit, misses, not args.no_focus) if "ucdp" in only else {}
    tr = eval_tr_news(geo, args.tr_misses) if "tr-news" in only else {}
    tr_dem = eval_tr_news(geo, 0, references=True) if "tr-news" in only else {}
    top = tr.pop("misses", [])
    for name, res in (("acled-2022", acled), ("ucdp-syria (headline names place)", ucdp),
                      ("tr-news", tr), ("tr-news, demonyms read as references", tr_dem)):
        if res:
            print(name + ": " + "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else
                                         f"{k}={v}" for k, v in res.items()))
    for phrase, count in top:
        print(f"  missed {count:3d}  {phrase}")
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            for m in misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
