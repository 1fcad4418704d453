"""Reading articles and their images for the site: one query per list, keyset pagination."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, or_, select, tuple_

from strichka.storage.schema import article_images, articles, images, sources
from strichka.web.params import Cursor
from strichka.web.views import ArticleCard, ArticleFull, ImageView, SourceRef, as_utc, image_from_row

# The source and lead-image columns every card carries, under the prefixes the views read.
IMG_COLUMNS = (
    images.c.original_url.label("img_original_url"),
    images.c.key.label("img_key"),
    images.c.status.label("img_status"),
    images.c.width.label("img_width"),
    images.c.height.label("img_height"),
    images.c.thumbnails.label("img_thumbnails"),
)
SOURCE_COLUMNS = (
    sources.c.id.label("src_id"),
    sources.c.name.label("src_name"),
    sources.c.site_url.label("src_site_url"),
    sources.c.lang.label("src_lang"),
    sources.c.icon_key.label("src_icon_key"),
)

_CARD_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.lang,
    articles.c.published_at,
    articles.c.category,
    articles.c.story_id,
    articles.c.description,
    articles.c.lead_image_url,
    articles.c.url,
    *SOURCE_COLUMNS,
    *IMG_COLUMNS,
)


def _card_select() -> Select[Any]:
    return (
        select(*_CARD_COLUMNS)
        .select_from(articles)
        .join(sources, sources.c.id == articles.c.source_id)
        .outerjoin(images, images.c.original_url == articles.c.lead_image_url)
    )


def source_from_row(row: Any) -> SourceRef:
    """A row selected with SOURCE_COLUMNS."""
    return SourceRef(
        id=row.src_id, name=row.src_name, site_url=row.src_site_url, lang=row.src_lang, icon_key=row.src_icon_key
    )


def card_from_row(row: Any) -> ArticleCard:
    image = image_from_row(row)
    if image is None and row.lead_image_url:
        image = ImageView(original_url=row.lead_image_url)
    return ArticleCard(
        id=row.id,
        title=row.title,
        source=source_from_row(row),
        lang=row.lang,
        published_at=as_utc(row.published_at),  # type: ignore[arg-type]
        category=row.category,
        story_id=row.story_id,
        image=image,
        description=row.description or "",
        url=row.url,
    )


def latest_articles(
    conn: Connection,
    *,
    limit: int,
    cursor: Cursor | None = None,
    source_id: int | None = None,
    category: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    include_duplicates: bool = False,
) -> tuple[list[ArticleCard], Cursor | None]:
    """Newest first; returns the page and the cursor of the next page (None on the last one)."""
    query = _card_select()
    if source_id is not None:
        query = query.where(articles.c.source_id == source_id)
    if category is not None:
        query = query.where(_same_category(category))
    if since is not None:
        query = query.where(articles.c.published_at >= since)
    if until is not None:
        query = query.where(articles.c.published_at < until)
    if not include_duplicates:
        query = query.where(articles.c.duplicate_of.is_(None))
    if cursor is not None:
        query = query.where(
            tuple_(articles.c.published_at, articles.c.id) < tuple_(cursor.published_at, cursor.id)
        )
    query = query.order_by(articles.c.published_at.desc(), articles.c.id.desc()).limit(limit + 1)
    rows = conn.execute(query).all()
    cards = [card_from_row(r) for r in rows[:limit]]
    next_cursor = Cursor(cards[-1].published_at, cards[-1].id) if len(rows) > limit and cards else None
    return cards, next_cursor


def _same_category(category: Any) -> Any:  # a str or a bound parameter
    """category = :c, written so the planner walks the (published_at, id) index newest first and
    stops at LIMIT, instead of fetching the whole category by its own index and sorting it (36 ms
    instead of 0.5 ms on 20k articles). An index on (category, published_at) would serve both."""
    return func.coalesce(articles.c.category, "") == category


# Built once (a search page asks for its 20 hits on every miss of the page cache).
_CARDS_BY_IDS = _card_select().where(articles.c.id.in_(bindparam("ids", expanding=True)))
_ORIGINAL_CARDS_BY_IDS = _CARDS_BY_IDS.where(articles.c.duplicate_of.is_(None))


def cards_by_ids(conn: Connection, ids: Sequence[int], *, originals_only: bool = False) -> list[ArticleCard]:
    """Cards in the order of ids (search hits keep their rank); unknown ids are skipped, and so are
    republications when originals_only."""
    if not ids:
        return []
    rows = conn.execute(_ORIGINAL_CARDS_BY_IDS if originals_only else _CARDS_BY_IDS, {"ids": list(ids)}).all()
    by_id = {r.id: card_from_row(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def story_cards(conn: Connection, story_id: int, *, limit: int = 200) -> list[ArticleCard]:
    """Every article of a story, oldest first: who reported first reads first."""
    query = (
        _card_select()
        .where(articles.c.story_id == story_id)
        .order_by(articles.c.published_at.asc(), articles.c.id.asc())
        .limit(limit)
    )
    return [card_from_row(r) for r in conn.execute(query).all()]


# The article page's statements, built once with bound parameters: building and hashing a
# select per request cost more than SQLite spends running it.
_STORY_SIBLINGS = (
    _card_select()
    .where(articles.c.story_id == bindparam("story_id"), articles.c.id != bindparam("article_id"))
    .order_by(articles.c.published_at.desc())
    .limit(bindparam("limit"))
)
_SAME_CATEGORY = (
    _card_select()
    .where(
        _same_category(bindparam("category")),
        articles.c.duplicate_of.is_(None),
        articles.c.id.not_in(bindparam("seen", expanding=True)),
        or_(articles.c.story_id.is_(None), articles.c.story_id != bindparam("story_id")),
    )
    .order_by(articles.c.published_at.desc(), articles.c.id.desc())
    .limit(bindparam("limit"))
)


_NEWEST_IN_CATEGORY = (
    _card_select()
    .where(_same_category(bindparam("category")), articles.c.duplicate_of.is_(None))
    .order_by(articles.c.published_at.desc(), articles.c.id.desc())
    .limit(bindparam("limit"))
)


def newest_in_category(conn: Connection, category: str, limit: int) -> list[ArticleCard]:
    """_SAME_CATEGORY without the exclusions: what a CategoryPool keeps."""
    rows = conn.execute(_NEWEST_IN_CATEGORY, {"category": category, "limit": limit})
    return [card_from_row(r) for r in rows.all()]


def related_cards(
    conn: Connection, article: ArticleCard, *, limit: int = 8,
    pool: Callable[[Connection, str], list[ArticleCard]] | None = None,
    nearest: Callable[[int, int | None, int], list[int]] | None = None,
) -> list[ArticleCard]:
    """Other articles of the same story first, then the nearest by meaning in other stories
    (`nearest(article id, its story, how many)`, web/neighbours.py), then recent ones of the
    same category.

    `pool(conn, category)`, when given, returns the newest articles of a category (duplicates
    left out, newest first, as _SAME_CATEGORY orders them); the same-category part is taken from
    it when enough of it qualifies, which is then exactly what the query would return.
    """
    found: list[ArticleCard] = []
    if article.story_id is not None:
        rows = conn.execute(_STORY_SIBLINGS, {"story_id": article.story_id, "article_id": article.id, "limit": limit})
        found = [card_from_row(r) for r in rows.all()]
    if len(found) < limit and nearest is not None:
        found += cards_by_ids(conn, nearest(article.id, article.story_id, limit - len(found)), originals_only=True)
    if len(found) < limit and article.category:
        seen = [c.id for c in found] + [article.id]
        wanted = limit - len(found)
        if pool is not None:
            unseen = set(seen)
            qualifying = [
                c for c in pool(conn, article.category)
                if c.id not in unseen and (c.story_id is None or c.story_id != (article.story_id or -1))
            ]
            if len(qualifying) >= wanted:
                return found + qualifying[:wanted]
        rows = conn.execute(_SAME_CATEGORY, {
            "category": article.category, "seen": seen, "story_id": article.story_id or -1,
            "limit": limit - len(found),
        })
        found += [card_from_row(r) for r in rows.all()]
    return found


_ARTICLE_BY_ID = _card_select().add_columns(
    articles.c.html, articles.c.text, articles.c.author,
    articles.c.updated_at, articles.c.credits,
).where(articles.c.id == bindparam("article_id"))
_IMAGES_OF_ARTICLE = (
    select(article_images.c.caption, article_images.c.credit, article_images.c.alt, *IMG_COLUMNS)
    .select_from(article_images)
    .join(images, images.c.id == article_images.c.image_id)
    .where(article_images.c.article_id == bindparam("article_id"))
    .order_by(article_images.c.position, article_images.c.image_id)
)


def article_by_id(conn: Connection, article_id: int) -> ArticleFull | None:
    row = conn.execute(_ARTICLE_BY_ID, {"article_id": article_id}).first()
    if row is None:
        return None
    card = card_from_row(row)
    return ArticleFull(
        card=card,
        url=row.url,
        html=row.html,
        text=row.text,
        author=row.author,
        updated_at=as_utc(row.updated_at),
        credits=tuple(str(c) for c in (row.credits or ())),
        images=tuple(article_image_views(conn, article_id)),
    )


def article_image_views(conn: Connection, article_id: int) -> Iterable[ImageView]:
    for row in conn.execute(_IMAGES_OF_ARTICLE, {"article_id": article_id}).all():
        view = image_from_row(row, caption=row.caption, credit=row.credit, alt=row.alt)
        if view is not None:
            yield view
