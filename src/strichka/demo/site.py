"""Routing of the demo web: request path -> response, gated by the demo clock. No sockets here.

    /                                index of outlets
    /opml.xml                        every outlet's feed as OPML
    /ground-truth.json               the ground truth for this server's base URL and clock
    /<outlet>/                       home page (latest published articles)
    /<outlet>/<feed path>            the outlet's feed (feed.xml, atom.xml, feed.json, rss.xml …)
    /<outlet>/news/<slug>.html       an article, 404 until its publication time
    /<outlet>/img/<file>             a picture
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from .catalog import articles_of, find_article, find_image, published_at
from .clock import DemoClock
from .feeds import feed_document
from .ground_truth import demo_opml, ground_truth
from .images import image_response, outlet_icon
from .model import DemoArticle, Outlet
from .outlets import OUTLETS, OUTLETS_BY_SLUG
from .pages import article_page, home_page, index_page

_RELATED_LINKS = 4


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _not_found(what: str) -> Response:
    return Response(404, "text/html; charset=utf-8", f"<!DOCTYPE html><h1>404</h1><p>{what}</p>".encode())


class DemoSite:
    def __init__(self, base_url: str, clock: DemoClock) -> None:
        self.base_url = base_url.rstrip("/")
        self.clock = clock

    def published(self, outlet_slug: str) -> list[tuple[DemoArticle, datetime]]:
        """Articles of one outlet visible now, newest first."""
        now = self.clock.now()
        listed = [(a, published_at(a, self.clock.start)) for a in articles_of(outlet_slug)]
        visible = [(article, moment) for article, moment in listed if moment <= now]
        return sorted(visible, key=lambda pair: (pair[1], pair[0].slug), reverse=True)

    def respond(self, path: str, headers: Mapping[str, str] | None = None) -> Response:
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path in ("", "/"):
            return self._html(index_page(self.base_url, OUTLETS), "utf-8")
        if path == "/opml.xml":
            return Response(200, "text/x-opml; charset=utf-8", demo_opml(self.base_url).encode())
        if path == "/ground-truth.json":
            records = ground_truth(self.base_url, start=self.clock.start)
            return Response(200, "application/json", json.dumps(records, ensure_ascii=False).encode())
        parts = path.lstrip("/").split("/", 1)
        outlet = OUTLETS_BY_SLUG.get(parts[0])
        if outlet is None:
            return _not_found("no such outlet")
        rest = parts[1] if len(parts) > 1 else None
        if rest is None:
            return Response(301, "text/plain", b"", (("Location", f"{self.base_url}/{outlet.slug}/"),))
        if rest == "":
            return self._html(home_page(outlet, self.base_url, self.published(outlet.slug)), outlet.encoding)
        if rest == outlet.feed_path:
            return self._feed(outlet, headers)
        if rest.startswith("news/") and rest.endswith(".html"):
            return self._article(outlet, rest[len("news/") : -len(".html")])
        if rest == "favicon.png":
            return Response(200, "image/png", outlet_icon(outlet.name), (("Cache-Control", "max-age=86400"),))
        if rest.startswith("img/"):
            image = find_image(outlet.slug, rest[len("img/") :])
            if image is None:
                return _not_found("no such image")
            picture = image_response(image)
            return Response(200, picture.content_type, picture.body, (("Cache-Control", "max-age=86400"),))
        return _not_found("no such page")

    def _html(self, text: str, encoding: str) -> Response:
        return Response(200, f"text/html; charset={encoding}", text.encode(encoding))

    def _article(self, outlet: Outlet, slug: str) -> Response:
        article = find_article(outlet.slug, slug)
        if article is None or not self.clock.is_published(article.minutes):
            return _not_found("no such article (yet)")
        moment = published_at(article, self.clock.start)
        related = [other for other, _ in self.published(outlet.slug) if other is not article][:_RELATED_LINKS]
        page = article_page(article, outlet, self.base_url, moment, related)
        return self._html(page, outlet.encoding)

    def _feed(self, outlet: Outlet, headers: Mapping[str, str]) -> Response:
        listed = self.published(outlet.slug)
        # The feed changes only when an article appears, so the newest item makes a stable validator.
        newest = listed[0][1] if listed else self.clock.start
        content_type, text = feed_document(outlet, self.base_url, listed, newest)
        etag = '"' + hashlib.sha1(f"{outlet.slug}|{len(listed)}|{newest.isoformat()}".encode()).hexdigest()[:16] + '"'
        validators = (("ETag", etag), ("Last-Modified", format_datetime(newest, usegmt=True)))
        if headers.get("if-none-match") == etag:
            return Response(304, content_type, b"", validators)
        body = text.encode(outlet.encoding)
        return Response(200, f"{content_type}; charset={outlet.encoding}", body, validators)
