"""Ingestion speed: HTML pages/s (extraction alone, and full Article build) and WARC records/s.

    python bench/ingest_make_pages.py && python bench/ingest_speed.py [--repeat 8]

The WARC is written here with warcio from the benchmark pages (one request record, one HTML
response and, every fourth page, an image response per page) and read back through
read_inputs, exactly as `eventwire ingest crawl.warc.gz` would. Single process, one core.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from eventwire.ingest import article_from_string, read_inputs  # noqa: E402
from eventwire.ingest.html import extract_html  # noqa: E402
from eventwire.records import Article  # noqa: E402

PAGES = Path(__file__).resolve().parent / "ingest_pages"


def write_warc(path: Path, pages: list[bytes], repeat: int) -> int:
    records = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for r in range(repeat):
            for i, body in enumerate(pages):
                url = f"https://site{i % 7}.example/{r}/{i}.html"
                writer.write_record(
                    writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /\r\n\r\n"))
                )
                hdr = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=io.BytesIO(body), http_headers=hdr
                    )
                )
                records += 2
                if i % 4 == 0:
                    img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], "HTTP/1.1")
                    writer.write_record(
                        writer.create_warc_record(
                            url + ".jpg",
                            "response",
                            payload=io.BytesIO(b"\xff\xd8" + b"0" * 4000),
                            http_headers=img,
                        )
                    )
                    records += 1
    return records


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=8, help="times each page is repeated")
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    if not pages:
        sys.exit("no pages: run bench/ingest_make_pages.py first")
    article_from_string(pages[0], source="warmup")  # load models/caches outside the timing

    n = len(pages) * args.repeat
    texts = [p.decode("utf-8") for p in pages]
    start = time.perf_counter()
    for _ in range(args.repeat):
        for i, t in enumerate(texts):
            extract_html(t, f"p{i}")
    extract_s = time.perf_counter() - start
    print(
        f"HTML extraction alone (trafilatura + captions + boilerplate pass): "
        f"{n / extract_s:.1f} pages/s ({n} pages, {extract_s:.2f} s)"
    )

    start = time.perf_counter()
    for _ in range(args.repeat):
        for i, raw in enumerate(pages):
            article_from_string(raw, source=f"p{i}")
    full_s = time.perf_counter() - start
    print(
        f"article_from_string (decode + extraction + language id): "
        f"{n / full_s:.1f} pages/s ({n} pages, {full_s:.2f} s)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        records = write_warc(warc, pages, args.repeat)
        size = warc.stat().st_size
        start = time.perf_counter()
        arts = sum(isinstance(x, Article) for x in read_inputs([str(warc)]))
        warc_s = time.perf_counter() - start
    print(
        f"WARC via read_inputs: {records / warc_s:.1f} records/s, {arts / warc_s:.1f} "
        f"articles/s ({records} records, {arts} articles, {size / 1e6:.1f} MB gz, "
        f"{warc_s:.2f} s)"
    )


if __name__ == "__main__":
    main()
