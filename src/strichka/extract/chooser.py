"""Choose between the trafilatura and readability bodies of one page.

trafilatura is the default: it keeps more of long articles. readability wins when its body is a clean
subset of trafilatura's and what only trafilatura kept is short lines (menus, teasers, dates), or when
trafilatura found (almost) nothing. Thresholds were set on the dev split of the two shared corpora.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strichka.extract.blocks import Block

_WORD = re.compile(r"\w+")
_PROSE_CHARS = 150  # a block this long is a paragraph of the article, not furniture


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


@dataclass(frozen=True)
class Comparison:
    """How two candidate bodies relate: what each has that the other lacks."""

    chars: tuple[int, int]
    only_chars: tuple[int, int]  # characters in blocks the other candidate does not have
    only_prose: tuple[int, int]  # of those, characters in paragraph-length blocks
    only_short_blocks: tuple[int, int]


def _uncovered(blocks: list[Block], other: set[tuple[str, ...]]) -> list[Block]:
    missing = []
    for block in blocks:
        own = _shingles(block.text)
        if own and len(own & other) < 0.5 * len(own):
            missing.append(block)
    return missing


def compare(first: list[Block], second: list[Block]) -> Comparison:
    first_sh = set().union(*(_shingles(b.text) for b in first)) if first else set()
    second_sh = set().union(*(_shingles(b.text) for b in second)) if second else set()
    only = (_uncovered(first, second_sh), _uncovered(second, first_sh))
    return Comparison(
        chars=(sum(len(b.text) for b in first), sum(len(b.text) for b in second)),
        only_chars=tuple(sum(len(b.text) for b in side) for side in only),  # type: ignore[arg-type]
        only_prose=tuple(sum(len(b.text) for b in side if len(b.text) >= _PROSE_CHARS) for side in only),  # type: ignore[arg-type]
        only_short_blocks=tuple(sum(1 for b in side if len(b.text) < _PROSE_CHARS) for side in only),  # type: ignore[arg-type]
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
    # readability dropped whole paragraphs trafilatura has: keep trafilatura
    if t_only_prose > 0.15 * t_chars:
        return False
    # readability found paragraphs trafilatura missed, and dropped nothing of weight
    if r_only_prose > 0.25 * r_chars:
        return r_only_prose > t_only
    # what only trafilatura kept is short lines: furniture around the article
    return t_only > 0.08 * t_chars and t_only_prose < 0.5 * t_only
