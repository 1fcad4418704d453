"""Inserts that work alike on SQLite and PostgreSQL: ON CONFLICT DO NOTHING, and the new row's id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, CursorResult, Table
from sqlalchemy.dialects import postgresql, sqlite

from strichka.errors import StorageError


def insert_ignoring_conflicts(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], conflict_columns: Sequence[str]
) -> int:
    """Insert rows, skipping those whose conflict_columns already exist. Returns rows inserted."""
    if not rows:
        return 0
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = (
        dialect.insert(table)
        .on_conflict_do_nothing(index_elements=list(conflict_columns))
        .returning(table.c[conflict_columns[0]])  # a row comes back only when one was inserted
    )
    return sum(len(conn.execute(stmt, row).fetchall()) for row in rows)


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a single-row INSERT just made."""
    key = result.inserted_primary_key
    if key is None:
        raise StorageError("the database returned no id for a new row")
    return int(key[0])
