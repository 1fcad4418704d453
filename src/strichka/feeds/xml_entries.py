"""One RSS <item> / RDF item / Atom <entry> element → ParsedEntry.

Every namespace's synonyms land in one scratch record (first value wins, in document order),
then one function turns the record into the frozen model. Images rank: enclosure, then
media:content, then media:thumbnail, then anything else that names an image, then the first
<img> of the content.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from strichka.feeds.dates import parse_date
from strichka.feeds.html_text import first_image_src, html_to_text, shorten
from strichka.feeds.identity import entry_identity
from strichka.feeds.namespaces import (
    ATOM,
    CONTENT,
    DC,
    DCTERMS,
    ITUNES,
    MEDIA_ALIASES,
    RDF,
    RSS_CORE,
    XHTML,
    split_tag,
)
from strichka.models import ParsedEntry

_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')
_IMAGE_PATH = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp)(?:$|[?#])", re.I)
_ENCLOSURE, _MEDIA_CONTENT, _THUMBNAIL, _OTHER_IMAGE = 0, 1, 2, 3
_PUBLISHED = {"pubDate", "published", "issued", "created", "date"}
_UPDATED = {"updated", "modified"}


@dataclass
class _Scratch:
    title: str | None = None
    link: str | None = None
    guid: str | None = None
    guid_is_link: bool = False
    description: str | None = None
    content: str | None = None
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    images: list[tuple[int, str]] = field(default_factory=list)


def read_entry(item: etree._Element, *, feed_url: str) -> ParsedEntry:
    scratch = _Scratch()
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        ns, local = split_tag(tag)
        if ns in RSS_CORE or ns in ATOM:
            _read_core(scratch, child, local, ns in ATOM, feed_url)
        elif ns == DC or ns == DCTERMS:
            _read_dublin_core(scratch, child, local)
        elif ns == CONTENT and local == "encoded":
            scratch.content = scratch.content or _inner_markup(child)
        elif ns in MEDIA_ALIASES:
            _read_media(scratch, child, local, feed_url)
        elif ns == ITUNES and local == "image" and child.get("href"):
            scratch.images.append((_OTHER_IMAGE, _absolute(child.get("href", ""), child, feed_url)))
    about = item.get(f"{{{RDF}}}about")
    if about and not scratch.guid:
        scratch.guid = about
        scratch.guid_is_link = about.startswith(("http://", "https://"))
    return _build(scratch, item, feed_url)


def _read_core(s: _Scratch, el: etree._Element, local: str, is_atom: bool, feed_url: str) -> None:
    if local == "title":
        if s.title is None:
            s.title = _atom_text(el) if is_atom else html_to_text(_inner_markup(el))
    elif local == "link":
        _read_link(s, el, feed_url)
    elif local in ("guid", "id"):
        if s.guid is None:
            s.guid = _text(el)
            s.guid_is_link = local == "guid" and el.get("isPermaLink", "true").lower() != "false"
    elif local in ("description", "summary", "subtitle", "abstract"):
        if s.description is None:
            s.description = _atom_html(el) if is_atom else _inner_markup(el)
    elif local == "content":
        if s.content is None and el.get("src") is None:
            s.content = _atom_html(el)
    elif local in _PUBLISHED:
        s.published = s.published or _text(el)
    elif local in _UPDATED:
        s.updated = s.updated or _text(el)
    elif local in ("author", "creator"):
        if s.author is None:
            name = _child(el, "name") if len(el) else None
            s.author = _text(name if name is not None else el) or None
    elif local == "category":
        term = el.get("term") or el.get("label") or _text(el)
        if term:
            s.categories.append(term.strip())
    elif local == "enclosure":
        _read_enclosure(s, el, el.get("url") or el.get("href"), feed_url)
    elif local == "image":
        url = el.get("href") or _text(_child(el, "url") if len(el) else el)
        if url and url.startswith(("http://", "https://", "/")):
            s.images.append((_OTHER_IMAGE, _absolute(url, el, feed_url)))


def _read_link(s: _Scratch, el: etree._Element, feed_url: str) -> None:
    href = el.get("href")
    if href is None:
        if s.link is None and _text(el):
            s.link = _absolute(_text(el), el, feed_url)
        return
    rel = el.get("rel", "alternate")
    if rel == "enclosure":
        _read_enclosure(s, el, href, feed_url)
    elif rel == "alternate" and s.link is None and href.strip():
        s.link = _absolute(href, el, feed_url)


def _read_enclosure(s: _Scratch, el: etree._Element, url: str | None, feed_url: str) -> None:
    kind = (el.get("type") or "").lower()
    if url and (kind.startswith("image/") or (not kind and _IMAGE_PATH.search(url))):
        s.images.append((_ENCLOSURE, _absolute(url, el, feed_url)))


def _read_dublin_core(s: _Scratch, el: etree._Element, local: str) -> None:
    if local == "title":
        s.title = s.title if s.title is not None else html_to_text(_text(el))
    elif local in ("creator", "contributor"):
        s.author = s.author or _text(el) or None
    elif local in ("date", "issued", "created"):
        s.published = s.published or _text(el)
    elif local == "modified":
        s.updated = s.updated or _text(el)
    elif local == "subject" and _text(el):
        s.categories.append(_text(el))
    elif local == "identifier":
        s.guid = s.guid or _text(el) or None
    elif local == "description":
        s.description = s.description if s.description is not None else _text(el)


def _read_media(s: _Scratch, el: etree._Element, local: str, feed_url: str) -> None:
    if local == "group":
        for child in el:
            if isinstance(child.tag, str):
                _read_media(s, child, split_tag(child.tag)[1], feed_url)
    elif local == "content":
        url, kind = el.get("url"), (el.get("type") or "").lower()
        medium = (el.get("medium") or "").lower()
        if url and (medium == "image" or kind.startswith("image/") or _IMAGE_PATH.search(url)):
            s.images.append((_MEDIA_CONTENT, _absolute(url, el, feed_url)))
        for child in el:
            if isinstance(child.tag, str) and split_tag(child.tag)[1] == "thumbnail":
                _read_media(s, child, "thumbnail", feed_url)
    elif local == "thumbnail" and el.get("url"):
        s.images.append((_THUMBNAIL, _absolute(el.get("url", ""), el, feed_url)))
    elif local == "description" and s.description is None:
        s.description = _text(el)
    elif local == "title" and s.title is None:
        s.title = html_to_text(_text(el))


def _build(s: _Scratch, item: etree._Element, feed_url: str) -> ParsedEntry:
    link = s.link
    if link is None and s.guid and s.guid_is_link and s.guid.startswith(("http://", "https://")):
        link = s.guid
    content_html = s.content or s.description or ""
    summary = html_to_text(s.description) if s.description else shorten(html_to_text(content_html))
    title = s.title or ""
    image = min(s.images)[1] if s.images else None
    if image is None:
        src = first_image_src(content_html)
        image = _absolute(src, item, feed_url) if src else None
    published, updated = parse_date(s.published), parse_date(s.updated)
    guid = s.guid.strip() if s.guid else None
    return ParsedEntry(
        identity=entry_identity(guid=guid, url=link, title=title, content=content_html),
        url=link,
        title=title,
        summary=summary,
        content_html=content_html,
        published_at=published or updated,
        updated_at=updated,
        author=s.author,
        categories=tuple(dict.fromkeys(c for c in s.categories if c)),
        image_url=image,
        guid=guid or None,
    )


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    if len(el) == 0:
        return (el.text or "").strip()
    return "".join(el.itertext()).strip()


def _child(el: etree._Element, local: str) -> etree._Element | None:
    for child in el:
        if isinstance(child.tag, str) and split_tag(child.tag)[1] == local:
            return child
    return None


def _inner_markup(el: etree._Element) -> str:
    if len(el) == 0:
        return (el.text or "").strip()
    parts = [el.text or ""]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
    return _XMLNS.sub("", "".join(parts)).strip()


def _atom_html(el: etree._Element) -> str:
    """Atom text construct as HTML, whatever its type (text, html, xhtml; 0.3 modes)."""
    kind = (el.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml") or el.get("mode") == "xml":
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) == 1 and children[0].tag == f"{{{XHTML}}}div" and not (el.text or "").strip():
            return _inner_markup(children[0])
        return _inner_markup(el)
    if kind in ("text", "text/plain") and el.get("mode") != "escaped":
        return html.escape(_text(el), quote=False)
    return _inner_markup(el)


def _atom_text(el: etree._Element) -> str:
    kind = (el.get("type") or "text").lower()
    if kind in ("text", "text/plain") and el.get("mode") != "escaped" and len(el) == 0:
        return " ".join((el.text or "").split())
    return html_to_text(_atom_html(el))


def _absolute(value: str, el: etree._Element, feed_url: str) -> str:
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return value
    return urljoin(el.base or feed_url, value)
