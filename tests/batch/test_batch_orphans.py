"""Killing only the batch coordinator (SIGKILL, no chance to clean up) takes its worker
processes with it: nothing is left running, holding a model's worth of memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from procs import alive


def _workers(pid: int) -> list[int]:
    """Pool processes below ``pid``: the fork server and the workers forked from it (or,
    where there is no fork server, spawned workers); not the resource tracker."""
    parents: dict[int, int] = {}
    cmds: dict[int, bytes] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmds[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    out = []
    for child, parent in parents.items():
        while parent not in (pid, 0, 1) and parent in parents:
            parent = parents[parent]
        if parent == pid and (b"forkserver" in cmds[child] or b"spawn_main" in cmds[child]):
            out.append(child)
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_coordinator(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # enough articles that the workers are still at work when they are looked for (a warm
    # machine codes the shared corpus's two dozen in well under the polling interval)
    reports = Path(corpus["inputs"][0]).read_text(encoding="utf-8").splitlines()
    big = tmp_path / "many.jsonl"
    big.write_text("\n".join(line.replace('"id": "', f'"id": "x{n}-') for n in range(40)
                             for line in reports) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "batch", str(big), "--out",
         str(tmp_path / "out"), "--workers", "2", "--chunk-size", "1", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        end = time.monotonic() + 120
        while time.monotonic() < end and len(workers) < 2 and proc.poll() is None:
            workers = _workers(proc.pid)
            time.sleep(0.2)
        assert len(workers) >= 2, "the pool's processes never started"
        time.sleep(1.0)  # let them get on with loading the model (or the first chunk)
        workers = _workers(proc.pid)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    end = time.monotonic() + 30
    while time.monotonic() < end and any(alive(p) for p in workers):
        time.sleep(0.2)
    left = [p for p in workers if alive(p)]
    for p in left:  # leave nothing behind even when the test fails
        os.kill(p, signal.SIGKILL)
    assert not left, f"workers {left} outlived their coordinator"
