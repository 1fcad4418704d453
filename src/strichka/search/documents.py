"""Articles → the pre-normalised terms both backends index (same morphology everywhere)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, select

from strichka.storage.schema import articles
from strichka.text.normalize import index_terms

REBUILD_BATCH = 1000  # articles per transaction when the whole index is rebuilt
BATCH = 500  # ids per statement: well under SQLite's bound-parameter limit
MAX_BODY_CHARS = 200_000  # past this a "body" is a dump, not an article; keeps tsvector under 1 MB


@dataclass(frozen=True)
class SearchDocument:
    article_id: int
    title_terms: tuple[str, ...]
    body_terms: tuple[str, ...]


def batches(ids: Sequence[int], size: int = BATCH) -> Iterator[list[int]]:
    unique = list(dict.fromkeys(int(i) for i in ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def load_documents(conn: Connection, article_ids: Sequence[int]) -> list[SearchDocument]:
    """The documents for those ids that still exist in `articles`."""
    columns = ("id", "title", "description", "text", "lang")
    rows = conn.execute(select(*(articles.c[name] for name in columns)).where(articles.c.id.in_(article_ids)))
    return [document_of(row) for row in rows]


def document_of(row: Row[Any]) -> SearchDocument:
    return make_document(row.id, title=row.title, description=row.description, text=row.text, lang=row.lang)


def make_document(
    article_id: int, *, title: str | None, description: str | None, text: str | None, lang: str | None
) -> SearchDocument:
    """Pure and the costly part of indexing (morphology): the pipeline runs it in its workers."""
    return SearchDocument(
        article_id=article_id,
        title_terms=tuple(index_terms(title or "", lang, all_readings=True)),
        body_terms=tuple(index_terms(body_text(description, text), lang, all_readings=True)),
    )


def body_text(description: str | None, text: str | None) -> str:
    """The text searched besides the title: the lede is searchable even when the body repeats it."""
    body = (text or "")[:MAX_BODY_CHARS]
    description = (description or "").strip()
    if description and description[:200] not in body:
        body = description + "\n" + body
    return body


def reindex_everything(engine: Engine, index_articles: Callable[[Connection, Sequence[int]], None]) -> int:
    """Index every article again, a batch per transaction; returns how many. (Both backends.)"""
    indexed, after = 0, 0
    while True:
        with engine.begin() as conn:
            ids = conn.scalars(
                select(articles.c.id).where(articles.c.id > after).order_by(articles.c.id).limit(REBUILD_BATCH)
            ).all()
            if not ids:
                return indexed
            index_articles(conn, ids)
        indexed, after = indexed + len(ids), ids[-1]
