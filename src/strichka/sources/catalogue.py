"""The catalogue of outlets (sources) and their feeds, in storage.

A source's id is the `<source id>` in media keys, so it is never reused (AUTOINCREMENT).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from strichka.errors import ConfigError
from strichka.storage import site_state, stories_repo
from strichka.storage.schema import articles, feeds, sources
from strichka.storage.upsert import inserted_id


@dataclass(frozen=True)
class FeedStatus:
    source_id: int
    source_name: str
    lang: str | None
    feed_id: int
    url: str
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    error_count: int
    next_check_at: datetime | None
    article_count: int


def add_feed(
    conn: Connection, *, feed_url: str, name: str, lang: str | None = None, site_url: str | None = None
) -> tuple[int, int]:
    """Add a feed to the outlet called `name` (created when new). Idempotent: returns (source_id, feed_id)."""
    if not feed_url.startswith(("http://", "https://")):
        raise ConfigError(f"{feed_url!r} is not an http(s) URL: give the feed's full address")
    name = name.strip() or feed_url
    now = datetime.now(UTC)
    source_id = conn.scalar(select(sources.c.id).where(sources.c.name == name))
    if source_id is None:
        source_id = inserted_id(conn.execute(
            insert(sources).values(name=name, lang=lang, site_url=site_url, weight=1.0, created_at=now)
        ))
        site_state.bump(conn, site_state.PAGES_GENERATION)  # the outlets list of every web worker
    existing = conn.execute(select(feeds.c.id, feeds.c.source_id).where(feeds.c.url == feed_url)).first()
    if existing is not None:
        return existing.source_id, existing.id
    feed_id = inserted_id(conn.execute(
        insert(feeds).values(source_id=source_id, url=feed_url, error_count=0, next_check_at=now, created_at=now)
    ))
    return int(source_id), feed_id



def find_source(conn: Connection, name_or_id: str) -> int | None:
    if name_or_id.isdigit():
        return conn.scalar(select(sources.c.id).where(sources.c.id == int(name_or_id)))
    return conn.scalar(select(sources.c.id).where(sources.c.name == name_or_id))


@dataclass(frozen=True)
class Removal:
    """What removing an outlet took with it: said to the operator."""

    articles: int
    stories_rebuilt: int  # they keep other outlets' reports
    stories_deleted: int  # they had only this outlet's

    def summary(self) -> str:
        return (f"{self.articles} articles; {self.stories_rebuilt} stories rebuilt from other outlets' reports, "
                f"{self.stories_deleted} with no other report deleted")


def remove_source(conn: Connection, source_id: int) -> Removal:
    """Remove an outlet with its feeds and articles (ON DELETE CASCADE). Their stories are rebuilt from
    the reports they have left, the stories window drops them, and every web worker forgets its pages."""
    story_ids = stories_repo.stories_of_articles(conn, articles.c.source_id == source_id)
    count = conn.scalar(select(func.count()).select_from(articles).where(articles.c.source_id == source_id)) or 0
    conn.execute(delete(sources).where(sources.c.id == source_id))
    rebuilt = stories_repo.after_articles_deleted(conn, story_ids)  # every web worker forgets its pages too
    return Removal(int(count), rebuilt, len(story_ids) - rebuilt)


def remove_feed(conn: Connection, feed_url: str) -> bool:
    return conn.execute(delete(feeds).where(feeds.c.url == feed_url)).rowcount > 0


def list_feed_status(conn: Connection) -> list[FeedStatus]:
    counts = (
        select(articles.c.source_id, func.count().label("n")).group_by(articles.c.source_id).subquery()
    )
    rows = conn.execute(
        select(
            sources.c.id.label("source_id"),
            sources.c.name,
            sources.c.lang,
            feeds.c.id.label("feed_id"),
            feeds.c.url,
            feeds.c.last_success_at,
            feeds.c.last_error,
            feeds.c.last_error_at,
            feeds.c.error_count,
            feeds.c.next_check_at,
            func.coalesce(counts.c.n, 0).label("n"),
        )
        .select_from(sources.join(feeds).outerjoin(counts, counts.c.source_id == sources.c.id))
        .order_by(sources.c.id, feeds.c.id)
    )
    return [
        FeedStatus(
            r.source_id, r.name, r.lang, r.feed_id, r.url, r.last_success_at, r.last_error,
            r.last_error_at, r.error_count, r.next_check_at, r.n,
        )
        for r in rows
    ]
