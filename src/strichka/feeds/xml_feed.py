"""The fast path: an lxml tree of RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 → ParsedFeed."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from strichka.feeds.html_text import html_to_text
from strichka.feeds.links import absolute_url
from strichka.feeds.namespaces import ATOM, DC, RDF, RSS_CORE, XML, split_tag
from strichka.feeds.xml_entries import read_entry
from strichka.models import ParsedFeed

_FORMATS = {"rss": "rss", "RDF": "rdf", "feed": "atom"}
_FIELDS = frozenset({"title", "link", "language", "ttl"})
_FIELD_TAGS = tuple(f"{{*}}{field}" for field in sorted(_FIELDS))
_CHANNEL_FIELDS: dict[str, str] = {}


def feed_format(root: etree._Element) -> str | None:
    """rss, rdf or atom for a root element the fast path reads; None for anything else."""
    tag = root.tag
    if not isinstance(tag, str):
        return None
    ns, local = split_tag(tag)
    kind = _FORMATS.get(local)
    if kind == "rss" and ns in RSS_CORE:
        return kind
    if kind == "rdf" and ns == RDF:
        return kind
    if kind == "atom" and (ns in ATOM or ns == ""):  # feedparser reads a <feed> without xmlns as Atom too
        return kind
    return None


def read_xml_feed(root: etree._Element, kind: str, *, url: str, recovered: bool = False) -> ParsedFeed:
    """recovered: the tree came from recovery, where undeclared prefixes survive as plain names
    ("rss:title") that a namespace wildcard does not match."""
    namespaces: tuple[str, ...] = ATOM if kind == "atom" else RSS_CORE
    local = "entry" if kind == "atom" else "item"
    if kind == "atom" and split_tag(root.tag)[0] == "":
        namespaces = (*ATOM, "")  # an Atom feed without its namespace: its elements have none
    atom = namespaces if kind == "atom" else ATOM
    items = list(root.iter(*_entry_tags(namespaces, local)))  # lxml filters by tag in C
    if not items:  # undeclared prefixes ("rss:item") survive recovery only as plain names
        items = [el for el in root.iter() if isinstance(el.tag, str) and split_tag(el.tag) == ("", local)]
    found = _first_child(root, "channel") if kind != "atom" else None
    channel = root if found is None else found
    # A channel holds every item too: let lxml pick out the few candidates, unless plain
    # prefixed names may hide among them.
    children = iter(channel) if recovered else channel.iterchildren(*_FIELD_TAGS)
    title, site_url, language, ttl = _channel_meta(children, url)
    if language is None:
        language = root.get(f"{{{XML}}}lang") or None
    return ParsedFeed(
        title=title,
        site_url=site_url,
        entries=tuple(read_entry(item, feed_url=url, atom=atom) for item in items),
        language=language,
        ttl_minutes=ttl,
        format=kind,
    )


def _entry_tags(namespaces: tuple[str, ...], local: str) -> tuple[str, ...]:
    """The entry tag in each namespace ("item" for none): what root.iter matches without Python."""
    key = (namespaces, local)
    tags = _ENTRY_TAGS.get(key)
    if tags is None:
        tags = _ENTRY_TAGS[key] = tuple(f"{{{ns}}}{local}" if ns else local for ns in namespaces)
    return tags


_ENTRY_TAGS: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}  # a handful of keys


def _channel_meta(children: Iterator[etree._Element], url: str) -> tuple[str, str | None, str | None, int | None]:
    title, site_url, language, ttl = "", None, None, None
    for child in children:
        tag = child.tag
        field = _CHANNEL_FIELDS.get(tag) if type(tag) is str else ""
        if field is None:
            field = _channel_field(tag)
        if not field:
            continue
        if field == "title" and not title:
            title = html_to_text("".join(child.itertext()))
        elif field == "link" and site_url is None:
            site_url = _site_link(child, url)
        elif field == "language" and language is None:
            language = (child.text or "").strip() or None
        elif field == "ttl" and ttl is None:
            ttl = _minutes(child.text)
    return title, site_url, language, ttl


def _channel_field(tag: str) -> str:
    """The channel field a tag names ('' for none); cached, as a channel can hold thousands of
    children (every item, or a thousand <category>s) that only need skipping."""
    ns, local = split_tag(tag)
    field = local if local in _FIELDS and (ns in RSS_CORE or ns in ATOM or ns == DC) else ""
    if len(_CHANNEL_FIELDS) < 4096:  # bounded: hostile feeds can invent endless tag names
        _CHANNEL_FIELDS[tag] = field
    return field


def _site_link(el: etree._Element, url: str) -> str | None:
    href = el.get("href")
    if href is not None:
        if el.get("rel", "alternate") != "alternate" or not href.strip():
            return None
        return absolute_url(href, el.base or url)
    text = (el.text or "").strip()
    return absolute_url(text, el.base or url) if text else None


def _minutes(value: str | None) -> int | None:
    try:
        minutes = int((value or "").strip())
    except ValueError:
        return None
    return minutes if 0 < minutes < 100_000 else None


def _first_child(el: etree._Element, local: str) -> etree._Element | None:
    for child in el:
        if isinstance(child.tag, str) and split_tag(child.tag)[1] == local:
            return child
    return None
