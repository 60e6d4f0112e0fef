"""A run killed with SIGKILL midway and restarted ends with the same database as a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from eventwire.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from store_testset import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("_ingest_worker.py")


def _run(url: str, items: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(WORKER), url, str(items)],
                            stdout=subprocess.PIPE, text=True, env=env)


def _items(tmp_path: Path) -> tuple[Path, int]:
    reports = generate(seed=3, n_base=40)
    items = [(r.article.to_dict(), [r.event.to_dict()]) for r in reports]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path, len(items)


def _fresh(db_url: str, tmp_path: Path, name: str) -> str:
    if "://" not in db_url:
        return str(tmp_path / f"{name}.sqlite")
    # a second database on the same PostgreSQL server
    base, _, _ = db_url.rpartition("/")
    import psycopg

    dbname = f"{name}_{os.getpid()}_{tmp_path.name[-12:]}".replace("-", "_").lower()
    host = base.split("@", 1)[1]
    h, p = host.split(":")
    with psycopg.connect(host=h, port=int(p), user="postgres", dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    return f"{base}/{dbname}"


def test_sigkill_midway_then_restart_equals_clean_run(db_url: str, tmp_path: Path) -> None:
    items, n = _items(tmp_path)
    clean_url, crash_url = _fresh(db_url, tmp_path, "clean"), _fresh(db_url, tmp_path, "crash")

    clean = _run(clean_url, items)
    clean.communicate(timeout=300)
    assert clean.returncode == 0

    victim = _run(crash_url, items)
    assert victim.stdout is not None
    done = 0
    for _line in victim.stdout:
        done += 1
        if done >= n // 2:
            victim.send_signal(signal.SIGKILL)  # mid-run, usually mid-transaction
            break
    victim.wait(timeout=60)
    assert victim.returncode == -signal.SIGKILL
    with Store.open(crash_url) as partial:
        stored = partial.stats()["articles"]
    assert n // 2 <= stored < n  # it really stopped midway

    restart = _run(crash_url, items)
    restart.communicate(timeout=300)
    assert restart.returncode == 0

    with Store.open(clean_url) as a, Store.open(crash_url) as b:
        snap_a, snap_b = a.snapshot(), b.snapshot()
    assert len(snap_a["mentions"]) == n
    assert snap_a == snap_b
