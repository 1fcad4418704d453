"""The newest articles of each category, kept for a few seconds: the "related" block of every
article page reads from them instead of querying.

An uncached article page asked the database for the newest articles of its category on every
render (a crawler walking old articles asks the same few questions thousands of times); the
answer changes only when an article arrives, which the page cache already lets readers see
within seconds. Filtering the kept list gives exactly what the query returns whenever enough
of it qualifies; otherwise related_cards queries as before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Connection

from strichka.web.views import ArticleCard

POOL_SIZE = 32  # enough for 8 related cards after leaving out the article's own story


class CategoryPool:
    def __init__(self, ttl: float, load: Callable[[Connection, str, int], list[ArticleCard]]) -> None:
        self.ttl = ttl
        self._load = load
        self._kept: dict[str, tuple[float, list[ArticleCard]]] = {}
        self._lock = threading.Lock()  # handlers run in a thread pool

    def newest(self, conn: Connection, category: str) -> list[ArticleCard]:
        now = time.monotonic()
        with self._lock:
            kept = self._kept.get(category)
        if kept is not None and kept[0] > now:
            return kept[1]
        cards = self._load(conn, category, POOL_SIZE)
        with self._lock:
            self._kept[category] = (now + self.ttl, cards)
        return cards

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
