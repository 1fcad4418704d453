"""The two candidate bodies: trafilatura's and readability's, both as simple HTML trees from one parsed page."""

from __future__ import annotations

import copy
import logging

import lxml.html
from lxml.html import HtmlElement
from readability import Document
from trafilatura.core import bare_extraction
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.settings import Extractor

# trafilatura and readability log every odd page at WARNING; extraction failures are reported by us
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)
logging.getLogger("readability.readability").setLevel(logging.ERROR)

# links and images off: with them on, trafilatura keeps more link lists and loses precision (measured)
_TRAFILATURA = Extractor(
    output_format="python", fast=True, comments=False, links=False, images=False, tables=True, formatting=True
)


def trafilatura_body(tree: HtmlElement, url: str) -> HtmlElement | None:
    """trafilatura's main extractor alone (fast mode): readability is our own second opinion."""
    options = copy.copy(_TRAFILATURA)
    options.url = url
    options.source = url
    document = bare_extraction(tree, url=url, options=options)
    if document is None or document.body is None or len(document.body) == 0:
        return None
    html_root = convert_to_html(document.body)
    body = html_root[0]
    return lxml.html.fromstring(lxml.html.tostring(body, encoding="unicode"))


def readability_body(tree: HtmlElement, url: str) -> HtmlElement | None:
    document = Document(copy.deepcopy(tree), url=url)
    try:
        summary = document.summary(html_partial=True)
    except Exception:  # readability raises bare Unparseable/ValueError on odd pages: no candidate then
        return None
    if not summary.strip():
        return None
    root = lxml.html.fromstring(summary)
    return root
