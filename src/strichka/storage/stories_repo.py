"""Stories in the database: write an assignment and its story's state; load the window for restore.

SQLAlchemy Core over a Connection the caller owns (and commits): the one writer decides the
transaction. The article row must already exist; its story row is written first (foreign key).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from strichka.errors import StorageError
from strichka.storage import site_state
from strichka.storage.schema import article_images, articles, citations, images, sources, stories
from strichka.stories.citations import outlet_keys, same_outlet
from strichka.stories.model import RestoreRow, StoryAssignment, StoryView
from strichka.stories.rebuild import rebuilt_views


def save_assignment(conn: Connection, assignment: StoryAssignment, view: StoryView) -> None:
    """Store the article's story fields, the story's new state and the article's citation edges."""
    save_story(conn, view)
    result = conn.execute(
        update(articles)
        .where(articles.c.id == assignment.article_id)
        .values(
            story_id=assignment.story_id,
            duplicate_of=assignment.duplicate_of,
            category=assignment.category,
            is_news=assignment.is_news,
            simhash=assignment.simhash,
            embedding=assignment.embedding,
        )
    )
    if result.rowcount == 0:
        raise StorageError(f"article {assignment.article_id} not found: store it before its story")
    conn.execute(delete(citations).where(citations.c.article_id == assignment.article_id))
    if assignment.citations:
        # Outlets are cited in many spellings («УкрПресс-Инфо» for «Агентство УкрПрес-Інфо»), and
        # SQLite's lower() folds ASCII only: names are matched here, not in SQL.
        known = [(source_id, outlet_keys(name)) for source_id, name in conn.execute(select(sources.c.id, sources.c.name))]
        conn.execute(
            insert(citations),
            [
                {
                    "article_id": assignment.article_id,
                    "cited_name": c.cited_name,
                    "cited_source_id": _source_named(c.cited_name, known),
                    "phrase": c.phrase,
                }
                for c in assignment.citations
            ],
        )


def save_story(conn: Connection, view: StoryView) -> None:
    """Insert or update the story row from its view (the id comes from the StoryIndex)."""
    values = {
        "title": view.title,
        "titles": view.titles,
        "lang": view.lang,
        "category": view.category,
        "is_news": view.is_news,
        "first_article_id": view.first_article_id,
        "first_source_id": view.first_source_id,
        "article_count": len(view.article_ids),
        "source_count": len(view.source_ids),
        "languages": ",".join(view.languages),
        "score": view.score,
        "updated_at": view.updated_at,
    }
    exists = conn.execute(select(stories.c.id).where(stories.c.id == view.story_id)).first()
    if exists:
        conn.execute(update(stories).where(stories.c.id == view.story_id).values(**values))
    else:
        conn.execute(insert(stories).values(id=view.story_id, created_at=view.created_at, **values))


def next_story_id(conn: Connection) -> int:
    """One past the highest story id ever stored, so a restarted index never reuses an id."""
    return int(conn.execute(select(func.coalesce(func.max(stories.c.id), 0))).scalar_one()) + 1


def unassigned_since(conn: Connection, since: datetime, *, stored_before: datetime | None = None) -> list[int]:
    """Articles published since `since` that are stored (before `stored_before`, when given) but
    have no story yet, oldest first."""
    query = (
        select(articles.c.id)
        .where(articles.c.published_at >= since, articles.c.story_id.is_(None))
        .order_by(articles.c.published_at, articles.c.id)
    )
    if stored_before is not None:
        query = query.where(articles.c.fetched_at < stored_before)
    return list(conn.scalars(query))


def load_window(conn: Connection, since: datetime) -> list[RestoreRow]:
    """Articles published since `since` that already belong to a story, oldest first."""
    return _restore_rows(
        conn, articles.c.published_at >= since, articles.c.story_id.is_not(None), articles.c.embedding.is_not(None)
    )


