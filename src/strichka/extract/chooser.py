"""Choose between the trafilatura and readability bodies of one page.

trafilatura is the default: it keeps more of long articles. readability wins when its body is a clean
subset of trafilatura's and what only trafilatura kept is short lines (menus, teasers, dates), or when
trafilatura found (almost) nothing. Thresholds were set on the dev split of the two shared corpora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from strichka.extract.blocks import Block

_WORD = re.compile(r"\w+")
_PROSE_CHARS = 150  # a block this long is a paragraph of the article, not furniture
_TINY_BODY_CHARS = 500
_FRINGE_LINES = 6  # fewer rarely change the choice (measured on the dev split)


def _page_paragraph_chars(tree: HtmlElement) -> int:
    total = 0
    for p in tree.iter("p"):
        length = len(p.text_content().strip())
        if length >= 80:
            total += length
    return total


def needs_second_opinion(blocks: list[Block], tree: HtmlElement) -> bool:
    """Is trafilatura's body worth a second opinion? readability costs as much as trafilatura itself, so it
    runs only when the body is tiny or a lump, misses much of the page's paragraph text, or carries a
    fringe of short lines (menus, teasers, dates) before or after its prose."""
    chars = sum(len(b.text) for b in blocks)
    if chars < _TINY_BODY_CHARS or len(blocks) <= 2:
        return True
    if _page_paragraph_chars(tree) > 2 * chars:
        return True
    prose = [n for n, b in enumerate(blocks) if len(b.text) >= _PROSE_CHARS]
    if not prose:
        return True
    fringe = sum(1 for n in range(len(blocks)) if n < prose[0] or n > prose[-1])
    return fringe >= _FRINGE_LINES


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


@dataclass(frozen=True)
class Comparison:
    """What the first candidate (trafilatura) has that the second (readability) lacks, and the reverse."""

    chars: tuple[int, int]
    only_chars: tuple[int, int]  # characters in blocks the other candidate does not have
    only_prose: tuple[int, int]  # of those, characters in paragraph-length blocks
    first_only_short_blocks: int
    first_interior_prose: (
        int  # first-only paragraphs standing between shared blocks: real text the other lost
    )
    first_blocks: int


def _union(blocks: list[Block]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for block in blocks:
        found |= _shingles(block.text)
    return found


def _covered(block: Block, other: set[tuple[str, ...]]) -> bool:
    own = _shingles(block.text)
    return not own or len(own & other) >= 0.5 * len(own)


def compare(first: list[Block], second: list[Block]) -> Comparison:
    first_sh, second_sh = _union(first), _union(second)
    first_only = [not _covered(b, second_sh) for b in first]
    second_only = [b for b in second if not _covered(b, first_sh)]
    shared = [n for n, only in enumerate(first_only) if not only]
    low, high = (shared[0], shared[-1]) if shared else (len(first), -1)
    mine = [b for b, only in zip(first, first_only, strict=True) if only]
    return Comparison(
        chars=(sum(len(b.text) for b in first), sum(len(b.text) for b in second)),
        only_chars=(sum(len(b.text) for b in mine), sum(len(b.text) for b in second_only)),
        only_prose=(
            sum(len(b.text) for b in mine if len(b.text) >= _PROSE_CHARS),
            sum(len(b.text) for b in second_only if len(b.text) >= _PROSE_CHARS),
        ),
        first_only_short_blocks=sum(1 for b in mine if len(b.text) < _PROSE_CHARS),
        first_interior_prose=sum(
            len(b.text)
            for n, (b, only) in enumerate(zip(first, first_only, strict=True))
            if only and low < n < high and len(b.text) >= _PROSE_CHARS
        ),
        first_blocks=len(first),
    )


def prefer_readability(trafilatura: list[Block], readability: list[Block]) -> bool:
    c = compare(trafilatura, readability)
    t_chars, r_chars = c.chars
    if r_chars < 200:
        return False
    if t_chars < 300:
        return r_chars > 2 * t_chars
    t_only, r_only = c.only_chars
    t_only_prose, r_only_prose = c.only_prose
    if t_only > 0.8 * t_chars and r_only > 0.8 * r_chars:
        return False  # two different parts of the page: trafilatura is right more often
    if r_only_prose > 0.45 * r_chars:  # trafilatura missed a large part of the article
        return r_only_prose > t_only
    if t_only <= 0.08 * t_chars:  # the same article either way
        return False
    if c.first_blocks <= 2 and t_chars > 2.5 * r_chars and r_only < 0.1 * r_chars:
        return True  # trafilatura returned the page as one lump; readability found the article in it
    if c.first_interior_prose > 0.1 * t_chars:  # readability lost paragraphs from inside the article
        return False
    if c.first_only_short_blocks >= 3:  # trafilatura kept a fringe of menu lines and teasers
        return True
    return t_only_prose < 0.5 * t_only
