"""Title, author, dates, lead image, canonical URL and description from the page head (meta, JSON-LD, <time>).

htmldate is asked only when the page declares no date itself: it is the slow part of metadata.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from htmldate import find_date
from lxml.html import HtmlElement

from strichka.extract.blocks import squash

_PUBLISHED = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "publish-date")  # fmt: skip
_UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "dc.date.modified")
_AUTHOR = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
_BYLINE = re.compile(r"^(by|від|автор|от)\s*:?\s+", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—•·»:-]\s+")


@dataclass(frozen=True)
class PageMetadata:
    title: str = ""
    author: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    lead_image: str | None = None
    canonical_url: str | None = None
    description: str = ""
    html_lang: str | None = None


def _meta(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        )
        value = (element.get("content") or element.get("datetime") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:  # broken JSON-LD is common; the other sources still answer
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                stack.extend(v for v in item.get("@graph", []) if isinstance(v, dict))
    return [i for i in items if "headline" in i or "datePublished" in i]


def parse_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    for candidate in (text, text[:19], text[:10]):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _ld_author(item: dict[str, Any]) -> str | None:
    author = item.get("author")
    if isinstance(author, list):
        names = [a.get("name") if isinstance(a, dict) else a for a in author]
        return ", ".join(n for n in names if isinstance(n, str)) or None
    if isinstance(author, dict):
        name = author.get("name")
        return name if isinstance(name, str) else None
    return author if isinstance(author, str) else None


def _ld_image(item: dict[str, Any]) -> str | None:
    image = item.get("image")
    if isinstance(image, list) and image:
        image = image[0]
    if isinstance(image, dict):
        image = image.get("url")
    return image if isinstance(image, str) else None


def _title(tree: HtmlElement, meta: dict[str, str]) -> str:
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            return squash(meta[key])
    for h1 in tree.iter("h1"):
        text = squash(h1.text_content())
        if text:
            return text
    title = tree.find(".//title")
    text = squash(title.text_content()) if title is not None else ""
    return _TITLE_SEPARATORS.split(text)[0] if text else ""


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def read_metadata(tree: HtmlElement, *, url: str) -> PageMetadata:
    meta = _meta(tree)
    ld = _json_ld(tree)
    item = ld[0] if ld else {}
    published = parse_datetime(item.get("datePublished") or _first(meta, _PUBLISHED))
    if published is None:
        time_element = tree.find(".//time[@datetime]")
        published = parse_datetime(time_element.get("datetime") if time_element is not None else None)
    if published is None:
        published = parse_datetime(find_date(tree, url=url, extensive_search=False, original_date=True))
    author = _ld_author(item) or _first(meta, _AUTHOR)
    if author and author.startswith(("http://", "https://")):
        author = None  # a profile URL (article:author) is not a name
    image = _first(meta, ("og:image", "og:image:url", "twitter:image", "twitter:image:src")) or _ld_image(
        item
    )
    canonical = tree.find(".//link[@rel='canonical']")
    canonical_url = canonical.get("href") if canonical is not None else meta.get("og:url")
    return PageMetadata(
        title=_title(tree, meta) or squash(str(item.get("headline") or "")),
        author=_BYLINE.sub("", squash(author)) or None if author else None,
        published_at=published,
        updated_at=parse_datetime(item.get("dateModified") or _first(meta, _UPDATED)),
        lead_image=urljoin(url, image.strip()) if image else None,
        canonical_url=urljoin(url, canonical_url.strip()) if canonical_url else None,
        description=squash(_first(meta, ("og:description", "description", "twitter:description")) or ""),
        html_lang=(tree.get("lang") or meta.get("og:locale") or "")[:2].lower() or None,
    )
