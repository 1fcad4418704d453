"""All demo articles in one place, and the one rule that turns an article into body blocks.

Rule: the body a reader sees is the article's paragraphs, with its pictures placed between them,
and — when some pictures have no caption box — one closing credit line («Фото: …») naming their
authors. Pages and ground truth are both rendered from body_blocks(), so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from . import events_culture, events_economy, events_politics, events_society, singles
from .model import DemoArticle, ImageUse, Outlet
from .outlets import OUTLETS, OUTLETS_BY_SLUG

# Where the 2nd and 3rd picture go: after this many paragraphs.
_IMAGE_SLOTS = (0, 2, 4)


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Picture:
    image: ImageUse
    credit_line: str  # «Фото: Міноборони», shown in the figcaption or gathered at the end


Block = Paragraph | Picture


def all_articles() -> tuple[DemoArticle, ...]:
    return _catalog()


@cache
def _catalog() -> tuple[DemoArticle, ...]:
    articles = (
        events_politics.ARTICLES + events_economy.ARTICLES + events_society.ARTICLES
        + events_culture.ARTICLES + singles.ARTICLES
    )
    _check(articles)
    return articles


def _check(articles: tuple[DemoArticle, ...]) -> None:
    """Authoring mistakes fail loudly at import of the catalogue, not deep in a test."""
    seen: set[str] = set()
    for article in articles:
        if article.path in seen:
            raise ValueError(f"duplicate demo article path {article.path}")
        seen.add(article.path)
        outlet = OUTLETS_BY_SLUG[article.outlet]
        if not 1 <= len(article.images) <= 3 or not 3 <= len(article.paragraphs) <= 7:
            raise ValueError(f"{article.path}: needs 1-3 images and 3-7 paragraphs")
        for block in body_blocks(article):
            text = block.text if isinstance(block, Paragraph) else block.credit_line
            text.encode(outlet.encoding)  # raises for a character the outlet's charset lacks


def outlet_of(article: DemoArticle) -> Outlet:
    return OUTLETS_BY_SLUG[article.outlet]


def credit_line(outlet: Outlet, credits: list[str]) -> str:
    return f"{outlet.style.credit_word}: {', '.join(credits)}"


def body_blocks(article: DemoArticle) -> list[Block]:
    outlet = outlet_of(article)
    pictures = [Picture(image, credit_line(outlet, [image.credit])) for image in article.images]
    blocks: list[Block] = []
    for index, text in enumerate(article.paragraphs):
        for slot, picture in zip(_IMAGE_SLOTS, pictures, strict=False):
            if slot == index:
                blocks.append(picture)
        blocks.append(Paragraph(text))
    for slot, picture in zip(_IMAGE_SLOTS, pictures, strict=False):
        if slot >= len(article.paragraphs):
            blocks.append(picture)
    uncaptioned = list(dict.fromkeys(image.credit for image in article.images if not image.figure))
    if uncaptioned:
        blocks.append(Paragraph(credit_line(outlet, uncaptioned)))
    return blocks


def body_paragraphs(article: DemoArticle) -> list[str]:
    """The text a good extractor should return, paragraph by paragraph (no captions, no boilerplate)."""
    return [block.text for block in body_blocks(article) if isinstance(block, Paragraph)]


def published_at(article: DemoArticle, start: datetime) -> datetime:
    return start + timedelta(minutes=article.minutes)


def articles_of(outlet_slug: str) -> Iterator[DemoArticle]:
    return (article for article in all_articles() if article.outlet == outlet_slug)


def find_article(outlet_slug: str, slug: str) -> DemoArticle | None:
    return _by_path().get(f"/{outlet_slug}/news/{slug}.html")


def find_image(outlet_slug: str, file_name: str) -> ImageUse | None:
    return _images_by_outlet_file().get((outlet_slug, file_name))


@cache
def _by_path() -> dict[str, DemoArticle]:
    return {article.path: article for article in all_articles()}


@cache
def _images_by_outlet_file() -> dict[tuple[str, str], ImageUse]:
    return {
        (article.outlet, image.file_name): image
        for article in all_articles()
        for image in article.images
    }


def outlets() -> tuple[Outlet, ...]:
    return OUTLETS
