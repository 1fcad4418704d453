"""Reading outlets, their feeds' health and their output rate (source page, admin)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, select

from strichka.storage.schema import articles, feeds, sources
from strichka.web.queries_articles import SOURCE_COLUMNS, source_from_row
from strichka.web.views import FeedHealth, SourceRef, SourceStats, as_utc

RATE_WINDOW_DAYS = 7


def all_sources(conn: Connection) -> list[SourceRef]:
    rows = conn.execute(select(*SOURCE_COLUMNS).order_by(sources.c.name)).all()
    return [source_from_row(r) for r in rows]


def source_by_id(conn: Connection, source_id: int) -> SourceRef | None:
    r = conn.execute(select(*SOURCE_COLUMNS).where(sources.c.id == source_id)).first()
    return source_from_row(r) if r else None


def feeds_health(conn: Connection, source_id: int | None = None) -> list[FeedHealth]:
    query = select(feeds).order_by(feeds.c.source_id, feeds.c.id)
    if source_id is not None:
        query = query.where(feeds.c.source_id == source_id)
    return [
        FeedHealth(
            id=r.id,
            source_id=r.source_id,
            url=r.url,
            title=r.title,
            last_checked_at=as_utc(r.last_checked_at),
            last_success_at=as_utc(r.last_success_at),
            last_error=r.last_error,
            last_error_at=as_utc(r.last_error_at),
            error_count=r.error_count or 0,
            next_check_at=as_utc(r.next_check_at),
        )
        for r in conn.execute(query).all()
    ]


def articles_per_day(conn: Connection, *, now: datetime | None = None) -> dict[int, float]:
    """Mean articles a day per source over the last week (by publication time)."""
    since = (now or datetime.now(UTC)) - timedelta(days=RATE_WINDOW_DAYS)
    rows = conn.execute(
        select(articles.c.source_id, func.count())
        .where(articles.c.published_at >= since)
        .group_by(articles.c.source_id)
    ).all()
    return {source_id: count / RATE_WINDOW_DAYS for source_id, count in rows}


def sources_with_stats(conn: Connection, *, now: datetime | None = None) -> list[SourceStats]:
    rates = articles_per_day(conn, now=now)
    by_source: dict[int, list[FeedHealth]] = {}
    for f in feeds_health(conn):
        by_source.setdefault(f.source_id, []).append(f)
    return [
        SourceStats(source=s, feeds=tuple(by_source.get(s.id, ())), articles_per_day=rates.get(s.id, 0.0))
        for s in all_sources(conn)
    ]


def source_stats(conn: Connection, source: SourceRef, *, now: datetime | None = None) -> SourceStats:
    since = (now or datetime.now(UTC)) - timedelta(days=RATE_WINDOW_DAYS)
    recent = conn.execute(
        select(func.count()).where(articles.c.source_id == source.id, articles.c.published_at >= since)
    ).scalar_one()
    return SourceStats(
        source=source,
        feeds=tuple(feeds_health(conn, source.id)),
        articles_per_day=recent / RATE_WINDOW_DAYS,
    )


def categories_in_use(conn: Connection) -> list[tuple[str, int]]:
    rows = conn.execute(
        select(articles.c.category, func.count())
        .where(articles.c.category.is_not(None))
        .group_by(articles.c.category)
        .order_by(func.count().desc())
    ).all()
    return [(c, n) for c, n in rows]
