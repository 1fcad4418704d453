"""The slow, forgiving path: feedparser, fed text we already decoded (so its charset guess
cannot undo ours), mapped onto the same models as the fast path."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from strichka.feeds.html_text import first_image_src, html_to_text, summary_text
from strichka.feeds.identity import entry_identity
from strichka.models import ParsedEntry, ParsedFeed

_FORMATS = (("atom", "atom"), ("rss10", "rdf"), ("rss090", "rdf"), ("json", "json"))


def parse_with_feedparser(text: str, *, url: str) -> ParsedFeed | None:
    """feedparser's reading of text, or None when feedparser itself breaks on it."""
    try:
        result = feedparser.parse(
            text.encode("utf-8"),
            response_headers={"content-type": "application/xml; charset=utf-8", "content-location": url},
            sanitize_html=False,
        )
    except Exception:  # noqa: BLE001 — its loose parser has crash bugs on corrupt input (ValueError,
        # TypeError from sgmllib); the fast path's result, or a FeedError, must still come out.
        return None
    channel = result.get("feed", {})
    version = result.get("version") or ""
    kind = next((name for prefix, name in _FORMATS if version.startswith(prefix)), "rss")
    return ParsedFeed(
        title=html_to_text(_text(channel.get("title"))),
        site_url=_text(channel.get("link")) or None,
        entries=tuple(_entry(entry) for entry in result.get("entries", [])),
        language=_text(channel.get("language")) or None,
        ttl_minutes=_minutes(channel.get("ttl")),
        format=kind,
    )


def _entry(entry: Any) -> ParsedEntry:
    contents = entry.get("content") or []
    content_html = _text(contents[0].get("value")) if contents else ""
    description = _text(entry.get("summary"))
    content_html = content_html or description
    title = html_to_text(_text(entry.get("title")))
    link = _text(entry.get("link")) or None
    guid = _text(entry.get("id")) or None
    published, updated = _moment(entry.get("published_parsed")), _moment(entry.get("updated_parsed"))
    image = _image(entry) or first_image_src(content_html)
    return ParsedEntry(
        identity=entry_identity(guid=guid, url=link, title=title, content=content_html),
        url=link,
        title=title,
        summary=summary_text(description or content_html),
        content_html=content_html,
        published_at=published or updated,
        updated_at=updated,
        author=_text(entry.get("author")) or None,
        categories=tuple(dict.fromkeys(_text(t.get("term")) for t in entry.get("tags") or [] if _text(t.get("term")))),
        image_url=image,
        guid=guid,
    )


def _image(entry: Any) -> str | None:
    for enclosure in entry.get("enclosures", []):
        if (enclosure.get("type") or "").startswith("image/") and enclosure.get("href"):
            return str(enclosure["href"])
    for media in entry.get("media_content", []):
        is_image = media.get("medium") == "image" or (media.get("type") or "").startswith("image/")
        if is_image and media.get("url"):
            return str(media["url"])
    for thumbnail in entry.get("media_thumbnail", []):
        if thumbnail.get("url"):
            return str(thumbnail["url"])
    return None


def _text(value: Any) -> str:
    """feedparser leaves None (or odd types) where corrupt input broke an element."""
    return value.strip() if isinstance(value, str) else ""


def _moment(parsed: time.struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _minutes(value: Any) -> int | None:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return minutes if 0 < minutes < 100_000 else None
