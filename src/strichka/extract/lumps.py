"""Short pages: below its minimum extracted size (250 characters) trafilatura swaps its own result for its
baseline, which renders the article (or the whole page) as ONE paragraph — headline, paragraphs and photo
credit glued together, and with no paragraph left to anchor the article's images. Breaking news of one or
two paragraphs always lands there. Such a lump is split back into the page's own blocks it was made of."""

from __future__ import annotations

import re

from lxml.html import Element, HtmlElement

from strichka.extract.blocks import Block, body_blocks

_MIN_SOURCE_BLOCKS = 2  # a lump holds several of the page's blocks; one block is an ordinary paragraph
_MIN_COVERAGE = 0.9  # the page blocks found must account for (almost) all of the lump: no text is lost
_MAX_COVERAGE = 1.05  # more: one real paragraph that happens to contain a short page line, not a lump
_MIN_LINE_WORDS = 2
_MAX_GAP = 2  # blocks missing inside a run: what the baseline's own cleaning dropped (footer-class divs)
_MAX_BASELINE_BLOCKS = 3  # the baseline's article tier: one paragraph per <article> of the page
_HEADLINE = "h1"  # the page's headline is ExtractedArticle.title, never a line of the body
_MAX_DATELINE_CHARS = 60
_DATELINE = re.compile(
    r"\W*\d{1,2}(\.\d{1,2}\.|\s+(січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|янв|фев|мар|апр|ма[йя]"
    r"|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+)\d{2,4}\b",
    re.IGNORECASE,
)
_ONLY_TIME = re.compile(r"[\W\d_]*(року|года|р|г)?[\W\d_]*", re.IGNORECASE)  # «, 10:00», « року | 14:30»


def _letters(text: str) -> str:
    """Whitespace apart: the baseline spaces text only at block edges, our blocks also between inline runs."""
    return "".join(text.split())


def _run_in(page: list[Block], lump: str) -> list[Block]:
    """The longest stretch of page blocks (in page order) whose texts all occur in the lump."""
    best: list[Block] = []
    best_chars = 0
    run: list[Block] = []
    chars = gap = 0
    for block in page:
        if len(block.text.split()) < _MIN_LINE_WORDS:
            continue  # «,» or «Київ» occurs in any paragraph: a short line proves nothing, either way
        if _letters(block.text) in lump:
            run.append(block)
            chars += len(block.text)
            gap = 0
            if chars > best_chars:
                best, best_chars = list(run), chars
        elif run:
            gap += 1
            if gap > _MAX_GAP:
                run, chars, gap = [], 0, 0
    return best


def _owners(block: Block) -> list[HtmlElement]:
    """The elements the block's text stands in: a tail belongs to the parent of its node."""
    owners = []
    for node, kind in block.parts:
        owner = node.getparent() if kind == "tail" else node
        if owner is not None:
            owners.append(owner)
    return owners


def _in_figure(block: Block) -> bool:
    """Captions and credits of images: they come back with the image (images.placed_images), not as lines."""
    return any(
        owner.tag in ("figure", "figcaption") or next(owner.iterancestors("figure"), None) is not None
        for owner in _owners(block)
    )


def _in_site_header(block: Block) -> bool:
    """The page's own <header> (logo, search, slogan) when the whole page was dumped; an article's
    <header> (headline, date, lead) stands inside its <article> or <main>."""
    for owner in _owners(block):
        header = next((n for n in (owner, *owner.iterancestors()) if n.tag == "header"), None)
        if header is not None and next(header.iterancestors("article", "main"), None) is None:
            return True
    return False


def _is_dateline(block: Block) -> bool:
    """«21 листопада 2026, 10:00» under the headline: page furniture trafilatura's own extractor drops."""
    if len(block.text) > _MAX_DATELINE_CHARS:
        return False
    date = _DATELINE.match(block.text)
    if date is not None and _ONLY_TIME.fullmatch(block.text[date.end() :]):
        return True
    return any(
        node.tag == "time" or next(node.iter("time"), None) is not None
        for node, kind in block.parts
        if kind == "element"
    )


def _lines(run: list[Block]) -> list[Block]:
    lines = []
    for block in run:
        if block.tag == _HEADLINE or _in_figure(block) or _is_dateline(block) or _in_site_header(block):
            continue
        # parts point into the page, which stays untouched: each line owns an element of its own
        element = Element("li" if block.in_list else "p")
        element.text = block.text
        lines.append(Block(block.text, block.link_chars, block.tag, block.in_list, [(element, "element")]))
    return lines


def split_lumps(blocks: list[Block], page: HtmlElement) -> list[Block] | None:
    """The candidate's blocks with each baseline lump replaced by the page's own blocks it holds (no
    headline, no image captions); None when there is no lump. A lump not made of the page's blocks (the
    baseline's JSON-LD articleBody tier) stays as it is."""
    if not blocks or len(blocks) > _MAX_BASELINE_BLOCKS:
        return None
    body = page.find("body")
    page_blocks = body_blocks(body if body is not None else page)
    result: list[Block] = []
    split = False
    for block in blocks:
        letters = _letters(block.text)
        run = _run_in(page_blocks, letters)
        covered = sum(len(_letters(b.text)) for b in run)
        if (
            len(run) >= _MIN_SOURCE_BLOCKS
            and _MIN_COVERAGE <= covered / max(len(letters), 1) <= _MAX_COVERAGE
        ):
            result.extend(_lines(run))
            split = True
        else:
            result.append(block)
    return result if split else None
