"""/admin/sources: closed without a password, Basic auth, CSRF on every write."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from web_site import ADMIN_PASSWORD, build_site

from strichka.storage.schema import feeds, sources
from strichka.web import create_app

AUTH = ("admin", ADMIN_PASSWORD)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def test_admin_is_disabled_without_password(tmp_path):
    site = build_site(tmp_path, admin_password="")
    with TestClient(create_app(site.app)) as client:
        assert client.get("/admin/sources").status_code == 404
        assert client.get("/admin/sources", auth=("admin", "")).status_code == 404
        assert client.post("/admin/sources/add", data={"feed_url": "https://x.example/rss", "name": "X"}).status_code == 404
        assert client.post(f"/admin/sources/{site.source_ids['uk']}/remove").status_code == 404
    site.app.close()


def test_admin_needs_the_password(client):
    page = client.get("/admin/sources")
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    assert client.get("/admin/sources", auth=("admin", "wrong")).status_code == 401
    assert client.get("/admin/sources", headers={"authorization": "Basic !!!"}).status_code == 401
    assert client.post("/admin/sources/add", data={"feed_url": "https://x.example/rss", "name": "X"}).status_code == 401


def test_admin_lists_feed_health(client):
    html = client.get("/admin/sources", auth=AUTH).text
    assert "https://kurier.example/feed" in html and "HTTP 503" in html
    assert "status-ok" in html and "status-pending" in html
    assert "статей на день" in html


def test_add_and_remove_source_with_csrf(client, site):
    html = client.get("/admin/sources", auth=AUTH).text
    token = _csrf(html)
    refused = client.post("/admin/sources/add", auth=AUTH,
                          data={"feed_url": "https://new.example/rss", "name": "Нове видання", "csrf": "0" * 64})
    assert refused.status_code == 403
    done = client.post("/admin/sources/add", auth=AUTH, follow_redirects=False,
                       data={"feed_url": "https://new.example/rss", "name": "Нове видання", "lang": "uk", "csrf": token})
    assert done.status_code == 303
    with site.app.engine.connect() as conn:
        new_id = conn.scalar(select(sources.c.id).where(sources.c.name == "Нове видання"))
        assert conn.scalar(select(feeds.c.url).where(feeds.c.source_id == new_id)) == "https://new.example/rss"
    assert "Нове видання" in client.get("/sources").text
    bad = client.post("/admin/sources/add", auth=AUTH, data={"feed_url": "javascript:alert(1)", "name": "X", "csrf": token})
    assert bad.status_code == 400
    assert client.post(f"/admin/sources/{new_id}/remove", auth=AUTH, data={"csrf": "nope"}).status_code == 403
    gone = client.post(f"/admin/sources/{new_id}/remove", auth=AUTH, data={"csrf": token}, follow_redirects=False)
    assert gone.status_code == 303
    with site.app.engine.connect() as conn:
        assert conn.scalar(select(sources.c.id).where(sources.c.id == new_id)) is None
    assert client.post("/admin/sources/424242/remove", auth=AUTH, data={"csrf": token}).status_code == 404
