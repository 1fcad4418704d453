"""The demo web's notion of "now": articles whose publication time is later stay hidden.

Tests use a fixed start and move time with advance(); `strichka demo` follows real time so new
articles appear while it runs.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

# A fixed start keeps ground truth and feeds byte-identical between test runs.
DEFAULT_START = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


class DemoClock:
    def __init__(self, start: datetime | None = None, *, real_time: bool = False) -> None:
        start = start or DEFAULT_START
        if start.tzinfo is None:
            raise ValueError("DemoClock start must be timezone-aware")
        self.start = start.astimezone(UTC)
        self._real_time = real_time
        self._started_monotonic = time.monotonic()
        self._advanced = timedelta(0)
        self._lock = threading.Lock()

    @classmethod
    def following_real_time(cls) -> DemoClock:
        """Starts now (to the second) and moves with the wall clock."""
        return cls(datetime.now(UTC).replace(microsecond=0), real_time=True)

    def now(self) -> datetime:
        with self._lock:
            moment = self.start + self._advanced
        if self._real_time:
            moment += timedelta(seconds=time.monotonic() - self._started_monotonic)
        return moment

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0) -> datetime:
        """Moves the clock forward and returns the new now."""
        step = timedelta(seconds=seconds, minutes=minutes)
        if step < timedelta(0):
            raise ValueError("the demo clock only moves forward")
        with self._lock:
            self._advanced += step
        return self.now()

    def is_published(self, minutes_after_start: int) -> bool:
        return self.start + timedelta(minutes=minutes_after_start) <= self.now()
