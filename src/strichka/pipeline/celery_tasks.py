"""The scale-out runner: the same steps as Celery tasks, with Redis as broker (STRICHKA_REDIS_URL).

Tasks hold no logic: each loads its row and calls the step that `pipeline.local` calls.
Clustering keeps one in-memory story index, so it runs on its own queue, `stories`, which one
worker process consumes (`strichka worker --queues stories --concurrency 1`).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from celery import Celery

from strichka.app import App
from strichka.fetch import Fetcher
from strichka.pipeline.deps import PipelineDeps
from strichka.pipeline.icon_step import mirror_due_icons
from strichka.pipeline.media_step import retry_due_images
from strichka.pipeline.process import process_entry
from strichka.pipeline.refresh import refresh_feed
from strichka.pipeline.site_profiles import SiteProfiles
from strichka.settings import Settings
from strichka.storage import feeds_repo, stories_repo

STORIES_QUEUE = "stories"
LEASE = timedelta(minutes=10)

celery = Celery("strichka")
_worker_app: dict[str, App] = {}  # one App per worker process, built on its first task


def configure(settings: Settings, **overrides: Any) -> Celery:
    celery.conf.update(
        broker_url=settings.redis_url,
        result_backend=settings.redis_url,
        task_routes={"strichka.assign_story": {"queue": STORIES_QUEUE}},
        task_acks_late=True,  # a worker that dies mid-task leaves it for another
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        **overrides,
    )
    _worker_app.clear()
    _worker_app["settings"] = settings  # type: ignore[assignment]
    return celery


def _app() -> App:
    if "app" not in _worker_app:
        settings = _worker_app.get("settings") or Settings.load()
        _worker_app["app"] = App.build(settings)  # type: ignore[arg-type]
    return _worker_app["app"]


async def _with_deps(work: Any) -> Any:
    app = _app()
    async with Fetcher(app.settings) as fetcher:
        deps = PipelineDeps(
            settings=app.settings, engine=app.engine, fetcher=fetcher, media=app.media, searcher=app.searcher,
            send_to_stories=_send_to_stories,
            # One registry per worker process, so what its pages teach accumulates and is stored
            # every few pages; workers share it through the database (a save adds to the others').
            site_profiles=app.once("site_profiles", SiteProfiles),
        )
        return await work(deps)


async def _send_to_stories(article_id: int) -> str:
    return assign_story_task.delay(article_id).id


@celery.task(name="strichka.refresh_feed")
def refresh_feed_task(feed_id: int) -> list[str]:
    """Refresh one feed, then hand each of its pending entries to a worker. Returns their task ids."""
    app = _app()
    with app.engine.connect() as conn:
        feed = feeds_repo.due_feeds(conn, datetime.now(UTC), feed_id=feed_id)
    if not feed:
        return []
    asyncio.run(_with_deps(lambda deps: refresh_feed(feed[0], deps)))
    with app.engine.connect() as conn:
        pending = feeds_repo.pending_entries(
            conn, datetime.now(UTC), feed_id=feed_id, limit=app.settings.articles_per_feed_pass
        )
    return [process_entry_task.delay(entry.id).id for entry in pending]


@celery.task(name="strichka.process_entry")
def process_entry_task(entry_id: int) -> dict[str, Any]:
    """Returns the stored article's id and the id of the stories task it was handed to."""
    app = _app()
    with app.engine.connect() as conn:
        entry = feeds_repo.pending_entries(conn, datetime.now(UTC), entry_id=entry_id)
    if not entry:
        return {"article_id": None, "story_task_id": None}
    outcome = asyncio.run(_with_deps(lambda deps: process_entry(entry[0], deps)))
    return {"article_id": outcome.article_id, "story_task_id": outcome.story_task_id, "error": outcome.error}


@celery.task(name="strichka.assign_story")
def assign_story_task(article_id: int) -> None:
    from strichka.pipeline.story_step import assign_story_in_worker

    assign_story_in_worker(_app(), article_id)


@celery.task(name="strichka.housekeeping")
def housekeeping_task() -> dict[str, Any]:
    """What the local runner does at the end of a pass: images whose retry is due, outlet icons
    not looked for this month, and stored articles whose stories task was lost (a worker died)."""
    app = _app()
    now = datetime.now(UTC)

    async def work(deps: PipelineDeps) -> tuple[int, int]:
        return await retry_due_images(deps, now), await mirror_due_icons(deps, now)

    images, icons = asyncio.run(_with_deps(work))
    with app.engine.connect() as conn:
        lost = stories_repo.unassigned_since(
            conn, now - timedelta(hours=app.settings.story_window_hours), stored_before=now - LEASE
        )
    # The stories worker answers an article its index already holds as it is: no harm in asking twice.
    requeued = [assign_story_task.delay(article_id).id for article_id in lost]
    return {"images_recovered": images, "icons_mirrored": icons, "stories_task_ids": requeued}


def dispatch_due_feeds(app: App) -> list[str]:
    """Hand every due feed to the workers (leased so it is not handed out twice). Returns task ids."""
    now = datetime.now(UTC)
    with app.engine.begin() as conn:
        due = feeds_repo.due_feeds(conn, now)
        feeds_repo.lease_feeds(conn, [f.id for f in due], now + LEASE)
    return [refresh_feed_task.delay(f.id).id for f in due]
