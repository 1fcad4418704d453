"""extract_article's contract: typed errors carrying the URL, JSON shape, purity, site profiles."""

from __future__ import annotations

import pytest

from strichka.errors import ExtractError
from strichka.extract import SiteProfile, article_to_json, extract_article, extract_page, learn_site_profile
from strichka.extract.blocks import Block
from strichka.extract.cleanup import clean_blocks

URL = "https://news.example.ua/2025/01/01/story.html"
PARAGRAPH = (
    "Міська рада ухвалила програму ремонту доріг на наступний рік, яка передбачає оновлення покриття "
    "на сорока вулицях та будівництво нових тротуарів біля шкіл і лікарень."
)


def _page(body: str, extra: str = "") -> str:
    return f"""<html lang="uk"><head><title>Новина</title></head><body>
    <nav><a href="/">Головна</a> <a href="/news">Новини</a></nav>
    <article><h1>Ремонт доріг</h1>{body}</article>{extra}</body></html>"""


@pytest.mark.parametrize(
    "html", ["", "   ", "<html><body></body></html>", "<html><body><nav></nav></body></html>"]
)
def test_no_body_is_a_typed_error_with_the_url(html: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_article(html, url=URL)
    assert caught.value.url == URL


def test_huge_page_is_refused_with_the_url() -> None:
    with pytest.raises(ExtractError) as caught:
        extract_article("<p>" + "x" * 9_000_000 + "</p>", url=URL)
    assert caught.value.url == URL and "too large" in caught.value.reason


def test_json_has_the_documented_keys() -> None:
    html = _page(
        f"<time datetime='2025-01-01T12:00:00+02:00'></time><p>{PARAGRAPH}</p><p>{PARAGRAPH[::-1]}</p>"
    )
    data = article_to_json(extract_article(html, url=URL))
    for key in (
        "title",
        "text",
        "html",
        "author",
        "published_at",
        "lead_image",
        "images",
        "lang",
        "canonical_url",
        "credits",
    ):
        assert key in data
    assert data["published_at"] == "2025-01-01T10:00:00+00:00"
    assert PARAGRAPH in data["text"]


def test_same_page_same_result() -> None:
    html = _page(f"<p>{PARAGRAPH}</p><p>Фото: Міноборони</p>")
    assert extract_article(html, url=URL) == extract_article(html, url=URL)


def test_site_profile_drops_repeated_blocks_but_keeps_credits() -> None:
    repeated = "Головні новини дня у нашій розсилці щоранку"
    credit = "Фото: Міноборони"
    profile = learn_site_profile([_page(f"<p>Інша новина.</p><p>{repeated}</p><p>{credit}</p>")] * 2, url=URL)
    blocks = [
        Block(repeated, 0, "p", False, []),
        Block(PARAGRAPH, 0, "p", False, []),
        Block(credit, 0, "p", False, []),
        Block(repeated, 0, "p", False, []),
    ]
    kept = [b.text for b in clean_blocks(blocks, profile)]
    assert kept == [PARAGRAPH, credit]
    assert [b.text for b in clean_blocks(blocks, None)] == [repeated, PARAGRAPH, credit, repeated]


def test_profile_grows_with_each_page() -> None:
    html = _page(f"<p>{PARAGRAPH}</p>", extra="<div class=\"contacts\"><p>Редакція сайту: вул. Хрещатик, 1</p></div>")
    first = extract_page(html, url=URL)
    profile = SiteProfile().with_page(first.fingerprints).with_page(first.fingerprints)
    assert profile.pages == 2
    assert profile.is_boilerplate("Редакція сайту: вул. Хрещатик, 1")
    assert not profile.is_boilerplate("Цього рядка не було на жодній сторінці")


def test_links_and_figures_of_the_page_survive_in_place() -> None:
    second = PARAGRAPH.replace("Міська рада", "Обласна рада")
    html = _page(
        f'<p>{PARAGRAPH} <a href="/other/story.html">Деталі</a> у матеріалі.</p>'
        '<figure><img src="/img/road.jpg" alt="Дорога"><figcaption>Нова дорога. Фото: міськрада</figcaption></figure>'
        f"<p>{second}</p>"
    )
    article = extract_article(html, url=URL)
    stored = article.html
    assert '<a href="https://news.example.ua/other/story.html" rel="nofollow noopener">Деталі</a>' in stored
    figure = stored.index('<img src="https://news.example.ua/img/road.jpg"')
    assert stored.index("Міська рада") < figure < stored.index("Обласна рада")
    assert [(i.caption, i.credit) for i in article.images] == [("Нова дорога.", "Фото: міськрада")]
