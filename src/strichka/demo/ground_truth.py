"""What a perfect crawler should end up with: per article its body text, language, story, origin.

`text` is the article body exactly as a reader sees it — paragraphs and credit lines («Фото: …»,
«— УкрПрес-Інфо») joined by a blank line — without title, captions, related links or comments.
Captions of <figure> pictures are given per image instead.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from .catalog import all_articles, body_paragraphs, outlet_of, published_at
from .clock import DEFAULT_START
from .model import DemoArticle
from .outlets import OUTLETS

DEFAULT_BASE_URL = "http://127.0.0.1:8765"


def _origins() -> dict[str, str]:
    """Story id -> name of the outlet that published it first."""
    first: dict[str, DemoArticle] = {}
    for article in all_articles():
        if article.story and (article.story not in first or article.minutes < first[article.story].minutes):
            first[article.story] = article
    return {story: outlet_of(article).name for story, article in first.items()}


def ground_truth(base_url: str = DEFAULT_BASE_URL, *, start: datetime = DEFAULT_START) -> list[dict[str, Any]]:
    """Every demo article, published or still scheduled, oldest first (see published_at)."""
    origins = _origins()
    records = []
    for article in sorted(all_articles(), key=lambda a: (a.minutes, a.path)):
        outlet = outlet_of(article)
        records.append({
            "url": f"{base_url}{article.path}",
            "outlet": outlet.name,
            "outlet_slug": outlet.slug,
            "outlet_lang": outlet.lang,
            "lang": article.lang,
            "title": article.title,
            "text": "\n\n".join(body_paragraphs(article)),
            "author": article.author,
            "story": article.story,
            "origin_outlet": origins[article.story] if article.story else outlet.name,
            "category": article.category,
            "is_news": article.is_news,
            "published_at": published_at(article, start).isoformat(),
            "images": [
                {
                    "url": f"{base_url}/{outlet.slug}/img/{image.file_name}",
                    "photo": image.photo,  # the same photo id across outlets = the same picture
                    "caption": image.caption if image.figure else "",
                    "credit": image.credit,
                    "bad": image.bad,  # None, or why the media step must refuse it
                }
                for image in article.images
            ],
        })
    return records


def write_ground_truth(
    path: str | Path, base_url: str = DEFAULT_BASE_URL, *, start: datetime = DEFAULT_START
) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    records = ground_truth(base_url, start=start)
    target.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def demo_opml(base_url: str = DEFAULT_BASE_URL) -> str:
    """OPML 2.0 naming every demo outlet's feed, for `strichka sources import-opml`."""
    outlines = "".join(
        f"    <outline type=\"rss\" text={quoteattr(outlet.name)} title={quoteattr(outlet.name)} "
        f'language="{outlet.lang}" xmlUrl="{base_url}/{outlet.slug}/{outlet.feed_path}" '
        f'htmlUrl="{base_url}/{outlet.slug}/"/>\n'
        for outlet in OUTLETS
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n'
        "  <head><title>strichka demo web</title></head>\n  <body>\n"
        + outlines
        + "  </body>\n</opml>\n"
    )
