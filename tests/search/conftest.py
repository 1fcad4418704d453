"""Backend fixture: every search test runs on SQLite (always) and PostgreSQL (when reachable).

PostgreSQL is looked for at 127.0.0.1:5432 as user postgres (trust auth); each test session (each
xdist worker) creates its own randomly named database and drops it at the end.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from search_support import BASE_TIME, AddArticles
from sqlalchemy import Engine, text

from strichka.search import Searcher, open_searcher
from strichka.storage.database import create_db_engine, migrate
from strichka.storage.schema import articles, sources

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN_URL, connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc}".strip()
        print(reason)
        pytest.skip(reason)
    name = f"strichka_search_test_{secrets.token_hex(6)}"
    admin.execute(f'CREATE DATABASE "{name}"')
    engine = create_db_engine(f"postgresql://postgres@127.0.0.1:5432/{name}")
    try:
        migrate(engine)
        yield engine
    finally:
        engine.dispose()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        sqlite_engine = create_db_engine(f"sqlite:///{tmp_path / 'search.db'}")
        migrate(sqlite_engine)
        yield sqlite_engine
        sqlite_engine.dispose()
        return
    pg_engine: Engine = request.getfixturevalue("postgres_engine")
    with pg_engine.begin() as conn:  # one database per session: start every test from empty tables
        conn.execute(text("TRUNCATE search_documents, articles, sources RESTART IDENTITY CASCADE"))
    yield pg_engine


@pytest.fixture
def searcher(engine: Engine) -> Searcher:
    return open_searcher(engine)


@pytest.fixture
def add_articles(engine: Engine, searcher: Searcher) -> AddArticles:
    """Insert articles (dicts with at least title and text) and index them in the same transaction."""
    counter = iter(range(1, 1_000_000))

    def add(*specs: dict[str, Any], index: bool = True) -> list[int]:
        rows = []
        for spec in specs:
            number = next(counter)
            rows.append(
                {
                    "source_id": 1,
                    "url": f"https://news.example/{secrets.token_hex(4)}/{number}",
                    "html": "",
                    "description": "",
                    "lang": "uk",
                    "published_at": BASE_TIME + timedelta(hours=number),
                    "fetched_at": BASE_TIME,
                    "credits": [],
                    "feed_categories": [],
                    "is_news": True,
                    "word_count": 0,
                    **spec,
                }
            )
        with engine.begin() as conn:
            _ensure_sources(conn, {row["source_id"] for row in rows})
            ids = [conn.execute(articles.insert().values(**row)).inserted_primary_key[0] for row in rows]
            if index:
                searcher.index_articles(conn, ids)
        return ids

    return add


def _ensure_sources(conn: Any, source_ids: set[int]) -> None:
    existing = set(conn.execute(sources.select().with_only_columns(sources.c.id)).scalars())
    for source_id in sorted(source_ids - existing):
        conn.execute(
            sources.insert().values(
                id=source_id, name=f"Outlet {source_id}", weight=1.0, created_at=BASE_TIME
            )
        )
