"""Alembic environment: runs against the connection handed in by storage.database.migrate()."""

from alembic import context

from strichka.storage.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` command line: build an engine from the ini URL
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///./data/strichka.db")
        with engine.begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _include_name(name, type_, parent_names) -> bool:  # type: ignore[no-untyped-def]
    # The search index (FTS5 tables, tsvector table, functions) lives outside schema.py on
    # purpose: it differs per backend. Autogenerate must not propose dropping it.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=_include_name,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
