"""Inline images of a stored article body: sized and given thumbnails at render time.

The body is sanitized in storage; this only adds attributes strichka itself computes (numbers and
its own /media/ URLs) so images load lazily, pick a thumbnail by width and reserve their space.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable

from markupsafe import escape

from strichka.web.views import ImageView

_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r'\ssrc="([^"]*)"', re.IGNORECASE)
BODY_SIZES = "(min-width: 60rem) 42rem, 100vw"


def enhance_body_images(body_html: str, images: Iterable[ImageView]) -> str:
    known: dict[str, ImageView] = {}
    for img in images:
        known[img.original_url] = img
        if img.url:
            known[img.url] = img

    def enhance(match: re.Match[str]) -> str:
        tag = match.group(0)
        extra = ' loading="lazy" decoding="async"'
        src = _SRC.search(tag)
        view = known.get(html_lib.unescape(src.group(1))) if src else None
        if view is not None:
            if view.width and view.height and " width=" not in tag and " height=" not in tag:
                extra += f' width="{int(view.width)}" height="{int(view.height)}"'
            if view.srcset and " srcset=" not in tag:
                extra += f' srcset="{escape(view.srcset)}" sizes="{BODY_SIZES}"'
        return tag[:4] + extra + tag[4:]

    return _IMG_TAG.sub(enhance, body_html)
