"""The demo server serves every outlet's feed and pages the way the real web does."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import feedparser
import httpx
import pytest

from strichka.demo import DemoServer, start_demo_web


def test_starts_on_a_free_loopback_port_and_stops() -> None:
    with start_demo_web() as web:
        assert web.base_url.startswith("http://127.0.0.1:")
        assert not web.base_url.endswith(":0")
        assert httpx.get(web.base_url + "/").status_code == 200
    with pytest.raises(httpx.TransportError):
        httpx.get(web.base_url + "/", timeout=2)


def test_has_a_dozen_outlets_in_three_languages_and_every_feed_format(late_web: DemoServer) -> None:
    outlets = late_web.outlets
    assert len(outlets) >= 12
    assert {o.lang for o in outlets} == {"uk", "ru", "en"}
    formats = [o.feed_format for o in outlets]
    assert formats.count("atom") >= 1 and formats.count("json") >= 1 and formats.count("rss") >= 8
    assert [o.encoding for o in outlets].count("windows-1251") == 1
    assert sum(o.discover_via_home for o in outlets) == 1


def test_every_feed_parses_and_lists_its_articles(late_web: DemoServer, http: httpx.Client) -> None:
    truth_by_outlet: dict[str, set[str]] = {}
    for record in late_web.ground_truth():
        truth_by_outlet.setdefault(record["outlet"], set()).add(record["url"])
    for outlet in late_web.outlets:
        response = http.get(outlet.feed_url)
        assert response.status_code == 200, outlet.feed_url
        if outlet.feed_format == "json":
            assert response.headers["content-type"].startswith("application/feed+json")
            document = json.loads(response.content)
            assert document["version"] == "https://jsonfeed.org/version/1.1"
            links = [item["url"] for item in document["items"]]
        else:
            parsed = feedparser.parse(response.content, response_headers=dict(response.headers))
            assert not parsed.bozo, (outlet.feed_url, parsed.get("bozo_exception"))
            assert parsed.version.startswith("atom" if outlet.feed_format == "atom" else "rss20")
            assert parsed.feed.title == outlet.name
            links = [entry.link for entry in parsed.entries]
        assert sorted(links) == sorted(truth_by_outlet[outlet.name]), outlet.name


def test_windows_1251_outlet_really_is_cp1251_bytes(late_web: DemoServer, http: httpx.Client) -> None:
    outlet = next(o for o in late_web.outlets if o.encoding == "windows-1251")
    feed = http.get(outlet.feed_url)
    assert feed.headers["content-type"].endswith("charset=windows-1251")
    assert feed.content.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    with pytest.raises(UnicodeDecodeError):
        feed.content.decode("utf-8")
    assert outlet.name.encode("cp1251") in feed.content
    record = next(r for r in late_web.ground_truth() if r["outlet"] == outlet.name)
    page = http.get(record["url"])
    assert page.headers["content-type"] == "text/html; charset=windows-1251"
    assert b'<meta charset="windows-1251">' in page.content
    first_paragraph = record["text"].split("\n\n")[0]
    assert first_paragraph.encode("cp1251") in page.content


def test_discovery_outlet_names_its_feed_only_in_link_alternate(late_web: DemoServer, http: httpx.Client) -> None:
    outlet = next(o for o in late_web.outlets if o.discover_via_home)
    home = http.get(outlet.home_url).text
    assert f'<link rel="alternate" type="application/rss+xml" title="{outlet.name}" href="{outlet.feed_url}">' in home
    assert home.count(outlet.feed_url) == 1  # no visible RSS link to follow
    assert not outlet.feed_url.endswith(("/feed.xml", "/rss.xml", "/feed"))
    other = next(o for o in late_web.outlets if not o.discover_via_home)
    assert http.get(other.home_url).text.count(other.feed_url) == 2


def test_article_pages_carry_boilerplate_around_the_body(late_web: DemoServer, http: httpx.Client) -> None:
    record = next(r for r in late_web.ground_truth() if r["outlet"] == "Київська хвиля")
    page = http.get(record["url"]).text
    for marker in ('class="cookie-banner"', 'class="main-menu"', 'class="ad ad-top"', "Читайте також",
                   'class="share-buttons"', 'class="subscribe-box"', 'id="comments"', "<footer"):
        assert marker in page, marker
    assert 'property="article:published_time"' in page  # this outlet dates its pages in meta tags only
    visible_dated = next(r for r in late_web.ground_truth() if r["outlet"] == "Вісті Подолу")
    page = http.get(visible_dated["url"]).text
    assert "article:published_time" not in page and '<div class="byline"><time>' in page


def test_feeds_answer_conditional_requests(late_web: DemoServer, http: httpx.Client) -> None:
    feed_url = late_web.outlets[0].feed_url
    first = http.get(feed_url)
    again = http.get(feed_url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert http.get(feed_url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_unknown_paths_are_404_and_a_bare_outlet_path_redirects(late_web: DemoServer, http: httpx.Client) -> None:
    outlet = late_web.outlets[0]
    assert http.get(late_web.base_url + "/no-such-outlet/feed.xml").status_code == 404
    assert http.get(outlet.home_url + "news/never-written.html").status_code == 404
    assert http.get(outlet.home_url + "img/nothing-1200.jpg").status_code == 404
    moved = http.get(outlet.home_url.rstrip("/"))
    assert moved.status_code == 301 and moved.headers["location"] == outlet.home_url
    assert http.head(outlet.feed_url).status_code == 200


def test_opml_lists_every_outlet_feed(late_web: DemoServer, http: httpx.Client) -> None:
    root = ET.fromstring(http.get(late_web.base_url + "/opml.xml").content)
    feeds = {o.get("xmlUrl") for o in root.iter("outline")}
    assert feeds == {o.feed_url for o in late_web.outlets}
    assert ET.fromstring(late_web.opml()) is not None
