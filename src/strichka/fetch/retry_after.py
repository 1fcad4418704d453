"""Server hints about timing: Retry-After and Cache-Control max-age, parsed without side effects."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r'(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)', re.IGNORECASE)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait, from `Retry-After: 120` or `Retry-After: <HTTP date>`; None when unreadable.

    A date in the past means "now" (0.0): the server asked us to wait and the wait is over.
    `now` is passed in so the result does not depend on the clock of the machine running tests.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        # RFC 9110 dates are always GMT; a naive result means the zone was "-0000" or missing.
        when = when.replace(tzinfo=UTC)
    reference = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return max(0.0, (when - reference).total_seconds())


def parse_cache_control_max_age(value: str | None) -> int | None:
    """max-age in seconds from a Cache-Control header; None when absent or malformed."""
    if not value:
        return None
    match = _MAX_AGE.search(value)
    if match is None:
        return None
    return int(match.group(1))
