"""The local runner's text and stories stages, behind ingest and never in its way.

An article is stored, mirrored and searchable as soon as its page is read; its embedding and its
story follow here. The embedding model costs several times the extraction of a page (~80 ms of
CPU per article for multilingual-e5-small on this kind of machine), so it runs in worker processes
of lower OS priority: while pages arrive they take the cores, and the model catches up in the
gaps and after the pass. (The Celery runner gets the same split from its own `stories` queue.)

Articles stored but not yet in a story when the process stops are picked up at the next start
(`unassigned_since`), so a crash loses no story assignment.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from strichka.pipeline.cpu import CpuWork
from strichka.pipeline.story_step import (
    drop_deleted_articles,
    load_story_article,
    removals_watch,
    save_assignment,
)
from strichka.storage import stories_repo
from strichka.storage.site_state import CounterWatch
from strichka.stories import StoryArticle, StoryIndex
from strichka.stories.index import embedding_text

log = logging.getLogger("strichka.stories")
BATCH = 32  # articles taken off the queue at once: one database read, batched embedding
EMBED_CHUNK = 8  # texts per embedding call: large enough to batch, small enough to spread over the workers
MAX_UNPLACED = 2000  # while a long crawl outruns the model, place what is embedded every so often
BACKGROUND_NICE = 10  # the embedding workers yield the cores to page extraction


class StoriesStage:
    def __init__(self, index: StoryIndex, engine: Any, *, embedder: str, processes: int) -> None:
        """processes: as `extract_processes` (0 = one per core, -1 = embed in a thread of this process)."""
        self.index = index
        self.engine = engine
        self.embedder = embedder
        self._cpu = CpuWork(processes, nice=BACKGROUND_NICE, warm=__name__)
        self._queue: asyncio.Queue[int] = asyncio.Queue()
        self._consumer: asyncio.Task[None] | None = None
        self._unplaced: set[int] = set()  # submitted, not yet placed or failed: never queued twice
        self.assigned = 0
        self.failed = 0
        self.on_placed: Callable[[], None] | None = None  # e.g. a progress bar's update
        self._removals: CounterWatch | None = None  # the operator deleting articles the window holds

    async def submit(self, article_id: int) -> bool:
        """Queue the article; False when it is already on its way (a pass's recovery sweep meets
        the articles still queued)."""
        if article_id in self._unplaced:
            return False
        if self._consumer is None or self._consumer.done():
            self._consumer = asyncio.create_task(self._consume(), name="stories stage")
        self._unplaced.add(article_id)
        await self._queue.put(article_id)
        return True

    async def submit_unassigned(self, window_hours: int) -> int:
        """Queue what an earlier process stored but did not get to (a crash, a stop mid-pass)."""
        since = datetime.now(UTC) - timedelta(hours=window_hours)
        with self.engine.connect() as conn:
            stored = stories_repo.unassigned_since(conn, since)
        queued = [article_id for article_id in stored if await self.submit(article_id)]
        if queued:
            log.info("stories: %d stored articles had no story yet; assigning them", len(queued))
        return len(queued)

    async def warm_up(self) -> None:
        """Load the model in the workers now rather than on the first articles."""
        await asyncio.gather(*(self._embed_texts(["warm-up"]) for _ in range(4)))

    @property
    def unplaced(self) -> int:
        """Submitted articles not placed yet (queued, being embedded, or waiting their turn)."""
        return len(self._unplaced)

    async def drain(self) -> None:
        """Until every submitted article has its story (or has failed and been logged)."""
        await self._queue.join()

    async def close(self) -> None:
        if self._consumer is not None:
            self._consumer.cancel()
        await asyncio.to_thread(self._cpu.close)

    async def _consume(self) -> None:
        while True:
            taken = [await self._queue.get()]
            try:
                await self._embed_then_place(taken)
            finally:
                for article_id in taken:
                    self._unplaced.discard(article_id)
                    self._queue.task_done()

    async def _embed_then_place(self, taken: list[int]) -> None:
        """Embed what is queued, and what arrives meanwhile, then place it all oldest first.

        A crawl reads the newest entries first, but a story must meet its first report first
        (who reported first, and a translation joins the story of the original): placing a
        whole pass's articles in publication order does both. `taken` grows with what is taken."""
        ready: list[StoryArticle] = []
        taken += self._take_queued()
        ids = list(taken)
        while ids and len(ready) < MAX_UNPLACED:
            try:
                ready += await self._embedded(self._load(ids))
            except Exception:  # noqa: BLE001 — one bad batch must not stop the stage; logged in full
                self.failed += len(ids)
                log.exception("stories: could not embed articles %s; the next crawl pass retries them", ids)
            ids = self._take_queued()
            taken += ids
        if ready and self._articles_were_deleted():
            dropped = await asyncio.to_thread(drop_deleted_articles, self.index, self.engine)
            if dropped:
                log.info("stories: %d deleted articles left the stories window", dropped)
        for article in sorted(ready, key=lambda a: (a.published_at, a.id)):
            try:
                assignment = await asyncio.to_thread(self.index.add, article)
                save_assignment(self.engine, assignment, self.index.story(assignment.story_id), self.index)
                self.assigned += 1
                if self.on_placed is not None:
                    self.on_placed()
            except Exception:  # noqa: BLE001 — one article's failure leaves the others placed
                self.failed += 1
                log.exception("stories: could not place article %d; the next crawl pass retries it", article.id)

    def _articles_were_deleted(self) -> bool:
        if self._removals is None:  # the first placement: deletions since the window was read count too
            self._removals = removals_watch(self.engine)
            return True
        return self._removals.moved(time.monotonic())

    def _take_queued(self) -> list[int]:
        ids: list[int] = []
        while len(ids) < BATCH and not self._queue.empty():
            ids.append(self._queue.get_nowait())
        return ids

    def _load(self, ids: list[int]) -> list[StoryArticle]:
        with self.engine.connect() as conn:
            loaded = [load_story_article(conn, article_id) for article_id in ids]
        return [a for a in loaded if a is not None]

    async def _embedded(self, batch: list[StoryArticle]) -> list[StoryArticle]:
        # A republished body gets its original's vector in add(): only the others are embedded,
        # the earliest of each body being the one that is (add() sees them oldest first).
        batch = sorted(batch, key=lambda a: (a.published_at, a.id))
        missing = await asyncio.to_thread(self.index.needing_embedding, batch)
        # Threads would share one model, which is not known to be thread-safe: one call then.
        size = EMBED_CHUNK if self._cpu.in_processes else max(len(missing), 1)
        chunks = [missing[i : i + size] for i in range(0, len(missing), size)]
        results = await asyncio.gather(*(self._embed_texts([embedding_text(a) for a in chunk]) for chunk in chunks))
        vectors = {a.id: v for chunk, rows in zip(chunks, results, strict=True) for a, v in zip(chunk, rows, strict=True)}
        return [replace(a, embedding=vectors[a.id]) if a.id in vectors else a for a in batch]

    async def _embed_texts(self, texts: list[str]) -> list[bytes]:
        if self._cpu.in_processes:
            return await self._cpu.run(embed_passages, self.embedder, texts)
        # In threads, the index's own model serves: a second copy would only cost memory.
        return await asyncio.to_thread(stored_vectors, self.index.embedder, texts)


def embed_passages(embedder: str, texts: list[str]) -> list[bytes]:
    """In a worker process, with that process's one model."""
    return stored_vectors(worker_embedder(embedder), texts)


def stored_vectors(embedder: Any, texts: list[str]) -> list[bytes]:
    """Float32 little-endian vectors, one per text: the form articles.embedding keeps."""
    return [row.astype("<f4").tobytes() for row in embedder.embed(texts, kind="passage")]


@functools.cache
def worker_embedder(name: str) -> Any:
    """One model per worker process, loaded once."""
    from strichka.text.embeddings import open_embedder

    return open_embedder(name)
