"""extract_article: one page → ExtractedArticle. The order is fixed here and nowhere else:
parse once → metadata → strip non-article elements → fingerprints → trafilatura (+ readability when in doubt)
→ clean-up → choose → split trafilatura's baseline lump (short pages) → images → body HTML → language
→ sanitize (LAST, by rule)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from strichka.errors import ExtractError
from strichka.extract.blocks import Block, body_blocks, fingerprint, remove_block
from strichka.extract.body_html import rebuild_body
from strichka.extract.candidates import readability_body, trafilatura_body
from strichka.extract.chooser import needs_second_opinion, prefer_readability
from strichka.extract.cleanup import clean_blocks
from strichka.extract.credits import credit_lines
from strichka.extract.images import placed_images
from strichka.extract.lumps import split_lumps
from strichka.extract.metadata import read_metadata
from strichka.extract.parse import parse_page, strip_non_article
from strichka.extract.sanitize import sanitize_html
from strichka.extract.site_profile import SiteProfile, page_and_link_fingerprints
from strichka.models import ExtractedArticle
from strichka.text.language import detect_language

_MIN_ANCHOR_CHARS = 4


def _mark_links(blocks: list[Block], link_prints: frozenset[str]) -> None:
    """trafilatura's text comes without its links; a block whose whole text is a link on the page is a link."""
    for block in blocks:
        if len(block.text) >= _MIN_ANCHOR_CHARS and fingerprint(block.text) in link_prints:
            block.link_chars = len(block.text)


def _candidate(root: HtmlElement | None) -> tuple[HtmlElement | None, list[Block]]:
    return (root, body_blocks(root)) if root is not None else (None, [])


def _choose_body(
    tree: HtmlElement, url: str, profile: SiteProfile | None, link_prints: frozenset[str]
) -> tuple[HtmlElement | None, list[Block], bool]:
    traf_root, traf_blocks = _candidate(trafilatura_body(tree, url))
    _mark_links(traf_blocks, link_prints)
    traf_kept = clean_blocks(traf_blocks, profile)
    read_root: HtmlElement | None = None
    read_blocks: list[Block] = []
    read_kept: list[Block] = []
    if needs_second_opinion(traf_kept, tree):
        read_root, read_blocks = _candidate(readability_body(tree, url))
        read_kept = clean_blocks(read_blocks, profile)
    from_readability = read_root is not None and prefer_readability(traf_kept, read_kept)
    if from_readability:
        root, all_blocks, kept = read_root, read_blocks, read_kept
    else:
        root, all_blocks, kept = traf_root, traf_blocks, traf_kept
    kept_ids = {id(b) for b in kept}
    for block in all_blocks:
        if id(block) not in kept_ids:
            remove_block(block)
    if not from_readability and (lines := split_lumps(kept, tree)) is not None:
        _mark_links(lines, link_prints)  # after the choice, which was tuned on the lump as it was
        kept = clean_blocks(lines, profile)
    return root, kept, from_readability


def _without_leading_title(kept: list[Block], title: str) -> list[Block]:
    """The headline is ExtractedArticle.title; repeating it as the body's first line is noise on the page."""
    if kept and title and kept[0].text.casefold() == title.casefold():
        remove_block(kept[0])
        return kept[1:]
    return kept


@dataclass(frozen=True)
class PageExtraction:
    article: ExtractedArticle
    fingerprints: frozenset[str]  # this page's blocks, for the host's SiteProfile.with_page


def extract_article(
    html: str,
    *,
    url: str,
    summary: str = "",
    title_hint: str = "",
    site_profile: SiteProfile | None = None,
) -> ExtractedArticle:
    """Pure: no network, no disk. Raises ExtractError(url, reason) when the page has no article body."""
    return extract_page(
        html, url=url, summary=summary, title_hint=title_hint, site_profile=site_profile
    ).article


def extract_page(
    html: str,
    *,
    url: str,
    summary: str = "",
    title_hint: str = "",
    site_profile: SiteProfile | None = None,
) -> PageExtraction:
    """extract_article plus the page's block fingerprints from the same parse, so the pipeline can keep
    its per-host SiteProfile up to date without parsing the page twice."""
    tree = parse_page(html, url=url)
    meta = read_metadata(tree, url=url)  # before the strip: it reads <meta> and JSON-LD <script>s
    strip_non_article(tree)
    prints, link_prints = page_and_link_fingerprints(tree)
    root, kept, from_readability = _choose_body(tree, url, site_profile, link_prints)
    kept = _without_leading_title(kept, meta.title or title_hint)
    lines = [b.text for b in kept]
    if root is None or not lines:
        raise ExtractError(url, "no article body found")
    text = "\n\n".join(lines)
    placed = placed_images(tree, base_url=url, body_lines=lines, skip=meta.lead_image)
    images = tuple(image for _, image in placed)
    if not from_readability:  # readability's body already has the page's links and images in place
        root = rebuild_body(kept, tree, placed)
    body_html = lxml.html.tostring(root, encoding="unicode")
    article = ExtractedArticle(
        url=url,
        title=meta.title or title_hint,
        text=text,
        html=sanitize_html(body_html, base_url=url),  # LAST: nothing touches the HTML after this
        lang=detect_language(text, hint=meta.html_lang),
        author=meta.author,
        published_at=meta.published_at,
        updated_at=meta.updated_at,
        lead_image=meta.lead_image or (images[0].url if images else None),
        images=images,
        canonical_url=meta.canonical_url,
        credits=credit_lines(lines),
        description=meta.description or summary,
    )
    return PageExtraction(article, prints)


def article_to_json(article: ExtractedArticle) -> dict[str, Any]:
    """The JSON shape of `strichka extract --format json` and of the pipeline's debug output."""
    return {
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "html": article.html,
        "author": article.author,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "updated_at": article.updated_at.isoformat() if article.updated_at else None,
        "lead_image": article.lead_image,
        "images": [
            {"url": i.url, "caption": i.caption, "credit": i.credit, "alt": i.alt} for i in article.images
        ],
        "lang": article.lang,
        "canonical_url": article.canonical_url,
        "credits": list(article.credits),
        "description": article.description,
    }
