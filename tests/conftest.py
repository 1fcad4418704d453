"""Fixtures shared by the whole suite: settings in a temp dir, and the database backends.

Every test that takes `database_url` runs twice: on SQLite, and on PostgreSQL when one answers at
127.0.0.1:5432 (skipped with the reason printed otherwise). Each PostgreSQL test gets a fresh
schema that is dropped afterwards.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strichka.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_TEST_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/strichka_test"
REDIS_URL = "redis://127.0.0.1:6379/15"


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when a clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared corpora are only on developer and CI machines)")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'strichka.db'}"
        return
    if not _reachable(5432):
        pytest.skip("PostgreSQL pass skipped: nothing listens on 127.0.0.1:5432")
    _ensure_pg_test_database()
    from sqlalchemy import create_engine, text

    # One schema per test in one shared database: far cheaper than CREATE/DROP DATABASE.
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_TEST_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_TEST_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _ensure_pg_test_database() -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = 'strichka_test'")):
            try:
                conn.execute(text("CREATE DATABASE strichka_test"))
            except Exception:  # noqa: BLE001 — another xdist worker created it first
                pass
    admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Any]:
    """A migrated database on each backend."""
    from strichka.storage.database import create_db_engine, migrate

    engine = create_db_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """A real S3 API (moto's server mode) on loopback, for the whole session; its endpoint URL."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_media_url(s3_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh bucket on the loopback S3 server, as STRICHKA_MEDIA_URL would name it."""
    import boto3

    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)  # boto3 reads its credentials from the environment
    bucket = f"strichka-{uuid.uuid4().hex[:16]}"
    boto3.client("s3", endpoint_url=s3_server).create_bucket(Bucket=bucket)
    return f"s3://{bucket}/media"


@pytest.fixture
def redis_url() -> str:
    if not _reachable(6379):
        pytest.skip("Redis pass skipped: nothing listens on 127.0.0.1:6379")
    return REDIS_URL


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Embedded defaults in a temp data dir; loopback allowed because test servers live there."""
    return Settings.load(
        environ={}, home=str(tmp_path / "data"), allow_private_networks=True, embedder="hash", extract_processes=-1
    )
