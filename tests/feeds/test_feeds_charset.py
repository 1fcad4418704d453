"""strichka.fetch.charset.decode_document: header, BOM, declaration, detection — no mojibake."""

from __future__ import annotations

import codecs

import pytest

from strichka.fetch.charset import decode_document

UKRAINIAN = "Україна: Київ, Львів, Харків — їжак, ґанок, єнот. Новини дня про події в країні."
RUSSIAN = "Россия: Москва, Санкт-Петербург - новости дня, погода и происшествия в стране."


def _xml(text: str, declaration: str | None = None) -> str:
    prolog = f'<?xml version="1.0" encoding="{declaration}"?>' if declaration else ""
    return f"{prolog}<rss><channel><title>{text}</title><description>{text} {text}</description></channel></rss>"


@pytest.mark.parametrize(
    ("body", "http_charset", "expected_encoding"),
    [
        (_xml(UKRAINIAN, "windows-1251").encode("cp1251"), None, "cp1251"),
        (_xml(UKRAINIAN).encode("cp1251"), None, "cp1251"),
        (_xml(UKRAINIAN, "utf-8").encode("cp1251"), None, "cp1251"),
        (_xml(UKRAINIAN).encode("cp1251"), "windows-1251", "cp1251"),
        (_xml(UKRAINIAN, "koi8-u").encode("cp1251"), "cp1251", "cp1251"),
        (_xml(RUSSIAN).encode("koi8_r"), None, "koi8_r"),
        (_xml(RUSSIAN, "koi8-r").encode("koi8_r"), None, "koi8-r"),
        (_xml(UKRAINIAN, "utf-8").encode(), None, "utf-8"),
        (_xml(UKRAINIAN).encode(), "iso-8859-1", "utf-8"),  # a header that labels UTF-8 as Latin-1
        (_xml(UKRAINIAN, "windows-1251").encode(), None, "utf-8"),  # a prolog that labels UTF-8 as cp1251
    ],
)
def test_xml_decodes_without_mojibake(body: bytes, http_charset: str | None, expected_encoding: str) -> None:
    text, encoding = decode_document(body, http_charset=http_charset, kind="xml")
    assert encoding.replace("_", "-") == expected_encoding.replace("_", "-")
    assert (UKRAINIAN in text) or (RUSSIAN in text)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_beats_a_wrong_header(bom: bytes, codec: str) -> None:
    body = bom + _xml(UKRAINIAN, "utf-16").encode(codec)
    text, encoding = decode_document(body, http_charset="iso-8859-1", kind="xml")
    assert encoding == codec and UKRAINIAN in text and not text.startswith("\ufeff")


def test_utf16_without_bom_is_recognised_from_the_xml_declaration_layout() -> None:
    body = _xml(UKRAINIAN, "utf-16").encode("utf-16-le")
    text, encoding = decode_document(body, http_charset=None, kind="xml")
    assert encoding == "utf-16-le" and UKRAINIAN in text


def test_html_meta_charset_even_after_the_first_kilobyte() -> None:
    padding = "<meta name='x' content='" + "y" * 2000 + "'>"
    page = f"<html><head>{padding}<meta charset='windows-1251'><title>{UKRAINIAN}</title></head></html>"
    text, encoding = decode_document(page.encode("cp1251"), http_charset=None, kind="html")
    assert encoding == "cp1251" and UKRAINIAN in text


def test_html_http_equiv_content_type() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"<title>{RUSSIAN}</title></head></html>"
    )
    text, encoding = decode_document(page.encode("koi8_r"), http_charset=None, kind="html")
    assert encoding == "koi8-r" and RUSSIAN in text


def test_unknown_charset_label_is_ignored() -> None:
    text, encoding = decode_document(_xml(UKRAINIAN).encode(), http_charset="x-no-such-charset", kind="xml")
    assert encoding == "utf-8" and UKRAINIAN in text


def test_cjk_text_is_not_mistaken_for_cyrillic() -> None:
    japanese = "ゲーム三昧な正月を過ごしました。今年もよろしくお願いします。"
    text, _ = decode_document(_xml(japanese).encode("euc_jp"), http_charset=None, kind="xml")
    assert japanese in text


def test_undecodable_bytes_never_raise() -> None:
    text, _ = decode_document(b"<rss>\xff\xfe\x00\x81\x8d broken</rss>", http_charset="utf-8", kind="xml")
    assert "broken" in text


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [
        ("Les systèmes très complexes: où est la fenêtre? Là-bas, près de la forêt, dit le garçon.", "cp1252"),
        ("Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Żółta łąka, świeży chleb.", "cp1250"),
    ],
)
def test_undeclared_latin_text_is_not_read_with_a_neighbouring_code_page(sentence: str, codec: str) -> None:
    text, _ = decode_document(_xml(sentence).encode(codec), http_charset=None, kind="xml")
    assert sentence in text


def test_bom_wins_even_when_some_bytes_after_it_are_invalid() -> None:
    body = codecs.BOM_UTF8 + "<rss><title>Valid: Ѩ ".encode() + b"Invalid: Espa\xf1a</title></rss>"
    text, encoding = decode_document(body, http_charset=None, kind="xml")
    assert encoding == "utf-8" and text.startswith("<rss><title>Valid: Ѩ Invalid: Espa")


def test_utf8_with_one_broken_byte_is_still_utf8() -> None:
    body = _xml(UKRAINIAN).encode() + b"<!-- \xff -->"
    text, encoding = decode_document(body, http_charset=None, kind="xml")
    assert encoding == "utf-8" and UKRAINIAN in text


def test_utf8_with_a_few_pasted_latin1_words_is_still_utf8() -> None:
    # Broken bytes from 0xC0 up (ñ, é in Latin-1) must not trip the early "not UTF-8" count.
    body = _xml(UKRAINIAN * 3).encode() + "<!-- España, café, señor -->".encode("latin-1")
    text, encoding = decode_document(body, http_charset=None, kind="xml")
    assert encoding == "utf-8" and UKRAINIAN in text


def test_undeclared_cyrillic_without_the_letter_ya_is_still_windows_1251() -> None:
    # Without я (0xFF in windows-1251) the CJK codecs are really tried, and must all refuse.
    sentence = "Київ і Львів: новини о пів на шосту, погода в Харкові та Одесі."
    assert "я" not in sentence
    text, encoding = decode_document(_xml(sentence).encode("cp1251"), http_charset=None, kind="xml")
    assert encoding == "cp1251" and sentence in text


@pytest.mark.parametrize("codec", ["euc_kr", "euc_jp", "gb18030", "big5", "shift_jis"])
def test_byte_ff_is_invalid_in_every_cjk_codec_whatever_precedes_it(codec: str) -> None:
    # decode_document relies on this to rule CJK out for Cyrillic text holding я (0xFF).
    for lead in range(256):
        with pytest.raises(UnicodeDecodeError):
            bytes([lead, 0xFF]).decode(codec)
    with pytest.raises(UnicodeDecodeError):  # after a whole two-byte character too
        ("中".encode(codec) + b"\xff").decode(codec)
