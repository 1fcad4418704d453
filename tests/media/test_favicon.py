"""Outlet icons become clean 32×32 PNGs; anything that is not an icon we accept is refused."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from strichka.errors import MediaError
from strichka.media.favicon import ICON_SIZE, icon_png


def _ico(sizes: list[int]) -> bytes:
    image = Image.new("RGBA", (max(sizes), max(sizes)), (200, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, "ICO", sizes=[(s, s) for s in sizes])
    return out.getvalue()


def _png(side: int) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((side, side), 60).save(out, "PNG")
    return out.getvalue()


def _decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image


def test_a_multi_size_ico_becomes_a_32px_png():
    icon = _decoded(icon_png(_ico([16, 32, 48]), url="https://visti.example/favicon.ico"))
    assert icon.size == (ICON_SIZE, ICON_SIZE)
    assert icon.convert("RGBA").getpixel((16, 16)) == (200, 30, 30, 255)


def test_a_small_icon_is_kept_small_inside_the_square_and_a_wide_one_is_centred():
    out = io.BytesIO()
    Image.new("RGB", (64, 32), (0, 0, 255)).save(out, "PNG")
    icon = _decoded(icon_png(out.getvalue(), url="https://x.example/logo.png")).convert("RGBA")
    assert icon.size == (ICON_SIZE, ICON_SIZE)
    assert icon.getpixel((16, 0))[3] == 0  # transparent band above the wide logo
    assert icon.getpixel((16, 16)) == (0, 0, 255, 255)


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty"),
        (b"<html><body>Not found</body></html>", "not an icon"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not an icon"),
        (_png(48)[:-40], "corrupt"),  # cut short: the header reads, the pixels do not
    ],
)
def test_what_is_not_an_icon_is_refused_with_its_reason(body, reason):
    with pytest.raises(MediaError) as caught:
        icon_png(body, url="https://x.example/favicon.ico")
    assert reason in str(caught.value)
    assert "x.example" in str(caught.value)
