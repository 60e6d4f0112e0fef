"""The geoparse and gazetteer commands, run through click's CliRunner on real files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main

from .conftest import write_dumps


def test_geoparse_jsonl_on_a_text_file(gaz_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Clashes erupted in Tal Afar on Monday, 20 km south of Mosul.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(article), "--gazetteer", str(gaz_path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["name"] for r in rows} == {"Tal Afar", "Mosul"}
    tal = next(r for r in rows if r["name"] == "Tal Afar")
    assert set(tal) == {"article_id", "name", "start", "end", "geonames_id", "lat", "lon",
                        "country", "admin1", "feature_code", "score"}
    assert tal["article_id"] == "story" and tal["geonames_id"] == 900001
    assert tal["country"] == "Iraq" and tal["admin1"] == "Ninawa"
    text = article.read_text(encoding="utf-8")
    assert text[tal["start"]:tal["end"]] == "Tal Afar"


def test_geoparse_table_and_bad_inputs(gaz_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps({"id": "art-1", "text": "A protest was held in Beirut."}) + "\n"
                    + "{broken\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(good), str(tmp_path / "missing.txt"),
                                       "--format", "table", "--no-ner",
                                       "--gazetteer", str(gaz_path)])
    assert result.exit_code == 1  # failures recorded, the run went on
    assert "art-1" in result.stdout and "Beirut" in result.stdout
    assert "article_id" in result.stdout.splitlines()[0]
    assert "eventwire: error:" in result.stderr and "missing.txt: no such file" in result.stderr
    assert "a.jsonl:2" in result.stderr and "Traceback" not in result.stderr


def test_gazetteer_build_and_import_commands(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path)
    index = tmp_path / "cli.sqlite"
    runner = CliRunner()
    result = runner.invoke(main, ["gazetteer", "build", "--no-base", "--path", str(index),
                                  str(dumps[0])])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["gazetteer", "import", "--path", str(index), str(dumps[1])])
    assert result.exit_code == 0, result.output and "imported" in result.output
    bad = tmp_path / "junk.csv"
    bad.write_text("a,b,c\n", encoding="utf-8")
    result = runner.invoke(main, ["gazetteer", "import", "--path", str(index), str(bad)])
    assert result.exit_code == 1
    assert "eventwire: error:" in result.stderr and "junk.csv" in result.stderr
    result = runner.invoke(main, ["gazetteer", "info", "--path", str(index)])
    assert result.exit_code == 0 and "places" in result.output


def test_geoparse_demonyms_are_listed_as_references_on_request(gaz_path: Path,
                                                               tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Lebanese officials met in Mosul on Monday.\n", encoding="utf-8")
    args = ["geoparse", str(article), "--gazetteer", str(gaz_path), "--no-ner"]
    rows = [json.loads(line) for line in CliRunner().invoke(main, args).output.splitlines()]
    assert [r["name"] for r in rows] == ["Mosul"]
    result = CliRunner().invoke(main, [*args, "--demonyms"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["name"], r["role"], r["country"]) for r in rows] == [
        ("Lebanese", "demonym", "Lebanon"), ("Mosul", "place", "Iraq")]


def test_geoparse_references_list_places_inside_names(gaz_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The Mosul Chamber of Commerce sent a delegation to Beirut on Monday.\n",
                       encoding="utf-8")
    args = ["geoparse", str(article), "--gazetteer", str(gaz_path)]
    rows = [json.loads(line) for line in CliRunner().invoke(main, args).output.splitlines()]
    assert [r["name"] for r in rows] == ["Beirut"]
    for flag in ("--references", "--demonyms"):
        result = CliRunner().invoke(main, [*args, flag, "--format", "table"])
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0].split()[-1] == "role"
        mosul = next(line for line in lines[1:] if line.split()[1] == "Mosul")
        assert mosul.rstrip().endswith("in a name") and "99072" in mosul
        assert any(line.split()[1] == "Beirut" and line.rstrip().endswith("place")
                   for line in lines[1:])
