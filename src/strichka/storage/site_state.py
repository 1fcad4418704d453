"""Named counters in the site_state table: how one process tells the others that something changed."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from strichka.storage.schema import site_state

log = logging.getLogger("strichka.storage")

# Bumped whenever what the site shows changes outside the crawl (an outlet added or removed): every web
# worker drops its cached pages when it sees a new value.
PAGES_GENERATION = "pages_generation"
# Bumped when the operator deletes articles (an outlet removed, `articles remove`): the process that
# keeps the stories window in memory drops them from it.
ARTICLES_REMOVED = "articles_removed"


def bump(conn: Connection, name: str) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(site_state).values(name=name, value=1)
    conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": site_state.c.value + 1}))


def read(conn: Connection, name: str) -> int:
    return int(conn.scalar(select(site_state.c.value).where(site_state.c.name == name)) or 0)


class CounterWatch:
    """Whether a counter moved since the last look; looks at most every check_every seconds (monotonic)."""

    def __init__(self, engine: Engine, name: str, *, check_every: float = 1.0) -> None:
        self.engine = engine
        self.name = name
        self.check_every = check_every
        self._seen: int | None = None
        self._next_check = float("-inf")

    def prime(self) -> None:
        """Take the current value as seen (the caller's state was just read from the database)."""
        self._seen = self._read()

    def moved(self, now: float) -> bool:
        if now < self._next_check:
            return False
        self._next_check = now + self.check_every
        value = self._read()
        if value is None:
            return False  # nothing is dropped now; the next look tries again
        moved = self._seen is not None and value != self._seen
        self._seen = value
        return moved

    def _read(self) -> int | None:
        try:
            with self.engine.connect() as conn:
                return read(conn, self.name)
        except SQLAlchemyError as exc:
            log.warning("could not read %s: %s", self.name, exc)
            return None
