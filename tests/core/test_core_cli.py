"""The command line on real files the test writes, including bad inputs."""

import csv
import io
import json
import subprocess
import sys

import pytest

TEXT = ("On 2 April 2024, unknown gunmen shot dead a village chief in Kaduna, "
        "police said.\n")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin,
                          capture_output=True, timeout=300)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><body><article><p>Hundreds of students protested in Nairobi on 3 April 2024 "
        "against fee increases, marching to the ministry of education.</p><p>Police "
        "watched the march, which ended peacefully in the afternoon after speeches by "
        "student leaders.</p></article></body></html>", encoding="utf-8")
    return tmp_path


def test_extract_jsonl_from_a_directory(corpus):
    res = run("extract", str(corpus), "--format", "jsonl")
    assert res.returncode == 0, res.stderr.decode()
    rows = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert {r["sub_event_type"] for r in rows} >= {"Attack", "Peaceful protest"}
    attack = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert attack["location"]["iso3"] == "NGA"
    assert attack["fatalities"]["best"] == 1
    assert attack["date"] == "2024-04-02"


def test_extract_from_stdin_and_jsonl_articles_with_formats(tmp_path):
    res = run("extract", "-", "--published", "2024-04-03", "--format", "csv",
              stdin=TEXT.encode())
    assert res.returncode == 0, res.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode())))
    assert rows and rows[0]["sub_event_type"] == "Attack"
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(json.dumps({"id": "r1", "text": TEXT, "published": "2024-04-03"}) + "\n",
                      encoding="utf-8")
    res = run("extract", str(corpus), "--format", "geojson")
    assert res.returncode == 0, res.stderr.decode()
    collection = json.loads(res.stdout)
    assert collection["features"][0]["properties"]["article_id"] == "r1"
    assert collection["features"][0]["geometry"]["type"] == "Point"
    res = run("extract", str(corpus), "--format", "acled-csv")
    row = next(csv.DictReader(io.StringIO(res.stdout.decode())))
    assert row["event_type"] == "Violence against civilians" and row["country"] == "Nigeria"
    assert row["region"] == "Western Africa"


def test_bad_inputs_are_one_line_each_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin.txt").write_bytes("Des manifestants ont d\xe9fil\xe9 \xe0 Paris "
                                         "contre la r\xe9forme des retraites.".encode("latin-1"))
    (tmp_path / "french.txt").write_text(
        "Des milliers de manifestants ont défilé samedi à Paris contre la réforme des "
        "retraites, à l'appel des syndicats, selon la police et les organisateurs.",
        encoding="utf-8")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body>"
                                       "</html>", encoding="utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.write(b"word " * (50 * 1024 * 1024 // 5))
    names = ["empty.txt", "binary.txt", "latin.txt", "french.txt", "nav.html", "huge.txt",
             "missing.txt"]
    res = run("extract", str(good), *[str(tmp_path / n) for n in names], "--format", "jsonl")
    err = res.stderr.decode()
    assert res.returncode == 1
    assert "Traceback" not in err
    for name in names:
        lines = [ln for ln in err.splitlines() if name in ln]
        assert lines, f"{name} not reported:\n{err}"
    events = [json.loads(line) for line in res.stdout.decode().splitlines()]
    assert events and events[0]["sub_event_type"] == "Attack"


def test_no_input_on_a_terminal_is_a_usage_error_not_a_traceback():
    res = run("eval", "/nonexistent/gold.jsonl")
    assert res.returncode == 2
    assert b"Traceback" not in res.stderr
    assert b"no such gold file" in res.stderr


def test_extract_with_the_shipped_classifier_keeps_the_record_shape(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text("On 5 March 2024, soldiers clashed with rebels near Goma, killing four "
                    "fighters, the army said.\n", encoding="utf-8")
    res = run("extract", str(page), "--model", "default", "--format", "jsonl")
    assert res.returncode == 0, res.stderr.decode()
    event = json.loads(res.stdout.decode().splitlines()[0])
    assert event["event_type"] == "Battles"
    assert event["plover"] and event["cameo"]
    bad = run("extract", str(page), "--model", str(tmp_path / "missing.json"))
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
