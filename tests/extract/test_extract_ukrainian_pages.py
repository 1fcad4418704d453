"""The Ukrainian regression set: pages written in the shape of real news sites (menus, cookie banners, ads,
«Читайте також», comments, share buttons) with the body and credit lines a reader must get."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strichka.extract import article_to_json, extract_article

TESTDATA = Path(__file__).resolve().parent / "testdata"
PAGES = sorted(p.stem for p in TESTDATA.glob("*.html"))


def _load(name: str) -> tuple[str, dict]:
    html = (TESTDATA / f"{name}.html").read_text(encoding="utf-8")
    expected = json.loads((TESTDATA / f"{name}.json").read_text(encoding="utf-8"))
    return html, expected


def test_the_set_has_six_pages() -> None:
    assert len(PAGES) >= 6


@pytest.mark.parametrize("name", PAGES)
def test_body_is_kept(name: str) -> None:
    html, expected = _load(name)
    article = extract_article(html, url=expected["url"])
    for paragraph in expected["must_contain"]:
        assert paragraph in article.text, paragraph


@pytest.mark.parametrize("name", PAGES)
def test_credit_lines_are_kept(name: str) -> None:
    html, expected = _load(name)
    article = extract_article(html, url=expected["url"])
    for credit in expected["credits"]:
        assert credit in article.text
        assert credit in article.credits


@pytest.mark.parametrize("name", PAGES)
def test_boilerplate_is_dropped(name: str) -> None:
    html, expected = _load(name)
    article = extract_article(html, url=expected["url"])
    for furniture in expected["must_not_contain"]:
        assert furniture not in article.text, furniture
        assert furniture not in article.html, furniture


@pytest.mark.parametrize("name", PAGES)
def test_metadata(name: str) -> None:
    html, expected = _load(name)
    data = article_to_json(extract_article(html, url=expected["url"]))
    assert data["title"] == expected["title"]
    assert data["lang"] == expected["lang"]
    assert data["published_at"] == expected["published_at"]
    assert data["author"] == expected["author"]
    assert data["lead_image"] == expected["lead_image"]
    assert [{k: i[k] for k in ("url", "caption", "credit")} for i in data["images"]] == expected["images"]


@pytest.mark.parametrize("name", PAGES)
def test_stored_html_is_sanitized(name: str) -> None:
    html, expected = _load(name)
    stored = extract_article(html, url=expected["url"]).html.lower()
    for forbidden in (
        "<script",
        "<style",
        "<iframe",
        "<svg",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "data:",
    ):
        assert forbidden not in stored
    assert "<p>" in stored


def test_paragraphs_are_separated_by_blank_lines() -> None:
    html, expected = _load("regional_table_layout")
    article = extract_article(html, url=expected["url"])
    paragraphs = article.text.split("\n\n")
    for paragraph in expected["must_contain"]:
        assert paragraph in paragraphs  # <br><br> runs become their own paragraphs, words never glued
