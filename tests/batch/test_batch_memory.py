"""A batch worker's memory settings: freed memory kept by glibc, no transparent huge pages.
Each runs in a child process, as a worker would, so this test process stays as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]


def _thp_enabled(after_setup: bool) -> str:
    code = ("import sys\n"
            f"sys.path.insert(0, {str(_ROOT)!r})\n"
            "import ctypes\n"
            "from eventwire.batch.worker import _keep_freed_memory\n"
            # a known start: this test's own process may have turned huge pages off already
            # (an in-process batch test), and the setting passes to every child
            "ctypes.CDLL('libc.so.6').prctl(41, 0, 0, 0, 0)\n"
            f"if {after_setup}: _keep_freed_memory()\n"
            "import os\n"
            "if os.fork() == 0:\n"  # the setting must reach the processes it forks
            "    line = [x for x in open('/proc/self/status') if x.startswith('THP_enabled')]\n"
            "    print(line[0].split()[1] if line else 'unknown', flush=True)\n"
            "    os._exit(0)\n"
            "os.wait()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_and_what_it_forks_use_no_transparent_huge_pages() -> None:
    before = _thp_enabled(after_setup=False)
    if before == "unknown":
        pytest.skip("this kernel does not report THP_enabled")
    assert before == "1"  # the default: the setting below is what turns them off
    assert _thp_enabled(after_setup=True) == "0"
