"""WARC (written with warcio) and ARC archives, gzipped or not, including a truncated one."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from ingest_fixtures import STORY_A, STORY_B, STORY_FR, news_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import InputFailure, read_inputs
from eventwire.records import Article


def _write_warc(path: Path, gz: bool, pages: list[tuple[str, str, bytes]]) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, body in pages:
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)


def _pages() -> list[tuple[str, str, bytes]]:
    return [
        (
            "https://www.courier.example/a",
            "text/html; charset=utf-8",
            news_page("Bread protest", STORY_A).encode("utf-8"),
        ),
        ("https://www.courier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"0" * 50),
        (
            "https://hilltimes.example/b",
            "text/html",
            news_page("Checkpoint attack", STORY_B, date="2019-06-02").encode("utf-8"),
        ),
        (
            "https://journal.example/fr",
            "text/html",
            news_page("Manifestation", STORY_FR, lang="fr").encode("utf-8"),
        ),
    ]


def test_warc_gz_and_plain_warc_yield_html_responses_only(tmp_path: Path) -> None:
    for name, gz in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = tmp_path / name
        _write_warc(path, gz, _pages())
        items = list(read_inputs([str(path)]))
        arts = [i for i in items if isinstance(i, Article)]
        fails = [i for i in items if isinstance(i, InputFailure)]
        assert [a.url for a in arts] == [
            "https://www.courier.example/a",
            "https://hilltimes.example/b",
        ]
        assert [a.outlet for a in arts] == ["courier.example", "hilltimes.example"]
        assert arts[1].published is not None and arts[1].published.isoformat() == "2019-06-02"
        assert STORY_B[0] in arts[1].text
        assert len(fails) == 1 and fails[0].reason == "language 'fr' is not supported"
        assert fails[0].source.startswith(f"{path}@") and "journal.example/fr" in fails[0].source


def test_truncated_warc_gz_keeps_earlier_records_and_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    pages = [
        (
            f"https://www.courier.example/{i}",
            "text/html",
            news_page(f"Story {i}", STORY_A + [f"Update number {i} was added."]).encode(),
        )
        for i in range(6)
    ]
    _write_warc(path, True, pages)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.7)])
    items = list(read_inputs([str(path)]))
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, InputFailure)]
    assert 1 <= len(arts) < 6
    assert len(fails) == 1 and fails[0].source == str(path)
    assert "truncated" in fails[0].reason or "not a readable" in fails[0].reason


def test_not_an_archive_and_archive_without_html(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.warc"
    bogus.write_text("this is not a web archive at all\n", "utf-8")
    (fail,) = list(read_inputs([str(bogus)]))
    assert isinstance(fail, InputFailure) and "not a readable WARC/ARC archive" in fail.reason
    images = tmp_path / "images.warc.gz"
    _write_warc(images, True, [("https://x.example/i.png", "image/png", b"\x89PNG....")])
    (fail,) = list(read_inputs([str(images)]))
    assert isinstance(fail, InputFailure) and "no HTML response records" in fail.reason


def _arc_record(url: str, body: bytes) -> bytes:
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = f"{url} 127.0.0.1 20190602120000 text/html {len(http)}\n".encode()
    return head + http + b"\n"


def test_arc_and_arc_gz(tmp_path: Path) -> None:
    desc_body = b"1 0 eventwire-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = (
        f"filedesc://test.arc 0.0.0.0 20190602120000 text/plain {len(desc_body)}\n".encode()
        + desc_body
        + b"\n"
    )
    rec = _arc_record("https://hilltimes.example/b", news_page("Attack", STORY_B).encode())
    (tmp_path / "old.arc").write_bytes(filedesc + rec)
    # A gzipped ARC is one gzip member per record.
    (tmp_path / "old2.arc.gz").write_bytes(gzip.compress(filedesc) + gzip.compress(rec))
    for name in ("old.arc", "old2.arc.gz"):
        (art,) = list(read_inputs([str(tmp_path / name)]))
        assert isinstance(art, Article), art
        assert art.url == "https://hilltimes.example/b" and STORY_B[1] in art.text
