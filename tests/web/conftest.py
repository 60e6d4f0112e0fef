"""Web fixtures: a real SQLite store filled by running the real extractor over the texts in
_articles.py (built once per session, copied for each test that writes), a reviewer token,
and the app served by uvicorn on a free 127.0.0.1 port."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.records import Article
from eventwire.store import Store
from eventwire.web import create_app, serve_in_thread
from eventwire.web.tokens import create_token

from ._articles import ARTICLES


def make_article(spec: dict) -> Article:
    return Article(text=spec["text"], url=spec["url"], outlet=spec["outlet"],
                   title=spec["title"], published=_dt.date.fromisoformat(spec["published"]),
                   language="en", source_name=spec["url"])


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from eventwire.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    """A store with every test article extracted and stored, and a token for 'ana'."""
    path = tmp_path_factory.mktemp("webdb") / "events.sqlite"
    with Store.open(path) as store:
        for spec in ARTICLES:
            art = make_article(spec)
            store.add_article(art, pipeline.extract(art))
        token, _info = create_token(store, "ana")
    return path, token


@pytest.fixture
def db_path(template_db: tuple[Path, str], tmp_path: Path) -> Path:
    """A private copy of the template store (tests that review write to it)."""
    path = tmp_path / "events.sqlite"
    shutil.copyfile(template_db[0], path)
    return path


@pytest.fixture
def token(template_db: tuple[Path, str]) -> str:
    return template_db[1]


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def server(store: Store) -> Iterator[str]:
    """The app on a real uvicorn server; yields its base URL."""
    with serve_in_thread(create_app(store)) as url:
        yield url


# --- the browser (tests/web/test_web_browser.py and test_web_workbench.py) -------------

CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _need_browser() -> None:
    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "Python playwright is not installed (pip install playwright)"
    if missing is None and not os.path.exists(CHROMIUM):
        missing = f"{CHROMIUM} is missing (run .ci/install-chromium)"
    if missing:
        if os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"EVENTWIRE_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    out = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or tmp_path / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


