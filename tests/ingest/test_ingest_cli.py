"""`eventwire ingest` end to end through click, on real files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from ingest_fixtures import STORY_A, STORY_B

from eventwire.cli import main


def test_ingest_writes_articles_reports_failures_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n".join(STORY_A), "utf-8")
    (tmp_path / "copy.txt").write_text("\n\n".join(STORY_A[:3]), "utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(STORY_B), "utf-8")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    ok = runner.invoke(
        main, ["ingest", str(tmp_path), "-o", str(out), "--published", "2023-05-16", "--dedup"]
    )
    assert ok.exit_code == 0, ok.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [Path(r["source_name"]).name for r in rows] == ["a.txt", "b.txt"]  # copy dropped
    assert all(r["published"] == "2023-05-16" for r in rows)

    bad = runner.invoke(main, ["ingest", str(tmp_path / "nope.txt"), str(tmp_path / "b.txt")])
    assert bad.exit_code == 1
    assert f"eventwire: error: {tmp_path / 'nope.txt'}: no such file or directory" in bad.output
    assert "1 input could not be read:" in bad.output
    assert "Traceback" not in bad.output


def test_bad_option_values_are_one_line_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", "x.txt", "--published", "yesterday"])
    assert res.exit_code == 2 and "is not a date" in res.output
    res = runner.invoke(main, ["ingest", "x.csv", "--column", "body"])
    assert res.exit_code == 2 and "FIELD=COLUMN" in res.output
