"""Bytes → text for feeds and HTML pages, without mojibake.

Rule, in order (the first source that decodes the bytes *strictly* wins):
  1. a byte-order mark (it cannot lie: the bytes are UTF-8/16/32 whatever the header says);
  2. the charset of the HTTP Content-Type header;
  3. the document's own declaration: XML prolog, or HTML <meta charset> / http-equiv;
  4. UTF-8 (the XML default and what most of the web sends);
  5. detection (charset-normalizer), with a Cyrillic tie-breaker because windows-1251 and
     koi8-r are common here and detectors confuse them on short texts.
A declared single-byte charset (latin-1, windows-125x, koi8-r...) never fails to decode, so it
cannot be "checked" strictly; when such a declaration meets bytes that are valid UTF-8 with
multi-byte sequences, UTF-8 wins — legacy text that happens to be valid UTF-8 is vanishingly rare,
while servers labelling UTF-8 as ISO-8859-1 are common.
"""

from __future__ import annotations

import codecs
import re
from itertools import islice
from typing import Literal

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# XML without a BOM announces UTF-16/32 by the layout of its first "<?" (XML 1.0 appendix F).
_XML_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_HTML_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.I,
)
_CYRILLIC_SAMPLE_BYTES = 16_384  # what _best_cyrillic counts letter cases on
_UTF8_HEAD_BYTES = 4096  # what _mostly_utf8 decodes first to rule UTF-8 out early
_HTML_SCAN_BYTES = 16_384  # meta may come after 1024 bytes (long <head>s); the body never matters
_UNICODE_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
# Encodings worth guessing among when nothing is declared; the full list is 20× slower and its
# rarities (mac_*, cp437 ...) only produce wrong answers on short feeds.
_DETECTABLE = (
    "cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "iso8859_2", "iso8859_15", "cp1253", "cp1254",
    "cp1255", "cp1256", "cp1257", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
)
_CYRILLIC_LOWER = re.compile("[\u0430-\u045f\u0491]")
_CYRILLIC_UPPER = re.compile("[\u0400-\u042f\u0490]")
_WESTERN_LETTERS = re.compile("[àâæçèêëìîïñòôõøùûÿãåœÀÂÆÇÈÊËÌÎÏÑÒÔÕØÙÛŸÃÅŒ]")
# Letters only Central European, Baltic or Turkish text has (none of them exist in windows-1252).
_CENTRAL_LETTERS = re.compile(
    "[ăąćčďđęěĺľłńňőŕřśşţťůűźżāēėģīįķļņŗūųğıĂĄĆČĎĐĘĚĹĽŁŃŇŐŔŘŚŞŢŤŮŰŹŻĀĒĖĢĪĮĶĻŅŖŪŲĞİ]"
)
# Latin-script code pages a detector may confuse with windows-1252.
_OTHER_LATIN = frozenset(
    {"cp1250", "iso8859-2", "cp1254", "iso8859-9", "cp1257", "iso8859-13", "iso8859-4", "iso8859-15", "iso8859-16"}
)
_HIGH_RUN = re.compile(rb"[\xc0-\xff]{3,}")
_ASCII_BYTES = bytes(range(128))
_FROM_C0 = bytes(range(0xC0, 0x100))  # UTF-8 lead bytes and bytes UTF-8 never uses
# Three windows-1252 letters above ASCII in a row: a word of some other script, not accents.
_ACCENTED_RUN = re.compile(
    b"[" + b"".join(re.escape(bytes([b])) for b in range(128, 256) if bytes([b]).decode("cp1252", "replace").isalpha())
    + b"]{3,}"
)
# Signs Western text carries besides letters (quotes, dashes, currency, the no-break space).
_TYPOGRAPHIC = frozenset("\u00a0«»‘’‚“”„–—…•·°€£¥§©®™×÷±¿¡ºª¹²³¼½¾¢¤¦¨¯´¸¶†‡‰‹›ˆ˜")
# The Latin code pages whose letters _reads_as_western weighs against windows-1252's. Windows
# pages only: ISO-8859-2/4 put letters where windows-1252 has guillemets and the no-break space,
# so French typography alone would tip the balance their way.
_CENTRAL_PAGES = ("cp1250", "cp1254", "cp1257")
_CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5", "cp866", "cp1125")


