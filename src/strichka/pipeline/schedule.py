"""When to check a feed next. Pure: the pipeline hands in what it knows.

Rules:
- a healthy feed is checked about as often as it publishes (the mean gap between its recent
  entries), never more often than `min_check_interval` or the feed's own ttl / Cache-Control
  max-age, and at least every `max_check_interval`;
- a failing feed backs off exponentially (min interval × 2^errors) up to `max_error_backoff`,
  so it is never parked forever; a server's Retry-After always wins when it asks for longer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from strichka.settings import Settings


def publishing_interval(entry_times: Sequence[datetime], *, window: int = 20) -> float | None:
    """Mean seconds between the feed's most recent entries, or None with fewer than two."""
    recent = sorted(entry_times, reverse=True)[:window]
    if len(recent) < 2:
        return None
    span = (recent[0] - recent[-1]).total_seconds()
    return span / (len(recent) - 1) if span > 0 else None


def next_check_at(
    now: datetime,
    settings: Settings,
    *,
    entry_times: Sequence[datetime] = (),
    ttl_minutes: int | None = None,
    max_age: int | None = None,
    retry_after: float | None = None,
    error_count: int = 0,
) -> datetime:
    if error_count > 0:
        delay = min(settings.min_check_interval * 2 ** min(error_count - 1, 20), settings.max_error_backoff)
    else:
        interval = publishing_interval(entry_times)
        delay = interval if interval is not None else settings.max_check_interval / 8
        floor = max(settings.min_check_interval, (ttl_minutes or 0) * 60, max_age or 0)
        delay = min(max(delay, floor), settings.max_check_interval)
    if retry_after is not None:
        delay = max(delay, min(retry_after, settings.max_check_interval))
    return now + timedelta(seconds=delay)
