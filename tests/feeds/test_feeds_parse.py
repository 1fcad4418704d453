"""parse_feed on small feeds written for the case each test names."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime

import pytest

from strichka.errors import FeedError
from strichka.feeds import parse as parse_module
from strichka.feeds import parse_feed
from strichka.models import ParsedFeed

URL = "https://example.ua/rss/news.xml"

UKRAINIAN_RSS = """<rss version="2.0"><channel>
<title>Новини України</title><link>https://example.ua/</link><language>uk</language><ttl>15</ttl>
<item>
  <title>Київ: у столиці відкрили новий міст через Дніпро</title>
  <link>https://example.ua/news/1</link>
  <guid isPermaLink="false">ua-0001</guid>
  <description><![CDATA[<p>Мер <b>Києва</b> повідомив, що рух їжаків і людей відновлено.</p>]]></description>
  <pubDate>Mon, 28 Sep 2020 16:30:00 +0300</pubDate>
  <category>Київ</category><category>Транспорт</category>
  <enclosure url="/img/bridge.jpg" type="image/jpeg" length="1"/>
</item>
<item>
  <title>Львів готується до зими</title>
  <link>https://example.ua/news/2</link>
  <pubDate>Mon, 28 Sep 2020 12:00:00 GMT</pubDate>
</item>
</channel></rss>"""


def _declared(encoding: str, body: str) -> str:
    return f'<?xml version="1.0" encoding="{encoding}"?>\n{body}'


def _assert_ukrainian(feed: ParsedFeed) -> None:
    assert feed.title == "Новини України"
    assert [e.title for e in feed.entries] == [
        "Київ: у столиці відкрили новий міст через Дніпро",
        "Львів готується до зими",
    ]
    assert feed.entries[0].summary == "Мер Києва повідомив, що рух їжаків і людей відновлено."


def test_rss2_with_cp1251_declaration_reads_ukrainian_text() -> None:
    feed = parse_feed(_declared("windows-1251", UKRAINIAN_RSS).encode("cp1251"), url=URL)
    _assert_ukrainian(feed)
    first = feed.entries[0]
    assert feed.format == "rss" and feed.language == "uk" and feed.ttl_minutes == 15
    assert feed.site_url == "https://example.ua/"
    assert first.url == "https://example.ua/news/1"
    assert first.guid == "ua-0001"
    assert first.categories == ("Київ", "Транспорт")
    assert first.image_url == "https://example.ua/img/bridge.jpg"  # relative enclosure resolved
    assert first.published_at == datetime(2020, 9, 28, 13, 30, tzinfo=UTC)
    assert "<b>Києва</b>" in first.content_html


def test_cp1251_without_any_declaration_is_detected() -> None:
    _assert_ukrainian(parse_feed(UKRAINIAN_RSS.encode("cp1251"), url=URL))


def test_cp1251_under_a_prolog_that_says_utf8_is_detected() -> None:
    _assert_ukrainian(parse_feed(_declared("utf-8", UKRAINIAN_RSS).encode("cp1251"), url=URL))


def test_http_charset_is_used_when_the_document_says_nothing() -> None:
    _assert_ukrainian(parse_feed(UKRAINIAN_RSS.encode("cp1251"), url=URL, http_charset="windows-1251"))


def test_http_charset_that_lies_falls_back_to_detection() -> None:
    _assert_ukrainian(parse_feed(UKRAINIAN_RSS.encode("cp1251"), url=URL, http_charset="utf-8"))


def test_koi8r_without_declaration_is_not_read_as_cp1251() -> None:
    body = """<rss version="2.0"><channel><title>Новости дня</title>
    <item><title>Москва: в столице открыли новый мост</title><link>https://example.ru/1</link></item>
    <item><title>Погода на завтра: дожди и похолодание</title><link>https://example.ru/2</link></item>
    </channel></rss>"""
    feed = parse_feed(body.encode("koi8_r"), url=URL)
    assert feed.title == "Новости дня"
    assert feed.entries[1].title == "Погода на завтра: дожди и похолодание"


@pytest.mark.parametrize("bom_codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(bom_codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if bom_codec.endswith("le") else codecs.BOM_UTF16_BE
    body = bom + _declared("utf-16", UKRAINIAN_RSS).encode(bom_codec)
    _assert_ukrainian(parse_feed(body, url=URL))


def test_atom_links_resolve_against_xml_base_and_text_constructs_are_read_by_type() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://blog.example.com/">
  <title type="html">Tom &amp;amp; Jerry&lt;br/&gt;blog</title>
  <link rel="self" href="/atom.xml"/><link rel="alternate" href="/"/>
  <entry xml:base="posts/">
    <title type="text">a &lt; b &amp; c</title>
    <link rel="alternate" type="text/html" href="first.html"/>
    <link rel="enclosure" type="image/png" href="pic.png"/>
    <id>tag:blog.example.com,2024:1</id>
    <published>2024-03-01T10:00:00+02:00</published><updated>2024-03-02T00:00:00Z</updated>
    <author><name>Olena</name></author>
    <category term="science" label="Science"/>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Short <em>lead</em>.</div></summary>
    <content type="html">&lt;p&gt;Body with &lt;img src="/i/1.jpg"&gt;&lt;/p&gt;</content>
  </entry>
</feed>"""
    feed = parse_feed(atom, url="https://blog.example.com/atom.xml")
    assert feed.format == "atom" and feed.language == "en"
    assert feed.title == "Tom & Jerry blog"
    assert feed.site_url == "https://blog.example.com/"
    (entry,) = feed.entries
    assert entry.title == "a < b & c"
    assert entry.url == "https://blog.example.com/posts/first.html"
    assert entry.image_url == "https://blog.example.com/posts/pic.png"
    assert entry.identity == "guid:tag:blog.example.com,2024:1"
    assert entry.published_at == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert entry.updated_at == datetime(2024, 3, 2, 0, 0, tzinfo=UTC)
    assert entry.author == "Olena" and entry.categories == ("science",)
    assert entry.summary == "Short lead."
    assert entry.content_html == '<p>Body with <img src="/i/1.jpg"></p>'


