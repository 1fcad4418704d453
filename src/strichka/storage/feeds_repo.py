"""Feed and entry rows: what is due, what a refresh found, how it went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, insert, or_, select, update

from strichka.models import ParsedEntry
from strichka.storage.schema import entries, feeds, fetch_log, sources
from strichka.storage.upsert import insert_ignoring_conflicts


@dataclass(frozen=True)
class DueFeed:
    id: int
    url: str
    source_id: int
    source_name: str
    source_lang: str | None
    etag: str | None
    last_modified: str | None
    error_count: int


@dataclass(frozen=True)
class PendingEntry:
    id: int
    feed_id: int
    source_id: int
    source_name: str
    source_lang: str | None
    url: str
    title: str
    summary: str
    content_html: str
    author: str | None
    categories: tuple[str, ...]
    image_url: str | None
    published_at: datetime | None
    attempts: int


def due_feeds(
    conn: Connection, now: datetime, *, limit: int | None = None, feed_id: int | None = None
) -> list[DueFeed]:
    """Feeds whose check time has come; with feed_id, that feed whatever its time."""
    query = select(feeds, sources.c.name.label("source_name"), sources.c.lang.label("source_lang")).join(sources)
    if feed_id is None:
        query = query.where(or_(feeds.c.next_check_at.is_(None), feeds.c.next_check_at <= now))
    else:
        query = query.where(feeds.c.id == feed_id)
    query = query.order_by(feeds.c.next_check_at).limit(limit)
    return [
        DueFeed(r.id, r.url, r.source_id, r.source_name, r.source_lang, r.etag, r.last_modified, r.error_count)
        for r in conn.execute(query)
    ]


def store_entries(conn: Connection, feed_id: int, parsed: tuple[ParsedEntry, ...], now: datetime) -> int:
    """Record entries not seen before on this feed; returns how many were new.

    Identity is unique per feed, so a re-crawl never duplicates, and an entry once marked
    'deleted' stays deleted because its row (and status) survives.
    """
    rows = [
        dict(
            feed_id=feed_id,
            identity=e.identity,
            url=e.url,
            title=e.title,
            summary=e.summary,
            content_html=e.content_html,
            author=e.author,
            categories=list(e.categories),
            image_url=e.image_url,
            published_at=e.published_at,
            status="new" if e.url else "skipped",
            attempts=0,
            created_at=now,
        )
        for e in parsed
    ]
    return insert_ignoring_conflicts(conn, entries, rows, ["feed_id", "identity"])


def record_feed_success(
    conn: Connection, feed_id: int, *, now: datetime, next_check: datetime, etag: str | None,
    last_modified: str | None, title: str | None, ttl_minutes: int | None,
) -> None:
    values = dict(
        last_checked_at=now, last_success_at=now, error_count=0, next_check_at=next_check,
        etag=etag, last_modified=last_modified, ttl_minutes=ttl_minutes,
    )
    if title:
        values["title"] = title
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))


def record_feed_error(conn: Connection, feed_id: int, *, now: datetime, next_check: datetime, error: str) -> None:
    conn.execute(
        update(feeds)
        .where(feeds.c.id == feed_id)
        .values(
            last_checked_at=now, last_error=error, last_error_at=now,
            error_count=feeds.c.error_count + 1, next_check_at=next_check,
        )
    )


def recent_entry_times(conn: Connection, feed_id: int, limit: int = 20) -> list[datetime]:
    rows = conn.execute(
        select(entries.c.published_at)
        .where(entries.c.feed_id == feed_id, entries.c.published_at.is_not(None))
        .order_by(entries.c.published_at.desc())
        .limit(limit)
    )
    return [r[0] for r in rows]


def lease_feeds(conn: Connection, feed_ids: list[int], until: datetime) -> None:
    """Push next_check_at ahead so a feed handed to a worker is not handed out twice."""
    if feed_ids:
        conn.execute(update(feeds).where(feeds.c.id.in_(feed_ids)).values(next_check_at=until))


def pending_entries(
    conn: Connection, now: datetime, *, limit: int | None = None, feed_id: int | None = None,
    entry_id: int | None = None,
) -> list[PendingEntry]:
    """Entries still to be turned into articles: new ones, and failed ones whose retry time came."""
    query = (
        select(
            entries, feeds.c.source_id, sources.c.name.label("source_name"),
            sources.c.lang.label("source_lang"),
        )
        .join(feeds, entries.c.feed_id == feeds.c.id)
        .join(sources, feeds.c.source_id == sources.c.id)
        .where(
            or_(
                entries.c.status == "new",
                and_(entries.c.status == "error", entries.c.next_attempt_at <= now),
            )
        )
        .order_by(entries.c.published_at.desc().nulls_last(), entries.c.id)
        .limit(limit)
    )
    if feed_id is not None:
        query = query.where(entries.c.feed_id == feed_id)
    if entry_id is not None:
        query = query.where(entries.c.id == entry_id)
    return [
        PendingEntry(
            r.id, r.feed_id, r.source_id, r.source_name, r.source_lang, r.url, r.title, r.summary,
            r.content_html, r.author, tuple(r.categories or ()), r.image_url, r.published_at, r.attempts,
        )
        for r in conn.execute(query)
    ]


def log_fetch(
    conn: Connection, *, feed_id: int | None, url: str, kind: str, started_at: datetime, duration_ms: int,
    status: int | None, size: int, error: str | None, new_entries: int = 0,
) -> None:
    conn.execute(
        insert(fetch_log).values(
            feed_id=feed_id, url=url, kind=kind, started_at=started_at, duration_ms=duration_ms,
            status=status, bytes=size, error=error, new_entries=new_entries,
        )
    )
