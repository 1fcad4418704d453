"""Subscribe to an outlet from a URL: a feed, or a page whose <link rel="alternate"> names one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from strichka.errors import FeedError
from strichka.feeds import parse_feed
from strichka.fetch import Fetcher
from strichka.fetch.charset import decode_document
from strichka.sources.catalogue import add_feed
from strichka.sources.discover import discover_feed_urls


@dataclass(frozen=True)
class Subscription:
    source_id: int
    feed_id: int
    feed_url: str
    name: str
    entries: int


async def subscribe(
    url: str, *, engine: Engine, fetcher: Fetcher, max_bytes: int, name: str | None = None, lang: str | None = None
) -> Subscription:
    result = await fetcher.fetch(url, max_bytes=max_bytes, kind="feed")
    try:
        parsed = parse_feed(result.body, url=result.url, http_charset=result.charset)
        feed_url = result.url
    except FeedError:
        html, _ = decode_document(result.body, http_charset=result.charset, kind="html")
        candidates = discover_feed_urls(html, base_url=result.url)
        if not candidates:
            raise FeedError(url, "neither a feed nor a page that links one (no <link rel=\"alternate\">)") from None
        feed_url = candidates[0]
        feed_result = await fetcher.fetch(feed_url, max_bytes=max_bytes, kind="feed")
        parsed = parse_feed(feed_result.body, url=feed_result.url, http_charset=feed_result.charset)
    outlet = (name or parsed.title or feed_url).strip()
    with engine.begin() as conn:
        source_id, feed_id = add_feed(
            conn, feed_url=feed_url, name=outlet, lang=lang or _short_lang(parsed.language),
            site_url=parsed.site_url,
        )
    return Subscription(source_id, feed_id, feed_url, outlet, len(parsed.entries))


def _short_lang(value: str | None) -> str | None:
    return value.split("-")[0].split("_")[0].lower()[:8] if value else None
