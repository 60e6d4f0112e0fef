"""The output directory of a batch run: manifest, per-chunk staging files, final dataset.

    OUT/_manifest.json                   job settings, finished units, "complete" (atomic)
    OUT/.staging/u000001-c000003.parquet events of one chunk (atomic rename)
    OUT/.staging/u000001-c000003.json    that chunk's counts and failures: its "done" mark
    OUT/events/year=2021/month=03/part-00000.parquet   the result, Hive-partitioned by date
    OUT/failures.jsonl                   every input or article that failed, in input order

Every file is written to a temporary name and renamed, so a run killed at any moment leaves
only whole files; a restart redoes the chunks without a done mark. The final dataset is built
from the staging files in key (= input) order, so it does not depend on how many workers ran
or in which order chunks finished: same inputs and settings, byte-identical files.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from .worker import ChunkResult

FORMAT = "eventwire-batch/1"
_FLUSH_ROWS = 100_000  # rows per output file before a partition starts its next part

SCHEMA = pa.schema([
    ("year", pa.string()), ("month", pa.string()),
    ("article_id", pa.string()), ("event_id", pa.string()), ("date", pa.string()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("disorder_type", pa.string()),
    ("actor1", pa.string()), ("inter1", pa.int32()),
    ("actor2", pa.string()), ("inter2", pa.int32()),
    ("location", pa.string()), ("admin1", pa.string()), ("country", pa.string()),
    ("iso3", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geo_precision", pa.int32()), ("fatalities", pa.int32()), ("modality", pa.string()),
    ("confidence", pa.float64()), ("published", pa.string()), ("url", pa.string()),
    ("source", pa.string()), ("record", pa.string()),
])


class OutputDir:
    """State of one batch job in a directory; ``events=False`` keeps only the resume state."""

    def __init__(self, root: str | os.PathLike[str], job: dict[str, Any], *,
                 events: bool = True, restart: bool = False,
                 fingerprints: dict[str, list[int]] | None = None) -> None:
        self.root = Path(root)
        self.job = job
        # file -> [size, mtime_ns] when the job started: a resume must read the same inputs
        self.fingerprints = fingerprints or {}
        self.events = events
        self.staging = self.root / ".staging"
        self.manifest_path = self.root / "_manifest.json"
        if restart and self.root.exists():
            self._wipe()
        try:
            self.staging.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{self.root}: cannot create the output directory "
                              f"({exc.strerror or exc})") from exc
        self.manifest = self._load()
        for leftover in self.staging.glob("*.tmp"):  # a write cut short by a kill
            leftover.unlink(missing_ok=True)

    # --- manifest -------------------------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        if not self.manifest_path.exists():
            fresh = {"format": FORMAT, "job": self.job, "units_done": {}, "complete": False,
                     "fingerprints": self.fingerprints}
            if any(self.root.glob("events")):
                raise ConfigError(f"{self.root}: holds events but no batch manifest; "
                                  "use an empty --out directory")
            _atomic_json(self.manifest_path, fresh)
            return fresh
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{self.manifest_path}: unreadable batch manifest ({exc}); "
                              "add --restart to start the job over") from exc
        if manifest.get("format") != FORMAT or manifest.get("job") != self.job:
            raise ConfigError(f"{self.root}: was written by a different batch job (other inputs "
                              "or settings); use another --out, or add --restart to start over")
        before = manifest.get("fingerprints") or {}
        for name, now in self.fingerprints.items():
            if name in before and before[name] != now:
                raise ConfigError(
                    f"{name}: changed since this batch job started (size or modification "
                    f"time differ), so its finished part no longer matches it; add --restart "
                    f"to run the job again on the new inputs ({self.root})")
        return manifest

    def _save(self) -> None:
        _atomic_json(self.manifest_path, self.manifest)

    @property
    def complete(self) -> bool:
        return bool(self.manifest.get("complete"))

    def unit_done(self, key: str) -> bool:
        return key in self.manifest["units_done"]

    def mark_unit_done(self, key: str, chunks: int) -> None:
        self.manifest["units_done"][key] = {"chunks": chunks}
        self._save()

    # --- chunks ---------------------------------------------------------------------------
    def chunk_done(self, key: str) -> bool:
        return (self.staging / f"{key}.json").exists()

    def chunk_info(self, key: str) -> dict[str, Any]:
        return json.loads((self.staging / f"{key}.json").read_text(encoding="utf-8"))

    def write_chunk(self, result: ChunkResult) -> None:
        """The chunk's events, then its done mark: a kill between them redoes the chunk."""
        if self.events and result.rows:
            table = pa.Table.from_pylist(result.rows, schema=SCHEMA)
            path = self.staging / f"{result.key}.parquet"
            tmp = path.with_name(path.name + ".tmp")
            pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, path)
        _atomic_json(self.staging / f"{result.key}.json", {
            "articles": result.articles, "skipped": result.skipped,
            "other_news": result.other_news, "events": result.events,
            "failures": [list(f) for f in result.failures],
        })

    # --- the end --------------------------------------------------------------------------
    def totals(self) -> dict[str, int]:
        out = {"articles": 0, "skipped": 0, "other_news": 0, "events": 0, "failures": 0}
        for mark in sorted(self.staging.glob("u*.json")):
            info = json.loads(mark.read_text(encoding="utf-8"))
            for k in ("articles", "skipped", "other_news", "events"):
                out[k] += int(info.get(k, 0))  # "other_news": marks of older runs lack it
            out["failures"] += len(info["failures"])
        return out

    def finalize(self) -> dict[str, int]:
        """Build events/ and failures.jsonl from the staging files, then mark the job done."""
        totals = self.totals()
        if self.events:
            self._build_events()
        # streamed chunk by chunk: a corpus of bad lines can have millions of failures
        path = self.root / "failures.jsonl"
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for mark in sorted(self.staging.glob("u*.json")):
                for source, reason in json.loads(mark.read_text(encoding="utf-8"))["failures"]:
                    fh.write(json.dumps({"source": source, "reason": reason},
                                        ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        self.manifest["complete"] = True
        self.manifest["totals"] = totals
        self._save()
        shutil.rmtree(self.staging, ignore_errors=True)
        return totals

    def _build_events(self) -> None:
        tmp = self.root / ".events.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        buffers: dict[tuple[str, str], list[pa.Table]] = {}
        sizes: dict[tuple[str, str], int] = {}
        parts: dict[tuple[str, str], int] = {}

        def flush(key: tuple[str, str]) -> None:
            table = pa.concat_tables(buffers.pop(key))
            sizes.pop(key)
            folder = tmp / f"year={key[0]}" / f"month={key[1]}"
            folder.mkdir(parents=True, exist_ok=True)
            n = parts.get(key, 0)
            parts[key] = n + 1
            pq.write_table(table, folder / f"part-{n:05d}.parquet", compression="zstd")

        for path in sorted(self.staging.glob("u*.parquet")):
            table = pq.read_table(path, schema=SCHEMA)
            years = table.column("year").to_pylist()
            months = table.column("month").to_pylist()
            order: dict[tuple[str, str], list[int]] = {}
            for i, key in enumerate(zip(years, months, strict=True)):
                order.setdefault(key, []).append(i)
            for key, rows in order.items():
                part = table.take(rows).drop_columns(["year", "month"])
                buffers.setdefault(key, []).append(part)
                sizes[key] = sizes.get(key, 0) + len(rows)
                if sizes[key] >= _FLUSH_ROWS:
                    flush(key)
        for key in sorted(buffers):
            flush(key)
        final = self.root / "events"
        shutil.rmtree(final, ignore_errors=True)
        os.replace(tmp, final)

    def _wipe(self) -> None:
        for name in ("_manifest.json", "failures.jsonl"):
            (self.root / name).unlink(missing_ok=True)
        for name in (".staging", ".events.tmp", "events"):
            shutil.rmtree(self.root / name, ignore_errors=True)


def _atomic_json(path: Path, data: Any) -> None:
    _atomic_text(path, json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
