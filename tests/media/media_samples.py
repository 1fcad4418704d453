"""Real image bytes made with Pillow for the media tests (and hostile look-alikes)."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, ImageDraw


def photo(width: int, height: int, mode: str = "RGB", *, seed: int = 1) -> Image.Image:
    """A picture with shapes of many sizes over a gradient (a stand-in for a news photo), the same
    for the same seed, so hashes and codecs have real structure to work on."""
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_90).resize((width, height)), gradient))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.random() * width, rng.random() * height
        r = (0.03 + rng.random() * 0.2) * min(width, height)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x - r, y - r, x + r, y + r), fill=colour)
    # Grain, like a real photo: without it JPEGs come out several times smaller than news photos.
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    return image.convert(mode) if mode != "RGB" else image


def encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def jpeg(width: int = 640, height: int = 427, **params: object) -> bytes:
    return encode(photo(width, height), "JPEG", **{"quality": 88, **params})


def png(width: int = 300, height: int = 200) -> bytes:
    return encode(photo(width, height, "RGBA"), "PNG")


def webp(width: int = 500, height: int = 300) -> bytes:
    return encode(photo(width, height), "WEBP", quality=80)


def gif(width: int = 400, height: int = 300) -> bytes:
    return encode(photo(width, height).convert("P"), "GIF")


def half_red_half_blue_jpeg(width: int, height: int, *, orientation: int, artist: str = "") -> bytes:
    """Left half red, right half blue, as stored; EXIF says how to turn it for display."""
    image = Image.new("RGB", (width, height), (230, 0, 0))
    image.paste((0, 0, 230), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[0x0112] = orientation
    if artist:
        exif[0x013B] = artist  # Artist
    return encode(image, "JPEG", quality=95, exif=exif.tobytes())


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int, *, full_data: bool) -> bytes:
    """A 1-bit grey PNG declaring width x height: tiny on disk, huge once decoded.

    full_data=True writes a real, valid zlib stream of every row (all zeros compress ~1000:1);
    False writes only the first rows, enough for the header check that must refuse it anyway.
    """
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    rows = height if full_data else 4
    data = b"".join(packer.compress(row) for _ in range(rows)) + packer.flush()
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML_PAGE = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>gone</body></html>"
TEXT_NAMED_JPG = "Це не зображення, а текстовий файл з розширенням .jpg\n".encode()
