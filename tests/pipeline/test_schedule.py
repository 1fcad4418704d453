from datetime import UTC, datetime, timedelta

from strichka.pipeline.schedule import next_check_at, publishing_interval
from strichka.settings import Settings

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
S = Settings.load(environ={})


def test_busy_feed_is_checked_as_often_as_it_publishes_but_not_below_the_floor():
    every_10_min = [NOW - timedelta(minutes=10 * i) for i in range(10)]
    assert next_check_at(NOW, S, entry_times=every_10_min) == NOW + timedelta(minutes=10)
    every_minute = [NOW - timedelta(minutes=i) for i in range(10)]
    assert next_check_at(NOW, S, entry_times=every_minute) == NOW + timedelta(seconds=S.min_check_interval)


def test_quiet_feed_is_still_checked_daily():
    weekly = [NOW - timedelta(days=7 * i) for i in range(5)]
    assert next_check_at(NOW, S, entry_times=weekly) == NOW + timedelta(seconds=S.max_check_interval)


def test_ttl_and_cache_control_raise_the_floor():
    busy = [NOW - timedelta(minutes=i) for i in range(10)]
    assert next_check_at(NOW, S, entry_times=busy, ttl_minutes=30) == NOW + timedelta(minutes=30)
    assert next_check_at(NOW, S, entry_times=busy, max_age=3600) == NOW + timedelta(hours=1)


def test_errors_back_off_exponentially_and_are_never_parked_forever():
    delays = [(next_check_at(NOW, S, error_count=n) - NOW).total_seconds() for n in range(1, 30)]
    assert delays[0] == S.min_check_interval
    assert delays[1] == 2 * S.min_check_interval
    assert all(a <= b for a, b in zip(delays, delays[1:], strict=False))
    assert max(delays) == S.max_error_backoff


def test_retry_after_wins_when_longer():
    assert next_check_at(NOW, S, error_count=1, retry_after=7200) == NOW + timedelta(hours=2)


def test_publishing_interval_needs_two_entries():
    assert publishing_interval([NOW]) is None
    assert publishing_interval([NOW, NOW - timedelta(hours=2)]) == 7200
