"""ACLED sub-event types -> PLOVER event types and CAMEO root codes, read from data files.

The tables are ``eventwire/ontology/acled_plover_cameo.tsv`` (one row per ACLED sub-type) and
``eventwire/ontology/cameo_roots.tsv`` (CAMEO root code names). Lines starting with # are
comments; the first other line is the header.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from ..errors import ConfigError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
MAPPING_FILE = ONTOLOGY_DIR / "acled_plover_cameo.tsv"
CAMEO_FILE = ONTOLOGY_DIR / "cameo_roots.tsv"


def _read_tsv(path: Path) -> list[dict[str, str]]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read mapping file ({exc})") from exc
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")]


@functools.cache
def table() -> dict[str, dict[str, str]]:
    """sub_event_type -> its row (event_type, plover, plover_mode, cameo, note)."""
    return {row["sub_event_type"]: row for row in _read_tsv(MAPPING_FILE)}


@functools.cache
def cameo_roots() -> dict[str, str]:
    """CAMEO root code ("01".."20") -> name."""
    return {row["cameo"]: row["name"] for row in _read_tsv(CAMEO_FILE)}


def plover_for(sub_event_type: str) -> str | None:
    """The PLOVER event type of an ACLED sub-event type (None when there is none)."""
    row = table().get(sub_event_type)
    return (row["plover"] or None) if row else None


def cameo_for(sub_event_type: str) -> str | None:
    """The two-digit CAMEO root code of an ACLED sub-event type (None when there is none)."""
    row = table().get(sub_event_type)
    return (row["cameo"] or None) if row else None


def event_type_for(sub_event_type: str) -> str | None:
    row = table().get(sub_event_type)
    return row["event_type"] if row else None
