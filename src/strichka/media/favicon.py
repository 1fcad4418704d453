"""An outlet's icon, mirrored: readers' browsers never contact the outlet to draw a source list.

The icon is read from the bytes (ICO, PNG, GIF, JPEG or WebP; never SVG, which can carry script),
the sharpest frame of an ICO is taken, and what is stored is a fresh 32×32 PNG without metadata.
"""

from __future__ import annotations

import io

from PIL import Image

from strichka.errors import MediaError

ICON_SIZE = 32
MAX_ICON_BYTES = 256 * 1024
_FORMATS = ("ICO", "PNG", "GIF", "JPEG", "WEBP")
_MAX_PIXELS = 1024 * 1024  # icons are small; a "favicon" of millions of pixels is refused unread


def icon_png(data: bytes, *, url: str) -> bytes:
    """A 32×32 RGBA PNG of the icon; MediaError when the bytes are not an icon we accept."""
    if not data:
        raise MediaError(url, "empty body")
    try:
        image = Image.open(io.BytesIO(data), formats=list(_FORMATS))
        if image.format == "ICO":
            sizes = sorted(image.info.get("sizes") or [image.size])
            # Pillow picks the ICO frame to decode by assigning its size (documented for IcoImageFile).
            image.size = next((s for s in sizes if s[0] >= ICON_SIZE), sizes[-1])  # type: ignore[misc]
        if image.size[0] * image.size[1] > _MAX_PIXELS:
            raise MediaError(url, f"icon too large: {image.size[0]}x{image.size[1]} pixels")
        image.load()
    except MediaError:
        raise
    except Image.UnidentifiedImageError as exc:
        raise MediaError(url, "not an icon: unrecognised or unsupported format") from exc
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise MediaError(url, f"corrupt icon: {exc}") from exc
    icon = image.convert("RGBA")
    icon.thumbnail((ICON_SIZE, ICON_SIZE), Image.Resampling.LANCZOS)
    if icon.size != (ICON_SIZE, ICON_SIZE):  # not square: centre it on a transparent square
        square = Image.new("RGBA", (ICON_SIZE, ICON_SIZE))
        square.paste(icon, ((ICON_SIZE - icon.width) // 2, (ICON_SIZE - icon.height) // 2))
        icon = square
    out = io.BytesIO()
    icon.save(out, "PNG", optimize=True)
    return out.getvalue()


def icon_key(source_id: int) -> str:
    return f"feed/{source_id}/favicon.png"
