"""The demo outlets' feeds: RSS 2.0, Atom 1.0 or JSON Feed 1.1, each listing published articles only."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from .catalog import body_paragraphs
from .model import DemoArticle, Outlet

_SUMMARY_CHARS = 280
_MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}

Listed = Sequence[tuple[DemoArticle, datetime]]  # newest first


def feed_document(outlet: Outlet, base_url: str, listed: Listed, now: datetime) -> tuple[str, str]:
    """Returns (content type, text); the caller encodes the text in outlet.encoding."""
    if outlet.feed_format == "atom":
        return "application/atom+xml", _atom(outlet, base_url, listed, now)
    if outlet.feed_format == "json":
        return "application/feed+json", _json_feed(outlet, base_url, listed)
    return "application/rss+xml", _rss(outlet, base_url, listed, now)


def _summary(article: DemoArticle) -> str:
    first = body_paragraphs(article)[0]
    return first if len(first) <= _SUMMARY_CHARS else first[: _SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _guid(outlet: Outlet, article: DemoArticle) -> str:
    return f"{outlet.slug}:{article.slug}"


def _lead_image_url(base_url: str, article: DemoArticle) -> str:
    return f"{base_url}/{article.outlet}/img/{article.images[0].file_name}"


def _rss(outlet: Outlet, base_url: str, listed: Listed, now: datetime) -> str:
    home = f"{base_url}/{outlet.slug}/"
    items = []
    for article, moment in listed:
        lead = article.images[0]
        lead_type = "image/svg+xml" if lead.bad == "svg_script" else _MIME[lead.fmt]
        author = f"<dc:creator>{escape(article.author)}</dc:creator>" if article.author else ""
        items.append(
            "<item>"
            f"<title>{escape(article.title)}</title>"
            f"<link>{base_url}{article.path}</link>"
            f'<guid isPermaLink="false">{_guid(outlet, article)}</guid>'
            f"<pubDate>{format_datetime(moment)}</pubDate>"
            f"<category>{escape(article.category)}</category>{author}"
            f"<description>{escape(_summary(article))}</description>"
            f'<enclosure url={quoteattr(_lead_image_url(base_url, article))} type="{lead_type}" length="0"/>'
            "</item>\n"
        )
    return (
        f'<?xml version="1.0" encoding="{outlet.encoding}"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{escape(outlet.name)}</title>\n<link>{home}</link>\n"
        f"<description>{escape(outlet.tagline)}</description>\n<language>{outlet.lang}</language>\n"
        f"<lastBuildDate>{format_datetime(now)}</lastBuildDate>\n<ttl>5</ttl>\n"
        + "".join(items)
        + "</channel>\n</rss>\n"
    )


def _atom(outlet: Outlet, base_url: str, listed: Listed, now: datetime) -> str:
    home = f"{base_url}/{outlet.slug}/"
    updated = listed[0][1] if listed else now
    entries = []
    for article, moment in listed:
        author = f"<author><name>{escape(article.author)}</name></author>" if article.author else ""
        entries.append(
            "<entry>"
            f"<id>tag:{outlet.slug}.demo,2026:{article.slug}</id>"
            f"<title>{escape(article.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{base_url}{article.path}"/>'
            f"<published>{moment.isoformat()}</published><updated>{moment.isoformat()}</updated>{author}"
            f'<category term="{escape(article.category)}"/>'
            f"<summary>{escape(_summary(article))}</summary>"
            "</entry>\n"
        )
    return (
        f'<?xml version="1.0" encoding="{outlet.encoding}"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.lang}">\n'
        f"<title>{escape(outlet.name)}</title>\n<subtitle>{escape(outlet.tagline)}</subtitle>\n"
        f"<id>{home}</id>\n<updated>{updated.isoformat()}</updated>\n"
        f'<link rel="alternate" type="text/html" href="{home}"/>\n'
        f'<link rel="self" type="application/atom+xml" href="{home}{outlet.feed_path}"/>\n'
        + "".join(entries)
        + "</feed>\n"
    )


def _json_feed(outlet: Outlet, base_url: str, listed: Listed) -> str:
    home = f"{base_url}/{outlet.slug}/"
    items = []
    for article, moment in listed:
        item: dict[str, object] = {
            "id": _guid(outlet, article),
            "url": f"{base_url}{article.path}",
            "title": article.title,
            "summary": _summary(article),
            "content_text": _summary(article),
            "date_published": moment.isoformat(),
            "image": _lead_image_url(base_url, article),
            "tags": [article.category],
            "language": article.lang,
        }
        if article.author:
            item["authors"] = [{"name": article.author}]
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.name,
        "description": outlet.tagline,
        "home_page_url": home,
        "feed_url": f"{home}{outlet.feed_path}",
        "language": outlet.lang,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"

