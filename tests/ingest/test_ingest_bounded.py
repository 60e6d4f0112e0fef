"""Reading lines in bounded memory: an over-long JSONL line (in a .gz file or on stdin) is
one failure, read through in blocks, and the lines after it are still read."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from eventwire.ingest import IngestOptions, InputFailure, read_inputs
from eventwire.ingest.corpora import bounded_lines
from eventwire.records import Article

GOOD = json.dumps({"id": "g", "text": "Gunmen killed five villagers in an attack near "
                   "Kaduna, Nigeria, on Monday, police said."}).encode()
HUGE = b'{"id": "big", "text": "' + b"a" * 300_000 + b'"}'


def test_bounded_lines_cut_long_lines_and_go_on() -> None:
    lines = list(bounded_lines(io.BytesIO(HUGE + b"\n" + GOOD + b"\n" + b"tail"), 1000))
    assert [len(x) for x in lines] == [1001, len(GOOD) + 1, 4]
    assert lines[1] == GOOD + b"\n"


def _kinds(items: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(i.source, i.reason) if isinstance(i, InputFailure) else ("article", i.article_id)
            for i in items]


def test_a_huge_line_in_a_gzip_and_on_stdin_is_one_failure(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wb") as gz:
        gz.write(HUGE + b"\n" + GOOD + b"\n")
    opts = IngestOptions(max_bytes=100_000)
    items = list(read_inputs([str(corpus)], options=opts))
    assert _kinds(items) == [(f"{corpus}:1", "line is over the size limit per article"),
                             ("article", "g")]
    items = list(read_inputs(["-"], stdin=io.BytesIO(HUGE + b"\n" + GOOD + b"\n"),
                             options=opts))
    assert _kinds(items) == [("<stdin>:1", "line is over the size limit per article"),
                             ("article", "g")]
    assert isinstance(items[1], Article)
