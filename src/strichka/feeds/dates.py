"""Feed dates → timezone-aware UTC datetimes.

Fast paths for the two formats nearly every feed uses (RFC 822 in RSS, ISO 8601 / RFC 3339 in
Atom and JSON Feed), then feedparser's date parser for the long tail (W3C-DTF variants, Korean,
Greek, Hungarian, ...). A date without a zone is taken as UTC: guessing a local zone is worse.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from feedparser.datetimes import _parse_date as _feedparser_parse_date

_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    parsed = _rfc822(value) if value[:1].isalpha() else _iso8601(value)
    if parsed is None:
        parsed = _fallback(value)
    if parsed is None or parsed < _EARLIEST:
        return None
    return parsed


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _rfc822(value: str) -> datetime | None:
    try:
        return _as_utc(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _iso8601(value: str) -> datetime | None:
    try:
        return _as_utc(datetime.fromisoformat(value))
    except (ValueError, OverflowError):
        return None


def _fallback(value: str) -> datetime | None:
    try:
        parsed = _feedparser_parse_date(value)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None
