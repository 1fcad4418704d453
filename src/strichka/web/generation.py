"""Whether another process changed what the site shows: the web workers' shared pages generation.

Each web worker caches rendered pages on its own. When the operator removes an outlet (in the admin
pages of whichever worker answered, or from the CLI) the catalogue bumps a counter in the database;
each worker reads it at most once a second and drops its pages when it moved.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from strichka.storage import site_state

log = logging.getLogger("strichka.web")


class PagesGeneration:
    def __init__(self, engine: Engine, *, check_every: float = 1.0) -> None:
        self.engine = engine
        self.check_every = check_every
        self._seen: int | None = None
        self._next_check = float("-inf")

    def moved(self, now: float) -> bool:
        """True when the counter changed since the last look (looks at most every check_every seconds)."""
        if now < self._next_check:
            return False
        self._next_check = now + self.check_every
        try:
            with self.engine.connect() as conn:
                value = site_state.read(conn, site_state.PAGES_GENERATION)
        except SQLAlchemyError as exc:  # the pages stay until their TTL; the next look tries again
            log.warning("could not read the pages generation: %s", exc)
            return False
        moved = self._seen is not None and value != self._seen
        self._seen = value
        return moved