def stories_of_articles(conn: Connection, *where: Any) -> set[int]:
    """The stories of the articles matching `where`, read before deleting them to rebuild after, and
    locked until the transaction ends (PostgreSQL; SQLite has one writer): a placement into one of
    them waits, and the rebuild sees its report. Stories first, then articles, as a placement does."""
    query = select(articles.c.story_id).where(articles.c.story_id.is_not(None), *where).distinct()
    story_ids = set(conn.scalars(query))
    if story_ids:
        conn.execute(select(stories.c.id).where(stories.c.id.in_(sorted(story_ids))).order_by(stories.c.id)
                     .with_for_update())
    return story_ids


def after_articles_deleted(conn: Connection, story_ids: set[int]) -> int:
    """The operator deleted articles of these stories (stories_of_articles, read before): rebuild them,
    and tell the process holding the stories window and every web process, whose cached pages may
    show them (site_state). Returns how many stories remain."""
    remaining = rebuild_stories(conn, story_ids, datetime.now(UTC))
    site_state.bump(conn, site_state.ARTICLES_REMOVED)
    site_state.bump(conn, site_state.PAGES_GENERATION)
    return remaining


def rebuild_stories(conn: Connection, story_ids: set[int], now: datetime) -> int:
    """After articles were deleted: each story's face from the members it has left (title, outlets,
    languages, first report, score, lead image); a story with none left is deleted. Returns how many remain."""
    if not story_ids:
        return 0
    views = rebuilt_views(_restore_rows(conn, articles.c.story_id.in_(sorted(story_ids))), now)
    for story_id in story_ids:
        view = views.get(story_id)
        if view is None:
            conn.execute(delete(stories).where(stories.c.id == story_id))
            continue
        save_story(conn, view)
        conn.execute(update(stories).where(stories.c.id == story_id).values(lead_image_id=None))
        fill_lead_image(conn, story_id)
    return len(views)


def _restore_rows(conn: Connection, *where: Any) -> list[RestoreRow]:
    query = (
        select(
            articles.c.id, articles.c.source_id, sources.c.name, sources.c.weight, articles.c.lang,
            articles.c.title, articles.c.text, articles.c.published_at, articles.c.url, articles.c.embedding,
            articles.c.simhash, articles.c.story_id, articles.c.duplicate_of, articles.c.category,
            articles.c.is_news, articles.c.feed_categories,
        )
        .join(sources, sources.c.id == articles.c.source_id)
        .where(*where)
        .order_by(articles.c.published_at, articles.c.id)
    )
    return [
        RestoreRow(
            id=r.id, source_id=r.source_id, source_name=r.name, lang=r.lang, title=r.title, text=r.text,
            published_at=_utc(r.published_at), url=r.url, embedding=r.embedding, simhash=r.simhash,
            story_id=r.story_id, duplicate_of=r.duplicate_of, category=r.category or "other",
            is_news=bool(r.is_news), feed_categories=tuple(r.feed_categories or ()), source_weight=r.weight or 1.0,
        )
        for r in conn.execute(query)
    ]


def _source_named(name: str, known: list[tuple[int, tuple[str, ...]]]) -> int | None:
    keys = outlet_keys(name)
    return next((source_id for source_id, source_keys in known if same_outlet(keys, source_keys)), None)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def fill_lead_image(conn: Connection, story_id: int) -> None:
    """Give a story without a picture the lead image of its earliest member that has a mirrored one."""
    image_id = conn.scalar(
        select(article_images.c.image_id)
        .join(articles, articles.c.id == article_images.c.article_id)
        .join(images, images.c.id == article_images.c.image_id)
        .where(articles.c.story_id == story_id, images.c.status == "ok", article_images.c.position == 0)
        .order_by(articles.c.published_at, articles.c.id)
        .limit(1)
    )
    if image_id is not None:
        conn.execute(
            update(stories).where(stories.c.id == story_id, stories.c.lead_image_id.is_(None)).values(lead_image_id=image_id)
        )
