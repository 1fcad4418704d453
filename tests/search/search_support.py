"""Names the search tests import (kept out of conftest.py, whose module name every test folder shares)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

BASE_TIME = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
AddArticles = Callable[..., list[int]]