def test_rss1_rdf_with_dublin_core() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/"><title>RDF news</title><link>https://news.example.org/</link>
    <items><rdf:Seq><rdf:li resource="https://news.example.org/a"/></rdf:Seq></items></channel>
  <item rdf:about="https://news.example.org/a">
    <title>First</title><link>https://news.example.org/a</link>
    <dc:date>2021-08-22T13:45:00+03:00</dc:date><dc:subject>World</dc:subject><dc:creator>Ivan</dc:creator>
    <description>Plain &amp;lt;text&amp;gt;</description>
  </item>
  <item rdf:about="https://news.example.org/b"><title>Second</title></item>
</rdf:RDF>"""
    feed = parse_feed(rdf, url="https://news.example.org/rss")
    assert feed.format == "rdf" and feed.title == "RDF news"
    first, second = feed.entries
    assert first.published_at == datetime(2021, 8, 22, 10, 45, tzinfo=UTC)
    assert first.categories == ("World",) and first.author == "Ivan"
    assert first.summary == "Plain <text>"
    assert second.url == "https://news.example.org/b"  # rdf:about stands in for the missing link
    assert second.identity == "guid:https://news.example.org/b"


def test_json_feed() -> None:
    body = """{"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
      "home_page_url": "https://j.example/", "feed_url": "https://j.example/feed.json", "language": "uk",
      "items": [
        {"id": "1", "url": "/posts/1", "title": "Перший", "content_html": "<p>Текст <img src='a.png'></p>",
         "date_published": "2024-05-01T12:00:00+03:00", "tags": ["війна", "економіка"],
         "authors": [{"name": "Марія"}]},
        {"id": "2", "url": "https://j.example/posts/2", "content_text": "Без заголовка",
         "image": "https://j.example/2.jpg", "summary": "Коротко"}
      ]}""".encode()
    feed = parse_feed(body, url="https://j.example/feed.json")
    assert feed.format == "json" and feed.title == "JSON news" and feed.language == "uk"
    first, second = feed.entries
    assert first.url == "https://j.example/posts/1" and first.title == "Перший"
    assert first.image_url == "https://j.example/a.png"
    assert first.categories == ("війна", "економіка") and first.author == "Марія"
    assert first.published_at == datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert first.summary == "Текст"
    assert second.title == "" and second.summary == "Коротко" and second.image_url == "https://j.example/2.jpg"
    assert first.identity == "guid:1"


def _items(n: int, title: str = "Item {i}") -> str:
    return "".join(
        f"<item><title>{title.format(i=i)}</title><link>https://example.ua/{i}</link>"
        f"<guid>https://example.ua/{i}</guid></item>"
        for i in range(n)
    )


def test_bare_ampersand_and_html_in_title_keep_every_item() -> None:
    body = f"""<rss version="2.0"><channel><title>T</title>
    <item><title>Футбол & спорт <br> "Арсенал" – "Челси"</title><link>https://example.ua/x?a=1&b=2</link></item>
    {_items(11)}</channel></rss>"""
    feed = parse_feed(body.encode(), url=URL)
    assert len(feed.entries) == 12
    assert feed.entries[0].title == 'Футбол & спорт "Арсенал" – "Челси"'
    assert feed.entries[0].url == "https://example.ua/x?a=1&b=2"
    assert feed.entries[11].title == "Item 10"


def test_html_entities_unknown_to_xml_are_decoded() -> None:
    body = f"""<rss version="2.0"><channel><title>T&nbsp;T</title>
    <item><title>Футбол&nbsp;&mdash; матч&hellip;</title><link>https://example.ua/1</link></item>
    {_items(3)}</channel></rss>"""
    feed = parse_feed(body.encode(), url=URL)
    assert len(feed.entries) == 4
    assert feed.entries[0].title == "Футбол — матч…"  # nbsp is whitespace in a plain-text title


def test_truncated_feed_keeps_complete_entries_and_no_half_written_guid() -> None:
    whole = f'<rss version="2.0"><channel><title>T</title>{_items(5)}</channel></rss>'
    cut = whole.index("<guid>https://example.ua/4</guid>") + len("<guid>https://example.ua/")
    feed = parse_feed(whole[:cut].encode(), url=URL)
    assert [e.title for e in feed.entries[:4]] == ["Item 0", "Item 1", "Item 2", "Item 3"]
    assert all(e.guid != "https://example.ua/" for e in feed.entries)
    if len(feed.entries) == 5:  # the partial item may stay, but only with the fields that closed
        assert feed.entries[4].url == "https://example.ua/4"
        assert feed.entries[4].identity == "url:https://example.ua/4"


def test_images_rank_enclosure_media_thumbnail_then_content_img() -> None:
    body = b"""<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
      xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
    <item><title>a</title><link>https://e.ua/a</link><media:thumbnail url="https://e.ua/t.jpg"/>
      <media:content url="https://e.ua/m.jpg" medium="image"/><enclosure url="https://e.ua/e.jpg" type="image/jpeg"/></item>
    <item><title>b</title><link>https://e.ua/b</link><media:group><media:content url="https://e.ua/v.mp4" type="video/mp4"/>
      <media:thumbnail url="https://e.ua/gt.jpg"/></media:group></item>
    <item><title>c</title><link>https://e.ua/c</link>
      <content:encoded><![CDATA[<p>x</p><img alt="" src="/pics/c.webp"><img src="https://e.ua/2.jpg">]]></content:encoded></item>
    <item><title>d</title><link>https://e.ua/d</link><enclosure url="https://e.ua/d.mp3" type="audio/mpeg"/></item>
    </channel></rss>"""
    feed = parse_feed(body, url="https://e.ua/feed")
    assert [e.image_url for e in feed.entries] == [
        "https://e.ua/e.jpg",
        "https://e.ua/gt.jpg",
        "https://e.ua/pics/c.webp",
        None,
    ]
    assert feed.entries[2].content_html.startswith("<p>x</p>")


def test_identity_prefers_guid_then_url_then_content_hash() -> None:
    body = b"""<rss version="2.0"><channel><title>T</title>
    <item><title>a</title><guid isPermaLink="false">  </guid><link>https://e.ua/a</link></item>
    <item><title>b</title><description>only text</description></item>
    <item><title>c</title><guid>abc</guid><link>https://e.ua/c</link></item>
    </channel></rss>"""
    a, b, c = parse_feed(body, url=URL).entries
    assert a.identity == "url:https://e.ua/a"
    assert b.identity.startswith("sha256:") and b.url is None
    assert c.identity == "guid:abc" and c.url == "https://e.ua/c"


def test_xxe_in_a_feed_is_never_expanded(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    body = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>T</title>
<item><title>leak &xxe;</title><link>https://e.ua/1</link></item></channel></rss>"""
    feed = parse_feed(body.encode(), url=URL)
    assert len(feed.entries) == 1
    assert "TOP-SECRET-VALUE" not in repr(feed)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"  \r\n\t ", "empty body"),
        (b"<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>", "HTML page"),
        (b"\n<html lang=uk><body><p>Hi</p></body></html>", "HTML page"),
        (
            b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
            b"<body><script src='/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1'></script></body></html>",
            "bot-challenge page (Cloudflare)",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "neither XML nor JSON"),
        (b"Service temporarily unavailable", "neither XML nor JSON"),
        (b"<note><to>Tove</to></note>", "root element is <note>"),
        (b'{"hello": "world"}', "JSON without an \"items\" list"),
    ],
)
def test_non_feeds_raise_feed_error_with_a_specific_reason(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(body, url=URL)
    assert reason in caught.value.reason
    assert caught.value.url == URL


def test_html_page_reason_points_at_the_alternate_link() -> None:
    with pytest.raises(FeedError, match="try its <link rel=alternate> feed"):
        parse_feed(b"<!doctype html><html><body></body></html>", url=URL)


def test_feedparser_fallback_recovers_entries_the_fast_path_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    body = f'<rss version="2.0"><channel><title>T</title>{_items(4)}</channel></rss>'.encode()
    real_reader = parse_module.read_xml_feed

    def losing_reader(*args: object, **kwargs: object) -> ParsedFeed:
        feed = real_reader(*args, **kwargs)  # type: ignore[arg-type]
        return ParsedFeed(title=feed.title, site_url=feed.site_url, entries=feed.entries[:2])

    monkeypatch.setattr(parse_module, "read_xml_feed", losing_reader)
    feed = parse_feed(body, url=URL)
    assert [e.title for e in feed.entries] == ["Item 0", "Item 1", "Item 2", "Item 3"]
    assert feed.entries[3].identity == "guid:https://example.ua/3"


def test_php_warnings_before_the_prolog_do_not_hide_the_feed() -> None:
    body = (
        "<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/rss.php</b> on line <b>3</b><br />\n"
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{_items(3)}</channel></rss>'
    )
    feed = parse_feed(body.encode(), url=URL)
    assert feed.title == "T" and [e.title for e in feed.entries] == ["Item 0", "Item 1", "Item 2"]


def test_text_junk_before_the_feed_is_skipped() -> None:
    body = f'Notice: session started\n<rss version="2.0"><channel><title>T</title>{_items(2)}</channel></rss>'
    assert len(parse_feed(body.encode(), url=URL).entries) == 2


def test_formats_the_fast_path_does_not_know_go_to_feedparser() -> None:
    cdf = b"""<CHANNEL HREF="https://cdf.example/"><TITLE>Old CDF</TITLE>
    <ITEM HREF="https://cdf.example/1"><TITLE>First</TITLE><ABSTRACT>Lead</ABSTRACT></ITEM></CHANNEL>"""
    feed = parse_feed(cdf, url="https://cdf.example/feed.cdf")
    (entry,) = feed.entries
    assert entry.title == "First" and entry.url == "https://cdf.example/1"
    assert entry.identity == "url:https://cdf.example/1"


def test_malformed_links_lose_only_the_link() -> None:
    body = b"""<rss version="2.0"><channel><title>T</title><link>http://[broken</link>
    <item><title>a</title><link>http://[oops/</link><enclosure url="http://[x/y.jpg" type="image/jpeg"/>
    <guid>a-1</guid></item></channel></rss>"""
    feed = parse_feed(body, url=URL)
    (entry,) = feed.entries
    assert entry.title == "a" and entry.url is None and entry.image_url is None and entry.identity == "guid:a-1"
    assert feed.site_url is None


def test_any_truncation_or_corruption_gives_a_feed_or_a_feed_error() -> None:
    whole = _declared("utf-8", UKRAINIAN_RSS).encode()
    variants = [whole[:cut] for cut in range(0, len(whole), 37)]
    variants += [whole[:i] + b"\xff<&]]>" + whole[i:] for i in range(0, len(whole), 53)]
    for body in variants:
        try:
            feed = parse_feed(body, url=URL)
        except FeedError as error:
            assert error.url == URL and error.reason
        else:
            assert len(feed.entries) <= 2


def test_inline_xhtml_keeps_escaped_text_as_text() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">History of the &lt;blink&gt; <b>tag</b></div></title>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>1 &lt; 2 &amp; <i>so</i></p></div></content>
    </entry></feed>"""
    (entry,) = parse_feed(atom, url=URL).entries
    assert entry.title == "History of the <blink> tag"
    assert entry.content_html == "<p>1 &lt; 2 &amp; <i>so</i></p>"
    assert entry.summary == "1 < 2 & so"
