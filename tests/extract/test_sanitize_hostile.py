"""sanitize_html against hostile markup: nothing executable survives, the article text does."""

from __future__ import annotations

import pytest

from strichka.extract import sanitize_html

BASE = "https://site.example/news/a.html"

HOSTILE = [
    "<script>alert(1)</script><p>текст</p>",
    '<p>текст<img src="x.jpg" onerror="alert(1)"></p>',
    '<p><a href="javascript:alert(1)">текст</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">текст</a></p>',
    '<p><a href=" javascript:alert(1)">текст</a></p>',
    '<p><a href="vbscript:msgbox(1)">текст</a></p>',
    '<svg onload="alert(1)"><script>alert(2)</script></svg><p>текст</p>',
    '<iframe src="https://evil.example/"></iframe><p>текст</p>',
    '<style>body{background:url(javascript:alert(1))}</style><p style="color:red">текст</p>',
    '<p>текст</p><object data="x.swf"></object><embed src="x.swf">',
    '<p onclick="alert(1)" onmouseover="alert(2)">текст</p>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><p>текст</p>',
    '<p><a href="data:text/html,<script>alert(1)</script>">текст</a></p>',
    '<form action="https://evil.example"><input name="q"><button>go</button></form><p>текст</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>текст</p>",
    "<p>текст</p><!-- <script>alert(1)</script> -->",
    "<noscript><img src=x onerror=alert(1)></noscript><p>текст</p>",
    '<base href="javascript:alert(1)//"><p>текст</p>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>текст</p>',
    '<p>текст<img srcset="javascript:alert(1) 1x, data:image/png;base64,AAAA 2x"></p>',
]
FORBIDDEN = ("<script", "javascript:", "vbscript:", "data:", "onerror", "onload", "onclick", "onmouseover",
             "<iframe", "<svg", "<style", "style=", "<object", "<embed", "<form", "<input", "<meta", "<base", "<math")  # fmt: skip


@pytest.mark.parametrize("html", HOSTILE)
def test_nothing_executable_survives(html: str) -> None:
    clean = sanitize_html(html, base_url=BASE).lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in clean, (forbidden, clean)
    assert "текст" in clean


def test_allowed_structure_survives() -> None:
    html = (
        "<h2>Підзаголовок</h2><p><strong>жирний</strong> <em>курсив</em></p><ul><li>пункт</li></ul>"
        "<blockquote>цитата</blockquote><figure><img src='/i.jpg' alt='опис' width='640' height='360' "
        "loading='lazy'><figcaption>Фото: Укрінформ</figcaption></figure><table><tr><td>1</td></tr></table>"
    )
    clean = sanitize_html(html, base_url=BASE)
    for kept in (
        "<h2>",
        "<strong>",
        "<em>",
        "<li>",
        "<blockquote>",
        "<figcaption>Фото: Укрінформ</figcaption>",
        "<td>",
    ):
        assert kept in clean
    assert 'src="https://site.example/i.jpg"' in clean
    assert 'alt="опис"' in clean and 'width="640"' in clean and 'loading="lazy"' in clean


def test_links_are_absolute_and_nofollow() -> None:
    clean = sanitize_html('<p><a href="../b.html" target="_blank" rel="opener">b</a></p>', base_url=BASE)
    assert '<a href="https://site.example/b.html" rel="nofollow noopener">b</a>' in clean
    assert "target" not in clean and 'opener"' not in clean.replace("noopener", "")


def test_srcset_keeps_only_http_candidates_made_absolute() -> None:
    clean = sanitize_html('<img src="a.jpg" srcset="a.jpg 1x, javascript:x 2x, /b.jpg 3x">', base_url=BASE)
    assert 'srcset="https://site.example/news/a.jpg 1x, https://site.example/b.jpg 3x"' in clean


def test_non_numeric_sizes_are_dropped() -> None:
    clean = sanitize_html('<img src="a.jpg" width="100%" height="expression(alert(1))">', base_url=BASE)
    assert "width" not in clean and "height" not in clean
