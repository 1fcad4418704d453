"""Reading stories (clusters of articles on one event) and who cited whom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select, tuple_

from strichka.storage.schema import citations, images, sources, stories
from strichka.web.params import Cursor
from strichka.web.queries_articles import IMG_COLUMNS, SOURCE_COLUMNS, source_from_row
from strichka.web.views import Citation, StoryCard, as_utc, image_from_row

_COLUMNS = (
    stories.c.id,
    stories.c.title,
    stories.c.titles,
    stories.c.category,
    stories.c.article_count,
    stories.c.source_count,
    stories.c.languages,
    stories.c.score,
    stories.c.created_at,
    stories.c.updated_at,
    stories.c.first_article_id,
    *SOURCE_COLUMNS,
    *IMG_COLUMNS,
)


def _story_select() -> Select[Any]:
    return (
        select(*_COLUMNS)
        .select_from(stories)
        .outerjoin(sources, sources.c.id == stories.c.first_source_id)
        .outerjoin(images, images.c.id == stories.c.lead_image_id)
    )


def _story_from_row(row: Any) -> StoryCard:
    first = None
    if row.src_id is not None:
        first = source_from_row(row)
    langs = tuple(x for x in (row.languages or "").replace(" ", "").split(",") if x)
    return StoryCard(
        id=row.id,
        title=row.title,
        titles=dict(row.titles or {}),
        category=row.category,
        article_count=row.article_count,
        source_count=row.source_count,
        languages=langs,
        score=row.score,
        created_at=as_utc(row.created_at),  # type: ignore[arg-type]
        updated_at=as_utc(row.updated_at),  # type: ignore[arg-type]
        first_article_id=row.first_article_id,
        first_source=first,
        image=image_from_row(row),
    )


def top_stories(conn: Connection, *, limit: int = 12, category: str | None = None) -> list[StoryCard]:
    """Ranked clusters: the stories step's score already mixes size and freshness."""
    query = _story_select().where(stories.c.article_count > 0)
    if category is not None:
        query = query.where(stories.c.category == category)
    query = query.order_by(stories.c.score.desc(), stories.c.updated_at.desc(), stories.c.id.desc())
    return [_story_from_row(r) for r in conn.execute(query.limit(limit)).all()]


def recent_stories(
    conn: Connection, *, limit: int, cursor: Cursor | None = None
) -> tuple[list[StoryCard], Cursor | None]:
    """Stories by last update, keyset-paginated on (updated_at, id) — for the API."""
    query = _story_select()
    if cursor is not None:
        query = query.where(tuple_(stories.c.updated_at, stories.c.id) < tuple_(cursor.published_at, cursor.id))
    query = query.order_by(stories.c.updated_at.desc(), stories.c.id.desc()).limit(limit + 1)
    rows = conn.execute(query).all()
    cards = [_story_from_row(r) for r in rows[:limit]]
    nxt = Cursor(cards[-1].updated_at, cards[-1].id) if len(rows) > limit and cards else None
    return cards, nxt


# Built once: a select made per request costs more to build and hash than SQLite spends on it.
_STORY_BY_ID = _story_select().where(stories.c.id == bindparam("story_id"))
_CITATIONS_OF = (
    select(citations.c.article_id, citations.c.cited_name, citations.c.cited_source_id)
    .where(citations.c.article_id.in_(bindparam("article_ids", expanding=True)))
    .order_by(citations.c.id)
)


def story_by_id(conn: Connection, story_id: int) -> StoryCard | None:
    row = conn.execute(_STORY_BY_ID, {"story_id": story_id}).first()
    return _story_from_row(row) if row is not None else None


def citations_for(conn: Connection, article_ids: Sequence[int]) -> dict[int, list[Citation]]:
    if not article_ids:
        return {}
    rows = conn.execute(_CITATIONS_OF, {"article_ids": list(article_ids)}).all()
    found: dict[int, list[Citation]] = {}
    for r in rows:
        found.setdefault(r.article_id, []).append(Citation(r.article_id, r.cited_name, r.cited_source_id))
    return found
