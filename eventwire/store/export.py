"""Export canonical events (each with its list of sources) as ACLED CSV, JSONL, GeoJSON or
Parquet. Per-article record export lives in ``eventwire.export``; this is the deduplicated
view from the store."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError
from ..ontology import acled_region, countries
from .models import CanonicalEvent

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")

# ACLED's column order, then what only a multi-source store knows.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["fatalities_low", "fatalities_high", "n_sources", "n_outlets",
                 "first_seen", "last_seen", "source_urls", "canonical_id"]


def acled_row(ce: CanonicalEvent) -> dict[str, Any]:
    """One canonical event as an ACLED-shaped row (plus the store's extra columns)."""
    loc = ce.location
    a1, a2 = ce.actor1, ce.actor2
    inter1 = a1.inter if a1 and a1.inter is not None else ""
    inter2 = a2.inter if a2 and a2.inter is not None else 0
    outlets = sorted({s.outlet for s in ce.sources if s.outlet})
    notes = next((s.evidence for s in ce.sources if s.evidence), "")
    return {
        "event_id_cnty": f"{(loc.iso3 if loc and loc.iso3 else 'XXX')}{ce.canonical_id[2:10]}",
        "event_date": ce.date.isoformat() if ce.date else "",
        "year": ce.date.year if ce.date else "",
        "time_precision": ce.time_precision,
        "disorder_type": ce.disorder_type or "",
        "event_type": ce.event_type,
        "sub_event_type": ce.sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 if a2 else "",
        "interaction": f"{inter1}{inter2}" if inter1 != "" else "",
        "civilian_targeting": "Civilian targeting" if a2 and a2.inter == 7 else "",
        "iso": _iso_numeric(loc.iso3 if loc else None),
        "region": acled_region(loc.iso3) if loc else "",
        "country": loc.country if loc and loc.country else "",
        "admin1": loc.admin1 if loc and loc.admin1 else "",
        "admin2": loc.admin2 if loc and loc.admin2 else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": notes or "",
        "fatalities": ce.fatalities.best,
        "tags": "",
        # ACLED's timestamp is when the row last changed: here the day the store last heard
        # of the event, as Unix seconds (midnight UTC)
        "timestamp": int(_dt.datetime.combine(ce.last_seen, _dt.time(), _dt.UTC).timestamp())
        if ce.last_seen else "",
        "fatalities_low": ce.fatalities.low,
        "fatalities_high": ce.fatalities.high,
        "n_sources": ce.n_sources,
        "n_outlets": ce.n_outlets,
        "first_seen": ce.first_seen.isoformat() if ce.first_seen else "",
        "last_seen": ce.last_seen.isoformat() if ce.last_seen else "",
        "source_urls": " ".join(s.url for s in ce.sources if s.url),
        "canonical_id": ce.canonical_id,
    }


def _iso_numeric(iso3: str | None) -> int | str:
    """ACLED's ``iso``: the ISO 3166 numeric code (566 for Nigeria), not the letters."""
    c = countries().get(iso3 or "")
    return c.numeric if c and c.numeric else ""


def flat_properties(ce: CanonicalEvent) -> dict[str, Any]:
    """A GeoJSON feature's properties: the ACLED row, one level deep (GIS tools read nested
    objects poorly); the ISO3 code is kept beside ACLED's numeric ``iso``."""
    props = acled_row(ce)
    props["iso3"] = ce.location.iso3 if ce.location and ce.location.iso3 else ""
    return props


def write_acled_csv(events: Iterable[CanonicalEvent], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
    writer.writeheader()
    n = 0
    for ce in events:
        writer.writerow(acled_row(ce))
        n += 1
    return n


def write_jsonl(events: Iterable[CanonicalEvent], out: IO[str]) -> int:
    n = 0
    for ce in events:
        out.write(json.dumps(ce.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson(events: Iterable[CanonicalEvent]) -> dict[str, Any]:
    """A FeatureCollection with flat properties (``flat_properties``); events without
    coordinates get a null geometry."""
    features = []
    for ce in events:
        props = flat_properties(ce)
        loc = ce.location
        geom = None
        if loc and loc.lat is not None and loc.lon is not None:
            geom = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        features.append({"type": "Feature", "id": ce.canonical_id, "geometry": geom,
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[CanonicalEvent], out: IO[str]) -> int:
    doc = geojson(events)
    json.dump(doc, out, ensure_ascii=False)
    out.write("\n")
    return len(doc["features"])


def write_parquet(events: Iterable[CanonicalEvent], path: str | Path) -> int:
    """ACLED columns plus a nested ``sources`` list (url, outlet, published, fatalities)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("parquet export needs pyarrow: pip install 'eventwire[parquet]'"
                          ) from exc
    rows = []
    for ce in events:
        row = acled_row(ce)
        for key in ("latitude", "longitude", "inter1", "inter2", "year", "geo_precision"):
            if row[key] == "":
                row[key] = None
        row["sources"] = [
            {"url": s.url, "outlet": s.outlet, "article_id": s.article_id,
             "mention_id": s.mention_id,
             "published": s.published.isoformat() if s.published else None,
             "fatalities": s.fatalities.best}
            for s in ce.sources
        ]
        rows.append(row)
    schema = pa.schema(
        [(c, pa.string()) for c in ACLED_COLUMNS + EXTRA_COLUMNS
         if c not in _NUMERIC] + [(c, t) for c, t in _NUMERIC.items()]
        + [("sources", pa.list_(pa.struct([
            ("url", pa.string()), ("outlet", pa.string()), ("article_id", pa.string()),
            ("mention_id", pa.string()), ("published", pa.string()),
            ("fatalities", pa.int64())])))]
    )
    for row in rows:
        for c in ACLED_COLUMNS + EXTRA_COLUMNS:
            if c not in _NUMERIC and row[c] is not None:
                row[c] = str(row[c])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)


_NUMERIC = {
    "year": "int64", "time_precision": "int64", "inter1": "int64", "inter2": "int64",
    "latitude": "float64", "longitude": "float64", "geo_precision": "int64",
    "fatalities": "int64", "fatalities_low": "int64", "fatalities_high": "int64",
    "n_sources": "int64", "n_outlets": "int64",
}


def export(events: Iterable[CanonicalEvent], fmt: str, out: str | Path | IO[str] | None
           ) -> int:
    """Write events in ``fmt`` to a path, an open text stream, or (None) a string buffer.
    Returns the number of events written."""
    if fmt not in FORMATS:
        raise ConfigError(f"{fmt}: unknown export format (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path):
            raise ConfigError("parquet export needs an output file (-o FILE.parquet)")
        return write_parquet(events, out)
    writer = {"acled-csv": write_acled_csv, "jsonl": write_jsonl,
              "geojson": write_geojson}[fmt]
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return writer(events, fh)
    return writer(events, out if out is not None else io.StringIO())
