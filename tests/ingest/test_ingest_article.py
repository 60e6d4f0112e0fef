"""article_from_string: HTML vs text, metadata, captions, and every refusal reason."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from ingest_fixtures import STORY_A, STORY_FR, news_page

from eventwire.errors import InputError, UnsupportedLanguageError
from eventwire.ingest import article_from_string

CAPTION = "Protesters gather on the main bridge in Velmora on May 16, 2023. (Photo: Lena Varga)"


def test_html_page_main_text_and_metadata() -> None:
    page = news_page("Police fire tear gas at Velmora bread protest", STORY_A, caption=CAPTION)
    art = article_from_string(page, source="p.html", url="https://www.courier.example/a/1")
    for para in STORY_A:
        assert para in art.text
    for junk in ("cookies", "Related stories", "Copyright", "Share this", "Privacy policy"):
        assert junk not in art.text
    assert "Council approves new budget" not in art.text  # related-links sidebar
    assert art.title == "Police fire tear gas at Velmora bread protest"
    assert art.published == dt.date(2023, 5, 16)
    assert art.author == "Mira Okonjo"
    assert art.outlet == "courier.example"
    assert art.language == "en"
    assert art.raw_hash == hashlib.sha1(page.encode("utf-8")).hexdigest()
    assert art.captions == [CAPTION]
    assert CAPTION in art.text  # captions stay in the text too
    assert art.source_name == "p.html"


def test_meta_date_without_jsonld_and_default_date_fallback() -> None:
    page = news_page("Bread protest", STORY_A, date="2022-11-03", jsonld=False)
    art = article_from_string(page, source="p.html", published=dt.date(2030, 1, 1))
    assert art.published == dt.date(2022, 11, 3)  # the page's own date wins
    undated = news_page("Bread protest", STORY_A, date=None)
    art = article_from_string(undated, source="p.html", published=dt.date(2030, 1, 1))
    assert art.published == dt.date(2030, 1, 1)


def test_plain_text_is_cleaned_and_ids_are_stable() -> None:
    raw = "Breaking News\n\nBread protest in Velmora\n\n" + "\n\n".join(STORY_A)
    one = article_from_string(raw, source="a.txt")
    two = article_from_string(raw.encode("utf-8"), source="b.txt")
    assert one.title == "Bread protest in Velmora"
    assert "Breaking News" not in one.text
    assert one.article_id == two.article_id
    given = article_from_string(raw, source="a.txt", article_id="story-7")
    assert given.article_id == "story-7"


def test_cp1252_legacy_text_is_decoded_cleanly() -> None:
    raw = ("\u201cWe will return,\u201d said one organiser. " + STORY_A[0]).encode("cp1252")
    art = article_from_string(raw, source="legacy.txt")
    assert art.text.startswith("\u201cWe will return,\u201d")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary file (a PDF file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image)"),
        (b"abc\x00def\x00" * 20, "binary file (contains NUL bytes)"),
        (b"\x81\x8d\x8f\x90\x9d" * 10 + b" text", "not UTF-8"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        article_from_string(data, source="bad.txt")
    assert reason in err.value.reason
    assert err.value.source == "bad.txt"


def test_html_without_article_is_refused() -> None:
    page = (
        "<html><head><title>Shop</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/cart'>Cart</a></nav><footer>Copyright 2023</footer></body></html>"
    )
    with pytest.raises(InputError, match="no article text"):
        article_from_string(page, source="shop.html")


def test_non_english_is_refused_not_coded_as_english() -> None:
    with pytest.raises(UnsupportedLanguageError) as err:
        article_from_string("\n\n".join(STORY_FR), source="fr.txt")
    assert err.value.reason == "language 'fr' is not supported"
    page = news_page("Manifestation devant la préfecture", STORY_FR, lang="fr")
    with pytest.raises(UnsupportedLanguageError, match="language 'fr'"):
        article_from_string(page, source="fr.html")


def test_size_limit() -> None:
    with pytest.raises(InputError, match="over the"):
        article_from_string("word " * 1000, source="big.txt", max_bytes=1000)


def test_broken_markup_still_yields_the_story() -> None:
    page = (
        "<html><head><title>Checkpoint attack</title><body><div><p>"
        + "<p>".join(STORY_A)
        + "<div><span>unclosed <b>tags & stray </i> end"
    )
    art = article_from_string(page, source="broken.html")
    assert STORY_A[1] in art.text


def test_plain_text_with_only_boilerplate_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_string("Accessibility links\n\nBreaking News\n\nShare this", source="x.txt")
