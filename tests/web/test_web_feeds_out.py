"""RSS 2.0 and Atom out: well-formed, escaped, one per page kind."""

from __future__ import annotations

from lxml import etree
from web_site import HOSTILE_TITLE

ATOM = "{http://www.w3.org/2005/Atom}"


def test_home_rss_is_wellformed_and_escaped(client, site):
    page = client.get("/feed.rss")
    assert page.headers["content-type"].startswith("application/rss+xml")
    root = etree.fromstring(page.content)
    titles = [t.text for t in root.iter("title")]
    assert HOSTILE_TITLE in titles  # round-trips as text, not markup
    assert b"<script>" not in page.content
    links = [x.text for x in root.iter("link")]
    assert f"http://strichka.test/article/{site.article_ids['rockets_uk']}" in links


def test_atom_feeds_for_each_kind(client, site):
    urls = [
        "/feed.atom",
        f"/source/{site.source_ids['en']}/feed.atom",
        "/category/economy/feed.atom",
        f"/story/{site.story_ids['grain']}/feed.atom",
        "/search/feed.atom?q=зерно",
    ]
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, url
        root = etree.fromstring(page.content)
        assert root.tag == f"{ATOM}feed"
        assert root.findall(f"{ATOM}entry"), url
    story = etree.fromstring(client.get(f"/story/{site.story_ids['grain']}/feed.atom").content)
    assert len(story.findall(f"{ATOM}entry")) == 3
    source = etree.fromstring(client.get(f"/source/{site.source_ids['en']}/feed.rss").content)
    assert {s.text for s in source.iter("source")} == {"Kyiv Ledger"}


def test_feed_errors(client):
    assert client.get("/feed.json").status_code == 404
    assert client.get("/source/4242/feed.rss").status_code == 404
    assert client.get("/search/feed.rss").status_code == 400
