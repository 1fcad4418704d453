"""The two candidate bodies: trafilatura's and readability's, both as simple HTML trees from one parsed page."""

from __future__ import annotations

import copy
import logging

import lxml.html
from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement
from readability import Document
from trafilatura.core import bare_extraction

try:
    from trafilatura.core import trafilatura_sequence as _sequence
except ImportError:  # pragma: no cover - only if trafilatura renames its internals
    _sequence = None  # type: ignore[assignment]
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.settings import Extractor

# trafilatura and readability log every odd page at WARNING; extraction failures are reported by us
logging.getLogger("trafilatura").setLevel(logging.ERROR)
# readability logs a traceback (log.exception) before raising Unparseable; the caller sees no candidate
logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

# links and images off: with them on, trafilatura keeps more link lists and loses precision (measured)
_TRAFILATURA = Extractor(
    output_format="python",
    fast=True,
    comments=False,
    links=False,
    images=False,
    tables=True,
    formatting=False,
)


def trafilatura_body(tree: HtmlElement, url: str) -> _Element | None:
    """trafilatura's main extractor alone (fast mode): readability is our own second opinion.

    Calls trafilatura_sequence, the body of bare_extraction without its plain-text rendering we do not use
    (pinned trafilatura version; falls back to bare_extraction if the internal name moves)."""
    options = copy.copy(_TRAFILATURA)
    options.url = url
    options.source = url
    if _sequence is None:
        document = bare_extraction(tree, url=url, options=options)
        body = document.body if document is not None else None
    else:
        try:
            body, text, _, _ = _sequence(copy.copy(tree), options, url)
        except (ValueError, TypeError):  # what bare_extraction itself treats as "no document"
            return None
        if len(text) < options.min_output_size:
            body = None
    if body is None or len(body) == 0:
        return None
    return convert_to_html(body)[0]


class _SharedTreeDocument(Document):  # type: ignore[misc]
    """readability on a copy of the tree we already parsed: no second parse, no link rewriting (sanitize
    makes URLs absolute at the end), and instead of lxml's Python-level Cleaner one C-level strip of what
    never holds an article (scripts, styles, comments, navigation, footers, forms, embeds)."""

    def _parse(self, input: HtmlElement) -> HtmlElement:
        tree = copy.deepcopy(input)
        etree.strip_elements(tree, *_NEVER_ARTICLE, with_tail=False)
        for element in tree.xpath("//*[@hidden]"):
            element.drop_tree()
        self.encoding = "utf-8"
        return tree


_NEVER_ARTICLE = (
    etree.Comment, etree.ProcessingInstruction, "script", "style", "noscript", "link", "meta", "svg", "iframe",
    "object", "embed", "form", "button", "select", "textarea", "nav", "footer", "aside",
)  # fmt: skip


def readability_body(tree: HtmlElement, url: str) -> HtmlElement | None:
    document = _SharedTreeDocument(tree)
    try:
        summary = document.summary(html_partial=True)
    except ValueError:  # readability wraps every failure in Unparseable(ValueError): no candidate then
        return None
    if not summary.strip():
        return None
    return lxml.html.fromstring(summary)
