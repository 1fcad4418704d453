"""OPML in and out: the list of feeds a reader imports from, or exports to, another reader.

Imported files are untrusted: the DOCTYPE is cut before parsing, so no entity — internal
(billion laughs) or external (XXE, file:// or http://) — is ever expanded, and nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from strichka.errors import ConfigError
from strichka.feeds.xml_document import repair_xml
from strichka.fetch.charset import decode_document

_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.S | re.I)


@dataclass(frozen=True)
class OpmlOutline:
    title: str
    xml_url: str
    html_url: str | None = None
    lang: str | None = None
    category: str | None = None  # the enclosing folder's title, or the outline's category attribute


def parse_opml(data: bytes) -> list[OpmlOutline]:
    """Every outline with an xmlUrl, in file order; folders become categories."""
    body = _parse(data)
    if body is None:
        raise ConfigError("not an OPML file: expected <opml><body><outline xmlUrl=...> elements")
    found: list[OpmlOutline] = []
    _collect(body, None, found)
    return found


def write_opml(outlines: Iterable[OpmlOutline], title: str) -> bytes:
    """OPML 2.0 with one folder per category (uncategorised feeds at the top level)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for outline in outlines:
        parent = body
        if outline.category:
            parent = folders.get(outline.category)  # type: ignore[assignment]
            if parent is None:
                parent = etree.SubElement(body, "outline", text=outline.category, title=outline.category)
                folders[outline.category] = parent
        attributes = {"type": "rss", "text": outline.title, "title": outline.title, "xmlUrl": outline.xml_url}
        if outline.html_url:
            attributes["htmlUrl"] = outline.html_url
        if outline.lang:
            attributes["language"] = outline.lang
        etree.SubElement(parent, "outline", attributes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _parse(data: bytes) -> etree._Element | None:
    text, _encoding = decode_document(data, http_charset=None, kind="xml")
    text = _DOCTYPE.sub("", text.lstrip("\ufeff"))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # the bytes are decoded already
    for candidate, recover in ((text, False), (repair_xml(text), True)):
        parser = etree.XMLParser(
            recover=recover, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(candidate.encode("utf-8"), parser)
        except etree.XMLSyntaxError:
            continue
        if root is not None and root.tag == "opml":
            return root.find("body")
    return None


def _collect(parent: etree._Element, folder: str | None, found: list[OpmlOutline]) -> None:
    for outline in parent.iterchildren("outline"):
        name = (outline.get("title") or outline.get("text") or "").strip()
        xml_url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if xml_url:
            category = _first_category(outline.get("category")) or folder
            found.append(
                OpmlOutline(
                    title=name or xml_url,
                    xml_url=xml_url,
                    html_url=(outline.get("htmlUrl") or outline.get("htmlurl") or "").strip() or None,
                    lang=(outline.get("language") or outline.get("lang") or "").strip() or None,
                    category=category,
                )
            )
        _collect(outline, name or folder, found)


def _first_category(value: str | None) -> str | None:
    """OPML 2.0 category: comma-separated slash-delimited paths ("/News/Ukraine,/Politics")."""
    if not value:
        return None
    first = value.split(",")[0].strip().strip("/")
    return first.split("/")[-1].strip() or None
