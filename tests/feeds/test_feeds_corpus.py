"""Real feeds from ../shared: strichka finds every entry feedparser finds, and reads Cyrillic right.

Skips cleanly when ../shared (the developers' shared corpora) is absent, as in a fresh clone.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from strichka.errors import FeedError
from strichka.feeds import parse_feed

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FEEDS = SHARED / "corpora" / "feeds"
FOLDERS = ("miniflux", "fastfeedparser", "simplepie", "ua_ru_samples")
# Feed files only: fastfeedparser's golden outputs (*.json beside each *.xml) and Miniflux's
# scraper pages are not feeds.
_NOT_FEEDS = re.compile(r"(?:^|/)scraper/|(?<!json_feed_sample)\.json$|\.html(?:-result)?$|LICENSE|\.txt$|\.md$")
CYRILLIC_FEEDS = (
    "ua_ru_samples/",
    "miniflux/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml",
    "miniflux/internal/reader/encoding/testdata/koi8r.xml",
    "miniflux/internal/reader/xml/testdata/koi8r.xml",
)
MOJIBAKE = ("Ð", "Ñ", "Ã", "â€", "\ufffd", "Ћ", "≤", "√")
FEED_URL = "https://example.org/feed.xml"


def _feed_files() -> list[str]:
    if not FEEDS.is_dir():
        return []
    found = []
    for folder in FOLDERS:
        for path in sorted((FEEDS / folder).rglob("*")):
            name = path.relative_to(FEEDS).as_posix()
            if path.is_file() and not _NOT_FEEDS.search(name):
                found.append(name)
    return found


FILES = _feed_files()
needs_shared = pytest.mark.skipif(not FILES, reason=f"no shared feed corpora at {FEEDS}")


@needs_shared
@pytest.mark.corpus
@pytest.mark.parametrize("name", FILES)
def test_finds_at_least_the_entries_feedparser_finds(name: str) -> None:
    body = (FEEDS / name).read_bytes()
    expected = len(feedparser.parse(body).entries)
    try:
        found = len(parse_feed(body, url=FEED_URL).entries)
    except FeedError as error:
        assert expected == 0, f"strichka refused a feed feedparser reads: {error}"
        return
    assert found >= expected


@needs_shared
@pytest.mark.corpus
@pytest.mark.parametrize("name", [f for f in FILES if f.startswith(CYRILLIC_FEEDS)])
def test_cyrillic_feeds_have_no_mojibake(name: str) -> None:
    feed = parse_feed((FEEDS / name).read_bytes(), url=FEED_URL)
    titles = [feed.title, *(entry.title for entry in feed.entries)]
    assert any(re.search("[А-Яа-яІіЇїЄєҐґ]", title) for title in titles)
    for text in [*titles, *(entry.summary for entry in feed.entries)]:
        assert not any(marker in text for marker in MOJIBAKE), text


_HEADER_CHARSET = re.compile(rb"Header:\s*Content-type:[^\n]*?charset\s*=\s*[\"']?([\w.:-]+)", re.I)
ENCODING_DIR = FEEDS / "feedparser" / "tests" / "encoding"
# Only the cases with text to compare; the others test feedparser's own `encoding` field.
ENCODING_CASES = sorted(p.name for p in ENCODING_DIR.glob("*.xml") if b"<title" in p.read_bytes())


@pytest.mark.skipif(not ENCODING_CASES, reason=f"no feedparser encoding cases under {ENCODING_DIR}")
@pytest.mark.corpus
@pytest.mark.parametrize("name", ENCODING_CASES)
def test_encoding_cases_read_like_feedparser(name: str) -> None:
    """feedparser's encoding cases carry their Content-Type header in a comment; honour it as it does."""
    body = (ENCODING_DIR / name).read_bytes()
    match = _HEADER_CHARSET.search(body[:600])
    charset = match.group(1).decode() if match else None
    expected = feedparser.parse(body, response_headers={"content-type": f"text/xml; charset={charset}"} if charset else {})
    if expected.bozo:
        pytest.skip("feedparser itself flags this document as broken: nothing to compare against")
    feed = parse_feed(body, url=FEED_URL, http_charset=charset)
    assert feed.title == " ".join(expected.feed.get("title", "").split())
    assert [e.title for e in feed.entries] == [" ".join(e.get("title", "").split()) for e in expected.entries]
