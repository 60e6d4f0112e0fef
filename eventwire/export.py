"""Write per-article events as JSONL, flat CSV, ACLED-style CSV, GeoJSON or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from .ontology import acled_region, countries
from .records import Event

FORMATS = ("table", "jsonl", "csv", "acled-csv", "geojson")

CSV_COLUMNS = [
    "article_id", "event_id", "date", "time_precision", "event_type", "sub_event_type",
    "disorder_type", "actor1", "actor1_inter", "actor1_country", "actor2", "actor2_inter",
    "actor2_country", "location", "admin1", "admin2", "country", "iso3", "latitude", "longitude",
    "geo_precision", "geonames_id", "fatalities", "fatalities_low", "fatalities_high", "modality",
    "attribution", "confidence", "evidence", "evidence_start", "evidence_end", "url",
    "explanation", "dropped",
]
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]


def flat_row(e: Event) -> dict[str, Any]:
    loc = e.location
    return {
        "article_id": e.article_id,
        "event_id": e.event_id,
        "date": e.date,
        "time_precision": e.time_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "disorder_type": e.disorder_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "actor1_inter": e.actor1.inter if e.actor1 else "",
        "actor1_country": e.actor1.country if e.actor1 else "",
        "actor2": e.actor2.name if e.actor2 else "",
        "actor2_inter": e.actor2.inter if e.actor2 else "",
        "actor2_country": e.actor2.country if e.actor2 else "",
        "location": loc.name if loc else "",
        "admin1": loc.admin1 if loc else "",
        "admin2": loc.admin2 if loc else "",
        "country": loc.country if loc else "",
        "iso3": loc.iso3 if loc else "",
        "latitude": loc.lat if loc else "",
        "longitude": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "geonames_id": loc.geonames_id if loc else "",
        "fatalities": e.fatalities.best,
        "fatalities_low": e.fatalities.low,
        "fatalities_high": e.fatalities.high,
        "modality": e.modality,
        "attribution": e.attribution or "",
        "confidence": e.confidence,
        "evidence": e.evidence.text if e.evidence else "",
        "evidence_start": e.evidence.start if e.evidence else "",
        "evidence_end": e.evidence.end if e.evidence else "",
        "url": e.url or "",
        "explanation": e.explanation or "",
        "dropped": e.dropped or "",
    }


def acled_row(e: Event) -> dict[str, Any]:
    loc = e.location
    inter1 = e.actor1.inter if e.actor1 and e.actor1.inter else 0
    inter2 = e.actor2.inter if e.actor2 and e.actor2.inter else 0
    low, high = sorted((inter1, inter2))
    interaction = int(f"{low}{high}") if low else high * 10
    numeric = countries().get(loc.iso3 or "") if loc else None
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.date or "",
        "year": (e.date or "")[:4],
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": e.assoc_actor_1.name if e.assoc_actor_1 else "",
        "inter1": inter1,
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": e.assoc_actor_2.name if e.assoc_actor_2 else "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and
        e.disorder_type == "Political violence" else "",
        "iso": numeric.numeric if numeric else "",
        "region": acled_region(loc.iso3) if loc else "",
        "country": loc.country if loc else "",
        "admin1": loc.admin1 if loc else "",
        "admin2": loc.admin2 if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc else "",
        "longitude": loc.lon if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": e.attribution or e.url or "",
        "source_scale": "",
        "notes": e.evidence.text if e.evidence else "",
        "fatalities": e.fatalities.best,
        "tags": f"modality={e.modality}",
        "timestamp": "",
    }


def geojson_feature(e: Event) -> dict[str, Any]:
    loc = e.location
    geometry = None
    if loc and loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    props = flat_row(e)
    return {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": props}


class EventWriter:
    """Streams events to ``out`` in one of ``FORMATS`` (GeoJSON is closed by ``close``)."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self._csv: csv.DictWriter[str] | None = None
        self._features = 0
        self.count = 0
        if fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            self._csv.writeheader()
        elif fmt == "acled-csv":
            self._csv = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
            self._csv.writeheader()
        elif fmt == "geojson":
            out.write('{"type": "FeatureCollection", "features": [\n')
        elif fmt == "table":
            out.write(_table_header())

    def write(self, events: Iterable[Event]) -> None:
        for e in events:
            self.count += 1
            if self.fmt == "jsonl":
                self.out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv" and self._csv is not None:
                self._csv.writerow(flat_row(e))
            elif self.fmt == "acled-csv" and self._csv is not None:
                self._csv.writerow(acled_row(e))
            elif self.fmt == "geojson":
                sep = ",\n" if self._features else ""
                self.out.write(sep + json.dumps(geojson_feature(e), ensure_ascii=False))
                self._features += 1
            else:
                self.out.write(_table_row(e))

    def close(self) -> None:
        if self.fmt == "geojson":
            self.out.write("\n]}\n")
        self.out.flush()


def _cut(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


_WIDTHS = (10, 30, 28, 24, 20, 4, 9)


def _table_header() -> str:
    names = ("date", "sub_event_type", "actor1", "actor2", "location", "dead", "modality")
    return "  ".join(n.ljust(w) for n, w in zip(names, _WIDTHS, strict=True)).rstrip() + "\n"


def _table_row(e: Event) -> str:
    loc = e.location
    place = f"{loc.name}, {loc.iso3}" if loc else ""
    values = (e.date, e.sub_event_type, e.actor1.name if e.actor1 else "",
              e.actor2.name if e.actor2 else "", place, e.fatalities.best,
              "DROPPED" if e.dropped else e.modality)
    row = "  ".join(_cut(v, w).ljust(w) for v, w in zip(values, _WIDTHS, strict=True))
    quote = _cut(e.evidence.text if e.evidence else "", 110)
    why = f"{'':12}dropped: {e.dropped}\n" if e.dropped else ""
    return row.rstrip() + f"\n{'':12}“{quote}”\n" + why


def events_to_string(events: Iterable[Event], fmt: str) -> str:
    buf = io.StringIO()
    writer = EventWriter(buf, fmt)
    writer.write(events)
    writer.close()
    return buf.getvalue()
