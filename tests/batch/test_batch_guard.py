"""A fault nobody foresaw in one input (injected here) is that input's failure: the reader
and a batch worker name it and go on, so a rerun of the job can always finish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire.ingest.corpora as corpora
from eventwire.batch.worker import Chunk, process_chunk
from eventwire.ingest import InputFailure, read_inputs

TEXTS = [
    "Gunmen killed four herders in an attack near Gadabu, Kaduna State, Nigeria, on 2 June "
    "2024, police said.",
    "POISON: this record makes the parser fail in a way nobody planned for.",
    "Hundreds of nurses protested outside the health ministry in Nairobi, Kenya, on 3 June "
    "2024 to demand unpaid wages.",
]


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpora.json.loads

    def loads(raw, *args, **kw):  # type: ignore[no-untyped-def]
        if b"POISON" in (raw if isinstance(raw, bytes) else raw.encode()):
            raise MemoryError("injected fault")
        return real(raw, *args, **kw)

    monkeypatch.setattr(corpora.json, "loads", loads)


def _lines() -> list[bytes]:
    return [json.dumps({"id": f"g{i}", "text": t}).encode() + b"\n" for i, t in enumerate(TEXTS)]


def test_a_worker_names_the_faulty_line_and_codes_the_rest(poisoned: None) -> None:
    chunk = Chunk("u000000-c000000", lines=_lines(), numbers=[1, 3, 4], source="c.jsonl")
    result = process_chunk(chunk)
    assert result.articles == 2
    assert [src for src, _ in result.failures] == ["c.jsonl:3"]
    assert "MemoryError" in result.failures[0][1]
    assert result.events >= 2


def test_the_reader_names_a_faulty_record_and_reads_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpora.article_from_string

    def fragile(data, **kw):  # type: ignore[no-untyped-def]
        if "POISON" in (data if isinstance(data, str) else data.decode()):
            raise TypeError("injected fault")
        return real(data, **kw)

    monkeypatch.setattr(corpora, "article_from_string", fragile)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"".join(_lines()))
    items = list(read_inputs([str(corpus), str(corpus)]))
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert len(items) == 6 and len(failures) == 2
    assert all(f.source.endswith("c.jsonl:2") and "TypeError" in f.reason for f in failures)
