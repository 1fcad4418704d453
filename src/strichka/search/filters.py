"""The SearchQuery filters as conditions on the `articles` table, shared by both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import ColumnElement

from strichka.search.contract import SearchQuery
from strichka.storage.schema import articles


def article_conditions(query: SearchQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.source_ids:
        conditions.append(articles.c.source_id.in_(query.source_ids))
    if query.langs:
        conditions.append(articles.c.lang.in_(query.langs))
    if query.categories:
        conditions.append(articles.c.category.in_(query.categories))
    return conditions + date_conditions(query)


def date_conditions(query: SearchQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.date_from is not None:
        conditions.append(articles.c.published_at >= as_utc(query.date_from))
    if query.date_to is not None:
        conditions.append(articles.c.published_at < as_utc(query.date_to))
    return conditions


def as_utc(value: datetime) -> datetime:
    """Stored times are UTC; SQLite keeps them without offset, so compare in UTC wall time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
