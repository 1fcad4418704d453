"""Pure image work: sniff what the bytes really are, make thumbnails, hash the picture.

Rules: the format comes from the bytes, never from the URL or the Content-Type header; only
JPEG, PNG, WebP, GIF and AVIF are accepted, so Pillow's other (rarely audited) decoders never
see third-party bytes; an image is decoded fully once (a truncated file is refused, not
half-shown) under a pixel limit checked before decoding. Thumbnails are WebP, EXIF orientation
applied, every metadata block dropped (a non-sRGB colour profile is kept: without it the colours
would change), never upscaled. Decoding is the cost, so `process_image` decodes once (a JPEG in
draft mode, scaled by 1/2, 1/4 or 1/8 while decoding, to no less than the largest thumbnail it
will make) and derives everything from that one image: each thumbnail from the previous, larger
one, turned upright only once it is small, and the perceptual hash from the smallest.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import imagehash
from PIL import Image, ImageCms

from strichka.errors import MediaError

# Pillow format name -> (key extension, content type)
FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
    "AVIF": ("avif", "image/avif"),
}
# method 1 encodes ~4x faster than libwebp's default 4 for ~5% more bytes (bench/media.py):
# thumbnails are made on the crawl's few cores, for every image of every article.
WEBP_PARAMS: dict[str, int] = {"quality": 80, "method": 1}
# EXIF orientation -> the transposition that shows the picture upright (as ImageOps.exif_transpose)
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_TRANSPOSED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_SIDEWAYS = {_UPRIGHT[o] for o in _TRANSPOSED}
_HASH_INPUT_WIDTH = 64  # pHash looks at 32x32; decoding for the hash alone needs no more than this


@dataclass(frozen=True)
class ImageInfo:
    format: str  # Pillow's name: JPEG, PNG, WEBP, GIF, AVIF
    ext: str  # jpg, png, webp, gif, avif
    content_type: str
    width: int  # as displayed, after EXIF orientation
    height: int
    byte_size: int


@dataclass(frozen=True)
class ProcessedImage:
    info: ImageInfo
    thumbnails: dict[int, bytes] = field(default_factory=dict)  # width -> WebP bytes
    phash: str = ""


def inspect_image(data: bytes, *, url: str, max_pixels: int) -> ImageInfo:
    """Check that data is a whole, acceptable image and say what it is; MediaError otherwise."""
    info, _image, _upright = _decode(data, url=url, max_pixels=max_pixels, draft_widths=())
    return info


def process_image(
    data: bytes, *, url: str, max_pixels: int, widths: Iterable[int]
) -> ProcessedImage:
    """inspect_image + make_thumbnails + perceptual_hash from a single decode."""
    wanted = sorted({int(w) for w in widths if int(w) > 0}, reverse=True)
    info, image, upright = _decode(data, url=url, max_pixels=max_pixels, draft_widths=wanted or [_HASH_INPUT_WIDTH])
    try:
        thumbnails, smallest = _thumbnails(image, upright, info.width, wanted)
        return ProcessedImage(info, thumbnails, str(imagehash.phash(smallest)))
    except (OSError, ValueError) as exc:  # encoder failures on odd modes
        raise MediaError(url, f"cannot make thumbnails: {exc}") from exc


def make_thumbnails(data: bytes, widths: Iterable[int], *, max_pixels: int = 50_000_000) -> dict[int, bytes]:
    return process_image(data, url="(bytes)", max_pixels=max_pixels, widths=widths).thumbnails


def perceptual_hash(data: bytes, *, max_pixels: int = 50_000_000) -> str:
    """64-bit pHash as 16 hex digits; the same photo resized or recompressed stays within a few bits."""
    return process_image(data, url="(bytes)", max_pixels=max_pixels, widths=()).phash


def _decode(
    data: bytes, *, url: str, max_pixels: int, draft_widths: Sequence[int]
) -> tuple[ImageInfo, Image.Image, Image.Transpose | None]:
    """The whole image decoded as stored, and the transposition that shows it upright.

    A JPEG is decoded at the smallest draft scale still at least as wide as the largest of
    draft_widths below its own width (nothing is drafted when that list is empty).
    """
    if not data:
        raise MediaError(url, "empty body")
    not_image = _sniff_not_image(data)
    if not_image:
        raise MediaError(url, not_image)
    # Our limit is checked after the header is read and before any pixel is decoded; keeping
    # it at or below Pillow's own MAX_IMAGE_PIXELS means Pillow's bomb warning can only fire
    # for images refused here anyway.
    limit = min(max_pixels, Image.MAX_IMAGE_PIXELS or max_pixels)
    try:
        image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    except Image.DecompressionBombError as exc:
        raise MediaError(url, f"decompression bomb: {exc}") from exc
    except Image.UnidentifiedImageError as exc:
        raise MediaError(url, "not an image: unrecognised or unsupported format") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise MediaError(url, f"corrupt image header: {exc}") from exc
    fmt = image.format or ""
    width, height = image.size
    if width * height > limit:
        raise MediaError(url, f"decompression bomb: {width}x{height} = {width * height} pixels, limit {limit}")
    if width <= 1 and height <= 1:
        raise MediaError(url, f"tracking pixel: {width}x{height}")
    orientation = _orientation(image)
    shown_w, shown_h = (height, width) if orientation in _TRANSPOSED else (width, height)
    need_width = max((w for w in draft_widths if w < shown_w), default=0)
    if need_width and fmt == "JPEG":
        # libjpeg scales by 1/2, 1/4, 1/8 while decoding: far fewer pixels for the same result.
        scale = need_width / shown_w
        image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise MediaError(url, f"decompression bomb: {exc}") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise MediaError(url, f"truncated or corrupt image: {exc}") from exc
    ext, content_type = FORMATS[fmt]
    return ImageInfo(fmt, ext, content_type, shown_w, shown_h, len(data)), image, _UPRIGHT.get(orientation)


def _sniff_not_image(data: bytes) -> str | None:
    """A specific reason when the bytes are plainly a document, not a picture."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head[:256]:
        return "not an image: HTML page"
    if b"<svg" in data[:4096].lower():
        return "not an image: SVG (may carry scripts; never mirrored)"
    if head.startswith((b"<?xml", b"<")):
        return "not an image: XML/markup document"
    if head.startswith((b"{", b"[")):
        return "not an image: JSON or text document"
    sample = data[:512]
    if sample and all(b in b"\t\n\r" or 32 <= b < 127 or b >= 128 for b in sample):
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "not an image: plain text"
    return None


