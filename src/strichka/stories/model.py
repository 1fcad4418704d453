"""Values that go into and come out of the StoryIndex."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from strichka.stories.citations import Citation


@dataclass(frozen=True)
class StoryArticle:
    """One extracted article as the stories stage sees it. published_at is timezone-aware UTC."""

    id: int
    source_id: int
    source_name: str
    lang: str | None
    title: str
    text: str
    published_at: datetime
    url: str
    feed_categories: tuple[str, ...] = ()
    image_hashes: tuple[str, ...] = ()  # hex perceptual hashes of its images
    source_weight: float = 1.0
    embedding: bytes | None = None  # float32 little-endian, when the text stage already embedded it


@dataclass(frozen=True)
class StoryAssignment:
    article_id: int
    story_id: int
    new_story: bool
    duplicate_of: int | None  # id of the earlier article with (nearly) the same body
    category: str
    is_news: bool
    citations: tuple[Citation, ...]
    embedding: bytes  # float32 little-endian, store it to restore without re-embedding
    simhash: str  # 16 hex digits


@dataclass(frozen=True)
class StoryView:
    story_id: int
    article_ids: tuple[int, ...]  # oldest first
    source_ids: tuple[int, ...]  # distinct, in order of first report
    source_names: tuple[str, ...]
    languages: tuple[str, ...]  # distinct, most members first
    published_times: tuple[datetime, ...]  # of article_ids
    first_article_id: int  # origin: the earliest published report
    first_source_id: int
    first_source_name: str
    first_reported_by: str  # the outlet members cite most, else the earliest outlet
    title: str  # representative headline in the story's main language
    titles: dict[str, str]  # lang -> representative headline in that language
    lang: str | None
    category: str
    is_news: bool
    created_at: datetime
    updated_at: datetime
    score: float
    duplicate_count: int = 0
    citations: tuple[tuple[int, Citation], ...] = field(default=())  # (citing article id, citation)


@dataclass(frozen=True)
class RestoreRow:
    """A stored article of the active window, as storage loads it for StoryIndex.restore."""

    id: int
    source_id: int
    source_name: str
    lang: str | None
    title: str
    text: str
    published_at: datetime
    url: str
    embedding: bytes
    simhash: str | None
    story_id: int
    duplicate_of: int | None = None
    category: str = "other"
    is_news: bool = True
    feed_categories: tuple[str, ...] = ()
    source_weight: float = 1.0
