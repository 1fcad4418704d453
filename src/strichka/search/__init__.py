"""Full-text search with Ukrainian/Russian morphology behind one interface.

`open_searcher(engine)` picks SQLite FTS5 or PostgreSQL full-text by the engine's dialect; both index
terms from strichka.text.normalize, so a query finds the same articles on either backend.
"""

from __future__ import annotations

from sqlalchemy import Engine

from strichka.errors import ConfigError
from strichka.search.contract import Searcher, SearchHit, SearchPage, SearchQuery, SearchQueryError

__all__ = ["SearchHit", "SearchPage", "SearchQuery", "SearchQueryError", "Searcher", "open_searcher"]


def open_searcher(engine: Engine) -> Searcher:
    dialect = engine.dialect.name
    if dialect == "sqlite":
        from strichka.search.sqlite_fts import SqliteFtsSearcher

        return SqliteFtsSearcher(engine)
    if dialect == "postgresql":
        from strichka.search.postgres import PostgresSearcher

        return PostgresSearcher(engine)
    raise ConfigError(f"no search backend for database {dialect!r}: use SQLite or PostgreSQL")
