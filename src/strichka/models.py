"""Frozen values that travel between the steps. Change them with dataclasses.replace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FetchResult:
    """One HTTP response, already size-checked and decompressed."""

    url: str  # final URL after redirects
    status: int  # 200, or 304 when not_modified
    headers: dict[str, str]  # lower-cased names
    body: bytes
    charset: str | None = None  # from the Content-Type header only
    etag: str | None = None
    last_modified: str | None = None
    max_age: int | None = None  # Cache-Control max-age, seconds
    retry_after: float | None = None  # seconds

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class ParsedEntry:
    """One item of a feed, format-independent."""

    identity: str  # stable key: guid, else url, else hash of title+content (see feeds.identity)
    url: str | None
    title: str
    summary: str = ""  # plain text
    content_html: str = ""  # as given by the feed, NOT sanitized yet
    published_at: datetime | None = None  # timezone-aware UTC
    updated_at: datetime | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()
    image_url: str | None = None  # enclosure / media:content / media:thumbnail
    guid: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    site_url: str | None
    entries: tuple[ParsedEntry, ...]
    language: str | None = None
    ttl_minutes: int | None = None  # RSS <ttl>
    format: str = "rss"  # rss, atom, rdf, json


@dataclass(frozen=True)
class ArticleImage:
    url: str  # absolute original URL
    caption: str = ""
    credit: str = ""  # «Фото: Міноборони»
    alt: str = ""


@dataclass(frozen=True)
class ExtractedArticle:
    """What extraction makes of one page. html is sanitized (sanitize runs last)."""

    url: str
    title: str
    text: str  # plain text, paragraphs separated by blank lines
    html: str  # sanitized HTML body
    lang: str | None = None  # uk, ru, en, ...
    author: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    lead_image: str | None = None
    images: tuple[ArticleImage, ...] = ()
    canonical_url: str | None = None
    credits: tuple[str, ...] = ()  # attribution lines kept from the body: «Як передає Укрінформ»
    description: str = ""


@dataclass(frozen=True)
class MirroredImage:
    """An image copied into strichka's object store."""

    original_url: str
    key: str  # feed/<source id>/<md5 of original_url>.<ext>
    content_type: str
    width: int
    height: int
    byte_size: int
    phash: str | None = None  # hex perceptual hash
    thumbnails: dict[int, str] = field(default_factory=dict)  # width -> key
