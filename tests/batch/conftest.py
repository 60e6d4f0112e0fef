"""A small corpus written for these tests: short event and no-event reports as JSONL, a
folder of .txt pages, and inputs that must fail (empty page, binary page, broken JSON line,
a missing file). Built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_texts import EVENTS as _EVENTS
from batch_texts import QUIET as _QUIET


def _texts() -> list[str]:
    return [t for pair in zip(_EVENTS, _QUIET + _QUIET, strict=False) for t in pair] + \
        _EVENTS[len(_QUIET):]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Paths of the inputs, and how many good articles they hold."""
    root = tmp_path_factory.mktemp("batch-corpus")
    texts = _texts()
    jsonl = root / "reports.jsonl"
    lines = []
    for i, text in enumerate(texts):
        day = 1 + (i * 5) % 27
        month = 1 + i % 3
        lines.append(json.dumps({"id": f"r{i:03d}", "text": text,
                                 "published": f"2023-{month:02d}-{day:02d}",
                                 "url": f"https://example.org/r{i}"}))
        if i == 3:
            lines.append('{"id": "broken", "text": "no closing brace"')
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages = root / "pages"
    pages.mkdir()
    for i, text in enumerate(_EVENTS[:3] + _QUIET[:2]):
        (pages / f"page{i}.txt").write_text(text + "\n", encoding="utf-8")
    (pages / "empty.txt").write_text("   \n", encoding="utf-8")
    (pages / "binary.txt").write_bytes(bytes(range(256)) * 8)
    missing = root / "missing.jsonl"
    return {
        "inputs": [str(jsonl), str(pages), str(missing)],
        "good": len(texts) + 5,
        "bad_names": ["empty.txt", "binary.txt", "missing.jsonl", "reports.jsonl"],
        "root": root,
    }


@pytest.fixture(scope="session")
def tree_bytes():  # type: ignore[no-untyped-def]
    return _tree_bytes


def _tree_bytes(root: Path) -> dict[str, bytes]:
    """Every output file under ``root`` (events and failures) by relative path."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and (rel.startswith("events/") or rel == "failures.jsonl"):
            out[rel] = path.read_bytes()
    return out
