"""Named counters in the site_state table: how one process tells the others that something changed."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from strichka.storage.schema import site_state

# Bumped whenever what the site shows changes outside the crawl (an outlet added or removed): every web
# worker drops its cached pages when it sees a new value.
PAGES_GENERATION = "pages_generation"


def bump(conn: Connection, name: str) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(site_state).values(name=name, value=1)
    conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": site_state.c.value + 1}))


def read(conn: Connection, name: str) -> int:
    return int(conn.scalar(select(site_state.c.value).where(site_state.c.name == name)) or 0)
