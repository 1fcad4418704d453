"""rewrite_image_urls: mirrored images point at /media/ with srcset; the rest keep their URL."""

from __future__ import annotations

import lxml.html
import nh3

from strichka.media.rewrite import media_srcset, rewrite_image_urls
from strichka.models import MirroredImage

URL = "https://outlet.example/img/photo.jpg?w=1600&h=1067"
MIRRORED = MirroredImage(
    original_url=URL,
    key="feed/209/b2db2732b00a179f564765211e88356a.jpg",
    content_type="image/jpeg",
    width=1600,
    height=1067,
    byte_size=300_000,
    phash="c3d2e1f0a5b49687",
    thumbnails={320: "feed/209/b2db2732b00a179f564765211e88356a.w320.webp", 960: "feed/209/b2db2732b00a179f564765211e88356a.w960.webp"},
)


def _imgs(html: str) -> list[dict[str, str]]:
    return [dict(img.attrib) for img in lxml.html.fragment_fromstring(html, create_parent="div").iter("img")]


def test_mirrored_image_points_at_media_with_srcset_and_size() -> None:
    html = f'<p>Текст статті</p><figure><img src="{URL.replace("&", "&amp;")}" alt="Фото: Міноборони"></figure><p>кінець</p>'
    out = rewrite_image_urls(html, {URL: MIRRORED})
    [img] = _imgs(out)
    assert img == {
        "src": "/media/feed/209/b2db2732b00a179f564765211e88356a.jpg",
        "alt": "Фото: Міноборони",
        "srcset": (
            "/media/feed/209/b2db2732b00a179f564765211e88356a.w320.webp 320w, "
            "/media/feed/209/b2db2732b00a179f564765211e88356a.w960.webp 960w, "
            "/media/feed/209/b2db2732b00a179f564765211e88356a.jpg 1600w"
        ),
        "sizes": "(max-width: 960px) 100vw, 960px",
        "width": "1600",
        "height": "1067",
        "loading": "lazy",
    }
    assert out.startswith("<p>Текст статті</p><figure>") and out.endswith("</figure><p>кінець</p>")


def test_images_not_mirrored_keep_their_original_url() -> None:
    html = '<p>a</p><img src="https://other.example/x.png" alt="x"><img src="' + URL.replace("&", "&amp;") + '">'
    out = rewrite_image_urls(html, {URL: MIRRORED})
    first, second = _imgs(out)
    assert first == {"src": "https://other.example/x.png", "alt": "x"}
    assert second["src"].startswith("/media/")


def test_nothing_mirrored_leaves_html_byte_identical() -> None:
    html = "<p>one &amp; two</p><img src='https://a.example/1.jpg'>"
    assert rewrite_image_urls(html, {}) == html
    assert rewrite_image_urls(html, {URL: MIRRORED}) == html


def test_output_stays_sanitized() -> None:
    # The rewrite only adds attributes a strict sanitizer allows on <img>: nh3 changes nothing.
    html = f'<p>x <b>y</b></p><img src="{URL.replace("&", "&amp;")}" alt="a">tail'
    out = rewrite_image_urls(html, {URL: MIRRORED}, media_base="/media/")
    allowed = {"img": {"src", "srcset", "sizes", "width", "height", "loading", "alt"}, "p": set(), "b": set()}
    assert _imgs(nh3.clean(out, tags=set(allowed), attributes=allowed, link_rel=None)) == _imgs(out)
    assert out.endswith("tail")


def test_thumbnail_keys_from_json_and_small_images() -> None:
    # From the database, thumbnail widths come back as strings; a small image has no thumbnails.
    from_db = MirroredImage(URL, "feed/1/abc.png", "image/png", 800, 600, 1, None, {"320": "feed/1/abc.w320.webp"})  # type: ignore[dict-item]
    assert media_srcset(from_db) == "/media/feed/1/abc.w320.webp 320w, /media/feed/1/abc.png 800w"
    small = MirroredImage(URL, "feed/1/s.gif", "image/gif", 200, 100, 1)
    [img] = _imgs(rewrite_image_urls(f'<img src="{URL.replace("&", "&amp;")}" srcset="https://o/x 2x">', {URL: small}))
    assert img["src"] == "/media/feed/1/s.gif" and "srcset" not in img and img["width"] == "200"


def test_media_base_is_configurable() -> None:
    [img] = _imgs(rewrite_image_urls(f'<img src="{URL.replace("&", "&amp;")}">', {URL: MIRRORED}, media_base="https://cdn.example/m/"))
    assert img["src"] == "https://cdn.example/m/feed/209/b2db2732b00a179f564765211e88356a.jpg"
