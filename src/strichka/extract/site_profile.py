"""What one outlet repeats on every page (menus, footers, "most read" lists) is not the article.

The pipeline keeps one SiteProfile per host, learned from other pages of that host, and passes it in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from strichka.extract.blocks import fingerprint
from strichka.extract.parse import parse_page, strip_non_article

_BLOCKISH = (
    "p",
    "div",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "span",
    "a",
    "b",
    "strong",
    "font",
)
_MAX_BLOCK_CHARS = 400
_MAX_BLOCKS = 100_000  # per host; about 10 MB  # long paragraphs repeat across pages only when quoted, never as furniture


@dataclass(frozen=True)
class SiteProfile:
    """Block fingerprints seen on the outlet's pages, with the number of pages each was seen on."""

    pages: int = 0
    block_pages: dict[str, int] = field(default_factory=dict)

    def with_page(self, prints: frozenset[str]) -> SiteProfile:
        """The profile after one more page of the outlet (extract_page returns each page's prints)."""
        counts = dict(self.block_pages)
        for text in prints:
            counts[text] = counts.get(text, 0) + 1
        if len(counts) > _MAX_BLOCKS:  # forget one-off blocks first: furniture repeats
            counts = {text: n for text, n in counts.items() if n > 1}
        return SiteProfile(pages=self.pages + 1, block_pages=counts)

    def decisive(self) -> SiteProfile:
        """The same verdicts with only the blocks that can be judged boilerplate: what the
        pipeline ships to an extraction worker with each page, instead of every block ever seen."""
        floor = max(1, self.pages // 4)
        return SiteProfile(self.pages, {text: n for text, n in self.block_pages.items() if n >= floor})

    def is_boilerplate(self, text: str) -> bool:
        seen = self.block_pages.get(fingerprint(text), 0)
        # with few pages one sighting elsewhere is enough; with many, a block must be common
        return seen >= max(1, self.pages // 4)


_CONTAINERS = frozenset(("div", "p", "ul", "ol", "li", "table", "tbody", "tr", "td", "th", "section", "article",
                         "header", "footer", "nav", "aside", "form", "dl", "h1", "h2", "h3"))  # fmt: skip


def page_fingerprints(tree: HtmlElement) -> frozenset[str]:
    """Fingerprints of the page's leaf blocks (no block children): the lines an extractor can return."""
    return page_and_link_fingerprints(tree)[0]


def page_and_link_fingerprints(tree: HtmlElement) -> tuple[frozenset[str], frozenset[str]]:
    """Leaf-block fingerprints and, from the same walk, those of link texts."""
    found = set()
    links = set()
    for element in tree.iter(_BLOCKISH):
        if any(child.tag in _CONTAINERS for child in element):
            continue
        raw = element.text_content()
        if len(raw) > 4 * _MAX_BLOCK_CHARS:  # whitespace aside, far too long to be furniture
            continue
        text = fingerprint(raw)
        if 2 <= len(text) <= _MAX_BLOCK_CHARS:
            found.add(text)
            if element.tag == "a":
                links.add(text)
    return frozenset(found), frozenset(links)


def profile_from_fingerprints(pages: list[frozenset[str]]) -> SiteProfile:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(page)
    return SiteProfile(pages=len(pages), block_pages=dict(counts))


def _fingerprints_of(html: str, url: str) -> frozenset[str]:
    tree = parse_page(html, url=url)
    strip_non_article(tree)  # as extract_page does before it fingerprints
    return page_fingerprints(tree)


def learn_site_profile(pages: list[str], *, url: str = "") -> SiteProfile:
    """Learn from other pages of one outlet (never include the page being extracted). The pipeline can
    instead grow the profile page by page: profile.with_page(extract_page(...).fingerprints)."""
    return profile_from_fingerprints([_fingerprints_of(html, url) for html in pages])
