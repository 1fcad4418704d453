"""Page text → one lxml tree, parsed once and shared by every candidate and the metadata reader."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from strichka.errors import ExtractError

# a news page is rarely over 2 MB of HTML; past this it is a feed dump, an archive or an attack
MAX_HTML_CHARS = 8_000_000


def parse_page(html: str, *, url: str) -> HtmlElement:
    if not html or not html.strip():
        raise ExtractError(url, "empty page")
    if len(html) > MAX_HTML_CHARS:
        raise ExtractError(url, f"page too large to extract ({len(html)} characters)")
    tree = load_html(html)
    if tree is None or len(tree) == 0:
        raise ExtractError(url, "page is not parseable HTML")
    return tree


# never article text: invisible (scripts, styles, comments), embeds, widgets, and page furniture that every
# extractor drops anyway (nav, aside, footer). One C-level pass here spares every later step (trafilatura's
# cleaning, readability, fingerprints) walking them in Python. <figure> stays: the images are read from it.
_NEVER_ARTICLE = (etree.Comment, etree.ProcessingInstruction, "script", "style", "noscript", "template", "svg", "math",
              "iframe", "object", "embed", "link", "meta", "nav", "aside", "footer", "menu", "button", "select",
              "textarea", "input", "label", "audio", "video", "canvas", "map", "dialog", "datalist")  # fmt: skip


# per-paragraph comment and like counters: <a title="Оставить комментарий">0</a> glued to the first word
_COUNTERS = etree.XPath("//a[not(@href) or @href='#'][translate(normalize-space(.), '0123456789', '') = '']")


def strip_non_article(tree: HtmlElement) -> None:
    etree.strip_elements(tree, *_NEVER_ARTICLE, with_tail=False)
    for counter in _COUNTERS(tree):
        if counter.getparent() is not None:
            counter.drop_tree()
