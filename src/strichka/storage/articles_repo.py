"""Article, image and entry-outcome rows written by the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from strichka.models import ArticleImage, ExtractedArticle, MirroredImage
from strichka.storage import stories_repo
from strichka.storage.schema import article_images, articles, entries, images
from strichka.storage.upsert import insert_ignoring_conflicts, inserted_id

MAX_ATTEMPTS = 6  # an entry is then 'failed' (its feed goes on); an image keeps its original URL


@dataclass(frozen=True)
class StoredImage:
    id: int
    original_url: str
    status: str
    key: str | None
    width: int | None
    height: int | None
    thumbnails: dict[int, str]
    attempts: int = 0


def article_id_for_url(conn: Connection, url: str) -> int | None:
    return conn.scalar(select(articles.c.id).where(articles.c.url == url))


def save_article(
    conn: Connection, article: ExtractedArticle, *, source_id: int, published_at: datetime,
    fetched_at: datetime, feed_categories: tuple[str, ...] = (), embedding: bytes | None = None,
) -> tuple[int, bool]:
    """Insert the article unless its URL is stored already. Returns (article_id, created)."""
    existing = article_id_for_url(conn, article.url)
    if existing is not None:
        return existing, False
    result = conn.execute(
        insert(articles).values(
            source_id=source_id, url=article.url, canonical_url=article.canonical_url,
            title=article.title, text=article.text, html=article.html, description=article.description,
            lang=article.lang, author=article.author, published_at=published_at,
            updated_at=article.updated_at, fetched_at=fetched_at, lead_image_url=article.lead_image,
            credits=list(article.credits), feed_categories=list(feed_categories), is_news=True,
            word_count=len(article.text.split()), embedding=embedding,
        )
    )
    return inserted_id(result), True


def attach_images(
    conn: Connection, article_id: int, source_id: int, lead: str | None, inline: tuple[ArticleImage, ...],
    now: datetime,
) -> list[StoredImage]:
    """Register the article's images (lead first); each original URL gets one images row ever."""
    ordered: list[ArticleImage] = []
    seen: set[str] = set()
    for image in ((ArticleImage(url=lead),) if lead else ()) + inline:
        if image.url not in seen and image.url.startswith(("http://", "https://")):
            seen.add(image.url)
            ordered.append(image)
    insert_ignoring_conflicts(
        conn, images,
        [dict(original_url=i.url, source_id=source_id, status="pending", attempts=0, thumbnails={},
              created_at=now) for i in ordered],
        ["original_url"],
    )
    stored = images_by_url(conn, [i.url for i in ordered])
    insert_ignoring_conflicts(
        conn, article_images,
        [dict(article_id=article_id, image_id=stored[i.url].id, position=pos, caption=i.caption,
              credit=i.credit, alt=i.alt) for pos, i in enumerate(ordered)],
        ["article_id", "image_id"],
    )
    return [stored[i.url] for i in ordered]


def images_by_url(conn: Connection, urls: list[str]) -> dict[str, StoredImage]:
    if not urls:
        return {}
    rows = conn.execute(select(images).where(images.c.original_url.in_(urls)))
    return {
        r.original_url: StoredImage(
            r.id, r.original_url, r.status, r.key, r.width, r.height,
            {int(w): k for w, k in (r.thumbnails or {}).items()}, r.attempts,
        )
        for r in rows
    }


def images_due_for_retry(conn: Connection, now: datetime, limit: int = 200) -> list[tuple[StoredImage, int]]:
    """(image, source id) of failed images whose retry time has come."""
    rows = conn.execute(
        select(images.c.original_url, images.c.source_id)
        .where(
            images.c.status == "error", images.c.next_attempt_at <= now,
            images.c.attempts < MAX_ATTEMPTS,
        )
        .order_by(images.c.next_attempt_at)
        .limit(limit)
    ).all()
    stored = images_by_url(conn, [r.original_url for r in rows])
    return [(stored[r.original_url], r.source_id or 0) for r in rows]


def articles_using_image(conn: Connection, image_id: int) -> list[tuple[int, str]]:
    rows = conn.execute(
        select(articles.c.id, articles.c.html)
        .join(article_images, article_images.c.article_id == articles.c.id)
        .where(article_images.c.image_id == image_id)
    )
    return [(r.id, r.html) for r in rows]


def record_image_success(conn: Connection, image_id: int, mirrored: MirroredImage) -> None:
    conn.execute(
        update(images).where(images.c.id == image_id).values(
            status="ok", key=mirrored.key, content_type=mirrored.content_type, width=mirrored.width,
            height=mirrored.height, byte_size=mirrored.byte_size, phash=mirrored.phash,
            thumbnails={str(w): k for w, k in mirrored.thumbnails.items()}, error=None,
        )
    )


def record_image_error(conn: Connection, image: StoredImage, error: str, now: datetime, *, permanent: bool) -> None:
    conn.execute(
        update(images).where(images.c.id == image.id).values(
            status="refused" if permanent else "error", error=error, attempts=image.attempts + 1,
            next_attempt_at=now + timedelta(minutes=10 * 2**image.attempts),
        )
    )


def update_article_html(conn: Connection, article_id: int, html: str) -> None:
    conn.execute(update(articles).where(articles.c.id == article_id).values(html=html))


def mark_entry_done(conn: Connection, entry_id: int, article_id: int) -> None:
    conn.execute(
        update(entries).where(entries.c.id == entry_id).values(status="done", article_id=article_id, error=None)
    )


def delete_article(conn: Connection, article_id: int) -> bool:
    """Remove an article for good: its feed entries are marked 'deleted', so no re-crawl brings it back.
    Its story is rebuilt from the reports it has left, and the stories window drops it."""
    conn.execute(
        update(entries).where(entries.c.article_id == article_id).values(status="deleted", article_id=None)
    )
    story_ids = stories_repo.stories_of_articles(conn, articles.c.id == article_id)
    if conn.execute(delete(articles).where(articles.c.id == article_id)).rowcount == 0:
        return False
    stories_repo.after_articles_deleted(conn, story_ids)
    return True


def mark_entry_error(conn: Connection, entry_id: int, attempts: int, error: str, now: datetime) -> None:
    failed = attempts + 1 >= MAX_ATTEMPTS
    conn.execute(
        update(entries).where(entries.c.id == entry_id).values(
            status="failed" if failed else "error", error=error, attempts=attempts + 1,
            next_attempt_at=now + timedelta(minutes=5 * 2**attempts),
        )
    )
