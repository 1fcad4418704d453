"""Retry-After and Cache-Control parsing, with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from strichka.fetch import parse_cache_control_max_age, parse_retry_after

NOW = datetime(2026, 11, 21, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Sat, 21 Nov 2026 12:01:30 GMT", 90.0),
        ("Saturday, 21-Nov-26 12:10:00 GMT", 600.0),  # RFC 850 form, still allowed by RFC 9110
        ("Sat Nov 21 12:00:05 2026", 5.0),  # asctime form
        ("Sat, 21 Nov 2026 11:00:00 GMT", 0.0),  # already past: no wait left
    ],
)
def test_retry_after_forms(value: str, seconds: float) -> None:
    assert parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "1.5", "Sat, 99 Foo 2026"])
def test_unreadable_retry_after_is_none(value: str | None) -> None:
    assert parse_retry_after(value, NOW) is None


def test_retry_after_uses_the_given_clock_in_any_zone() -> None:
    kyiv_now = NOW.astimezone(timezone(timedelta(hours=2)))
    assert parse_retry_after("Sat, 21 Nov 2026 12:00:30 GMT", kyiv_now) == 30.0


@pytest.mark.parametrize(
    ("value", "max_age"),
    [
        ("max-age=300", 300),
        ("public, max-age=0, must-revalidate", 0),
        ('private, MAX-AGE="60"', 60),
        ("s-maxage=100, max-age=20", 20),
        ("s-maxage=100", None),
        ("no-cache", None),
        ("max-age=abc", None),
        ("", None),
        (None, None),
    ],
)
def test_cache_control_max_age(value: str | None, max_age: int | None) -> None:
    assert parse_cache_control_max_age(value) == max_age
