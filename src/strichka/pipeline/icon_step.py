"""Outlet icons: found on the outlet's home page (or at /favicon.ico), mirrored, looked for monthly.

Like Miniflux, the home page's <link rel="icon"> is read first and /favicon.ico is the fallback.
A failure is recorded as a look (icon_checked_at) and tried again a month later; it never
touches the crawl.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

import lxml.html
from sqlalchemy import or_, select, update

from strichka.errors import StrichkaError
from strichka.media.favicon import MAX_ICON_BYTES, icon_key, icon_png
from strichka.pipeline.deps import PipelineDeps
from strichka.storage.schema import sources

log = logging.getLogger("strichka.icons")
LOOK_AGAIN_AFTER = timedelta(days=30)
PER_PASS = 50  # outlets looked at per crawl pass: a new catalogue of hundreds fills in over a few passes
_ICON_RELS = ("icon", "shortcut icon", "apple-touch-icon")


async def mirror_due_icons(deps: PipelineDeps, now: datetime) -> int:
    """Look for the icons of outlets not looked at for a month; returns how many were mirrored."""
    with deps.engine.connect() as conn:
        due = conn.execute(
            select(sources.c.id, sources.c.site_url)
            .where(sources.c.site_url.is_not(None))
            .where(or_(sources.c.icon_checked_at.is_(None), sources.c.icon_checked_at < now - LOOK_AGAIN_AFTER))
            .order_by(sources.c.id)
            .limit(PER_PASS)
        ).all()
    if not due:
        return 0  # the usual pass: no write transaction for nothing
    found = await asyncio.gather(*(_mirror_one(source_id, site_url, deps) for source_id, site_url in due))
    with deps.engine.begin() as conn:
        for (source_id, _), key in zip(due, found, strict=True):
            values: dict[str, object] = {"icon_checked_at": now}
            if key:
                values["icon_key"] = key
            conn.execute(update(sources).where(sources.c.id == source_id).values(**values))
    return sum(1 for key in found if key)


async def _mirror_one(source_id: int, site_url: str, deps: PipelineDeps) -> str | None:
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    home = f"{parts.scheme}://{parts.netloc}/"
    # The outlet's own page first: an outlet under a path of a shared host (a regional section, a
    # platform) declares its own icon there; then the host's home page and its /favicon.ico.
    pages = [site_url] if site_url.rstrip("/") == home.rstrip("/") else [site_url, home]
    declared = [icon for page in pages for icon in await _declared_icons(page, deps)]
    for url in [*dict.fromkeys(declared), urljoin(home, "/favicon.ico")]:
        try:
            result = await deps.fetcher.fetch(url, max_bytes=MAX_ICON_BYTES, kind="image")
            png = await asyncio.to_thread(icon_png, result.body, url=url)
        except StrichkaError as exc:
            log.info("icon of source %d: %s", source_id, exc)
            continue
        key = icon_key(source_id)
        await asyncio.to_thread(deps.media.put, key, png, "image/png")
        return key
    return None


async def _declared_icons(home: str, deps: PipelineDeps) -> list[str]:
    try:
        result = await deps.fetcher.fetch(home, max_bytes=deps.settings.max_body_bytes, kind="page")
        tree = lxml.html.fromstring(result.body)
    except (StrichkaError, ValueError, lxml.etree.ParserError) as exc:
        log.info("icon: home page %s unreadable: %s", home, exc)
        return []
    found = []
    for link in tree.iterfind(".//link[@href][@rel]"):
        rel = " ".join(link.get("rel", "").lower().split())
        href = link.get("href", "").strip()
        if rel in _ICON_RELS and href and not href.lower().split("?")[0].endswith(".svg"):
            found.append(urljoin(result.url, href))
    return found[:3]
