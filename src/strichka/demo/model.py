"""Frozen values describing the demo web: outlets, their look, articles and the pictures they use.

The text of every article lives in exactly one place (DemoArticle.paragraphs plus the photo credit
lines derived from its images); both the served HTML and the ground truth are rendered from it, so
they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FeedFormat = Literal["rss", "atom", "json"]
ImageFormat = Literal["jpeg", "png", "webp"]
# Why an image is broken on purpose: the media step must refuse each of these with a MediaError.
BadImageKind = Literal["html_as_jpeg", "truncated_jpeg", "svg_script"]

EXTENSION = {"jpeg": "jpg", "png": "png", "webp": "webp"}


@dataclass(frozen=True)
class OutletStyle:
    """The boilerplate an outlet wraps around its articles; every outlet differs."""

    body_class: str  # the container of the article text (varies, as on the real web)
    menu: tuple[str, ...]
    cookie_text: str
    ad_text: str
    related_heading: str  # «Читайте також» / «Читайте также» / "Read more"
    share_text: str
    subscribe_text: str
    comments_heading: str
    comments: tuple[tuple[str, str], ...]  # (user, text)
    footer_text: str
    date_in_meta: bool = False  # og:/article:published_time meta tags instead of only visible text
    credit_word: str = "Фото"  # «Фото: Міноборони» / "Photo: …"


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    lang: str  # the outlet's main language; single articles may differ
    feed_format: FeedFormat
    style: OutletStyle
    encoding: str = "utf-8"
    feed_path: str = "feed.xml"
    # True: the home page names its feed only in <link rel="alternate">, so a crawler must discover it.
    feed_only_via_alternate: bool = False
    tagline: str = ""


@dataclass(frozen=True)
class ImageUse:
    """One picture placed in one article. Outlets covering the same event reuse the same photo,
    sometimes at another width or in another format, so a perceptual hash links them."""

    photo: str  # key of the drawn picture (seeded), shared across outlets
    credit: str  # who took it: «Міноборони», "press service of …" (the credit word is added)
    caption: str = ""
    width: int = 1200
    fmt: ImageFormat = "jpeg"
    figure: bool = False  # True: <figure> with <figcaption>; False: bare <img>, credit at the end of the text
    bad: BadImageKind | None = None

    @property
    def file_name(self) -> str:
        if self.bad == "svg_script":
            return f"{self.photo}.svg"
        return f"{self.photo}-{self.width}.{EXTENSION[self.fmt]}"


@dataclass(frozen=True)
class DemoArticle:
    outlet: str  # Outlet.slug
    slug: str
    lang: str
    title: str
    paragraphs: tuple[str, ...]
    category: str
    minutes: int  # publication time relative to the demo clock's start; > 0 appears while the demo runs
    story: str | None = None  # event id; None for single-outlet items
    is_news: bool = True
    author: str | None = None
    images: tuple[ImageUse, ...] = field(default_factory=tuple)

    @property
    def path(self) -> str:
        return f"/{self.outlet}/news/{self.slug}.html"


def republished(
    original: DemoArticle,
    *,
    outlet: str,
    slug: str,
    minutes: int,
    title: str | None = None,
    drop_last: int = 0,
    closing: tuple[str, ...] = (),
    images: tuple[ImageUse, ...] | None = None,
    author: str | None = None,
) -> DemoArticle:
    """A near-verbatim copy of another outlet's text, as regional sites republish agency copy:
    the same paragraphs, perhaps trimmed, with the source named at the end."""
    kept = original.paragraphs[: len(original.paragraphs) - drop_last]
    return DemoArticle(
        outlet=outlet,
        slug=slug,
        lang=original.lang,
        title=title or original.title,
        paragraphs=kept + closing,
        category=original.category,
        minutes=minutes,
        story=original.story,
        is_news=original.is_news,
        author=author,
        images=original.images if images is None else images,
    )
