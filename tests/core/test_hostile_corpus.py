"""A hostile corpus (written here: every bad input the project has met) through `extract`,
`batch` and `store add` as a user runs them: no traceback, every input accounted for
(articles read + failures = inputs), and the good articles' events all written."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EVENT_TEXTS = [
    "Gunmen killed six traders in an attack on the market of Gadabu near Kaduna, Nigeria, on "
    "4 May 2024, a local official said.",
    "Hundreds of dock workers protested outside the port authority in Mombasa, Kenya, on "
    "6 May 2024 to demand unpaid wages. The march ended peacefully.",
    "Soldiers clashed with militants near Baidoa, Somalia, on 7 May 2024; nine fighters "
    "died in the exchange of fire, an officer said.",
    "A roadside bomb hit a police truck outside Kandahar, Afghanistan, on 8 May 2024, "
    "killing three officers, the interior ministry said.",
    "Police arrested fifteen suspected members of an armed gang in raids across Karachi, "
    "Pakistan, on 9 May 2024, a police spokesman said.",
    "An air strike on a compound east of Aleppo, Syria, killed five militants on 10 May "
    "2024, a monitoring group said.",
    "Armed men abducted three passengers from a bus near Maiduguri, Nigeria, on 11 May "
    "2024, the state police command said.",
    "Riot police fired tear gas at students who blocked the main road into Dhaka, "
    "Bangladesh, on 12 May 2024, demanding lower bus fares.",
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], capture_output=True,
                          text=True, timeout=600, errors="replace")


def _csv(path: Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "published"])
        for i, text in enumerate(texts, start=1):
            w.writerow([i, text, "2024-05-13"])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Inputs (paths), how many records they hold and which of those are good."""
    root = tmp_path_factory.mktemp("hostile")
    good = root / "good"
    good.mkdir()
    t = EVENT_TEXTS
    inputs: list[str] = []
    (root / "page.txt").write_text(t[0] + "\n", encoding="utf-8")
    (root / "page.html").write_text(
        f"<html><body><article><p>{t[1]}</p></article></body></html>", encoding="utf-8")
    weird = os.path.join(os.fsencode(str(root)), b"caf\xe9-report.txt")  # not UTF-8
    with open(weird, "wb") as fh:
        fh.write(t[2].encode() + b"\n")
    (root / "long.txt").write_text(("\n\n".join(t) + "\n\n") * 250, encoding="utf-8")
    deep = '{"id": "deep", "text": ' + "[" * 200_000 + "]" * 200_000 + "}"
    (root / "mixed.jsonl").write_text("\n".join([
        json.dumps({"id": "m1", "text": t[3]}), deep,
        json.dumps({"id": None, "text": t[4]}), json.dumps({"id": "m4", "text": t[5]}),
    ]) + "\n", encoding="utf-8")
    (root / "empty.jsonl").write_text("", encoding="utf-8")
    _csv(root / "a.csv", [t[6], t[7]])
    _csv(root / "b.csv", [t[0] + " Residents fled.", t[1] + " Shops closed."])
    (root / "binary.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (root / "blank.txt").write_text("   \n", encoding="utf-8")
    (root / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire'
        f"</title><item><title>Report</title><content:encoded>&lt;p&gt;{t[3]}&lt;/p&gt;"
        "&lt;p&gt;Markets in the city stayed shut for the rest of the day and traders said "
        "they would wait for the police to reopen the roads before going back.&lt;/p&gt;"
        "&lt;p&gt;The provincial governor called a meeting of elders for the next morning "
        "and asked residents to stay calm while the investigation went on.&lt;/p&gt;"
        "</content:encoded><pubDate>Mon, 13 May 2024 08:00:00 GMT</pubDate>"
        "</item>"
        "</channel></rss>", encoding="utf-8")
    inputs = [str(root / n) for n in ("page.txt", "page.html")] + [os.fsdecode(weird)] + [
        str(root / n) for n in ("long.txt", "mixed.jsonl", "empty.jsonl", "a.csv", "b.csv",
                                "binary.txt", "blank.txt", "feed.rss")]
    # the same good articles, alone, for the events a clean run writes
    (good / "page.txt").write_text(t[0] + "\n", encoding="utf-8")
    (good / "page.html").write_text((root / "page.html").read_text("utf-8"), "utf-8")
    (good / "cafe.txt").write_text(t[2] + "\n", encoding="utf-8")
    (good / "mixed.jsonl").write_text("\n".join(
        json.dumps({"id": i, "text": x}) for i, x in (("m1", t[3]), (None, t[4]),
                                                       ("m4", t[5]))) + "\n", "utf-8")
    for n in ("a.csv", "b.csv", "feed.rss"):
        (good / n).write_bytes((root / n).read_bytes())
    clean = [str(good / n) for n in ("page.txt", "page.html", "cafe.txt", "mixed.jsonl",
                                     "a.csv", "b.csv", "feed.rss")]
    # records: 1+1+1 pages, long 1, jsonl 4, empty 1, csv 2+2, binary 1, blank 1, feed 1
    return {"root": root, "inputs": inputs, "records": 16, "failures": 5, "clean": clean}


@pytest.fixture(scope="module")
def clean_events(hostile: dict) -> int:
    res = _run("extract", *hostile["clean"], "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    n = len(res.stdout.splitlines())
    assert n >= 8  # the good texts do report events
    return n


def _no_traceback(res: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout, res.stderr[-3000:]


def test_extract_accounts_for_every_input(hostile: dict, clean_events: int) -> None:
    res = _run("extract", *hostile["inputs"], "--format", "jsonl")
    _no_traceback(res)
    assert res.returncode == 1
    m = re.search(r"(\d+) article\(s\) read, (\d+) event\(s\) written; (\d+) input\(s\) failed",
                  res.stderr)
    assert m, res.stderr
    read, events, failed = map(int, m.groups())
    assert read + failed == hostile["records"] and failed == hostile["failures"]
    assert events == len(res.stdout.splitlines()) == clean_events
    for what in ("long.txt: article text is", "mixed.jsonl:2:", "empty.jsonl: empty input",
                 "binary.txt: binary file", "blank.txt: empty input"):
        assert what in res.stderr, what


def test_store_add_accounts_for_every_input(hostile: dict, clean_events: int,
                                            tmp_path: Path) -> None:
    db = str(tmp_path / "hostile.sqlite")
    res = _run("store", "add", "--db", db, *hostile["inputs"])
    _no_traceback(res)
    assert res.returncode == 1
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["articles_added"] + out["failed"] == hostile["records"]
    assert out["failed"] == hostile["failures"] and out["articles"] == hostile["records"] - 5
    assert out["mentions"] == clean_events


def test_batch_accounts_for_every_input_and_a_rerun_finishes(hostile: dict, clean_events: int,
                                                             tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    res = _run("batch", *hostile["inputs"], "--out", str(out_dir), "--workers", "1",
               "--chunk-size", "3")
    _no_traceback(res)
    assert res.returncode == 1
    m = re.search(r"([\d,]+) article\(s\), ([\d,]+) event\(s\), ([\d,]+) failure\(s\)",
                  res.stderr)
    assert m, res.stderr
    articles, events, failures = (int(x.replace(",", "")) for x in m.groups())
    assert articles + failures == hostile["records"] and failures == hostile["failures"]
    assert events == clean_events
    again = _run("batch", *hostile["inputs"], "--out", str(out_dir), "--workers", "1",
                 "--chunk-size", "3")
    _no_traceback(again)
    assert "already complete" in again.stderr
