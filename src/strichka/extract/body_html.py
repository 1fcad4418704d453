"""The article's HTML when trafilatura's text won: trafilatura runs without links and images (they cost
precision), so each kept line is rebuilt from the page's own element with the same text — links, emphasis
and all — and the article's figures go back between the lines they stood between. sanitize runs after this."""

from __future__ import annotations

from copy import deepcopy

from lxml.html import Element, HtmlElement

from strichka.extract.blocks import BLOCK_TAGS, HEADING_TAGS, Block, fingerprint
from strichka.models import ArticleImage

_REUSABLE = frozenset(("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "dd"))


def _page_lines(page: HtmlElement, wanted: set[str]) -> tuple[dict[str, HtmlElement], dict[HtmlElement, int]]:
    """Page elements whose text is one of the wanted lines, and the page order of those and of every <img>.
    Keyed by the exact text and by its fingerprint: lines that differ only in their digits («Абзац 1»,
    «Абзац 2», scores, times) each find their own element; the fingerprint catches case differences."""
    lines: dict[str, HtmlElement] = {}
    order: dict[HtmlElement, int] = {}
    lengths = {len(w) for w in wanted}
    longest = max(lengths, default=0)
    for n, element in enumerate(page.iter(*_REUSABLE, "img")):
        order[element] = n
        if element.tag == "img" or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element):
            continue
        text = element.text_content()
        if len(text) > 2 * longest + 200:  # never one of the lines, whatever its whitespace
            continue
        squashed = " ".join(text.split())
        if len(squashed) in lengths and (print_ := fingerprint(squashed)) in wanted:
            lines.setdefault(_EXACT + squashed, element)
            lines.setdefault(print_, element)
    return lines, order


_EXACT = "\0"  # key prefix of exact texts: a fingerprint never starts with a NUL


def _source(sources: dict[str, HtmlElement], text: str) -> HtmlElement | None:
    exact = sources.get(_EXACT + text)
    return exact if exact is not None else sources.get(fingerprint(text))


def _figure(image: ArticleImage) -> HtmlElement:
    figure = Element("figure")
    img = Element("img")
    figure.append(img)
    img.set("src", image.url)
    if image.alt:
        img.set("alt", image.alt)
    caption = " ".join(part for part in (image.caption, image.credit) if part)
    if caption:
        figcaption = Element("figcaption")
        figcaption.text = caption
        figure.append(figcaption)
    return figure


def _fresh(tag: str, text: str) -> HtmlElement:
    element = Element(tag)
    element.text = text
    return element


def rebuild_body(
    kept: list[Block], page: HtmlElement, images: list[tuple[HtmlElement, ArticleImage]]
) -> HtmlElement:
    sources, order = _page_lines(page, {fingerprint(b.text) for b in kept})
    pending = sorted(((order.get(img, -1), image) for img, image in images), key=lambda pair: pair[0])
    body = Element("div")
    open_list: HtmlElement | None = None
    position = -1
    for block in kept:
        source = _source(sources, block.text)
        if source is not None:
            position = order.get(source, position)
        while pending and 0 <= pending[0][0] < position:
            body.append(_figure(pending.pop(0)[1]))
            open_list = None
        tag = source.tag if source is not None else ("li" if block.in_list else block.tag)
        element = deepcopy(source) if source is not None else None
        if element is not None:
            element.tail = None
        if tag in ("li", "dd"):
            if open_list is None:
                open_list = Element("ul")
                body.append(open_list)
            if element is None or element.tag != "li":
                element = _fresh("li", block.text)
            open_list.append(element)
            continue
        open_list = None
        if element is None:
            element = _fresh(tag if tag in HEADING_TAGS else "p", block.text)
        body.append(element)
    for _, image in pending:
        body.append(_figure(image))
    return body
