"""Outlet icons are mirrored from the outlet's home page (or /favicon.ico) and served by us."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image
from sqlalchemy import select, update

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.pipeline.local import crawl_once
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import sources
from strichka.web import create_app

RSS = b'<rss version="2.0"><channel><title>t</title></channel></rss>'


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def site():
    s = LoopbackSite()
    yield s
    s.close()


def _subscribed(site, tmp_path, database_url, *, site_path: str) -> App:
    """An App whose only outlet is the loopback site (its feed empty), after one crawl pass."""
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"}, RSS)
    app = App.build(Settings.load(environ={}, home=str(tmp_path / "d"), database_url=database_url,
                                  allow_private_networks=True, embedder="hash", extract_processes=-1))
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk", site_url=site.url(site_path))
    asyncio.run(crawl_once(app))
    return app


def _icon_row(app: App, name: str):
    with app.engine.connect() as conn:
        return conn.execute(select(sources.c.id, sources.c.icon_key, sources.c.icon_checked_at)
                            .where(sources.c.name == name)).one()


def test_the_declared_icon_is_mirrored_and_the_site_serves_our_copy(site, database_url, tmp_path):
    site.routes["/"] = Route(200, {"Content-Type": "text/html"},
                             b'<html><head><link rel="icon" href="/static/logo.png"></head><body>hi</body></html>')
    site.routes["/static/logo.png"] = Route(200, {"Content-Type": "image/png"}, _png((10, 120, 30)))
    app = _subscribed(site, tmp_path, database_url, site_path="/news/")
    row = _icon_row(app, "Вісті")
    assert row.icon_key == f"feed/{row.id}/favicon.png" and row.icon_checked_at is not None
    icon = Image.open(io.BytesIO(app.media.get(row.icon_key)))
    assert icon.size == (32, 32) and icon.convert("RGB").getpixel((5, 5)) == (10, 120, 30)
    assert site.hits.get("/favicon.ico", 0) == 0  # the declared icon was enough

    async def page() -> str:
        transport = httpx.ASGITransport(app=create_app(app))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return (await client.get(f"/source/{row.id}")).text

    html = asyncio.run(page())
    assert f'src="/media/{row.icon_key}"' in html
    assert f'src="{site.url("/")}' not in html  # nothing hot-linked from the outlet
    app.close()


def test_an_outlet_under_a_path_of_a_shared_host_gets_its_own_icon(site, database_url, tmp_path):
    """A regional section or an outlet on a platform declares its icon on its own page, not the host's."""
    site.routes["/"] = Route(200, {"Content-Type": "text/html"},
                             b'<html><head><link rel="icon" href="/platform.png"></head></html>')
    site.routes["/platform.png"] = Route(200, {"Content-Type": "image/png"}, _png((200, 0, 0)))
    site.routes["/kyiv/"] = Route(200, {"Content-Type": "text/html"},
                                  b'<html><head><link rel="icon" href="/kyiv/own.png"></head></html>')
    site.routes["/kyiv/own.png"] = Route(200, {"Content-Type": "image/png"}, _png((0, 0, 200)))
    app = _subscribed(site, tmp_path, database_url, site_path="/kyiv/")
    row = _icon_row(app, "Вісті")
    icon = Image.open(io.BytesIO(app.media.get(row.icon_key))).convert("RGB")
    assert icon.getpixel((5, 5)) == (0, 0, 200)
    assert site.hits.get("/platform.png", 0) == 0
    app.close()


def test_no_icon_anywhere_is_recorded_as_a_look_and_not_retried_until_next_month(site, database_url, tmp_path):
    site.routes["/"] = Route(200, {"Content-Type": "text/html"}, b"<html><head></head><body>hi</body></html>")
    site.routes["/favicon.ico"] = Route(200, {"Content-Type": "image/x-icon"}, b"<html>oops, a page</html>")
    app = _subscribed(site, tmp_path, database_url, site_path="/")
    row = _icon_row(app, "Вісті")
    assert row.icon_key is None and row.icon_checked_at is not None
    assert site.hits["/favicon.ico"] == 1
    asyncio.run(crawl_once(app))
    assert site.hits["/favicon.ico"] == 1  # looked at this month already
    with app.engine.begin() as conn:  # a month later
        conn.execute(update(sources).values(icon_checked_at=datetime.now(UTC) - timedelta(days=31)))
    asyncio.run(crawl_once(app))
    assert site.hits["/favicon.ico"] == 2
    app.close()
