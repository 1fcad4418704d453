"""The fast paths of thumbnailing give the same pictures as the plain way: EXIF turns applied to
small images, exact-factor reductions, greys kept grey, JPEGs decoded at a draft scale."""

from __future__ import annotations

import io

import pytest
from media_samples import encode, photo
from PIL import Image, ImageChops, ImageOps, ImageStat

from strichka.media.images import _decode, make_thumbnails, process_image

URL = "https://outlet.example/photo.jpg"
LIMIT = 50_000_000


def _mean_difference(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size
    return float(sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3)


def _quadrants(width: int, height: int) -> Image.Image:
    """Four colours, one per quadrant: every flip and turn of it looks different."""
    image = Image.new("RGB", (width, height), (220, 20, 20))
    image.paste((20, 200, 20), (width // 2, 0, width, height // 2))
    image.paste((20, 20, 220), (0, height // 2, width // 2, height))
    image.paste((230, 230, 30), (width // 2, height // 2, width, height))
    return image


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_shows_the_picture_as_pillow_turns_it(orientation: int) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(_quadrants(1200, 800), "JPEG", quality=95, exif=exif.tobytes())
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))  # the reference: turn first
    result = process_image(data, url=URL, max_pixels=LIMIT, widths=(320, 960))
    assert (result.info.width, result.info.height) == upright.size
    for width, thumb_bytes in result.thumbnails.items():
        thumb = Image.open(io.BytesIO(thumb_bytes))
        expected = upright.resize((width, round(upright.height * width / upright.width)), Image.Resampling.HAMMING)
        assert _mean_difference(thumb, expected) < 6, (orientation, width)


@pytest.mark.parametrize(("width", "height"), [(1920, 1081), (1920, 1079), (2880, 1621), (1920, 250), (960, 7), (1200, 1)])
def test_exact_factor_thumbnails_have_the_rounded_size_and_the_same_picture(width: int, height: int) -> None:
    source = photo(width, height)
    thumbs = make_thumbnails(encode(source, "PNG"), (960, 320))
    for thumb_width, thumb_bytes in thumbs.items():
        thumb = Image.open(io.BytesIO(thumb_bytes))
        expected_size = (thumb_width, max(1, round(height * thumb_width / width)))
        assert thumb.size == expected_size
        if thumb.height >= 16:  # a strip a few pixels high is mostly WebP's chroma blur
            reference = source.resize(expected_size, Image.Resampling.LANCZOS)
            assert _mean_difference(thumb, reference) < 6


def test_exact_factor_of_a_sideways_photo() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored 1081 x 1920, shown 1920 wide: 960 and 320 are exact factors
    data = encode(photo(1081, 1920), "JPEG", quality=92, exif=exif.tobytes())
    upright = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    for width, thumb_bytes in make_thumbnails(data, (960, 320)).items():
        thumb = Image.open(io.BytesIO(thumb_bytes))
        assert thumb.size == (width, round(1081 * width / 1920))
        assert _mean_difference(thumb, upright.resize(thumb.size, Image.Resampling.LANCZOS)) < 6


def test_grey_jpeg_thumbnails_stay_the_same_grey_picture() -> None:
    grey = photo(1600, 1000).convert("L")
    thumbs = make_thumbnails(encode(grey, "JPEG", quality=90), (960, 320))
    assert sorted(thumbs) == [320, 960]
    for width, thumb_bytes in thumbs.items():
        thumb = Image.open(io.BytesIO(thumb_bytes))
        assert thumb.size == (width, round(1000 * width / 1600))
        assert _mean_difference(thumb, grey.resize(thumb.size, Image.Resampling.LANCZOS)) < 6


def test_a_jpeg_needing_only_the_small_thumbnail_is_decoded_at_a_draft_scale() -> None:
    # 800 px wide: no 960 thumbnail (never upscaled), so the 320 one only needs 1/2 of it.
    data = encode(photo(800, 500), "JPEG", quality=90)
    _info, decoded, _upright = _decode(data, url=URL, max_pixels=LIMIT, draft_widths=(960, 320))
    assert decoded.size == (400, 250)
    thumb = Image.open(io.BytesIO(make_thumbnails(data, (960, 320))[320]))
    full = Image.open(io.BytesIO(data))
    assert _mean_difference(thumb, full.resize(thumb.size, Image.Resampling.LANCZOS)) < 6
    # Checking a file (no thumbnails) decodes it whole.
    _info, whole, _upright = _decode(data, url=URL, max_pixels=LIMIT, draft_widths=())
    assert whole.size == (800, 500)
