"""Per-host site profiles (which blocks an outlet repeats on its pages), kept across restarts."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from strichka.extract.site_profile import SiteLearner
from strichka.storage.schema import site_profiles

log = logging.getLogger("strichka.site_profiles")


def load_site_profile(conn: Connection, host: str, *, for_update: bool = False) -> SiteLearner | None:
    """The host's stored profile; None when there is none, or none this version can read (it is relearned).
    for_update locks the row until the transaction ends (PostgreSQL; SQLite has one writer anyway)."""
    query = select(site_profiles.c.pages, site_profiles.c.blocks).where(site_profiles.c.host == host)
    row = conn.execute(query.with_for_update() if for_update else query).first()
    if row is None:
        return None
    try:
        return SiteLearner.from_blob(row.pages, bytes(row.blocks))
    except ValueError as exc:
        log.warning("site profile of %s is unreadable, learning it afresh: %s", host, exc)
        return None


def save_site_profile(conn: Connection, host: str, learner: SiteLearner, now: datetime) -> None:
    values = {"pages": learner.pages, "blocks": learner.to_blob(), "updated_at": now}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(site_profiles).values(host=host, **values)
    conn.execute(stmt.on_conflict_do_update(index_elements=["host"], set_=values))
