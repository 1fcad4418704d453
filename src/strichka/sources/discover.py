"""Find a site's feeds in its HTML: <link rel="alternate" type="application/rss+xml" href=...>."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from strichka.feeds.links import absolute_url

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Not plain application/json: WordPress marks its REST API links rel=alternate with it on every page.
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json"})


def discover_feed_urls(html: str, *, base_url: str) -> list[str]:
    """Absolute feed URLs the page announces, in page order, without repeats.

    Relative hrefs resolve against the page's <base href> when it has one, else base_url.
    """
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that names an encoding
    if not html.strip():
        return []
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    base = base_url
    for element in document.iter("base"):
        if element.get("href"):
            base = absolute_url(element.get("href", ""), base_url) or base_url
            break
    found: list[str] = []
    for link in document.iter("link"):
        rel = {token.lower() for token in (link.get("rel") or "").split()}
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        url = absolute_url(href, base)
        if url is not None and url.startswith(("http://", "https://")) and url not in found:
            found.append(url)
    return found
