"""Gazetteer speed: index build time and size, load time, memory, mentions resolved per second.

    PYTHONPATH=. python bench/geo_speed.py [--skip-build] [--articles N]

Builds the default index into a temporary file (unless --skip-build, which times the index at
$EVENTWIRE_GAZETTEER / the cache directory), then geoparses N synthetic articles made from
gazetteer names and templates written here (no dev data), without NER so the figure is the
geocoder's own cost.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.geo import Geocoder, build_index, default_path

_TEMPLATES = [
    "On {d} March, gunmen attacked a checkpoint in {a} ({b}), killing two soldiers.",
    "Protesters gathered in {a} and marched toward {b} to demand higher wages.",
    "Shelling hit villages 12 km west of {a}, while clashes continued near {b}.",
    "Troops from {a} were deployed to {b} after the attack on the market.",
    "A roadside bomb exploded on the outskirts of {a}; residents fled to {b}.",
]


def _rss_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss survives exec on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--articles", type=int, default=3000)
    args = ap.parse_args(argv)
    tmp = None
    if args.skip_build:
        path = default_path()
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "gazetteer.sqlite"
        t0 = time.perf_counter()
        stats = build_index(path)
        print(f"build: {time.perf_counter() - t0:.1f} s, {stats['places']:,} places, "
              f"{stats['names']:,} names, {path.stat().st_size / 1e6:.1f} MB on disk, "
              f"peak RSS while building {_rss_mb():.0f} MB")
        # load and parse in a fresh process so the build's memory does not count
        env = dict(os.environ, EVENTWIRE_GAZETTEER=str(path))
        code = subprocess.call([sys.executable, __file__, "--skip-build", "--articles",
                                str(args.articles)], env=env)
        tmp.cleanup()
        return code
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    geo = Geocoder(path)
    print(f"load: {time.perf_counter() - t0:.3f} s, peak RSS {_rss_mb():.0f} MB "
          f"(+{_rss_mb() - rss0:.0f} MB for the geocoder)")
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute(
        "SELECT name FROM places WHERE fclass='P' ORDER BY random() LIMIT 4000")]
    con.close()
    rng = random.Random(1)
    texts = [rng.choice(_TEMPLATES).format(d=rng.randint(1, 28), a=rng.choice(names),
                                           b=rng.choice(names)) for _ in range(args.articles)]
    for label, batch in (("cold", texts), ("warm", texts)):
        t0 = time.perf_counter()
        n_mentions = resolved = 0
        for text in batch:
            ms = geo.geoparse(text)
            n_mentions += len(ms)
            resolved += sum(1 for m in ms if m.place is not None)
            geo.locate_event(text, ms, (0, len(text)), None)
        secs = time.perf_counter() - t0
        print(f"geoparse+locate ({label} cache): {len(batch)} articles, {n_mentions} mentions "
              f"({resolved} resolved) in {secs:.2f} s = {n_mentions / secs:,.0f} mentions/s, "
              f"{len(batch) / secs:,.0f} articles/s")
    print(f"peak RSS after parsing: {_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
