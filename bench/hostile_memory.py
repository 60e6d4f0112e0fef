"""Peak memory and time of `extract`, `batch` and `store add` on a hostile corpus.

    python bench/hostile_memory.py [--tiny-lines 5000000] [--big-line-mb 2048] [--keep DIR]
        [--commands extract,store-add,batch]

Writes (in a temp directory) the bad inputs eventwire has met, next to a few good reports:
a 1.9M-character article, a deeply nested JSON line, a gzip of many tiny lines (`{}`: each
a record without text), a gzip holding one huge line, an empty .jsonl, a non-UTF-8 file
name, a binary file, an empty page, CSV files that reuse ids, a saved RSS feed. Each
command runs as its own process under /usr/bin/time; prints wall seconds, peak RSS of the
command (batch: also its workers' peaks, from its own summary), the exit status, and
whether a traceback appeared. Figures only, nothing asserted.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GOOD = [
    "Gunmen killed six traders in an attack on the market of Gadabu near Kaduna, Nigeria, on "
    "4 May 2024, a local official said.",
    "Hundreds of dock workers protested outside the port authority in Mombasa, Kenya, on "
    "6 May 2024 to demand unpaid wages. The march ended peacefully.",
    "Soldiers clashed with militants near Baidoa, Somalia, on 7 May 2024; nine fighters "
    "died in the exchange of fire, an officer said.",
    "A roadside bomb hit a police truck outside Kandahar, Afghanistan, on 8 May 2024, "
    "killing three officers, the interior ministry said.",
]


def write_corpus(root: str, tiny_lines: int, big_line_mb: int) -> list[str]:
    def path(name: str) -> str:
        return os.path.join(root, name)

    with open(path("page.txt"), "w", encoding="utf-8") as fh:
        fh.write(GOOD[0] + "\n")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as fh:
        fh.write(GOOD[1].encode() + b"\n")
    with open(path("long.txt"), "w", encoding="utf-8") as fh:
        para = "\n\n".join(GOOD) + "\n\n"
        fh.write(para * (1_900_000 // len(para) + 1))
    with open(path("mixed.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "m1", "text": GOOD[2]}) + "\n")
        fh.write('{"id": "deep", "text": ' + "[" * 500_000 + "]" * 500_000 + "}\n")
        fh.write(json.dumps({"id": None, "text": GOOD[3]}) + "\n")
    open(path("empty.jsonl"), "w").close()
    with gzip.open(path("tiny.jsonl.gz"), "wb", compresslevel=9) as gz:
        block = b"{}\n" * 1_000_000
        for _ in range(tiny_lines // 1_000_000):
            gz.write(block)
    with gzip.open(path("bigline.jsonl.gz"), "wb", compresslevel=9) as gz:
        gz.write(b'{"id": "big", "text": "')
        chunk = b"a" * (1 << 20)
        for _ in range(big_line_mb):
            gz.write(chunk)
        gz.write(b'"}\n' + json.dumps({"id": "after", "text": GOOD[0]}).encode() + b"\n")
    for name, texts in (("a.csv", GOOD[:2]), ("b.csv", GOOD[2:])):
        with open(path(name), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "text"])
            w.writerows([i, t] for i, t in enumerate(texts, 1))
    with open(path("binary.txt"), "wb") as fh:
        fh.write(b"%PDF-1.4\n" + bytes(range(256)) * 64)
    with open(path("blank.txt"), "w") as fh:
        fh.write("  \n")
    return sorted(os.path.join(root, n) for n in os.listdir(root))


def run(label: str, args: list[str], out: str) -> None:
    cmd = ["/usr/bin/time", "-f", "MAXRSS_KB %M", sys.executable, "-m", "eventwire", *args]
    err_path, out_path = os.path.join(out, f"{label}.err"), os.path.join(out, f"{label}.out")
    started = time.monotonic()
    with open(err_path, "wb") as err, open(out_path, "wb") as std:
        code = subprocess.run(cmd, stdout=std, stderr=err, cwd=ROOT).returncode
    seconds = time.monotonic() - started
    rss = workers = None
    traceback = False
    summary: list[str] = []
    with open(err_path, encoding="utf-8", errors="replace") as fh:  # streamed: may be huge
        for line in fh:
            traceback = traceback or "Traceback" in line
            rss = re.search(r"MAXRSS_KB (\d+)", line) or rss
            workers = re.search(r"peak memory per worker: ([^\n]+)", line) or workers
            if re.search(r"article\(s\)|input\(s\) failed|inputs could not", line):
                summary.append(line.strip())
    with open(out_path, encoding="utf-8", errors="replace") as fh:
        last = ""
        for line in fh:
            last = line
        if "articles_added" in last:
            summary.append(last.strip())
    peak = int(rss.group(1)) / 1024 if rss else -1
    print(f"{label:<10} {seconds:7.1f} s  peak {peak:7.0f} MB  exit {code}  "
          f"traceback {'YES' if traceback else 'no'}"
          + (f"  workers {workers.group(1)}" if workers else ""))
    for line in summary[:4]:
        print(f"           {line[:160]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny-lines", type=int, default=5_000_000)
    ap.add_argument("--big-line-mb", type=int, default=2048)
    ap.add_argument("--keep", default=None, help="write the corpus here and keep it")
    ap.add_argument("--commands", default="extract,store-add,batch")
    a = ap.parse_args()
    root = a.keep or tempfile.mkdtemp(prefix="eventwire-hostile-")
    os.makedirs(root, exist_ok=True)
    if os.listdir(root):
        inputs = sorted(os.path.join(root, n) for n in os.listdir(root))
    else:
        inputs = write_corpus(root, a.tiny_lines, a.big_line_mb)
    print(f"{len(inputs)} inputs, {a.tiny_lines:,} tiny lines, one {a.big_line_mb} MB line")
    out = tempfile.mkdtemp(prefix="eventwire-hostile-out-")
    want = set(a.commands.split(","))
    if "extract" in want:
        run("extract", ["extract", *inputs, "--format", "jsonl", "-o",
                        os.path.join(out, "x.jsonl")], out)
    if "store-add" in want:
        run("store-add", ["store", "add", "--db", os.path.join(out, "s.sqlite"), *inputs], out)
    if "batch" in want:
        run("batch", ["batch", *inputs, "--out", os.path.join(out, "batch"), "--workers", "2"],
            out)


if __name__ == "__main__":
    main()
