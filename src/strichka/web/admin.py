"""Operator page /admin/sources: feed health, add and remove sources.

Guarded by HTTP Basic with settings.admin_password (any user name). An empty password turns
the admin off entirely (404), so no write endpoint is ever open. Forms carry a CSRF token.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from strichka.errors import StrichkaError
from strichka.web import queries_sources as qs
from strichka.web.i18n import LANGS
from strichka.web.params import row_id
from strichka.web.site import Site, site_of

REALM = 'Basic realm="strichka admin", charset="UTF-8"'


def _require_admin(request: Request) -> Site:
    site = site_of(request)
    password = site.settings.admin_password
    if not password:
        raise HTTPException(404)
    header = request.headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    given = ""
    if scheme.lower() == "basic":
        try:
            given = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            given = ""
    if not hmac.compare_digest(given.encode(), password.encode()):
        raise HTTPException(401, headers={"WWW-Authenticate": REALM})
    return site


def admin_sources(request: Request) -> Response:
    site = _require_admin(request)
    with site.app.engine.connect() as conn:
        listing = qs.sources_with_stats(conn)
    return _page(site, request, listing, message=request.query_params.get("done"), error=None)


def _page(site: Site, request: Request, listing: list, *, message: str | None, error: str | None,
          status: int = 200) -> Response:
    response = site.render(request, "admin_sources.html", {
        "listing": listing,
        "csrf": site.csrf_token(),
        "message": message if message in ("added", "removed") else None,
        "error": error,
    }, status=status)
    response.headers["cache-control"] = "no-store"
    return response


async def admin_add_source(request: Request) -> Response:
    site = _require_admin(request)
    form = await request.form()
    if not site.csrf_ok(str(form.get("csrf") or "")):
        raise HTTPException(403)
    feed_url = str(form.get("feed_url") or "").strip()
    name = str(form.get("name") or "").strip()
    lang = str(form.get("lang") or "").strip() or None
    error = _check_new_source(feed_url, name, lang)
    if error is None:
        from strichka.sources.catalogue import add_feed

        try:
            with site.app.engine.begin() as conn:
                add_feed(conn, feed_url=feed_url, name=name, lang=lang)
        except (StrichkaError, SQLAlchemyError) as exc:  # shown to the operator; the transaction rolled back
            error = str(exc).splitlines()[0] or exc.__class__.__name__
    if error is not None:
        with site.app.engine.connect() as conn:
            listing = qs.sources_with_stats(conn)
        return _page(site, request, listing, message=None, error=error, status=400)
    site.forget_pages()
    return RedirectResponse("/admin/sources?done=added", status_code=303)


async def admin_remove_source(request: Request, source_id: int) -> Response:
    source_id = row_id(source_id)
    site = _require_admin(request)
    form = await request.form()
    if not site.csrf_ok(str(form.get("csrf") or "")):
        raise HTTPException(403)
    from strichka.sources.catalogue import remove_source

    with site.app.engine.begin() as conn:
        if qs.source_by_id(conn, source_id) is None:
            raise HTTPException(404)
        remove_source(conn, source_id)
    site.forget_pages()
    return RedirectResponse("/admin/sources?done=removed", status_code=303)


def _check_new_source(feed_url: str, name: str, lang: str | None) -> str | None:
    parts = urlsplit(feed_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"feed_url: expected an http(s) URL, got {feed_url[:200]!r}"
    if not name or len(name) > 200:
        return "name: expected 1 to 200 characters"
    if lang is not None and lang not in LANGS:
        return "lang: expected one of " + ", ".join(LANGS)
    return None
