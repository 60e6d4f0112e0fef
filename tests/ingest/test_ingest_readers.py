"""read_inputs over real files: pages, folders, stdin, JSONL, CSV, Parquet, size limits."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from ingest_fixtures import STORY_A, STORY_B, STORY_FR, news_page

from eventwire.ingest import InputFailure, read_inputs, summarize_failures
from eventwire.records import Article

TEXT_A = "\n\n".join(STORY_A)
TEXT_B = "\n\n".join(STORY_B)


def _split(items: list) -> tuple[list[Article], list[InputFailure]]:
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, InputFailure)]
    assert len(arts) + len(fails) == len(items)
    return arts, fails


def test_text_and_html_files_with_default_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, "utf-8")
    (tmp_path / "b.html").write_text(news_page("Checkpoint attack", STORY_B, date=None), "utf-8")
    day = dt.date(2023, 6, 1)
    arts, fails = _split(
        list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.html")], published=day))
    )
    assert fails == []
    assert [a.source_name for a in arts] == [str(tmp_path / "a.txt"), str(tmp_path / "b.html")]
    assert all(a.published == day for a in arts)
    assert arts[1].title == "Checkpoint attack"


def test_directory_is_walked_recursively_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "c.txt").write_text(TEXT_B, "utf-8")
    (tmp_path / "b.htm").write_text(news_page("Bread protest", STORY_A), "utf-8")
    (tmp_path / "a.txt").write_text(TEXT_A, "utf-8")
    (tmp_path / "notes.md").write_text("not an input", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    names = [a.source_name for a in read_inputs([str(tmp_path)])]
    assert names == [str(tmp_path / n) for n in ("a.txt", "b.htm", "z/c.txt")]
    again = [a.article_id for a in read_inputs([str(tmp_path)])]
    assert again == [a.article_id for a in read_inputs([str(tmp_path)])]


def test_every_bad_input_yields_one_failure_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fr.txt").write_text("\n\n".join(STORY_FR), "utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "ok.txt").write_text(TEXT_A, "utf-8")
    (tmp_path / "emptydir").mkdir()
    inputs = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "fr.txt"),
        str(tmp_path / "bin.txt"),
        str(tmp_path / "emptydir"),
        str(tmp_path / "ok.txt"),
    ]
    arts, fails = _split(list(read_inputs(inputs)))
    assert [a.source_name for a in arts] == [str(tmp_path / "ok.txt")]
    reasons = {Path(f.source).name: f.reason for f in fails}
    assert reasons["missing.txt"] == "no such file or directory"
    assert reasons["empty.txt"].startswith("empty input")
    assert reasons["fr.txt"] == "language 'fr' is not supported"
    assert reasons["bin.txt"].startswith("binary file")
    assert reasons["emptydir"].startswith("directory has no inputs")
    summary = summarize_failures(fails)
    assert summary.splitlines()[0] == "5 inputs could not be read:"
    assert f"  {tmp_path / 'missing.txt'}: no such file or directory" in summary
    assert summarize_failures([]) == ""


def test_a_50_mb_file_fails_quickly_on_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # a sparse file: reading it would take long, stat is instant
        fh.truncate(50 * 1024 * 1024)
    start = time.monotonic()
    (fail,) = list(read_inputs([str(big)]))
    assert isinstance(fail, InputFailure)
    assert "50.0 MB is over the 20.0 MB limit" in fail.reason
    assert time.monotonic() - start < 5  # a sanity bound, not a benchmark


def test_jsonl_lines_ids_dates_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": TEXT_A,
                "url": "https://news.example/a1",
                "published": "2023-05-17",
                "title": "Bread protest",
            }
        ),
        "{not json",
        json.dumps({"id": "b2", "html": news_page("Checkpoint attack", STORY_B, date=None)}),
        json.dumps({"id": "c3", "title": "no text"}),
        "",
        json.dumps({"id": "d4", "text": TEXT_B, "published": "last week"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    arts, fails = _split(list(read_inputs([str(path)], published=dt.date(2020, 1, 1))))
    assert [a.article_id for a in arts] == ["a1", "b2"]
    assert arts[0].published == dt.date(2023, 5, 17)
    assert arts[0].outlet == "news.example"
    assert arts[0].source_name == f"{path}:1"
    assert arts[1].published == dt.date(2020, 1, 1)
    assert arts[1].title == "Checkpoint attack"
    got = {f.source: f.reason for f in fails}
    assert got[f"{path}:2"].startswith("malformed JSON line")
    assert "no 'text' or 'html'" in got[f"{path}:4"]
    assert got[f"{path}:6"].startswith("'published' is not a date")
    assert got[f"{path}:7"] == "JSON line is not an object {...}"


def test_truncated_gzipped_jsonl(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"r{i}", "text": TEXT_A + f" Item {i}."}) for i in range(200)]
    data = gzip.compress(("\n".join(rows) + "\n").encode("utf-8"))
    path = tmp_path / "part.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    arts, fails = _split(list(read_inputs([str(path)])))
    assert len(fails) == 1 and fails[0].reason.startswith("truncated or corrupt gzip")
    assert 0 < len(arts) < 200


def test_csv_with_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["doc", "body", "day", "link"])
    writer.writerow(["x1", TEXT_A, "2023-05-16", "https://www.courier.example/x1"])
    writer.writerow(["x2", "", "2023-05-16", ""])
    writer.writerow(["x3", TEXT_B, "2023-05-19", ""])
    path.write_text(buf.getvalue(), "utf-8")
    mapping = {"id": "doc", "text": "body", "published": "day", "url": "link"}
    arts, fails = _split(list(read_inputs([str(path)], column_map=mapping)))
    assert [a.article_id for a in arts] == ["x1", "x3"]
    assert arts[0].outlet == "courier.example"
    assert arts[1].published == dt.date(2023, 5, 19)
    x2_line = path.read_text("utf-8").splitlines().index("x2,,2023-05-16,") + 1
    assert len(fails) == 1 and fails[0].source == f"{path}:{x2_line}"
    # Without the mapping the reader says which column it wanted.
    (fail,) = list(read_inputs([str(path)]))
    assert isinstance(fail, InputFailure) and "--column text=NAME" in fail.reason


def test_parquet_with_reversed_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    table = pa.table(
        {
            "uid": ["p1", "p2"],
            "content": [TEXT_A, "\n\n".join(STORY_FR)],
            "date": [dt.date(2023, 5, 16), dt.date(2023, 5, 18)],
        }
    )
    pq.write_table(table, path)
    arts, fails = _split(
        list(read_inputs([str(path)], column_map={"uid": "id", "content": "text"}))
    )
    assert [a.article_id for a in arts] == ["p1"]
    assert arts[0].published == dt.date(2023, 5, 16)
    assert fails == [InputFailure(f"{path}:2", "language 'fr' is not supported")]


def test_stdin_plain_text_and_jsonl() -> None:
    (art,) = list(read_inputs(["-"], stdin=io.BytesIO(TEXT_A.encode("utf-8"))))
    assert isinstance(art, Article) and art.source_name == "<stdin>"
    stream = io.BytesIO(
        (
            json.dumps({"id": "s1", "text": TEXT_A})
            + "\n"
            + json.dumps({"id": "s2", "text": TEXT_B})
            + "\n"
        ).encode("utf-8")
    )
    arts = list(read_inputs(["-"], stdin=stream))
    assert [a.article_id for a in arts] == ["s1", "s2"]
    (fail,) = list(read_inputs(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(fail, InputFailure) and fail.source == "<stdin>"
