"""Frozen values the pages, the API and the feeds render: rows read from storage, shaped once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything strichka stores is UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def media_url(key: str | None) -> str | None:
    return f"/media/{key}" if key else None


@dataclass(frozen=True)
class SourceRef:
    id: int
    name: str
    site_url: str | None = None
    lang: str | None = None
    icon_key: str | None = None  # the mirrored favicon (pipeline/icon_step.py)

    @property
    def favicon_url(self) -> str | None:
        """Our own copy: neither the outlet nor a favicon service learns what readers read."""
        return media_url(self.icon_key)


@dataclass(frozen=True)
class ImageView:
    original_url: str
    key: str | None = None  # media key when mirrored (status ok)
    width: int | None = None
    height: int | None = None
    thumbnails: tuple[tuple[int, str], ...] = ()  # (width, key), narrowest first
    caption: str = ""
    credit: str = ""
    alt: str = ""

    @property
    def url(self) -> str | None:
        """The image on strichka; None when it was not mirrored."""
        return media_url(self.key)

    @property
    def src(self) -> str:
        """What an <img> shows: the mirror, else the original as a fallback."""
        return self.url or self.original_url

    @cached_property  # the picture macro reads it twice (test, then value)
    def srcset(self) -> str:
        parts = [f"/media/{key} {w}w" for w, key in self.thumbnails]
        if self.key and self.width:
            parts.append(f"/media/{self.key} {self.width}w")
        return ", ".join(parts)

    def thumb(self, min_width: int) -> str:
        """The narrowest thumbnail at least min_width wide (or the widest there is)."""
        for w, key in self.thumbnails:
            if w >= min_width:
                return f"/media/{key}"
        if self.thumbnails and not self.key:
            return f"/media/{self.thumbnails[-1][1]}"
        return self.src

    def box(self, width: int) -> tuple[int, int]:
        """width/height attributes that reserve the right space (no layout shift)."""
        if self.width and self.height:
            return width, max(1, round(width * self.height / self.width))
        return width, round(width * 9 / 16)


def image_from_row(row: Any, *, caption: str = "", credit: str = "", alt: str = "") -> ImageView | None:
    """Build an ImageView from joined images columns (img_*), or None when there is no image."""
    original = row.img_original_url
    if not original:
        return None
    ok = row.img_status == "ok" and bool(row.img_key)
    thumbs: tuple[tuple[int, str], ...] = ()
    if ok and row.img_thumbnails:
        thumbs = tuple(sorted((int(w), str(k)) for w, k in dict(row.img_thumbnails).items() if k))
    return ImageView(
        original_url=original,
        key=row.img_key if ok else None,
        width=row.img_width,
        height=row.img_height,
        thumbnails=thumbs,
        caption=caption,
        credit=credit,
        alt=alt,
    )


@dataclass(frozen=True)
class ArticleCard:
    id: int
    title: str
    source: SourceRef
    lang: str | None
    published_at: datetime
    category: str | None = None
    story_id: int | None = None
    image: ImageView | None = None
    description: str = ""
    url: str = ""  # the original page


@dataclass(frozen=True)
class ArticleFull:
    card: ArticleCard
    url: str
    html: str  # sanitized in storage
    text: str
    author: str | None
    updated_at: datetime | None
    credits: tuple[str, ...] = ()
    images: tuple[ImageView, ...] = ()  # position order; [0] is the lead image when it has one


@dataclass(frozen=True)
class StoryCard:
    id: int
    title: str
    titles: dict[str, str]
    category: str | None
    article_count: int
    source_count: int
    languages: tuple[str, ...]
    score: float
    created_at: datetime
    updated_at: datetime
    first_article_id: int | None = None
    first_source: SourceRef | None = None
    image: ImageView | None = None

    def headline(self, lang: str) -> str:
        return self.titles.get(lang) or self.title


@dataclass(frozen=True)
class Citation:
    article_id: int
    cited_name: str
    cited_source_id: int | None


@dataclass(frozen=True)
class FeedHealth:
    id: int
    source_id: int
    url: str
    title: str | None
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    error_count: int
    next_check_at: datetime | None

    @property
    def status(self) -> str:
        if self.last_error and (self.last_success_at is None or (
            self.last_error_at is not None and self.last_error_at >= self.last_success_at
        )):
            return "error"
        if self.last_success_at is None:
            return "pending"
        return "ok"


@dataclass(frozen=True)
class SourceStats:
    source: SourceRef
    feeds: tuple[FeedHealth, ...] = ()
    articles_per_day: float = 0.0
