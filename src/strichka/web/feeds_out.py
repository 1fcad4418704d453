"""Feeds out: RSS 2.0 and Atom for home, each source, category, story and search query.

Built with lxml so every title and text is XML-escaped; characters XML forbids are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime

from fastapi import HTTPException, Request
from fastapi.responses import Response
from lxml import etree

from strichka.web import queries_articles as qa
from strichka.web import queries_sources as qs
from strichka.web import queries_stories as qst
from strichka.web.i18n import CATEGORY_LABELS
from strichka.web.params import row_id
from strichka.web.search_form import parse_search_form, run_search
from strichka.web.site import site_of
from strichka.web.views import ArticleCard

FEED_ITEMS = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MEDIA_TYPES = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}


def _clean(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        node.text = _clean(text)
    return node


def render_rss(title: str, link: str, items: Sequence[ArticleCard], base: str) -> bytes:
    rss = etree.Element("rss", version="2.0", nsmap={"atom": ATOM_NS})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", link)
    _sub(channel, "description", title)
    _sub(channel, f"{{{ATOM_NS}}}link", href=link, rel="alternate")
    for c in items:
        item = _sub(channel, "item")
        permalink = f"{base}/article/{c.id}"
        _sub(item, "title", c.title)
        _sub(item, "link", permalink)
        _sub(item, "guid", permalink, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(c.published_at.astimezone(UTC), usegmt=True))
        _sub(item, "source", c.source.name, url=c.url)
        if c.description:
            _sub(item, "description", c.description)
        if c.category:
            _sub(item, "category", c.category)
        if c.image is not None:
            _sub(item, "enclosure", url=base + c.image.url if c.image.url else c.image.original_url,
                 type="image/jpeg", length="0")
    return etree.tostring(rss, xml_declaration=True, encoding="utf-8")


def render_atom(title: str, link: str, self_url: str, items: Sequence[ArticleCard], base: str) -> bytes:
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    _sub(feed, f"{{{ATOM_NS}}}title", title)
    _sub(feed, f"{{{ATOM_NS}}}id", self_url)
    _sub(feed, f"{{{ATOM_NS}}}link", href=link, rel="alternate")
    _sub(feed, f"{{{ATOM_NS}}}link", href=self_url, rel="self")
    newest = max((c.published_at for c in items), default=datetime(2000, 1, 1, tzinfo=UTC))
    _sub(feed, f"{{{ATOM_NS}}}updated", newest.isoformat())
    for c in items:
        entry = _sub(feed, f"{{{ATOM_NS}}}entry")
        permalink = f"{base}/article/{c.id}"
        _sub(entry, f"{{{ATOM_NS}}}title", c.title)
        _sub(entry, f"{{{ATOM_NS}}}id", permalink)
        _sub(entry, f"{{{ATOM_NS}}}link", href=permalink, rel="alternate")
        _sub(entry, f"{{{ATOM_NS}}}link", href=c.url, rel="via")
        _sub(entry, f"{{{ATOM_NS}}}updated", c.published_at.isoformat())
        _sub(entry, f"{{{ATOM_NS}}}published", c.published_at.isoformat())
        author = _sub(entry, f"{{{ATOM_NS}}}author")
        _sub(author, f"{{{ATOM_NS}}}name", c.source.name)
        if c.description:
            _sub(entry, f"{{{ATOM_NS}}}summary", c.description)
        if c.category:
            _sub(entry, f"{{{ATOM_NS}}}category", term=c.category)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")


def _respond(request: Request, fmt: str, title: str, page_path: str, items: Sequence[ArticleCard]) -> Response:
    base = str(request.base_url).rstrip("/")
    link = base + page_path
    if fmt == "rss":
        body = render_rss(title, link, items, base)
    else:
        self_url = base + request.url.path + (f"?{request.url.query}" if request.url.query else "")
        body = render_atom(title, link, self_url, items, base)
    return Response(body, media_type=MEDIA_TYPES[fmt])


def _check(fmt: str) -> None:
    if fmt not in MEDIA_TYPES:
        raise HTTPException(404)


def home_feed(request: Request, fmt: str) -> Response:
    _check(fmt)
    site = site_of(request)
    with site.app.engine.connect() as conn:
        items, _ = qa.latest_articles(conn, limit=FEED_ITEMS)
    return _respond(request, fmt, "strichka", "/", items)


def source_feed(request: Request, source_id: int, fmt: str) -> Response:
    source_id = row_id(source_id)
    _check(fmt)
    with site_of(request).app.engine.connect() as conn:
        source = qs.source_by_id(conn, source_id)
        if source is None:
            raise HTTPException(404)
        items, _ = qa.latest_articles(conn, limit=FEED_ITEMS, source_id=source_id, include_duplicates=True)
    return _respond(request, fmt, f"{source.name} — strichka", f"/source/{source_id}", items)


def category_feed(request: Request, slug: str, fmt: str) -> Response:
    _check(fmt)
    if slug not in CATEGORY_LABELS:
        raise HTTPException(404)
    site = site_of(request)
    with site.app.engine.connect() as conn:
        items, _ = qa.latest_articles(conn, limit=FEED_ITEMS, category=slug)
    label = site.localizer(request).category(slug)
    return _respond(request, fmt, f"{label} — strichka", f"/category/{slug}", items)


def story_feed(request: Request, story_id: int, fmt: str) -> Response:
    story_id = row_id(story_id)
    _check(fmt)
    site = site_of(request)
    with site.app.engine.connect() as conn:
        story = qst.story_by_id(conn, story_id)
        if story is None:
            raise HTTPException(404)
        items = list(reversed(qa.story_cards(conn, story_id)))[:FEED_ITEMS]
    title = story.headline(site.localizer(request).lang)
    return _respond(request, fmt, f"{title} — strichka", f"/story/{story_id}", items)


def search_feed(request: Request, fmt: str) -> Response:
    _check(fmt)
    from strichka.search import SearchQueryError

    form = parse_search_form(request.query_params)
    if not form.q:
        raise HTTPException(400, "q: give some words to search for")
    site = site_of(request)
    try:
        result = run_search(site.app.searcher, form, limit=FEED_ITEMS)
    except SearchQueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    with site.app.engine.connect() as conn:
        items = qa.cards_by_ids(conn, [h.article_id for h in result.hits])
    return _respond(request, fmt, f"{form.q} — strichka", "/search?" + request.url.query, items)
