"""JSON Feed 1.0 / 1.1 → ParsedFeed (https://www.jsonfeed.org/version/1.1/)."""

from __future__ import annotations

from typing import Any

import orjson

from strichka.errors import FeedError
from strichka.feeds.dates import parse_date
from strichka.feeds.html_text import first_image_src, html_to_text, shorten, summary_text
from strichka.feeds.identity import entry_identity
from strichka.feeds.links import absolute_url
from strichka.models import ParsedEntry, ParsedFeed


def read_json_feed(text: str, *, url: str) -> ParsedFeed:
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise FeedError(url, f"not a feed: invalid JSON ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FeedError(url, "not a feed: JSON without an \"items\" list (expected a JSON Feed)")
    base = _string(document.get("feed_url")) or url
    items = [item for item in document["items"] if isinstance(item, dict)]
    return ParsedFeed(
        title=_string(document.get("title")),
        site_url=_url(document.get("home_page_url"), base),
        entries=tuple(_entry(item, base) for item in items),
        language=_string(document.get("language")) or None,
        format="json",
    )


def _entry(item: dict[str, Any], base: str) -> ParsedEntry:
    link = _url(item.get("url"), base) or _url(item.get("external_url"), base)
    content_html = _string(item.get("content_html"))
    content_text = _string(item.get("content_text"))
    if not content_html and content_text:
        content_html = "<p>" + content_text.replace("&", "&amp;").replace("<", "&lt;") + "</p>"
    summary = shorten(_string(item.get("summary")) or content_text) or summary_text(content_html)
    title = html_to_text(_string(item.get("title")))
    guid = _string(item.get("id")) or None
    published = parse_date(_string(item.get("date_published")))
    updated = parse_date(_string(item.get("date_modified")))
    return ParsedEntry(
        identity=entry_identity(guid=guid, url=link, title=title, content=content_html),
        url=link,
        title=title,
        summary=summary,
        content_html=content_html,
        published_at=published or updated,
        updated_at=updated,
        author=_author(item),
        categories=tuple(str(tag) for tag in item.get("tags") or () if isinstance(tag, str | int)),
        image_url=_image(item, content_html, base),
        guid=guid,
    )


def _image(item: dict[str, Any], content_html: str, base: str) -> str | None:
    for key in ("image", "banner_image"):
        found = _url(item.get(key), base)
        if found:
            return found
    for attachment in item.get("attachments") or ():
        if isinstance(attachment, dict) and _string(attachment.get("mime_type")).startswith("image/"):
            found = _url(attachment.get("url"), base)
            if found:
                return found
    src = first_image_src(content_html)
    return absolute_url(src, base) if src else None


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _url(value: Any, base: str) -> str | None:
    text = _string(value)
    return absolute_url(text, base) if text else None
