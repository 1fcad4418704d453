"""The tables. Changes here need a new Alembic revision in migrations/versions (append-only)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)



class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out on every backend (SQLite would hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the database: use timezone-aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),  # the <source id> in media keys: never reused
    Column("name", String(200), nullable=False, unique=True),
    Column("lang", String(8)),
    Column("site_url", Text),
    Column("weight", Float, nullable=False, default=1.0),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("icon_key", Text),  # the mirrored favicon (media/favicon.py), None until one is found
    Column("icon_checked_at", UTCDateTime()),  # last look for it: once a month per outlet
    sqlite_autoincrement=True,
)

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("ttl_minutes", Integer),
    Column("last_checked_at", UTCDateTime()),
    Column("last_success_at", UTCDateTime()),
    Column("last_error", Text),
    Column("last_error_at", UTCDateTime()),
    Column("error_count", Integer, nullable=False, default=0),
    Column("next_check_at", UTCDateTime(), index=True),
    Column("created_at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

# One row per feed item ever seen; identity is unique per feed so re-crawling never duplicates.
# status: new -> done | error (retried) | deleted (stays deleted, never re-fetched)
entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("identity", Text, nullable=False),
    Column("url", Text),
    Column("title", Text, nullable=False, default=""),
    Column("summary", Text, nullable=False, default=""),
    Column("content_html", Text, nullable=False, default=""),
    Column("author", Text),
    Column("categories", JSON, nullable=False, default=list),
    Column("image_url", Text),
    Column("published_at", UTCDateTime()),
    Column("status", String(16), nullable=False, default="new", index=True),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime()),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("feed_id", "identity", name="uq_entries_feed_identity"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False, unique=True),  # the original page; identity across restarts
    Column("canonical_url", Text),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("html", Text, nullable=False),  # sanitized; image src point at /media/ once mirrored
    Column("description", Text, nullable=False, default=""),
    Column("lang", String(8), index=True),
    Column("author", Text),
    Column("published_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime()),
    Column("fetched_at", UTCDateTime(), nullable=False),
    Column("lead_image_url", Text),
    Column("credits", JSON, nullable=False, default=list),
    Column("feed_categories", JSON, nullable=False, default=list),
    Column("category", String(32), index=True),
    Column("is_news", Boolean, nullable=False, default=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL"), index=True),
    Column("duplicate_of", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("simhash", String(16)),
    Column("embedding", LargeBinary),
    Column("word_count", Integer, nullable=False, default=0),
    sqlite_autoincrement=True,
)
Index("ix_articles_published", articles.c.published_at.desc(), articles.c.id.desc())
Index("ix_articles_source_published", articles.c.source_id, articles.c.published_at.desc())
Index("ix_articles_category_published", articles.c.category, articles.c.published_at.desc(), articles.c.id.desc())
Index("ix_articles_story_published", articles.c.story_id, articles.c.published_at.desc(), articles.c.id.desc())

# Each distinct original image URL once, whatever the number of articles using it.
# status: pending -> ok | error (retried with backoff, original URL kept as fallback)
images = Table(
    "images",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("original_url", Text, nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
    Column("key", Text),
    Column("content_type", String(64)),
    Column("width", Integer),
    Column("height", Integer),
    Column("byte_size", Integer),
    Column("phash", String(32), index=True),
    Column("thumbnails", JSON, nullable=False, default=dict),
    Column("status", String(16), nullable=False, default="pending", index=True),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime()),
    Column("original_dropped", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

article_images = Table(
    "article_images",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("image_id", Integer, ForeignKey("images.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),  # 0 = lead image
    Column("caption", Text, nullable=False, default=""),
    Column("credit", Text, nullable=False, default=""),
    Column("alt", Text, nullable=False, default=""),
)
Index("ix_article_images_image", article_images.c.image_id)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), index=True),
    Column("url", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # feed, article, image
    Column("started_at", UTCDateTime(), nullable=False),
    Column("duration_ms", Integer, nullable=False, default=0),
    Column("status", Integer),
    Column("bytes", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("new_entries", Integer, nullable=False, default=0),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("titles", JSON, nullable=False, default=dict),  # lang -> representative headline
    Column("lang", String(8)),
    Column("category", String(32), index=True),
    Column("is_news", Boolean, nullable=False, default=True),
    Column("first_article_id", Integer),
    Column("first_source_id", Integer),
    Column("article_count", Integer, nullable=False, default=0),
    Column("source_count", Integer, nullable=False, default=0),
    Column("languages", String(64), nullable=False, default=""),
    Column("score", Float, nullable=False, default=0.0, index=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False, index=True),
    Column("lead_image_id", Integer),
)

# "who rewrote whom": article cites an outlet («Як передає Укрінформ»)
citations = Table(
    "citations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("cited_name", Text, nullable=False),
    Column("cited_source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
    Column("phrase", Text, nullable=False, default=""),
)

# Per outlet host: which text blocks its pages repeat (menus, footers), so that furniture is known from
# the first page after a restart. blocks: extract.site_profile.SiteLearner.to_blob (hashed block texts).
site_profiles = Table(
    "site_profiles",
    metadata,
    Column("host", String(255), primary_key=True),
    Column("pages", Integer, nullable=False),
    Column("blocks", LargeBinary, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)


# Small named counters shared by every process (migration 0007): e.g. "pages_generation", bumped when the
# operator removes or adds an outlet, tells each web worker to drop the pages it has cached.
site_state = Table(
    "site_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
