"""The migrations build exactly the schema the code declares, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from strichka.storage.database import create_db_engine, migrate
from strichka.storage.schema import metadata


def test_migrations_match_schema_py_and_run_twice_harmlessly(database_url):
    engine = create_db_engine(database_url)
    migrate(engine)
    migrate(engine)  # start-up runs it every time
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                # the per-backend search index lives outside schema.py (see migrations/env.py)
                "include_name": lambda name, type_, _p: not (type_ == "table" and name and name.startswith("search_")),
            },
        )
        assert compare_metadata(context, metadata) == []
    engine.dispose()