def decode_document(
    body: bytes, *, http_charset: str | None, kind: Literal["xml", "html"]
) -> tuple[str, str]:
    """Return (text, encoding used). Never raises on bad bytes: the last resort replaces them."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):  # a BOM is never an accident: stray bad bytes after it are replaced
            return body[len(bom) :].decode(encoding, errors="replace"), encoding
    for declared in (_codec(http_charset), _declared_charset(body, kind)):
        if declared is None:
            continue
        text = _strict(body, declared)
        if text is not None:
            if _is_single_byte(declared) and not body.isascii():
                as_utf8 = _strict(body, "utf-8")
                if as_utf8 is not None:
                    return as_utf8, "utf-8"
            return text, declared
    if kind == "xml":
        wide = _xml_wide_encoding(body)
        if wide is not None:
            text = _strict(body, wide)
            if text is not None:
                return text, wide
    text = _strict(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    high = body.translate(None, _ASCII_BYTES)  # counted once, for both tests below
    if not _too_few_continuations(high):
        text = _mostly_utf8(body)
        if text is not None:
            return text, "utf-8"
    return _detect(body, high)


def declares_utf8(body: bytes, *, http_charset: str | None) -> bool:
    """Whether decode_document(body, kind="xml") is body.decode("utf-8") whenever that decode
    succeeds: no byte-order mark, no UTF-16/32 layout, and the first charset it consults (the
    HTTP header, else the XML declaration) is UTF-8 or absent."""
    if any(body.startswith(bom) for bom, _ in _BOMS) or _xml_wide_encoding(body) is not None:
        return False
    declared = _codec(http_charset)
    if declared is None:
        declared = _declared_charset(body, "xml")
    return declared is None or declared == "utf-8"


def _too_few_continuations(high: bytes) -> bool:
    """An exact early no to _mostly_utf8, counted on the non-ASCII bytes without decoding.

    Every valid non-ASCII character holds a continuation byte (0x80–0xBF), so there are at most
    that many of them; every byte from 0xC0 up that is not followed by a continuation byte is a
    replacement character of its own, and at least (bytes from 0xC0) − (continuation bytes) of
    them are. Legacy Cyrillic and Western text has most of its letters up there.
    """
    continuations = len(high.translate(None, _FROM_C0))
    return continuations < 4 * (len(high) - 2 * continuations)


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a truncated character, one pasted Latin-1 word).

    Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences, so when the
    valid ones far outnumber the broken ones the document is UTF-8 and only those bytes are lost.
    """
    head = body[:_UTF8_HEAD_BYTES]
    if len(body) > len(head):
        # Exact early no, without decoding the rest: a head this broken could not be outweighed
        # even by a rest made only of valid two-byte characters (±1 for a character cut in two).
        valid, broken = _utf8_tally(head.decode("utf-8", errors="replace"))
        if valid + (len(body) - len(head)) // 2 + 1 < 4 * (broken - 1):
            return None
    text = body.decode("utf-8", errors="replace")
    valid, broken = _utf8_tally(text)
    return text if valid >= 4 * broken and valid > 0 else None


def _utf8_tally(text: str) -> tuple[int, int]:
    """(valid non-ASCII characters, replacement characters) of text decoded with errors="replace"."""
    broken = text.count("\ufffd")
    return len(text) - len(text.encode("ascii", errors="ignore")) - broken, broken


def _declared_charset(body: bytes, kind: str) -> str | None:
    if kind == "xml":
        match = _XML_DECLARATION.match(body[:1024])
    else:
        match = _HTML_META.search(body[:_HTML_SCAN_BYTES])
    if match is None:
        return None
    codec = _codec(match.group(1).decode("ascii"))
    # A document we could read as ASCII to find "utf-16" in it is not UTF-16: the label lies.
    if codec in _UNICODE_WIDE:
        return None
    return codec


def _xml_wide_encoding(body: bytes) -> str | None:
    for prefix, encoding in _XML_PREFIXES:
        if body.startswith(prefix):
            return encoding
    return None


def _codec(label: str | None) -> str | None:
    """Normalise a charset label to a Python codec name; None when unknown or empty."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in {"x-user-defined", "unicode-1-1-utf-8", "utf8"}:
        label = "utf-8"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG: pages labelled latin-1 / ascii are decoded as windows-1252 (a superset).
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return name


def _is_single_byte(codec: str) -> bool:
    return codec not in _UNICODE_WIDE and codec not in {"utf-8", "utf-8-sig"} and not _is_multibyte_cjk(codec)


def _is_multibyte_cjk(codec: str) -> bool:
    return any(part in codec for part in ("gb", "big5", "euc", "shift_jis", "iso2022", "hz", "cp932", "cp949"))


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes, high: bytes) -> tuple[str, str]:
    """high: body's non-ASCII bytes (body.translate(None, _ASCII_BYTES))."""
    if _looks_cyrillic(body) and not _decodes_as_cjk(body):
        cyrillic = _best_cyrillic(body, high if len(body) <= _CYRILLIC_SAMPLE_BYTES else None)
        return body.decode(cyrillic, errors="replace"), cyrillic
    if _reads_as_western(body, high):
        return body.decode("cp1252"), "cp1252"
    best = from_bytes(body, cp_isolation=list(_DETECTABLE)).best()
    detected = _codec(best.encoding) if best is not None else None
    if detected is None:
        return body.decode("utf-8", errors="replace"), "utf-8"
    if detected.replace("-", "_") in _CYRILLIC_SINGLE_BYTE:
        detected = _best_cyrillic(body)
    elif detected in _OTHER_LATIN:
        detected = _western_or_central(body, detected)
    return body.decode(detected, errors="replace"), detected


