"""rewrite_image_urls: point an article's <img> tags at strichka's mirrored copies.

Pure: sanitized HTML in, sanitized HTML out. Only <img> elements change, and only in the
attributes src, srcset, sizes, width, height and loading, with values we build ourselves from
keys (safe characters only), so the sanitizer's guarantees still hold. An image that was not
mirrored keeps its original URL: the reader still sees it, straight from the outlet.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Mapping

import lxml.html
from lxml import etree

from strichka.media.keys import check_key
from strichka.models import MirroredImage

# The article column is at most this wide; the browser picks the thumbnail from srcset.
SIZES = "(max-width: 960px) 100vw, 960px"


def rewrite_image_urls(html: str, mirrored: Mapping[str, MirroredImage], *, media_base: str = "/media/") -> str:
    if not mirrored or "<img" not in html.lower():
        return html
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    changed = False
    for img in wrapper.iter("img"):
        src = img.get("src") or ""
        image = mirrored.get(src) or mirrored.get(html_lib.unescape(src))
        if image is None or not image.key:
            continue
        _point_at_mirror(img, image, media_base)
        changed = True
    if not changed:
        return html
    return _inner_html(wrapper)


def media_srcset(image: MirroredImage, *, media_base: str = "/media/") -> str:
    """`/media/<thumb> 320w, …, /media/<original> <width>w` — smallest first."""
    candidates = {int(width): key for width, key in image.thumbnails.items()}
    if image.width:
        candidates = {w: k for w, k in candidates.items() if w < image.width}
        candidates[image.width] = image.key
    return ", ".join(f"{media_base}{check_key(key)} {width}w" for width, key in sorted(candidates.items()))


def _point_at_mirror(img: etree._Element, image: MirroredImage, media_base: str) -> None:
    img.set("src", media_base + check_key(image.key))
    srcset = media_srcset(image, media_base=media_base)
    if image.thumbnails and srcset:
        img.set("srcset", srcset)
        img.set("sizes", SIZES)
    else:
        img.attrib.pop("srcset", None)
        img.attrib.pop("sizes", None)
    if image.width and image.height:
        img.set("width", str(image.width))
        img.set("height", str(image.height))
    img.set("loading", "lazy")


def _inner_html(wrapper: etree._Element) -> str:
    parts = [html_lib.escape(wrapper.text, quote=False)] if wrapper.text else []
    for child in wrapper:
        parts.append(lxml.html.tostring(child, encoding="unicode", method="html"))
    return "".join(parts)
