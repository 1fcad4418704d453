"""The shortcuts that make parse_feed fast give the answers the long way gives."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from strichka.errors import FeedError
from strichka.feeds import parse as parse_module
from strichka.feeds import parse_feed
from strichka.feeds.dates import parse_date
from strichka.feeds.xml_document import parse_with_references_fixed
from strichka.fetch.charset import declares_utf8, decode_document
from strichka.models import ParsedEntry

URL = "https://example.org/feed.xml"

RSS = """<rss version="2.0"><channel><title>Demo</title>
<item><title>One &amp; two</title><link>https://example.org/1</link><guid>g-1</guid>
<description><![CDATA[<p>First <b>item</b> with an <item> tag written inside CDATA.</p>]]></description>
<pubDate>Mon, 28 Sep 2020 16:30:00 +0300</pubDate><category>a</category></item>
<item><title>Three</title><link>https://example.org/3</link></item>
</channel></rss>"""


def _no_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, *, url: str) -> None:
        raise AssertionError("feedparser should not have been asked")

    monkeypatch.setattr(parse_module, "parse_with_feedparser", refuse)


def test_fast_path_entries_equal_entries_built_by_the_constructor() -> None:
    for entry in parse_feed(RSS.encode(), url=URL).entries:
        rebuilt = ParsedEntry(**asdict(entry))
        assert entry == rebuilt and hash(entry) == hash(rebuilt)
        with pytest.raises(AttributeError):
            entry.title = "changed"  # type: ignore[misc]  # still frozen


def test_item_tags_inside_cdata_do_not_send_a_well_formed_feed_to_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_feedparser(monkeypatch)
    feed = parse_feed(RSS.encode(), url=URL)
    assert [e.title for e in feed.entries] == ["One & two", "Three"]


def test_entries_the_fast_path_does_not_read_still_reach_feedparser() -> None:
    # feedparser lowercases element names, so <Item> is an entry to it: the tree count sees it.
    body = b"<rss version='2.0'><channel><title>T</title><Item><title>Shouting</title></Item></channel></rss>"
    assert [e.title for e in parse_feed(body, url=URL).entries] == ["Shouting"]


def test_plain_xml_that_is_no_feed_is_refused_without_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_feedparser(monkeypatch)
    with pytest.raises(FeedError, match="root element is <note>"):
        parse_feed(b"<?xml version='1.0'?><note><title>Hi</title><to>Ana</to></note>", url=URL)


def test_a_channel_root_still_goes_to_feedparser() -> None:
    body = b"<channel><title>Bare</title><item><title>Kept</title></item></channel>"
    assert [e.title for e in parse_feed(body, url=URL).entries] == ["Kept"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mon, 28 Sep 2020 16:30:00 +0300", datetime(2020, 9, 28, 13, 30, tzinfo=UTC)),
        ("Mon, 28 Sep 2020 16:30:00 -0530", datetime(2020, 9, 28, 22, 0, tzinfo=UTC)),
        ("Mon, 28 Sep 2020 16:30 EEST", datetime(2020, 9, 28, 13, 30, tzinfo=UTC)),
        ("28 Sep 2020 16:30:00 +0300", datetime(2020, 9, 28, 13, 30, tzinfo=UTC)),  # no weekday
        ("Thu, 31 Dec 2020 23:30:00 -0100", datetime(2021, 1, 1, 0, 30, tzinfo=UTC)),
        ("Fri, 02 Jan 1970 03:00:00 +0300", datetime(1970, 1, 2, tzinfo=UTC)),
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),  # the epoch is a placeholder, not a date
        ("Mon, 31 Feb 2020 16:30:00 +0300", None),
    ],
)
def test_rfc822_dates(value: str, expected: datetime | None) -> None:
    for _ in range(2):  # the first reading of a zone takes the careful path, later ones the quick one
        parsed = parse_date(value)
        assert parsed == expected
        assert parsed is None or parsed.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 29 Feb 2022 10:00:00 +0200", None),  # no such day, zone already known
        ("Tue, 01 Mar 2022 24:00:00 +0200", None),  # no hour 24
        ("Tue, 01 Mar 2022 1O:00:00 +0200", None),  # a letter O among the digits
        ("Tue,  1 Mar 2022 10:00:00 +0200", datetime(2022, 3, 1, 8, 0, tzinfo=UTC)),  # day padded by a space
    ],
)
def test_rfc822_dates_the_quick_reading_refuses_or_hands_on(value: str, expected: datetime | None) -> None:
    assert parse_date("Mon, 28 Feb 2022 10:00:00 +0200") == datetime(2022, 2, 28, 8, 0, tzinfo=UTC)
    assert parse_date(value) == expected


def test_a_superscript_digit_in_the_zone_does_not_crash() -> None:
    # isdigit() and \d accept "²", int() does not: the zone is refused, the general parsers decide.
    parsed = parse_date("Tue, 01 Mar 2022 10:00:00 +0²00")
    assert parsed is None or parsed.date() == datetime(2022, 3, 1).date()


def test_undeclared_western_text_is_windows_1252() -> None:
    text = "<rss><channel><title>« L’été à Noël », dit-il — café crème, déjà vu…</title></channel></rss>"
    decoded, encoding = decode_document(text.encode("cp1252"), http_charset=None, kind="xml")
    assert (decoded, encoding) == (text, "cp1252")


def test_central_european_letters_are_not_taken_for_windows_1252() -> None:
    text = "Zażółć gęślą jaźń — źródło łódź, świeże pączki na śniadanie."
    body = f"<rss><channel><title>{text}</title><description>{text}</description></channel></rss>"
    decoded, _ = decode_document(body.encode("cp1250"), http_charset=None, kind="xml")
    assert text in decoded


def test_words_of_another_script_are_not_taken_for_windows_1252_accents() -> None:
    text = "Ελληνικά νέα: η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία σήμερα."
    body = f"<rss><channel><title>{text}</title></channel></rss>"
    assert decode_document(body.encode("cp1253"), http_charset=None, kind="xml")[1] != "cp1252"


def test_utf8_with_a_broken_opening_is_still_utf8_when_the_rest_outweighs_it() -> None:
    broken_head = "<rss><channel><title>Caf\xe9 cr\xe8me</title>".encode("cp1252") + b" " * 4000
    body = broken_head + ("<description>" + "Новини дня з Києва. " * 400 + "</description></channel></rss>").encode()
    text, encoding = decode_document(body, http_charset=None, kind="xml")
    assert encoding == "utf-8" and "Новини дня з Києва." in text


@pytest.mark.parametrize(
    ("body", "http_charset", "expected"),
    [
        (b"<rss/>", None, True),
        (b'<?xml version="1.0" encoding="UTF-8"?><rss/>', None, True),
        (b'<?xml version="1.0" encoding="windows-1251"?><rss/>', "utf-8", True),  # the header wins
        (b'<?xml version="1.0" encoding="utf-8"?><rss/>', "koi8-r", False),
        (b'<?xml version="1.0" encoding="windows-1251"?><rss/>', None, False),
        (b"\xef\xbb\xbf<rss/>", None, False),  # a BOM is decode_document's business
        ("<rss/>".encode("utf-16-le"), None, False),
    ],
)
def test_declares_utf8_matches_what_decode_document_would_choose(
    body: bytes, http_charset: str | None, expected: bool
) -> None:
    assert declares_utf8(body, http_charset=http_charset) is expected


def test_a_well_formed_xhtml_page_is_still_refused_as_a_page() -> None:
    page = b'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Home</title></head><body/></html>'
    with pytest.raises(FeedError, match="HTML page"):
        parse_feed(page, url=URL)


def test_parsing_from_many_threads_at_once_gives_each_its_own_feed() -> None:
    from concurrent.futures import ThreadPoolExecutor

    bodies = [RSS.replace("Demo", f"Feed {n}").encode() for n in range(8)]
    broken = [body.replace(b"One &amp; two", b"One & two") for body in bodies]  # takes the repair path
    expected = [parse_feed(body, url=URL) for body in bodies + broken]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            assert list(pool.map(lambda body: parse_feed(body, url=URL), bodies + broken)) == expected


def test_atom_without_its_namespace_is_read_as_atom_by_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_feedparser(monkeypatch)
    body = b"""<feed><title>Plain</title><link href="https://example.org/"/>
    <entry><title type="text">1 &lt; 2</title><id>tag:example.org,2024:1</id>
    <link href="https://example.org/1"/><updated>2024-05-01T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Body&lt;/p&gt;</summary></entry></feed>"""
    feed = parse_feed(body, url=URL)
    assert feed.format == "atom" and feed.title == "Plain" and feed.site_url == "https://example.org/"
    (entry,) = feed.entries
    assert entry.title == "1 < 2"  # a text construct: the < is text, not a tag
    assert entry.url == "https://example.org/1" and entry.summary == "Body"
    assert entry.published_at == datetime(2024, 5, 1, 10, tzinfo=UTC)


BROKEN_REFERENCES = """<rss version="2.0"><channel><title>Новини</title>
<item><title>Ціни & тарифи</title><link>https://example.org/1?a=1&b=2</link><guid>g-1</guid>
<description>Перший&nbsp;рядок<br>другий</description></item>
<item><title>Друга&hellip;</title><link>https://example.org/2</link><guid>g-2</guid></item>
</channel></rss>"""


def test_bare_ampersands_undefined_entities_and_raw_br_are_fixed_without_feedparser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _no_feedparser(monkeypatch)
    feed = parse_feed(BROKEN_REFERENCES.encode(), url=URL)
    assert feed.title == "Новини"
    assert [(e.title, e.url) for e in feed.entries] == [
        ("Ціни & тарифи", "https://example.org/1?a=1&b=2"),
        ("Друга…", "https://example.org/2"),
    ]
    assert feed.entries[0].summary == "Перший рядок другий"  # the no-break space, as a space
    # ... read by the quick repair: fixed bytes, one strict parse
    assert parse_with_references_fixed(BROKEN_REFERENCES.encode(), url=URL) is not None


def test_the_quick_repair_reads_what_the_full_repair_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    quick = parse_feed(BROKEN_REFERENCES.encode(), url=URL)
    monkeypatch.setattr(parse_module, "parse_with_references_fixed", lambda data, *, url: None)
    assert parse_feed(BROKEN_REFERENCES.encode(), url=URL) == quick


def test_a_truncated_utf8_feed_keeps_its_complete_entries() -> None:
    body = BROKEN_REFERENCES.encode()[: BROKEN_REFERENCES.encode().index(b"<guid>g-2")]
    titles = [e.title for e in parse_feed(body, url=URL).entries]
    assert titles[0] == "Ціни & тарифи"
