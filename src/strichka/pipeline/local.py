"""The in-process runner: one crawl pass (`strichka crawl --once`) and the endless loop (`strichka run`).

All database writes happen on the event loop's thread, one after another (the single writer
SQLite wants). Page work — decoding, extraction, search terms — runs in worker processes
(pipeline.cpu); feed parsing and thumbnails run in threads; embedding and clustering run behind
ingest in the stories stage (pipeline.stories_stage), which a pass waits for before it reports.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from tqdm import tqdm

from strichka.app import App
from strichka.fetch import Fetcher, Resolver
from strichka.pipeline.cpu import CpuWork
from strichka.pipeline.deps import PipelineDeps
from strichka.pipeline.icon_step import mirror_due_icons
from strichka.pipeline.media_step import retry_due_images
from strichka.pipeline.process import ProcessOutcome, process_entry
from strichka.pipeline.refresh import RefreshOutcome, refresh_feed
from strichka.storage import feeds_repo

log = logging.getLogger("strichka.crawl")
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class CrawlReport:
    feeds_checked: int
    feeds_failed: int
    new_entries: int
    articles_created: int
    articles_failed: int
    images_recovered: int = 0
    stories_assigned: int = 0
    stories_waiting: int = 0  # when the pass did not wait for the stories stage

    def summary(self) -> str:
        waiting = f", {self.stories_waiting} waiting for the model" if self.stories_waiting else ""
        return (
            f"{self.feeds_checked} feeds checked ({self.feeds_failed} failed), {self.new_entries} new entries, "
            f"{self.articles_created} articles stored ({self.articles_failed} failed), "
            f"{self.images_recovered} images mirrored on retry, {self.stories_assigned} articles placed in stories"
            f"{waiting}"
        )


@asynccontextmanager
async def local_deps(app: App, *, resolver: Resolver | None = None) -> AsyncIterator[PipelineDeps]:
    """The local runner's clients — worker processes, the fetcher, the stories stage — for as long
    as the block runs, then shut down. `resolver` replaces DNS (the benchmark's offline hosts)."""
    from strichka.pipeline.stories_stage import StoriesStage
    from strichka.pipeline.story_step import open_story_index

    with CpuWork(app.settings.extract_processes) as cpu:
        async with Fetcher(app.settings, resolver=resolver) as fetcher:
            stories = StoriesStage(
                open_story_index(app), app.engine, embedder=app.settings.embedder,
                processes=app.settings.extract_processes if cpu.in_processes else -1,
            )
            try:
                yield PipelineDeps(
                    settings=app.settings, engine=app.engine, fetcher=fetcher, media=app.media,
                    searcher=app.searcher, cpu=cpu, stories=stories,
                )
            finally:
                await stories.close()


async def crawl_once(
    app: App, *, progress: bool = False, deps: PipelineDeps | None = None, wait_for_stories: bool = True
) -> CrawlReport:
    """Check every due feed, then turn every pending entry into an article. With wait_for_stories
    (the default) the pass ends when its articles are in stories too."""
    if deps is None:
        async with local_deps(app) as own:
            return await crawl_once(app, progress=progress, deps=own, wait_for_stories=True)
    if deps.stories is not None:
        await deps.stories.submit_unassigned(app.settings.story_window_hours)
    placed_before = deps.stories.assigned if deps.stories is not None else 0
    now = datetime.now(UTC)
    with app.engine.connect() as conn:
        due = feeds_repo.due_feeds(conn, now)
    refreshed: list[RefreshOutcome] = await _bounded(
        due, lambda feed: refresh_feed(feed, deps), deps.settings.total_concurrency, "feeds", progress
    )
    with app.engine.connect() as conn:
        pending = _per_feed_limit(feeds_repo.pending_entries(conn, now), deps.settings.articles_per_feed_pass)
    processed: list[ProcessOutcome] = await _bounded(
        pending, lambda entry: process_entry(entry, deps), deps.settings.total_concurrency, "articles", progress
    )
    deps.site_profiles.save_all(deps.engine)  # what the pages taught about their outlets outlives a restart
    images_recovered = await retry_due_images(deps, now)
    await mirror_due_icons(deps, now)
    if wait_for_stories:
        await _stories_caught_up(deps, progress)
    stories_assigned = deps.stories.assigned - placed_before if deps.stories is not None else 0
    report = CrawlReport(
        feeds_checked=len(due),
        feeds_failed=len(due) - len(refreshed) + sum(1 for r in refreshed if r.error),
        new_entries=sum(r.new_entries for r in refreshed),
        articles_created=sum(1 for p in processed if p.created),
        articles_failed=len(pending) - len(processed) + sum(1 for p in processed if p.error),
        images_recovered=images_recovered,
        stories_assigned=stories_assigned,
        stories_waiting=deps.stories.unplaced if deps.stories is not None else 0,
    )
    log.info("crawl pass: %s", report.summary())
    return report


async def run_forever(app: App, stop: asyncio.Event) -> None:
    """Crawl, wait `crawl_interval`, repeat, until `stop` is set. A failed pass is logged, not fatal."""
    async with local_deps(app) as deps:
        await _crawl_until(app, deps, stop)


async def _stories_caught_up(deps: PipelineDeps, progress: bool) -> None:
    """Wait for the stories stage to place this pass's articles."""
    if deps.stories is None:
        return
    # The embedding model runs after the pages: say so, with a bar of its own.
    bar: Any = tqdm(total=deps.stories.unplaced, desc="stories", unit="article", disable=not progress or not deps.stories.unplaced)
    deps.stories.on_placed = lambda: bar.update(1)
    try:
        await deps.stories.drain()
    finally:
        deps.stories.on_placed = None
        bar.close()


async def _crawl_until(app: App, deps: PipelineDeps, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            # Passes keep their schedule while the stories stage catches up behind them.
            await crawl_once(app, deps=deps, wait_for_stories=False)
        except Exception:  # noqa: BLE001 — the loop must outlive any one bad pass; it is logged in full
            log.exception("crawl pass failed; the next pass runs as scheduled")
        try:
            await asyncio.wait_for(stop.wait(), timeout=app.settings.crawl_interval)
        except TimeoutError:
            pass


def _per_feed_limit(entries: list[feeds_repo.PendingEntry], limit: int) -> list[feeds_repo.PendingEntry]:
    counts: dict[int, int] = {}
    kept = []
    for entry in entries:  # already newest first
        counts[entry.feed_id] = counts.get(entry.feed_id, 0) + 1
        if counts[entry.feed_id] <= limit:
            kept.append(entry)
    return kept


async def _bounded(
    items: Iterable[T], work: Callable[[T], Awaitable[R]], limit: int, label: str, progress: bool
) -> list[R]:
    items = list(items)
    gate = asyncio.Semaphore(limit)
    bar: Any = tqdm(total=len(items), desc=label, unit=label[:-1], disable=not progress or not items)

    async def one(item: T) -> R | None:
        try:
            async with gate:
                return await work(item)
        except Exception:  # noqa: BLE001 — a bug met on one item must not stop the others; logged in full
            log.exception("%s: unexpected failure on %r; the rest of the pass goes on", label, item)
            return None
        finally:
            bar.update(1)

    try:
        return [r for r in await asyncio.gather(*(one(i) for i in items)) if r is not None]
    finally:
        bar.close()
