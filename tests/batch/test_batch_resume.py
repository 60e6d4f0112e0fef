"""A batch run killed with SIGKILL mid-way and started again ends with the same files as an
uninterrupted run; a finished job is not redone; a changed job is refused."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.batch import BatchOptions, run_batch
from eventwire.errors import EventwireError

REPO = Path(__file__).resolve().parents[2]


def _command(inputs: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "eventwire", "batch", *inputs, "--out", str(out),
            "--workers", "1", "--chunk-size", "2", "--quiet"]


def test_killed_run_restarted_ends_like_a_clean_run(corpus, tree_bytes, tmp_path):  # type: ignore[no-untyped-def]
    inputs = corpus["inputs"]
    killed = tmp_path / "killed"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(_command(inputs, killed), env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        staging = killed / ".staging"
        while time.monotonic() < deadline and proc.poll() is None:
            if len(list(staging.glob("*.json"))) >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    manifest = json.loads((killed / "_manifest.json").read_text())
    assert manifest["complete"] is False
    done_before = {p.name for p in (killed / ".staging").glob("*.json")}
    assert done_before

    resumed = run_batch(inputs, BatchOptions(out=str(killed), workers=1, chunk_size=2,
                                             progress=False))
    # the restart did only what was left
    assert resumed.articles_this_run < resumed.articles
    clean = run_batch(inputs, BatchOptions(out=str(tmp_path / "clean"), workers=1,
                                           chunk_size=2, progress=False))
    assert clean.articles == resumed.articles and clean.events == resumed.events
    assert tree_bytes(killed) == tree_bytes(tmp_path / "clean")
    assert tree_bytes(killed)  # not two empty trees

    again = run_batch(inputs, BatchOptions(out=str(killed), workers=1, chunk_size=2,
                                           progress=False))
    assert again.already_complete and again.articles_this_run == 0

    with pytest.raises(EventwireError, match="different batch job"):
        run_batch(inputs, BatchOptions(out=str(killed), workers=1, chunk_size=3,
                                       progress=False))