def _orientation(image: Image.Image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1) or 1)
    except (OSError, ValueError, TypeError, SyntaxError):
        return 1


def _thumbnails(
    image: Image.Image, upright: Image.Transpose | None, full_width: int, widths: list[int]
) -> tuple[dict[int, bytes], Image.Image]:
    """WebP bytes per width, and the smallest upright image made on the way (input for the hash).

    Resizing happens in the stored orientation and only each small result is turned upright:
    the same pixels as turning the full image first, for a fraction of the work.
    """
    out: dict[int, bytes] = {}
    params: dict[str, object] = dict(WEBP_PARAMS)
    icc = _wide_gamut_profile(image.info.get("icc_profile"))
    if icc:
        params["icc_profile"] = icc
    sideways = upright is not None and upright in _SIDEWAYS
    source = _flatten_mode(image)
    shown: Image.Image | None = None
    for width in widths:  # largest first: each smaller one is resized from the previous
        if width >= full_width:
            continue  # never upscale
        source = _resized(source, width, sideways=sideways)
        shown = source.transpose(upright) if upright is not None else source
        buffer = io.BytesIO()
        shown.save(buffer, "WEBP", **params)
        out[width] = buffer.getvalue()
    if shown is None:  # no thumbnail: the hash looks at the image itself
        shown = source.transpose(upright) if upright is not None else source
    return out, shown


def _wide_gamut_profile(icc: bytes | None) -> bytes | None:
    """The colour profile, when dropping it would change the colours (not sRGB, the web's default).

    Kept only then: EXIF, XMP and comments always go, and a 3 kB sRGB profile is dead weight.
    """
    if not icc:
        return None
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError):
        return None  # unreadable: a browser could not use it either
    return None if "srgb" in description.lower() else icc


def _flatten_mode(image: Image.Image) -> Image.Image:
    """A mode Pillow resizes well and the WebP encoder takes (it turns L/LA into RGB/RGBA itself).

    Greys stay grey: a third of the pixels to resize, converted only once small, by the encoder.
    """
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        # 16-bit greys (scans, some PNGs): a plain convert clips everything above 255 to white.
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    has_alpha = image.mode == "PA" or (image.mode == "P" and "transparency" in image.info)
    return image.convert("RGBA" if has_alpha else "RGB")


def _resized(image: Image.Image, width: int, *, sideways: bool) -> Image.Image:
    """image scaled to be width wide once shown (sideways: stored turned by 90 degrees)."""
    shown_w, shown_h = (image.height, image.width) if sideways else image.size
    if shown_w == width:
        return image
    height = max(1, round(shown_h * width / shown_w))
    size = (height, width) if sideways else (width, height)
    factor, rest = divmod(shown_w, width)
    if factor >= 2 and not rest and min(size) >= 100:
        # An exact integer factor (960 -> 320): the mean of each factor x factor block is the
        # right filter there, at a fifth of the cost. The box drops the at most factor - 1 rows
        # (or columns) the rounded height leaves over: under 1% of a thumbnail at least 100 px
        # high; a thinner strip would show it, so it takes the general filter.
        box = (0, 0, min(image.width, size[0] * factor), min(image.height, size[1] * factor))
        return image.reduce(factor, box=box)
    # Hamming after an integer box reduction: for downscaling by 1.5-12x it looks like bicubic
    # (Pillow's thumbnail() default) at about half the cost.
    return image.resize(size, Image.Resampling.HAMMING, reducing_gap=2.0)
