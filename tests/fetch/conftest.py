"""Fixtures for the fetch tests; the server itself lives in fetch_server.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fetch_server import LocalServer, running_server


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running_server() as local:
        yield local