def _looks_cyrillic(body: bytes) -> bool:
    """Runs of three or more high bytes are whole words of a single-byte Cyrillic text."""
    runs = _HIGH_RUN.finditer(body, 0, 65_536)
    return sum(1 for _ in islice(runs, 3)) == 3  # stop at the third: no need to scan on


def _reads_as_western(body: bytes, high_bytes: bytes) -> bool:
    """Western text in windows-1252 (high_bytes: its non-ASCII bytes), told without the statistical
    detector (milliseconds per call).

    Its accented letters come one or two at a time inside ASCII words ("café", "créée"), where
    words of Greek, Hebrew or Arabic read in windows-1252 give runs of them; its other non-ASCII
    bytes read as letters or typographic signs; and no Central European, Baltic or Turkish
    reading gives more letters of its own — the test _western_or_central applies to the
    detector's Latin guesses.
    """
    if _ACCENTED_RUN.search(body) is not None:
        return False
    high = _strict(high_bytes, "cp1252")
    if high is None or not all(char.isalpha() or char in _TYPOGRAPHIC for char in high):
        return False
    western = len(_WESTERN_LETTERS.findall(high))
    return all(
        len(_CENTRAL_LETTERS.findall(high_bytes.decode(page, errors="replace"))) <= western for page in _CENTRAL_PAGES
    )


def _western_or_central(body: bytes, central: str) -> str:
    """Detectors often call Western text (French è, Spanish ñ) Central European or Baltic; the letters
    each reading produces tell them apart, and a tie goes to windows-1252, by far the commoner."""
    western = len(_WESTERN_LETTERS.findall(body.decode("cp1252", errors="replace")))
    central_letters = len(_CENTRAL_LETTERS.findall(body.decode(central, errors="replace")))
    return central if central_letters > western else "cp1252"


def _decodes_as_cjk(body: bytes) -> bool:
    """CJK multi-byte text also has runs of high bytes; Cyrillic text almost never decodes strictly
    as CJK, because any word of odd length leaves a lone lead byte before a space."""
    if b"\xff" in body:  # valid in none of these codecs, in any position (checked byte by byte)
        return False  # and я in windows-1251, one of its commonest letters: a quick no for Russian text
    return any(_strict(body, codec) is not None for codec in ("euc_kr", "euc_jp", "gb18030", "big5", "shift_jis"))


def _best_cyrillic(body: bytes, high: bytes | None = None) -> str:
    """Pick the Cyrillic code page: natural text is mostly lower-case letters.

    koi8 bytes read as cp1251 come out mostly upper-case (and the reverse), so the share of
    lower-case letters separates them where statistical detectors guess. Mac-Cyrillic, ISO-8859-5
    and cp866 are left out on purpose: they are extinct on the web and only cause false matches.
    """
    # Every Cyrillic letter of these code pages is a high byte: drop ASCII once, not per page.
    # high: those bytes already counted, when body is no longer than the sample.
    sample = high if high is not None else body[:_CYRILLIC_SAMPLE_BYTES].translate(None, _ASCII_BYTES)
    best, best_score = "cp1251", (-1.0, 0)
    for encoding, (case_of, not_letters) in _CYRILLIC_CASES.items():
        # A single-byte code page maps each byte to one character, so the letters' cases can be
        # counted on the bytes: drop the non-letters, mark the rest l or u, count.
        cases = sample.translate(case_of, not_letters)
        lower = cases.count(b"l")
        upper = len(cases) - lower
        if lower + upper == 0:
            continue
        score = (round(lower / (lower + upper), 2), lower + upper)
        if score > best_score:
            best, best_score = encoding, score
    return best


def _case_table(encoding: str) -> tuple[bytes, bytes]:
    """(byte → b'l'/b'u' table, bytes that are no Cyrillic letter) for a single-byte code page."""
    table, not_letters = bytearray(range(256)), bytearray()
    for byte in range(256):
        char = bytes([byte]).decode(encoding, errors="replace")
        if _CYRILLIC_LOWER.fullmatch(char):
            table[byte] = ord("l")
        elif _CYRILLIC_UPPER.fullmatch(char):
            table[byte] = ord("u")
        else:
            not_letters.append(byte)
    return bytes(table), bytes(not_letters)


_CYRILLIC_CASES = {encoding: _case_table(encoding) for encoding in ("cp1251", "koi8_r", "koi8_u")}
