"""A body tree seen as a sequence of text blocks: the unit that clean-up, site profiles and the chooser reason about.

Both candidates (trafilatura, readability) are turned into simple HTML first, so one walker serves both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element
from lxml.html import HtmlElement

BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote figure figcaption table tr td th "
    "thead tbody tfoot section article header footer aside nav pre center address form main".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_DIGIT = re.compile(r"\d")


@dataclass
class Block:
    """One visible line of the body: a block element, or a run of inline content between blocks and <br>s."""

    text: str
    link_chars: int
    tag: str
    in_list: bool
    parts: list[tuple[HtmlElement, str]]  # (node, "element" | "text" | "tail") that make up the line

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def squash(text: str) -> str:
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    """Case, spacing and digits ignored: "12:05 Новини" and "09:40 новини" are the same furniture."""
    return _DIGIT.sub("0", " ".join(text.lower().split()))


def _all_text(element: HtmlElement) -> str:
    return "".join(element.itertext())


def _has_block_child(element: HtmlElement) -> bool:
    """Block children, or <br>s: old sites write paragraphs as text runs between <br><br>."""
    return any(
        isinstance(child.tag, str) and (child.tag in BLOCK_TAGS or child.tag == "br")
        for child in element.iterdescendants()
    )


def _link_chars(element: HtmlElement) -> int:
    if element.tag == "a":
        return len(squash(_all_text(element)))
    return sum(len(squash(_all_text(a))) for a in element.iter("a"))


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._run: list[tuple[HtmlElement, str]] = []
        self._run_text: list[str] = []
        self._run_links = 0
        self._in_list = False

    def flush(self) -> None:
        text = squash(" ".join(self._run_text))
        if text:
            self.blocks.append(Block(text, self._run_links, "inline", self._in_list, self._run))
        self._run, self._run_text, self._run_links = [], [], 0

    def add_text(self, node: HtmlElement, kind: str, text: str | None) -> None:
        if text and text.strip():
            self._run.append((node, kind))
            self._run_text.append(text)

    def walk(self, element: HtmlElement, in_list: bool) -> None:
        self.add_text(element, "text", element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                self.flush()
                self._in_list = in_list
                if _has_block_child(child):
                    self.walk(child, in_list or tag in ("ul", "ol", "dl"))
                    self.flush()
                else:
                    text = squash(_all_text(child))
                    if text:
                        self.blocks.append(
                            Block(text, _link_chars(child), tag, in_list or tag == "li", [(child, "element")])
                        )
                self._in_list = in_list
            elif tag == "br":
                self.flush()
            elif tag:
                text = _all_text(child)
                if text.strip():
                    self._run.append((child, "element"))
                    self._run_text.append(text)
                    self._run_links += _link_chars(child)
            self.add_text(child, "tail", child.tail)
        self.flush()


def body_blocks(root: HtmlElement) -> list[Block]:
    walker = _Walker()
    walker.walk(root, in_list=False)
    return walker.blocks


def remove_block(block: Block) -> None:
    """Empty the nodes that make up the block; text of neighbouring blocks stays (drop_tree keeps tails)."""
    for node, kind in reversed(block.parts):  # tails first, so drop_tree only keeps foreign tails
        if kind == "text":
            node.text = None
        elif kind == "tail":
            node.tail = None
        elif node.getparent() is not None:
            _drop_keeping_tail(node)


def _drop_keeping_tail(node: _Element) -> None:
    """lxml.html's drop_tree for plain etree elements too (trafilatura's tree is not an HtmlElement)."""
    parent = node.getparent()
    previous = node.getprevious()
    if node.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
