"""Tell a feed from what servers send instead: nothing, an HTML page, a bot challenge, noise.

Each refusal names the likely cause, because the person reading it is adding a source and
needs to know what to do next.
"""

from __future__ import annotations

import re
from typing import Literal

from strichka.errors import FeedError
from strichka.feeds.xml_document import FEED_START

HTML_PAGE_REASON = (
    "got an HTML page, not a feed — is this the site's home page? try its <link rel=alternate> feed"
)
CHALLENGE_REASON = (
    "got a bot-challenge page ({vendor}) instead of the feed — the site blocks automated readers; "
    "ask for an allow-list or use another feed URL"
)
EMPTY_REASON = "empty body: the server answered with no content"
GARBAGE_REASON = "not a feed: the body is neither XML nor JSON (it starts with {start!r})"

_PROLOGUE = re.compile(r"\A(?:\s+|<\?[^>]*\?>|<!--.*?-->)*", re.S)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_CHALLENGES: tuple[tuple[str, str], ...] = (
    ("cf-browser-verification", "Cloudflare"),
    ("challenge-platform", "Cloudflare"),
    ("cf_chl_", "Cloudflare"),
    ("attention required! | cloudflare", "Cloudflare"),
    ("<title>just a moment...</title>", "Cloudflare"),
    ("ddos-guard", "DDoS-Guard"),
    ("checking your browser", "anti-bot check"),
    ("_incapsula_resource", "Imperva"),
    ("sucuri website firewall", "Sucuri"),
    ("/_guard/", "anti-bot check"),
    ("captcha", "CAPTCHA"),
)


def sniff_kind(text: str, *, url: str) -> Literal["xml", "json"]:
    """Return how to parse text, or raise FeedError saying what it is instead."""
    start = text[:4096].lstrip("\ufeff \t\r\n\x00")
    if not start and not text[4096:].strip():
        raise FeedError(url, EMPTY_REASON)
    if not start:
        raise FeedError(url, GARBAGE_REASON.format(start=text.strip()[:40]))
    if start[0] in "{[":
        return "json"
    head = start[_PROLOGUE.match(start).end() :][:200]  # type: ignore[union-attr]
    if _HTML_START.match(head):
        raise FeedError(url, _html_reason(start))
    # A feed after some junk (PHP warnings before the prolog) is still a feed; repair cuts the junk.
    if start[0] == "<" or FEED_START.search(text, 0, 8192):
        return "xml"
    raise FeedError(url, GARBAGE_REASON.format(start=start[:40]))


def _html_reason(page: str) -> str:
    sample = page[:32_768].lower()
    for marker, vendor in _CHALLENGES:
        if marker in sample:
            return CHALLENGE_REASON.format(vendor=vendor)
    return HTML_PAGE_REASON
