"""One RSS <item> / RDF item / Atom <entry> element → ParsedEntry.

Each child element gets a role from its tag (RSS, Atom, Dublin Core, content:, Media RSS and
iTunes synonyms share roles); the first element of a role wins, in document order. Roles are
cached per tag string because this loop runs for every child of every entry and dominates the
cost of parsing a feed. Images rank: enclosure, media:content, media:thumbnail, any other
image element, then the first <img> of the content.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from strichka.feeds.dates import parse_date
from strichka.feeds.html_text import first_image_src, html_to_text, summary_text
from strichka.feeds.identity import entry_identity
from strichka.feeds.links import absolute_url
from strichka.feeds.namespaces import (
    ATOM,
    CONTENT,
    DC,
    DCTERMS,
    ITUNES,
    MEDIA_ALIASES,
    RDF,
    RSS_CORE,
    split_tag,
)
from strichka.feeds.text_constructs import atom_html, atom_text, child_named, element_text, inner_markup
from strichka.models import ParsedEntry

_IMAGE_PATH = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp)(?:$|[?#])", re.I)
_RDF_ABOUT = f"{{{RDF}}}about"

# Roles. Singles (below IGNORED) keep their first element; the rest collect every element.
(TITLE, GUID, ID, DESCRIPTION, CONTENT_HTML, PUBLISHED, UPDATED, AUTHOR, DC_TITLE, DC_ID, DC_DESCRIPTION,
 MEDIA_TITLE, MEDIA_DESCRIPTION, IGNORED, LINK, CATEGORY, ENCLOSURE, MEDIA_CONTENT, MEDIA_THUMBNAIL,
 MEDIA_GROUP, OTHER_IMAGE) = range(21)
_IMAGE_ROLES = frozenset({ENCLOSURE, MEDIA_CONTENT, MEDIA_THUMBNAIL, MEDIA_GROUP, OTHER_IMAGE})

_CORE = {
    "title": TITLE, "link": LINK, "guid": GUID, "id": ID, "description": DESCRIPTION,
    "summary": DESCRIPTION, "content": CONTENT_HTML, "pubDate": PUBLISHED, "published": PUBLISHED,
    "issued": PUBLISHED, "created": PUBLISHED, "updated": UPDATED, "modified": UPDATED,
    "author": AUTHOR, "category": CATEGORY, "enclosure": ENCLOSURE, "image": OTHER_IMAGE,
}
_DUBLIN_CORE = {
    "title": DC_TITLE, "creator": AUTHOR, "contributor": AUTHOR, "date": PUBLISHED, "issued": PUBLISHED,
    "created": PUBLISHED, "modified": UPDATED, "subject": CATEGORY, "identifier": DC_ID,
    "description": DC_DESCRIPTION,
}
_MEDIA = {
    "content": MEDIA_CONTENT, "thumbnail": MEDIA_THUMBNAIL, "group": MEDIA_GROUP,
    "title": MEDIA_TITLE, "description": MEDIA_DESCRIPTION,
}
_ROLES: dict[str, int] = {}


def role_of(tag: str) -> int:
    role = _ROLES.get(tag)
    if role is None:
        ns, local = split_tag(tag)
        if ns in RSS_CORE or ns in ATOM:
            role = _CORE.get(local, IGNORED)
        elif ns == DC or ns == DCTERMS:
            role = _DUBLIN_CORE.get(local, IGNORED)
        elif ns in MEDIA_ALIASES:
            role = _MEDIA.get(local, IGNORED)
        elif ns == CONTENT and local == "encoded":
            role = CONTENT_HTML
        elif ns == ITUNES and local == "image":
            role = OTHER_IMAGE
        else:
            role = IGNORED
        if len(_ROLES) < 4096:  # bounded: hostile feeds can invent endless tag names
            _ROLES[tag] = role
    return role


def read_entry(item: etree._Element, *, feed_url: str, atom: tuple[str, ...] = ATOM) -> ParsedEntry:
    """atom: the namespaces whose title, summary and content are Atom text constructs (with
    "" for an Atom feed written without its namespace)."""
    first: dict[int, etree._Element] = {}
    every: dict[int, list[etree._Element]] = {}
    known_role = _ROLES.get
    for child in item:
        tag = child.tag
        role = known_role(tag)
        if role is None:
            if type(tag) is not str:  # entity references
                continue
            role = role_of(tag)
        if role < IGNORED:
            if role not in first:
                first[role] = child
        elif role > IGNORED:
            every.setdefault(role, []).append(child)
    return _build(item, first, every, feed_url, atom)


def _build(
    item: etree._Element,
    first: dict[int, etree._Element],
    every: dict[int, list[etree._Element]],
    feed_url: str,
    atom: tuple[str, ...],
) -> ParsedEntry:
    title = _title(first, atom)
    guid, guid_is_link = _guid(item, first)
    link = _link(every.get(LINK, ()), feed_url)
    if link is None and guid_is_link and guid and guid.startswith(("http://", "https://")):
        link = guid
    description = _description(first, atom)
    content = first.get(CONTENT_HTML)
    content_html = _content(content, atom) if content is not None else ""
    content_html = content_html or description or ""
    image = None if _IMAGE_ROLES.isdisjoint(every) else _image(every, feed_url)
    if image is None and LINK in every:
        image = _linked_image(every[LINK], feed_url)
    if image is None:
        src = first_image_src(content_html)
        image = _absolute(src, item, feed_url) if src else None
    published = _date(first[PUBLISHED]) if PUBLISHED in first else None
    updated = _date(first[UPDATED]) if UPDATED in first else None
    return _new_entry(
        identity=entry_identity(guid=guid, url=link, title=title, content=content_html),
        url=link,
        title=title,
        summary=summary_text(description if description else content_html),
        content_html=content_html,
        published_at=published or updated,
        updated_at=updated,
        author=_author(first[AUTHOR]) if AUTHOR in first else None,
        categories=_categories(every[CATEGORY]) if CATEGORY in every else (),
        image_url=image,
        guid=guid,
    )


def _new_entry(**fields: object) -> ParsedEntry:
    """ParsedEntry(**fields), at a third of the cost: a frozen dataclass's __init__ sets each
    field through object.__setattr__, while filling the instance dict is one C call. Same object
    (fields, equality, hash, frozenness); the guard below fails loudly if the model ever grows a
    __post_init__ or slots, which this would skip or break."""
    entry = _bare_entry(ParsedEntry)
    _set_attribute(entry, "__dict__", fields)  # the fresh keyword dict becomes the instance's
    return entry


_bare_entry = ParsedEntry.__new__
_set_attribute = object.__setattr__
if hasattr(ParsedEntry, "__post_init__") or hasattr(ParsedEntry, "__slots__"):
    raise TypeError("ParsedEntry gained __post_init__ or __slots__: build it with its constructor again")


def _date(el: etree._Element) -> datetime | None:
    return parse_date(el.text if len(el) == 0 else element_text(el))


def _content(el: etree._Element, atom: tuple[str, ...]) -> str:
    if el.get("src") is not None:  # Atom content elsewhere: the entry link covers it
        return ""
    return atom_html(el, "text" if split_tag(el.tag)[0] in atom else "html")


def _title(first: dict[int, etree._Element], atom: tuple[str, ...]) -> str:
    el = first.get(TITLE)
    if el is not None:
        return atom_text(el) if split_tag(el.tag)[0] in atom else html_to_text(inner_markup(el))
    for role in (DC_TITLE, MEDIA_TITLE):
        el = first.get(role)
        if el is not None:
            return html_to_text(element_text(el))
    return ""


def _guid(item: etree._Element, first: dict[int, etree._Element]) -> tuple[str | None, bool]:
    el = first.get(GUID)
    text = element_text(el) if el is not None else ""
    if text and el is not None:
        return text, el.get("isPermaLink", "true").strip().lower() != "false"
    for role in (ID, DC_ID):
        text = element_text(first.get(role))
        if text:
            return text, role == ID  # an Atom id that is an http URL is the link of last resort
    about = (item.get(_RDF_ABOUT) or "").strip()
    return (about, True) if about else (None, False)


def _link(links: list[etree._Element] | tuple[()], feed_url: str) -> str | None:
    for el in links:
        href = el.get("href")
        if href is None:
            if el.get("rel", "alternate") != "alternate":
                continue
            text = element_text(el)
            if text:
                resolved = _absolute(text, el, feed_url)
                if resolved:
                    return resolved
        elif el.get("rel", "alternate") == "alternate" and href.strip():
            resolved = _absolute(href, el, feed_url)
            if resolved:
                return resolved
    return None


def _description(first: dict[int, etree._Element], atom: tuple[str, ...]) -> str | None:
    el = first.get(DESCRIPTION)
    if el is not None:
        return atom_html(el) if split_tag(el.tag)[0] in atom else inner_markup(el)
    for role in (DC_DESCRIPTION, MEDIA_DESCRIPTION):
        el = first.get(role)
        if el is not None:
            return element_text(el)
    return None


def _author(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    name = child_named(el, "name") if len(el) else None
    return element_text(name if name is not None else el) or None


def _categories(elements: list[etree._Element]) -> tuple[str, ...]:
    terms: dict[str, None] = {}
    for el in elements:
        term = (el.get("term") or el.get("label") or element_text(el)).strip()
        if term:
            terms[term] = None
    return tuple(terms)


def _image(every: dict[int, list[etree._Element]], feed_url: str) -> str | None:
    for el in every.get(ENCLOSURE, ()):
        url, kind = el.get("url") or el.get("href"), (el.get("type") or "").lower()
        if url and (kind.startswith("image/") or (not kind and _IMAGE_PATH.search(url))):
            resolved = _absolute(url, el, feed_url)
            if resolved:
                return resolved
    media = list(every.get(MEDIA_CONTENT, ()))
    thumbnails = list(every.get(MEDIA_THUMBNAIL, ()))
    for group in every.get(MEDIA_GROUP, ()):
        for child in group:
            role = role_of(child.tag) if type(child.tag) is str else IGNORED
            (media if role == MEDIA_CONTENT else thumbnails if role == MEDIA_THUMBNAIL else []).append(child)
    for el in media:
        url, kind, medium = el.get("url"), (el.get("type") or "").lower(), (el.get("medium") or "").lower()
        if url and (medium == "image" or kind.startswith("image/") or (not kind and not medium and _IMAGE_PATH.search(url))):
            resolved = _absolute(url, el, feed_url)
            if resolved:
                return resolved
        thumbnails.extend(c for c in el if type(c.tag) is str and role_of(c.tag) == MEDIA_THUMBNAIL)
    for el in thumbnails:
        if el.get("url"):
            resolved = _absolute(el.get("url", ""), el, feed_url)
            if resolved:
                return resolved
    for el in every.get(OTHER_IMAGE, ()):
        url = el.get("href") or element_text(child_named(el, "url") if len(el) else el)
        if url and url.startswith(("http://", "https://", "/")):
            resolved = _absolute(url, el, feed_url)
            if resolved:
                return resolved
    return None


def _linked_image(links: list[etree._Element], feed_url: str) -> str | None:
    """Atom's <link rel="enclosure" type="image/..." href=...>."""
    for el in links:
        if el.get("rel") == "enclosure" and (el.get("type") or "").lower().startswith("image/") and el.get("href"):
            resolved = _absolute(el.get("href", ""), el, feed_url)
            if resolved:
                return resolved
    return None


def _absolute(value: str, el: etree._Element, feed_url: str) -> str | None:
    value = value.strip()
    if value.startswith(("http://", "https://")) and "[" not in value:
        return value
    return absolute_url(value, el.base or feed_url)
