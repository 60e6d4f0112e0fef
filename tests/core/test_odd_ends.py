"""Odd inputs get one clear line, never a traceback or a silent nothing: unwritable output,
a misspelt database, gold rows without text, JSONL ids that are null, changed batch inputs,
feeds that answer 200 with something that is not a feed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.ingest import read_inputs

TEXT = ("Gunmen killed four herders in an attack near Gadabu, Kaduna State, Nigeria, on "
        "2 June 2024, police said.")


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(main, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res


def test_extract_to_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(TEXT, encoding="utf-8")
    res = _invoke("extract", str(page), "-o", str(tmp_path / "missing" / "x.jsonl"))
    assert res.exit_code == 2
    assert "missing/x.jsonl: cannot write" in res.output and "Traceback" not in res.output


def test_reading_commands_do_not_create_a_misspelt_database(tmp_path: Path) -> None:
    typo = tmp_path / "typo.sqlite"
    for args in (["export", "--db", str(typo)], ["store", "info", "--db", str(typo)]):
        res = _invoke(*args)
        assert res.exit_code != 0 and "no event store there" in res.output
        assert not typo.exists()


def test_web_commands_do_not_create_a_misspelt_database(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # serving or handing out tokens for a store that is not there would show an empty map
    # (or a token for nothing) instead of saying the path is wrong
    import uvicorn

    def serve_nothing(*args: object, **kwargs: object) -> None:
        raise AssertionError("serve started a server on a store that does not exist")

    monkeypatch.setattr(uvicorn, "run", serve_nothing)
    typo = tmp_path / "typo.sqlite"
    for args in (["serve", "--db", str(typo)],
                 ["token", "list", "--db", str(typo)],
                 ["token", "create", "Ana Reviewer", "--db", str(typo)],
                 ["token", "revoke", "0123abcd", "--db", str(typo)]):
        res = _invoke(*args)
        assert res.exit_code == 2 and "no event store there" in res.output, (args, res.output)
        assert not typo.exists()


def test_jsonl_null_id_gets_an_id_and_an_empty_file_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": None, "text": TEXT}) + "\n", encoding="utf-8")
    [art] = list(read_inputs([str(corpus)]))
    assert art.article_id and art.article_id != "None"
    empty = tmp_path / "none.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    res = _invoke("extract", str(empty))
    assert res.exit_code == 1 and "none.jsonl: empty input" in res.output


def test_eval_counts_a_gold_row_without_text(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "g1", "text": TEXT, "date": "2024-06-03",
             "event_type": "Violence against civilians", "sub_event_type": "Attack",
             "country": "Nigeria"},
            {"id": "g2", "date": "2024-06-03", "event_type": "Protests"}]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = _invoke("eval", str(gold), "--json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["records"] == 2 and report["without_text"] == 1


def test_batch_refuses_to_resume_after_an_input_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "c1", "text": TEXT}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(corpus), "--out", str(out), "--workers", "1", "--quiet"]
    assert _invoke(*args).exit_code == 0
    corpus.write_text(json.dumps({"id": "c1", "text": TEXT}) + "\n"
                      + json.dumps({"id": "c2", "text": TEXT + " Shops closed."}) + "\n",
                      encoding="utf-8")
    res = _invoke(*args)
    assert res.exit_code != 0
    assert "c.jsonl: changed since this batch job started" in res.output
    assert _invoke(*args, "--restart").exit_code == 0


@pytest.fixture
def bad_feeds() -> Iterator[str]:
    bodies = {
        "/page.xml": (b"<html><body><p>Not a feed, a page.</p></body></html>", "text/html"),
        "/empty.xml": (b"", "application/rss+xml"),
        "/broken.xml": (b'<?xml version="1.0"?><rss><channel><item><title>x</ite',
                        "application/rss+xml"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if self.path not in bodies:  # robots.txt
                self.send_response(404)
                self.end_headers()
                return
            body, ctype = bodies[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        yield "\n".join(base + p for p in bodies) + "\n"
    finally:
        server.shutdown()
        server.server_close()


def test_watch_once_fails_when_every_feed_answers_200_with_no_feed(
        bad_feeds: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(bad_feeds, encoding="utf-8")
    res = _invoke("watch", str(feeds), "--once", "--db", str(tmp_path / "w.sqlite"),
                  "--allow-private", "--min-interval", "0")
    assert res.exit_code == 1, res.output
    assert "every feed failed (3)" in res.output
