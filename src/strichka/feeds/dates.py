"""Feed dates → timezone-aware UTC datetimes.

Fast paths for the two formats nearly every feed uses (RFC 822 in RSS, ISO 8601 / RFC 3339 in
Atom and JSON Feed), then feedparser's date parser for the long tail (W3C-DTF variants, Korean,
Greek, Hungarian, ...). A date without a zone is taken as UTC: guessing a local zone is worse.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

from feedparser.datetimes import _parse_date as _feedparser_parse_date

# The shape nearly every RSS date has; anything else goes to the general parsers.
_RFC822 = re.compile(
    r"(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*"
    r"([+-]\d{4}|[A-Za-z]{1,5})\s*$"
)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ZONES = {
    name: timedelta(hours=hours)
    for name, hours in (("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("EST", -5), ("EDT", -4), ("CST", -6),
                        ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7), ("CET", 1), ("CEST", 2),
                        ("EET", 2), ("EEST", 3), ("MSK", 3), ("BST", 1))
}
# Day, hour, minute and second of the fixed-position form, read by one lookup instead of
# slicing into int(); only ASCII digit pairs are keys, so anything else falls to the regex.
_TWO_DIGITS = {f"{number:02d}": number for number in range(100)}
_MONTHS_AS_WRITTEN = {name.title(): number for name, number in _MONTHS.items()}
_OFFSET_CACHE: dict[str, timedelta] = {}
_MONTH_DIGITS = {name: f"{number:02d}" for name, number in _MONTHS_AS_WRITTEN.items()}
# Zones _rfc822_fixed_checked accepted (and their offsets): the quick reading trusts only these.
_FIXED_FORM_ZONES: dict[str, timedelta] = {}
_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    parsed = _rfc822(value) if value[:1].isalpha() else _iso8601(value)
    if parsed is None and not value[:1].isalpha():  # RFC 822 without its optional weekday
        parsed = _rfc822(value)
    if parsed is None:
        parsed = _fallback(value)
    # Comparing aware datetimes converts both to UTC; the year settles nearly every date first.
    if parsed is None or (parsed.year <= 1970 and parsed < _EARLIEST):
        return None
    return parsed


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _rfc822(value: str) -> datetime | None:
    if len(value) >= 29 and value[3] == "," and value[16] == " " and value[19] == ":" and value[22] == ":":
        fixed = _rfc822_fixed(value)
        if fixed is not None:
            return fixed or None
    match = _RFC822.match(value)
    if match is not None:
        day, month, year, hour, minute, second, zone = match.groups()
        offset = _offset(zone)
        month_number = _MONTHS.get(month.lower())
        if offset is not None and month_number is not None:
            try:
                # Built in UTC and shifted: cheaper than a zone-aware datetime and astimezone().
                moment = datetime(int(year), month_number, int(day), int(hour), int(minute), int(second or 0), tzinfo=UTC)
                return moment - offset
            except (ValueError, OverflowError):
                return None
    try:
        return _as_utc(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _rfc822_fixed(value: str) -> datetime | Literal[False] | None:
    """"Sun, 22 Aug 2021 13:45:00 +0300" read by position: the form nearly every RSS feed writes,
    at half the cost of the regular expression. None: not this form (ask the regex); False: this
    form, but no such date (31 Feb)."""
    # Quickest: its fields rearranged into ISO 8601 for datetime's C parser, which checks every
    # digit and the calendar. A zone is known here only once the careful reading below has
    # accepted it; anything the C parser refuses is read carefully, to tell None from False.
    month, offset = _MONTH_DIGITS.get(value[8:11]), _FIXED_FORM_ZONES.get(value[26:])
    if (
        month is not None and offset is not None and value[17:19] < "24"
        and value[4] == " " and value[7] == " " and value[11] == " " and value[25] == " "
    ):
        try:
            return datetime.fromisoformat(f"{value[12:16]}-{month}-{value[5:7]}T{value[17:25]}+00:00") - offset
        except (ValueError, OverflowError):
            pass
    return _rfc822_fixed_checked(value)


def _rfc822_fixed_checked(value: str) -> datetime | Literal[False] | None:
    day, hour = _TWO_DIGITS.get(value[5:7]), _TWO_DIGITS.get(value[17:19])
    minute, second = _TWO_DIGITS.get(value[20:22]), _TWO_DIGITS.get(value[23:25])
    month, year = _MONTHS_AS_WRITTEN.get(value[8:11]), value[12:16]
    if (
        day is None or hour is None or minute is None or second is None or month is None
        or value[4] != " " or value[7] != " " or value[11] != " " or value[25] != " " or not year.isdigit()
    ):
        return None
    zone = value[26:]
    if not ((len(zone) == 5 and zone[0] in "+-" and zone[1:].isdigit()) or (zone.isalpha() and len(zone) <= 5)):
        return None
    offset = _offset(zone)
    if offset is None:
        return None
    if len(_FIXED_FORM_ZONES) < 64:  # bounded: a hostile feed can invent zone names
        _FIXED_FORM_ZONES[zone] = offset
    try:
        return datetime(int(year), month, day, hour, minute, second, tzinfo=UTC) - offset
    except (ValueError, OverflowError):
        return False


def _offset(name: str) -> timedelta | None:
    """'+0300', 'GMT', 'EST' → the zone's offset from UTC; cached, as a feed repeats the same few."""
    found = _OFFSET_CACHE.get(name)
    if found is None:
        if name[0] in "+-":
            try:
                hours, minutes = int(name[1:3]), int(name[3:5])
            except ValueError:  # "+0²00": isdigit() and \d accept ², int() does not
                return None
            if hours > 14 or minutes > 59:
                return None
            delta = timedelta(hours=hours, minutes=minutes)
            found = -delta if name[0] == "-" else delta
        else:
            found = _ZONES.get(name.upper())
            if found is None:
                return None
        if len(_OFFSET_CACHE) < 1024:
            _OFFSET_CACHE[name] = found
    return found


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
