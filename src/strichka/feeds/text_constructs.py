"""Reading element text the way feeds mean it: plain, escaped HTML, or inline XHTML."""

from __future__ import annotations

import base64
import binascii
import html
import re

from lxml import etree

from strichka.feeds.html_text import html_to_text
from strichka.feeds.namespaces import XHTML, split_tag

_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')
_XHTML_DIV = f"{{{XHTML}}}div"


def element_text(el: etree._Element | None) -> str:
    """All text inside el, stripped; '' for a missing element."""
    if el is None:
        return ""
    if len(el) == 0:
        text = el.text
        return text.strip() if text else ""
    return "".join(el.itertext()).strip()


def inner_markup(el: etree._Element) -> str:
    """el's content as markup: its text (escaped HTML arrives as text) plus any child elements."""
    if len(el) == 0:
        text = el.text
        return text.strip() if text else ""
    parts = [el.text or ""]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
    return _XMLNS.sub("", "".join(parts)).strip()


def child_named(el: etree._Element, local: str) -> etree._Element | None:
    for child in el:
        if isinstance(child.tag, str) and split_tag(child.tag)[1] == local:
            return child
    return None


def atom_html(el: etree._Element, default_type: str = "text") -> str:
    """An Atom text construct (text, html, xhtml; 0.3 modes) as HTML.

    Atom's default type is text; RSS content elements carry no type and hold HTML.
    """
    kind = (el.get("type") or default_type).lower()
    if kind in ("xhtml", "application/xhtml+xml") or el.get("mode") == "xml":
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) == 1 and children[0].tag == _XHTML_DIV and not (el.text or "").strip():
            return _xml_content(children[0])
        return _xml_content(el)
    if el.get("mode") == "base64" or not _is_textual(kind):
        return _from_base64(element_text(el))
    if kind in ("text", "text/plain") and el.get("mode") != "escaped":
        return html.escape(element_text(el), quote=False)
    return inner_markup(el)


def _xml_content(el: etree._Element) -> str:
    """Inline XHTML as markup: unlike escaped HTML, its text nodes are text and need escaping."""
    parts = [html.escape(el.text or "", quote=False)]
    parts.extend(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
    return _XMLNS.sub("", "".join(parts)).strip()


def _is_textual(kind: str) -> bool:
    return kind in ("html", "text", "xhtml") or kind.startswith("text/") or kind.endswith(("+xml", "/xml"))


def _from_base64(value: str) -> str:
    """Atom carries other media types base64-encoded; keep them only if they are UTF-8 text."""
    try:
        return base64.b64decode(value, validate=False).decode("utf-8")
    except (binascii.Error, ValueError):
        return ""


def atom_text(el: etree._Element) -> str:
    """An Atom text construct as plain text."""
    kind = (el.get("type") or "text").lower()
    mode = el.get("mode")
    if mode == "base64" or not _is_textual(kind):
        decoded = _from_base64(element_text(el))
        return " ".join(decoded.split()) if kind in ("text", "text/plain") else html_to_text(decoded)
    if kind in ("text", "text/plain") and mode != "escaped" and len(el) == 0:
        return " ".join((el.text or "").split())
    return html_to_text(atom_html(el))
