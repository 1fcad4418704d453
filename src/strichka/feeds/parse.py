"""parse_feed: feed bytes → ParsedFeed, fast where it can be and complete always.

The fast path (lxml, strict then repaired + recover) reads nearly every real feed; UTF-8
bodies go to libxml2 as they are, without a Python decode. It is trusted only when it found as
many entries as the document has <item>/<entry> elements (counted in the tree after a strict
parse, in the bytes after a repair, which may have lost some); otherwise — or when it cannot
read the document at all — feedparser reads the same decoded text and whichever found more
entries wins, so no entry feedparser finds is ever lost. Well-formed XML with neither a feed
root nor any entry is refused without asking feedparser.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from strichka.errors import FeedError
from strichka.feeds.fallback import parse_with_feedparser
from strichka.feeds.json_feed import read_json_feed
from strichka.feeds.namespaces import split_tag
from strichka.feeds.sniff import EMPTY_REASON, sniff_kind
from strichka.feeds.xml_document import (
    XmlDocument,
    count_entry_elements,
    may_hold_more_entries,
    parse_strict,
    parse_with_references_fixed,
    parse_xml,
)
from strichka.feeds.xml_feed import feed_format, read_xml_feed
from strichka.fetch.charset import declares_utf8, decode_document
from strichka.models import ParsedFeed

_FEEDLIKE_ROOTS = frozenset({"rss", "rdf", "rdf:rdf", "feed", "channel"})
# What sniff_kind needs of a body that starts with "<": its prologue and first tag. (It looks
# at up to 4096 characters; a well-formed XHTML page behind a longer prologue is still refused,
# as a document whose root is <html>.) Decoding more would only slow every feed down.
_SNIFF_BYTES = 4096


def parse_feed(body: bytes, *, url: str, http_charset: str | None = None) -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x; raise FeedError for anything else."""
    if not body or body.isspace():  # not body.strip(), which copies the whole body
        raise FeedError(url, EMPTY_REASON)
    strict_utf8_failed = False
    head = _utf8_head(body) if body[:1] == b"<" and declares_utf8(body, http_charset=http_charset) else None
    if head is not None:
        # Nearly every feed: UTF-8 XML. libxml2 reads those bytes as they are and refuses any that
        # are not UTF-8, so decoding them in Python first would be thrown away. A refusal (not
        # well-formed, or not UTF-8 after all) takes the general path below.
        sniff_kind(head, url=url)
        root = parse_strict(body, url=url)
        if root is None:
            # Most broken feeds only need their ampersands, entities or <br>s fixed: done on
            # the bytes, a strict parse gives the whole tree without decoding or recovery.
            root = parse_with_references_fixed(body, url=url)
        if root is not None:
            return _read_xml(XmlDocument(root, repaired=False), url, body, lambda: _as_utf8(body))
        strict_utf8_failed = True
    text, encoding = decode_document(body, http_charset=http_charset, kind="xml")
    if sniff_kind(text, url=url) == "json":
        return read_json_feed(text, url=url)
    utf8_body = body if encoding == "utf-8" and body[:1] == b"<" else None
    ascii_compatible = not encoding.startswith(("utf-16", "utf-32"))
    markup = body if ascii_compatible else text.encode("utf-8")
    # The same bytes need not be tried strictly twice.
    strict = not (strict_utf8_failed and utf8_body is not None)
    document = parse_xml(text, url=url, utf8_body=utf8_body, strict=strict)
    return _read_xml(document, url, markup, lambda: text)


def _utf8_head(body: bytes) -> str | None:
    """The opening of body as UTF-8 (for sniff_kind), or None when it already shows the bytes are
    not UTF-8 — a mislabelled legacy feed, which libxml2 would read to the end before refusing."""
    try:
        # final=False: a character cut in two at the end of the opening is not an error.
        return codecs.utf_8_decode(body[:_SNIFF_BYTES], "strict", False)[0]
    except UnicodeDecodeError:
        return None


def _as_utf8(body: bytes) -> str:
    # Bytes libxml2 read strictly as UTF-8 are UTF-8; "replace" only guards against surprises.
    return body.decode("utf-8", errors="replace")


def _read_xml(document: XmlDocument | None, url: str, markup: bytes, text_of: Callable[[], str]) -> ParsedFeed:
    """The fast path's reading of document, checked against feedparser's when it may have lost
    entries. text_of gives the decoded document, only needed then."""
    fast: ParsedFeed | None = None
    kind = feed_format(document.root) if document is not None else None
    if document is not None and kind is not None:
        fast = read_xml_feed(document.root, kind, url=url, recovered=document.repaired)
        if not _may_have_lost_entries(document, fast, markup):
            return fast
    elif document is not None and _plainly_not_a_feed(document):
        raise _not_a_feed(url, document)
    slow = parse_with_feedparser(text_of(), url=url)
    if fast is not None and (slow is None or len(fast.entries) >= len(slow.entries)):
        return fast
    if slow is None or (fast is None and not slow.entries and not slow.title):
        raise _not_a_feed(url, document)
    return slow


def _not_a_feed(url: str, document: XmlDocument | None) -> FeedError:
    if document is None:
        return FeedError(url, "not a feed: XML so broken that not even a root element can be read")
    root_name = split_tag(str(document.root.tag))[1]
    return FeedError(url, f"not a feed: an XML document whose root element is <{root_name}>")


def _plainly_not_a_feed(document: XmlDocument) -> bool:
    """Well-formed XML with neither a feed's root nor a single entry: no need to ask feedparser.

    Roots feedparser reads that the fast path does not (<channel> of CDF and bare RSS, feeds in
    odd namespaces) still go to it, as does anything recovery may have damaged.
    """
    if document.repaired or str(document.root.tag).rpartition("}")[2].lower() in _FEEDLIKE_ROOTS:
        return False
    return count_entry_elements(document.root) == 0


def _may_have_lost_entries(document: XmlDocument, fast: ParsedFeed, markup: bytes) -> bool:
    if not document.repaired:  # a strict parse kept every element: the tree has them all
        return count_entry_elements(document.root) > len(fast.entries)
    # Recovery may have dropped entries, and keeps undeclared prefixes (<rss:item>) as plain
    # names: only the bytes tell how many entries the document meant to have.
    return may_hold_more_entries(markup, len(fast.entries), prefixed=True)
