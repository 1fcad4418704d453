"""Decoded feed text → lxml tree, strict first, repaired and recovered when that fails.

Safety: entities are never resolved and nothing is fetched (no DTDs, no XXE, no billion laughs).
Repair covers what real feeds get wrong — HTML entities XML does not know (&nbsp;), bare `&`,
control characters, junk before the root, truncation — so recovery keeps every complete entry
instead of stopping at the first error.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from html.entities import html5

from lxml import etree

# Ampersands XML rejects: bare, or naming an entity XML does not define (&nbsp;). Well-formed
# references never match, so the Python callback runs only where there is something to fix.
_BAD_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)(?:([A-Za-z][A-Za-z0-9]{0,31});)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
# Start tags with an unquoted attribute value (rss:version=2.0): recovery would drop the element.
_UNQUOTED_TAG = re.compile(r"<[A-Za-z][\w:.-]*\s[^<>]*?=\s*[^\s\"'<>][^<>]*>")
_MAYBE_UNQUOTED = re.compile(r"=\s*[^\s\"'<>]")  # no match: no tag can have an unquoted value
_ATTRIBUTE = re.compile(r"""(\s[\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>]+?(?=\s|/?>))""")
# HTML void elements pasted raw into a title or description (<br>) would swallow the rest of the
# entry in recovery mode; closing them in place keeps the entry's other fields where they belong.
# Case spelled out rather than re.I, which would cost the scan its fast search for "<".
_HTML_VOID = re.compile(r"<([bB][rR]|[hH][rR]|[iI][mM][gG]|[wW][bB][rR])(\s[^<>]*?)?\s*(?<!/)>")
# The same two repairs on UTF-8 bytes, for the quick repair that needs no decoding.
_BAD_AMPERSAND_BYTES = re.compile(_BAD_AMPERSAND.pattern.encode("ascii"))
_HTML_VOID_BYTES = re.compile(_HTML_VOID.pattern.encode("ascii"))
FEED_START = re.compile(r"<\?xml\s|<rss[\s>]|<feed[\s>]|<(?:[\w.-]+:)?RDF[\s>]")
_STRICT_CHUNK_BYTES = 4096  # a strict parse stops this soon after an error; more chunks cost calls
_ITEM_OPEN_BYTES = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]", re.I)
# Entry elements in any namespace, in the spellings feeds use (feedparser lowercases tag names).
_ENTRY_TAGS = tuple(f"{{*}}{name}" for word in ("item", "entry") for name in (word, word.title(), word.upper()))


@dataclass(frozen=True)
class XmlDocument:
    root: etree._Element
    repaired: bool  # strict parsing failed; the tree came from repaired text in recover mode


def parse_xml(text: str, *, url: str, utf8_body: bytes | None = None, strict: bool = True) -> XmlDocument | None:
    """The tree of text, or None when not even recovery finds a root element.

    utf8_body: the original bytes when they are already UTF-8 — parsed as they are, which saves
    re-encoding text on the fast path. strict=False: the caller already knows a strict parse
    fails, so go straight to repair.
    """
    if strict:
        data = utf8_body if utf8_body is not None else text.lstrip("\ufeff \t\r\n").encode("utf-8", errors="replace")
        root = parse_strict(data, url=url)
        if root is not None:
            return XmlDocument(root, repaired=False)
    try:
        root = _parse(repair_xml(text).encode("utf-8", errors="replace"), url, recover=True)
    except etree.XMLSyntaxError:
        return None
    return None if root is None else XmlDocument(root, repaired=True)


def parse_strict(data: bytes, *, url: str) -> etree._Element | None:
    """The tree of well-formed UTF-8 bytes; None when libxml2 refuses them (malformed XML, or
    bytes that are not UTF-8: it checks every character, as a strict decode would).

    Fed in chunks: without recovery, lxml refuses at the first chunk holding an error, where a
    whole-document parse reads on to the end first.
    Same trees and the same refusals as etree.fromstring, checked on every corpus file.
    """
    if not data:
        return None
    parser = _parser(recover=False)
    try:
        for start in range(0, len(data), _STRICT_CHUNK_BYTES):
            parser.feed(data[start : start + _STRICT_CHUNK_BYTES])
        root = parser.close()
    except etree.XMLSyntaxError:
        _reset(parser)
        return None
    except BaseException:
        _reset(parser)
        raise
    root.getroottree().docinfo.URL = url  # what fromstring(base_url=url) sets: el.base resolves against it
    return root


def _reset(parser: etree.XMLParser) -> None:
    """Leave a feed parser ready for the next document after a refusal mid-way."""
    try:
        parser.close()
    except etree.XMLSyntaxError:
        pass


def parse_with_references_fixed(data: bytes, *, url: str) -> etree._Element | None:
    """The tree of UTF-8 bytes whose faults are only the commonest ones — bare `&`, HTML
    entities XML does not define (&nbsp;), raw <br> — fixed in one pass each and parsed
    strictly: no decoding, no recovery, and a complete tree. None when there was nothing of
    that kind to fix, or the fixed bytes still fail (then the full repair takes over)."""
    fixed, ampersands = _BAD_AMPERSAND_BYTES.subn(_fix_ampersand_bytes, data)
    fixed, voids = _HTML_VOID_BYTES.subn(rb"<\1\2/>", fixed)
    if not ampersands and not voids:
        return None
    return parse_strict(fixed, url=url)


def count_entry_elements(root: etree._Element) -> int:
    """<item>/<entry> elements anywhere in a tree (lxml walks it in C: microseconds).

    For a strictly parsed document this is the exact number of entry start tags outside CDATA
    and comments, so it replaces scanning the bytes, which costs a third of the parse itself.
    """
    return sum(1 for _ in root.iter(*_ENTRY_TAGS))


def may_hold_more_entries(markup: bytes, found: int, *, prefixed: bool) -> bool:
    """Whether the document has more <item>/<entry> start tags than the entries found.

    markup: the document in any ASCII-compatible encoding (tags are ASCII), searched as bytes
    because that is faster than searching the decoded text. Substring counts first (an upper
    bound); the exact count only when they exceed `found`. prefixed: the document may write
    its entries with a prefix (<rss:item>), so those are counted too.
    """
    rough = markup.count(b"<item") + markup.count(b"<entry")
    if prefixed:
        rough += markup.count(b":item") + markup.count(b":entry")
    if rough <= found:
        return False
    return len(_ITEM_OPEN_BYTES.findall(markup)) > found


def repair_xml(text: str) -> str:
    """Text made well-formed where real feeds break it. Each pass runs only when a cheap scan
    shows it has work (regular expressions over a whole document cost more than its parse)."""
    text = text.lstrip("\ufeff \t\r\n")
    if _has_control_characters(text):
        text = _CONTROL.sub("", text)
    # Junk before the document (PHP warnings, a stray byte) goes: start at the prolog or feed root.
    feed_start = FEED_START.search(text, 0, 8192)
    start = feed_start.start() if feed_start is not None else text.find("<")
    text = text[start:] if start > 0 else text
    # A second declaration (feeds glued together, or junk before the real prolog) is fatal in XML.
    if text.find("<?xml", 1) != -1:
        text = text[:1] + _DECLARATION.sub("", text[1:])
    text = _BAD_AMPERSAND.sub(_fix_ampersand, text)
    if _MAYBE_UNQUOTED.search(text) is not None:
        text = _UNQUOTED_TAG.sub(_quote_attributes, text)
    text = _HTML_VOID.sub(r"<\1\2/>", text)
    return _cut_truncated(text)


def _has_control_characters(text: str) -> bool:
    # Single C calls: a search for each noncharacter in the text (a search for a multi-byte
    # sequence in its UTF-8 would cost more than the encoding), and deleting the C0 controls
    # from its UTF-8 bytes.
    if "\ufffe" in text or "\uffff" in text:
        return True
    data = text.encode("utf-8", errors="surrogatepass")
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def _quote_attributes(match: re.Match[str]) -> str:
    return _ATTRIBUTE.sub(_quoted, match.group(0))


def _quoted(match: re.Match[str]) -> str:
    name, value = match.group(1), match.group(2)
    if value[0] in "\"'":
        return match.group(0)
    return f'{name}="{value}"'


def _fix_ampersand(match: re.Match[str]) -> str:
    name = match.group(1)
    if name is None:
        return "&amp;"
    expansion = html5.get(name + ";")
    if expansion is None:
        return "&amp;" + name + ";"
    return "".join(f"&#{ord(char)};" for char in expansion)


def _fix_ampersand_bytes(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name is None:
        return b"&amp;"
    expansion = html5.get(name.decode("ascii") + ";")
    if expansion is None:
        return b"&amp;" + name + b";"
    return "".join(f"&#{ord(char)};" for char in expansion).encode("ascii")


def _cut_truncated(text: str) -> str:
    """Drop a dangling fragment after the last complete tag: a half-written value is worse than none.

    A truncated feed ends inside some element. Cutting after the last '>' keeps the entries and
    the fields that were closed; a GUID cut in half would otherwise become a false identity.
    """
    if text.rstrip().endswith(">"):
        return text
    return text[: text.rfind(">") + 1]


def _parse(data: bytes, url: str, *, recover: bool) -> etree._Element:
    return etree.fromstring(data, _parser(recover), base_url=url)


def _parser(recover: bool) -> etree.XMLParser:
    """A parser per thread and mode, reused: a new one builds a fresh libxml2 context for every
    feed. Per thread because lxml lets one parser serve one parse at a time."""
    name = "recovering" if recover else "strict"
    parser: etree.XMLParser | None = getattr(_PARSERS, name, None)
    if parser is None:
        parser = etree.XMLParser(
            encoding="utf-8",
            recover=recover,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            collect_ids=False,  # no xml:id lookups are ever made: skip building their table
            remove_comments=True,
            remove_pis=True,
        )
        setattr(_PARSERS, name, parser)
    return parser


_PARSERS = threading.local()
