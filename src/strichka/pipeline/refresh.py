"""refresh_feed: fetch one feed, parse it, record its new entries and its health."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from strichka.errors import HTTPStatusError, StrichkaError
from strichka.feeds import parse_feed
from strichka.pipeline.deps import PipelineDeps
from strichka.pipeline.schedule import next_check_at
from strichka.storage import feeds_repo
from strichka.storage.feeds_repo import DueFeed

log = logging.getLogger("strichka.refresh")

@dataclass(frozen=True)
class RefreshOutcome:
    feed_id: int
    url: str
    new_entries: int = 0
    not_modified: bool = False
    error: str | None = None


async def refresh_feed(feed: DueFeed, deps: PipelineDeps) -> RefreshOutcome:
    """One feed, start to end. Errors are recorded on the feed; they never escape."""
    settings = deps.settings
    started = datetime.now(UTC)
    clock = time.monotonic()
    try:
        result = await deps.fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified,
            max_bytes=settings.max_body_bytes, kind="feed",
        )
        parsed = None
        if not result.not_modified:
            parsed = await asyncio.to_thread(parse_feed, result.body, url=result.url, http_charset=result.charset)
    except StrichkaError as exc:
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        with deps.engine.begin() as conn:
            next_check = next_check_at(
                started, settings, error_count=feed.error_count + 1, retry_after=retry_after
            )
            feeds_repo.record_feed_error(conn, feed.id, now=started, next_check=next_check, error=str(exc))
            feeds_repo.log_fetch(
                conn, feed_id=feed.id, url=feed.url, kind="feed", started_at=started,
                duration_ms=_ms(clock), status=getattr(exc, "status", None), size=0, error=str(exc),
            )
        log.warning("feed %s (%s): %s — next try %s", feed.url, feed.source_name, exc, next_check.isoformat())
        return RefreshOutcome(feed.id, feed.url, error=str(exc))

    with deps.engine.begin() as conn:
        new = feeds_repo.store_entries(conn, feed.id, parsed.entries, started) if parsed else 0
        next_check = next_check_at(
            started, settings,
            entry_times=feeds_repo.recent_entry_times(conn, feed.id),
            ttl_minutes=parsed.ttl_minutes if parsed else None,
            max_age=result.max_age, retry_after=result.retry_after,
        )
        feeds_repo.record_feed_success(
            conn, feed.id, now=started, next_check=next_check,
            etag=result.etag or feed.etag, last_modified=result.last_modified or feed.last_modified,
            title=parsed.title if parsed else None, ttl_minutes=parsed.ttl_minutes if parsed else None,
        )
        feeds_repo.log_fetch(
            conn, feed_id=feed.id, url=feed.url, kind="feed", started_at=started, duration_ms=_ms(clock),
            status=result.status, size=len(result.body), error=None, new_entries=new,
        )
    log.info("feed %s: %s", feed.url, "not modified" if result.not_modified else f"{new} new entries")
    return RefreshOutcome(feed.id, feed.url, new_entries=new, not_modified=result.not_modified)


def _ms(start: float) -> int:
    return int((time.monotonic() - start) * 1000)
