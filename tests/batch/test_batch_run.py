"""eventwire batch end to end: two worker processes, bad inputs, Parquet by date, the store,
and the same bytes from a single process without the prefilter and from a Dask LocalCluster."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from eventwire.batch import BatchOptions, run_batch

REPO = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture(scope="module")
def two_workers(corpus, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("two-workers") / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", "batch", *corpus["inputs"], "--out", str(out),
         "--workers", "2", "--chunk-size", "4"],
        capture_output=True, text=True, env=_env(), timeout=300)
    return out, proc


def test_two_workers_write_partitioned_parquet_and_record_bad_inputs(corpus, two_workers):  # type: ignore[no-untyped-def]
    out, proc = two_workers
    assert proc.returncode == 1, proc.stderr  # some inputs failed, the rest went on
    assert "Traceback" not in proc.stderr
    assert "articles/s" in proc.stderr and "ETA" in proc.stderr and "errors" in proc.stderr
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    named = " ".join(f["source"] for f in failures)
    for name in corpus["bad_names"]:
        assert name in named, (name, failures)
    # JSONL lines are parsed by the workers, chunk by chunk: still named by their line
    assert any(f["source"].endswith("/reports.jsonl:5") for f in failures), failures
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["complete"] is True
    assert manifest["totals"]["articles"] == corpus["good"]
    assert 0 < manifest["totals"]["skipped"] < corpus["good"]
    assert not (out / ".staging").exists()

    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == manifest["totals"]["events"] > 0
    rows = table.to_pylist()
    for row in rows:
        if row["date"] is None:  # pages without a report date: the null partition
            assert row["year"] is None and row["month"] is None
        else:
            assert (row["year"], row["month"]) == (int(row["date"][:4]),
                                                   int(row["date"][5:7]))
        assert json.loads(row["record"])["event_id"] == row["event_id"]
    assert any(r["date"] for r in rows) and any(r["date"] is None for r in rows)
    types = {r["event_type"] for r in rows}
    assert {"Protests", "Violence against civilians", "Battles"} <= types
    assert any(r["location"] == "Kaduna" for r in rows)
    months = {p.parent.name for p in (out / "events").rglob("*.parquet")}
    assert len(months) >= 2


def test_single_process_without_prefilter_gives_the_same_bytes(  # type: ignore[no-untyped-def]
        corpus, two_workers, tree_bytes, tmp_path):
    out, _ = two_workers
    summary = run_batch(corpus["inputs"], BatchOptions(
        out=str(tmp_path / "one"), workers=1, chunk_size=4, prefilter=False, progress=False))
    assert summary.skipped == 0
    # the job settings differ (prefilter) but what it wrote must not
    assert tree_bytes(tmp_path / "one") == tree_bytes(out)


# what pip writes for the ``eventwire`` console script (project.scripts in pyproject.toml)
_CONSOLE_SCRIPT = """\
import re
import sys
from eventwire.cli import run
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(run())
"""


def test_console_script_runs_a_local_pool(corpus, two_workers, tree_bytes, tmp_path):  # type: ignore[no-untyped-def]
    """The installed ``eventwire`` command, unlike ``python -m eventwire``, is a script each
    pool worker runs again (as ``__mp_main__``) before its work: it must not start a pool."""
    out, _ = two_workers
    script = tmp_path / "bin" / "eventwire"
    script.parent.mkdir()
    script.write_text(_CONSOLE_SCRIPT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), "batch", *corpus["inputs"], "--out",
         str(tmp_path / "script"), "--workers", "2", "--chunk-size", "4", "--quiet"],
        capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 1, proc.stderr  # the corpus's bad inputs, nothing else
    assert "Traceback" not in proc.stderr and "worker failed" not in proc.stderr
    assert tree_bytes(tmp_path / "script") == tree_bytes(out)


def test_dask_local_cluster_gives_the_same_bytes(corpus, two_workers, tree_bytes, tmp_path):  # type: ignore[no-untyped-def]
    out, _ = two_workers
    summary = run_batch(corpus["inputs"], BatchOptions(
        out=str(tmp_path / "dask"), workers=2, dask="local", chunk_size=4, progress=False))
    assert summary.backend.startswith("Dask LocalCluster")
    assert 1 <= len(summary.peak_rss_mb) <= 2  # chunks ran in the cluster's two processes
    assert tree_bytes(tmp_path / "dask") == tree_bytes(out)


def test_store_gets_every_article_and_event_once(corpus, two_workers, tmp_path):  # type: ignore[no-untyped-def]
    from eventwire.store import Store

    out, _ = two_workers
    db = str(tmp_path / "events.sqlite")
    summary = run_batch(corpus["inputs"], BatchOptions(db=db, workers=1, chunk_size=4,
                                                       progress=False))
    again = run_batch(corpus["inputs"], BatchOptions(db=db, workers=1, chunk_size=4,
                                                     progress=False))
    assert again.already_complete
    with Store.open(db) as store:
        stats = store.stats()
    manifest = json.loads((out / "_manifest.json").read_text())
    assert stats["articles"] == corpus["good"] == summary.articles
    assert stats["mentions"] == manifest["totals"]["events"]
