"""The stories step: a stored article joins a story (or opens one), and the story is saved.

The index lives in memory over the sliding window and is restored from storage at start-up,
so one process owns it: the local runner (stories_stage.py), or the single worker of the Celery
`stories` queue.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select

from strichka.app import App
from strichka.storage import stories_repo
from strichka.storage.schema import article_images, articles, images, sources
from strichka.storage.site_state import ARTICLES_REMOVED, CounterWatch
from strichka.stories import StoryArticle, StoryAssignment, StoryIndex, StoryView


def open_story_index(app: App) -> StoryIndex:
    """A StoryIndex over the active window, restored from stored articles without re-embedding."""
    index = StoryIndex(app.embedder, window_hours=app.settings.story_window_hours)
    since = datetime.now(UTC) - timedelta(hours=app.settings.story_window_hours)
    with app.engine.connect() as conn:
        index.restore(stories_repo.load_window(conn, since), next_story_id=stories_repo.next_story_id(conn))
    return index


def removals_watch(engine: Engine) -> CounterWatch:
    """Tells the owner of a stories window that the operator deleted articles (primed: the window was
    just read from the database)."""
    # Looked at before every placement (one small query beside ~70 ms of embedding): a throttle would
    # let the next save write a just-removed report back into its story.
    watch = CounterWatch(engine, ARTICLES_REMOVED, check_every=0.0)
    watch.prime()
    return watch


def drop_deleted_articles(index: StoryIndex, engine: Engine) -> int:
    """Forget the window's articles that are no longer stored; their stories were rebuilt by whoever
    deleted them (stories_repo.rebuild_stories), this keeps a later article from bringing them back."""
    window = index.article_ids()
    stored: set[int] = set()
    with engine.connect() as conn:
        for start in range(0, len(window), 500):
            chunk = window[start : start + 500]
            stored.update(conn.scalars(select(articles.c.id).where(articles.c.id.in_(chunk))))
    gone = [article_id for article_id in window if article_id not in stored]
    index.forget_articles(gone)
    return len(gone)


def assign_story_in_worker(app: App, article_id: int) -> None:
    """For the Celery stories worker: the same step, synchronously, with a per-process index."""
    index = app.once("story_index", lambda: open_story_index(app))
    removals = app.once("story_removals", lambda: removals_watch(app.engine))
    if removals.moved(time.monotonic()):
        drop_deleted_articles(index, app.engine)
    with app.engine.connect() as conn:
        article = load_story_article(conn, article_id)
    if article is None:
        return
    assignment = index.add(article)
    save_assignment(app.engine, assignment, index.story(assignment.story_id), index)


def save_assignment(engine: Engine, assignment: StoryAssignment, view: StoryView, index: StoryIndex | None = None) -> None:
    """Store the article's story. A report of that story deleted since the window last looked (the
    watch runs before a placement, the deletion may commit just after) is caught here, in the same
    transaction: the story is rebuilt from what is stored and the window forgets the report."""
    with engine.begin() as conn:
        stories_repo.save_assignment(conn, assignment, view)
        stories_repo.fill_lead_image(conn, assignment.story_id)
        stored = set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(view.article_ids))))
        deleted = [article_id for article_id in view.article_ids if article_id not in stored]
        if deleted:
            stories_repo.rebuild_stories(conn, {assignment.story_id}, datetime.now(UTC))
    if deleted and index is not None:
        index.forget_articles(deleted)


def load_story_article(conn: Any, article_id: int) -> StoryArticle | None:
    row = conn.execute(
        select(articles, sources.c.name.label("source_name"), sources.c.weight.label("source_weight"))
        .join(sources)
        .where(articles.c.id == article_id)
    ).first()
    if row is None:
        return None
    hashes = tuple(
        h for (h,) in conn.execute(
            select(images.c.phash)
            .join(article_images, article_images.c.image_id == images.c.id)
            .where(article_images.c.article_id == article_id, images.c.phash.is_not(None))
        )
    )
    return StoryArticle(
        id=row.id, source_id=row.source_id, source_name=row.source_name, lang=row.lang, title=row.title,
        text=row.text, published_at=row.published_at, url=row.url,
        feed_categories=tuple(row.feed_categories or ()), image_hashes=hashes,
        source_weight=row.source_weight or 1.0, embedding=row.embedding,
    )
