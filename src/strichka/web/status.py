"""/healthz for load balancers and uptime checks, /api/v1/status for the operator on a bad day.

/healthz answers 200 while the database answers, 503 (and why) when it does not: what a load
balancer in front of several `serve --workers` needs. /api/v1/status says whether the pipeline is
alive: the newest article stored, feeds failing or overdue, articles still waiting for the stories
stage. Neither shows anything a reader could not see elsewhere on the site.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from strichka.storage.schema import articles, feeds, sources, stories
from strichka.web.site import site_of
from strichka.web.views import as_utc


def healthz(request: Request) -> Response:
    site = site_of(request)
    try:
        with site.app.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]  # the driver's words, not the SQL
        return PlainTextResponse(f"database unreachable: {reason}\n", status_code=503,
                                 headers={"cache-control": "no-store"})
    return PlainTextResponse("ok\n", headers={"cache-control": "no-store"})


def status(request: Request) -> Any:
    """Is the pipeline alive? (A 10-second-old answer at most: the page cache keeps it that long.)"""
    site = site_of(request)
    now = datetime.now(UTC)
    with site.app.engine.connect() as conn:
        return pipeline_status(conn, now, window_hours=site.settings.story_window_hours)


def pipeline_status(conn: Connection, now: datetime, *, window_hours: int) -> dict[str, Any]:
    since = now - timedelta(hours=window_hours)
    newest = conn.scalar(select(func.max(articles.c.fetched_at)))
    feed_row = conn.execute(select(
        func.count(),
        func.count().filter(feeds.c.error_count > 0),
        func.count().filter(feeds.c.next_check_at < now - timedelta(hours=1)),
        func.max(feeds.c.last_success_at),
    ).select_from(feeds)).one()
    return {
        "now": now.isoformat(),
        "sources": conn.scalar(select(func.count()).select_from(sources)),
        "feeds": {
            "total": feed_row[0],
            "failing": feed_row[1],  # their last check failed: /admin/sources says why
            "overdue_over_an_hour": feed_row[2],  # due for more than an hour: is the crawler running?
            "last_success_at": _stamp(feed_row[3]),
        },
        "articles": {
            "total": conn.scalar(select(func.count()).select_from(articles)),
            "newest_stored_at": _stamp(newest),
            "stored_in_window": conn.scalar(
                select(func.count()).select_from(articles).where(articles.c.published_at >= since)),
            # stored but not yet in a story: a backlog that keeps growing means the stories stage is down
            "waiting_for_story": conn.scalar(select(func.count()).select_from(articles).where(
                articles.c.published_at >= since, articles.c.story_id.is_(None))),
        },
        "stories_in_window": conn.scalar(select(func.count()).select_from(stories).where(stories.c.updated_at >= since)),
        "window_hours": window_hours,
    }


def _stamp(value: datetime | None) -> str | None:
    aware = as_utc(value)
    return aware.isoformat() if aware else None
