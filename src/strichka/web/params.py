"""Query parameters from readers: parsed strictly, refused with a message (400), never a 500."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, date, datetime

MAX_LIMIT = 100
MAX_ID = 2**63 - 1  # the largest row id any database here can hold
MAX_QUERY_CHARS = 500


class BadParam(ValueError):
    """A query parameter a reader sent cannot be used; the message says which and why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Cursor:
    """Keyset position: the (published_at, id) of the last row already shown."""

    published_at: datetime
    id: int

    def encode(self) -> str:
        raw = f"{self.published_at.strftime('%Y-%m-%dT%H:%M:%S.%f')}|{self.id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_cursor(value: str | None) -> Cursor | None:
    if not value:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        stamp, _, ident = raw.partition("|")
        when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%f")
        return Cursor(when.replace(tzinfo=UTC), int(ident))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadParam("cursor", "not a cursor this site gave out") from exc


def parse_int(name: str, value: str | None, *, default: int | None = None, lo: int = 0, hi: int = 2**62) -> int | None:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise BadParam(name, "expected a whole number") from exc
    if not lo <= number <= hi:
        raise BadParam(name, f"expected a number from {lo} to {hi}")
    return number


def parse_limit(value: str | None, default: int = 20) -> int:
    return parse_int("limit", value, default=default, lo=1, hi=MAX_LIMIT) or default


def parse_date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadParam(name, "expected a date like 2026-01-31") from exc


def parse_choice(name: str, value: str | None, choices: tuple[str, ...], default: str) -> str:
    if value is None or value == "":
        return default
    if value not in choices:
        raise BadParam(name, "expected one of " + ", ".join(choices))
    return value


def parse_text(name: str, value: str | None) -> str:
    text = (value or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise BadParam(name, f"longer than {MAX_QUERY_CHARS} characters")
    if "\x00" in text:
        raise BadParam(name, "contains a NUL character")
    return text


def parse_slug(name: str, value: str | None, *, max_len: int = 32) -> str | None:
    if not value:
        return None
    if len(value) > max_len or not all(c.isalnum() or c in "_-" for c in value):
        raise BadParam(name, "expected letters, digits, - or _")
    return value


def row_id(value: int) -> int:
    """A path id too big for the database cannot name a row: 404, not a driver overflow (500)."""
    if not 0 < value <= MAX_ID:
        from fastapi import HTTPException

        raise HTTPException(404)
    return value
