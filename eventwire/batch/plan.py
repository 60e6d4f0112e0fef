"""Turn the INPUTs of a batch run into an ordered list of units (the steps a restart skips).

A unit is one corpus file (JSONL, CSV, Parquet, WARC/ARC: read by the coordinating process
and cut into chunks of articles) or a group of page files (.txt/.html, read by a worker).
Directories are walked sorted, with the same rules as ``eventwire extract``, so the plan, the
chunk keys and so the output are the same on every run.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..ingest.readers import DIRECTORY_SUFFIXES, PAGE_SUFFIXES, _suffix


@dataclass(slots=True)
class Unit:
    index: int
    kind: str  # "pages" (files read by a worker) or "corpus" (read here, cut into chunks)
    paths: list[str]
    label: str  # for messages: the file, or "DIR (files 1-200)"

    @property
    def key(self) -> str:
        return f"u{self.index:06d}"

    def chunk_key(self, n: int) -> str:
        return f"{self.key}-c{n:06d}"


def plan_units(inputs: Sequence[str], files_per_unit: int) -> list[Unit]:
    """Units in input order; raises InputError for inputs a batch run cannot take."""
    units: list[Unit] = []
    pages: list[str] = []

    def flush() -> None:
        while pages:
            group, pages[:] = pages[:files_per_unit], pages[files_per_unit:]
            label = group[0] if len(group) == 1 else f"{group[0]} .. {group[-1]}"
            units.append(Unit(len(units), "pages", group, label))

    for item in inputs:
        if item == "-":
            raise InputError("-", "batch runs read files, not standard input "
                                  "(use eventwire extract, or save the input to a file)")
        files = _walk(item) if os.path.isdir(item) else [item]
        if not files:  # read_inputs reports the empty directory by name
            flush()
            units.append(Unit(len(units), "corpus", [item], item))
            continue
        for path in files:
            if _suffix(path) in PAGE_SUFFIXES and os.path.isfile(path):
                pages.append(path)
            else:
                flush()
                units.append(Unit(len(units), "corpus", [path], path))
    flush()
    return units


def _walk(root: str) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and _suffix(name) in DIRECTORY_SUFFIXES:
                out.append(os.path.join(dirpath, name))
    return out


def estimate_articles(unit: Unit) -> int | None:
    """About how many articles a unit holds (for the ETA); None when it can't be told cheaply."""
    if unit.kind == "pages":
        return len(unit.paths)
    path = unit.paths[0]
    suffix = _suffix(path)
    try:
        if suffix in (".jsonl", ".ndjson", ".jsonl.gz", ".csv", ".tsv"):
            opener = gzip.open if suffix == ".jsonl.gz" else open
            lines = 0
            with opener(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    lines += block.count(b"\n")
            return max(lines - (1 if suffix in (".csv", ".tsv") else 0), 0)
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, EOFError, ValueError, gzip.BadGzipFile):
        return None
    except Exception:  # noqa: BLE001 - an unreadable Parquet footer: the reader will say why
        return None
    return None
