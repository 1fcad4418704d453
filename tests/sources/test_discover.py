"""Feed discovery from a page's <link rel="alternate"> elements."""

from __future__ import annotations

from strichka.sources.discover import discover_feed_urls

PAGE = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Новини" href="/rss/news.xml">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="Alternate" type="application/atom+xml" href="https://cdn.example.ua/atom.xml">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
<link rel="alternate" type="application/rss+xml" href="/rss/news.xml">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml">
</head><body><a href="/rss/other.xml" type="application/rss+xml">RSS</a></body></html>"""


def test_finds_feed_links_in_page_order_absolute_and_without_repeats() -> None:
    assert discover_feed_urls(PAGE, base_url="https://example.ua/section/page.html") == [
        "https://example.ua/rss/news.xml",
        "https://cdn.example.ua/atom.xml",
        "https://example.ua/section/feed.json",
    ]


def test_base_href_changes_how_relative_links_resolve() -> None:
    page = '<html><head><base href="https://static.example.ua/v2/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>'
    assert discover_feed_urls(page, base_url="https://example.ua/") == ["https://static.example.ua/v2/rss.xml"]


def test_pages_without_feeds_or_without_content_give_nothing() -> None:
    assert discover_feed_urls("<html><head><title>x</title></head></html>", base_url="https://e.ua/") == []
    assert discover_feed_urls("", base_url="https://e.ua/") == []
    assert discover_feed_urls("   ", base_url="https://e.ua/") == []


def test_xhtml_pages_with_an_xml_declaration_are_read() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        '<link rel="alternate" type="application/atom+xml" href="/atom"/></head></html>'
    )
    assert discover_feed_urls(page, base_url="https://e.ua/x/") == ["https://e.ua/atom"]
