"""Fixtures for the web tests; the site they serve is built in web_site.py (importable by tests
under a name no other test folder uses, so `pytest tests/web tests/search` collects together)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_site import SiteData, build_site

from strichka.web import create_app


@pytest.fixture
def site(tmp_path: Path) -> SiteData:
    data = build_site(tmp_path)
    yield data
    data.app.close()


@pytest.fixture
def client(site: SiteData) -> TestClient:
    with TestClient(create_app(site.app), base_url="http://strichka.test") as test_client:
        yield test_client
