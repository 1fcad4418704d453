"""Sniffing, refusing hostile bytes with a reason, thumbnails, and the perceptual hash."""

from __future__ import annotations

import io

import pytest
from media_samples import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    TEXT_NAMED_JPG,
    encode,
    gif,
    half_red_half_blue_jpeg,
    jpeg,
    photo,
    png,
    png_bomb,
    webp,
)
from PIL import Image, ImageChops, ImageStat

from strichka.errors import MediaError
from strichka.media.images import inspect_image, make_thumbnails, perceptual_hash, process_image
from strichka.media.similar import hamming_distance

URL = "https://outlet.example/photo.jpg"
LIMIT = 50_000_000


@pytest.mark.parametrize(
    ("data", "fmt", "ext", "content_type", "size"),
    [
        (jpeg(640, 427), "JPEG", "jpg", "image/jpeg", (640, 427)),
        (png(300, 200), "PNG", "png", "image/png", (300, 200)),
        (webp(500, 300), "WEBP", "webp", "image/webp", (500, 300)),
        (gif(400, 300), "GIF", "gif", "image/gif", (400, 300)),
        (encode(photo(120, 80), "AVIF"), "AVIF", "avif", "image/avif", (120, 80)),
    ],
)
def test_real_images_are_sniffed_from_bytes(data: bytes, fmt: str, ext: str, content_type: str, size: tuple[int, int]) -> None:
    # The URL says .jpg for all of them: the bytes decide.
    info = inspect_image(data, url=URL, max_pixels=LIMIT)
    assert (info.format, info.ext, info.content_type) == (fmt, ext, content_type)
    assert (info.width, info.height) == size
    assert info.byte_size == len(data)


def _refusal(data: bytes, max_pixels: int = LIMIT) -> MediaError:
    with pytest.raises(MediaError) as caught:
        inspect_image(data, url=URL, max_pixels=max_pixels)
    assert caught.value.url == URL
    return caught.value


def test_html_page_is_refused() -> None:
    assert _refusal(HTML_PAGE).reason == "not an image: HTML page"


def test_svg_with_script_is_refused() -> None:
    assert "SVG" in _refusal(SVG_WITH_SCRIPT).reason
    assert "SVG" in _refusal(b"<svg onload='alert(1)'/>").reason


def test_text_named_jpg_is_refused() -> None:
    assert _refusal(TEXT_NAMED_JPG).reason == "not an image: plain text"


def test_empty_and_unknown_bytes_are_refused() -> None:
    assert _refusal(b"").reason == "empty body"
    assert "unrecognised" in _refusal(bytes(range(256)) * 4).reason


def test_formats_outside_the_list_are_refused() -> None:
    # BMP and TIFF decode fine in Pillow, but their decoders never see third-party bytes here.
    assert "unsupported" in _refusal(encode(photo(50, 40), "BMP")).reason
    assert "unsupported" in _refusal(encode(photo(50, 40), "TIFF")).reason


def test_truncated_jpeg_is_refused() -> None:
    data = jpeg(800, 600)
    reason = _refusal(data[: len(data) * 2 // 3]).reason
    assert reason.startswith("truncated or corrupt image")
    # ... also on the draft-mode path used for thumbnails
    with pytest.raises(MediaError, match="truncated"):
        process_image(data[: len(data) * 2 // 3], url=URL, max_pixels=LIMIT, widths=(320,))


def test_decompression_bomb_over_our_limit_is_refused_before_decoding() -> None:
    bomb = png_bomb(9000, 9000, full_data=True)  # 81 Mpx, a few kB on disk
    assert len(bomb) < 100_000
    reason = _refusal(bomb).reason
    assert reason.startswith("decompression bomb") and "9000x9000" in reason


def test_decompression_bomb_over_pillows_limit_is_refused() -> None:
    bomb = png_bomb(100_000, 100_000, full_data=False)  # 10 Gpx declared
    assert _refusal(bomb, max_pixels=10**12).reason.startswith("decompression bomb")


def test_tracking_pixel_is_refused() -> None:
    assert _refusal(encode(Image.new("RGB", (1, 1)), "GIF")).reason.startswith("tracking pixel")


def test_thumbnails_are_webp_at_the_asked_widths_with_aspect_kept() -> None:
    thumbs = make_thumbnails(jpeg(1600, 1067), (320, 960))
    assert sorted(thumbs) == [320, 960]
    for width, data in thumbs.items():
        image = Image.open(io.BytesIO(data))
        image.load()
        assert image.format == "WEBP"
        assert image.width == width
        assert image.height == round(1067 * width / 1600)


def test_large_jpeg_thumbnails_through_draft_mode_keep_exact_widths() -> None:
    result = process_image(jpeg(4000, 3000), url=URL, max_pixels=LIMIT, widths=(960, 320))
    assert (result.info.width, result.info.height) == (4000, 3000)  # the original's size, not the draft's
    assert {w: Image.open(io.BytesIO(d)).size for w, d in result.thumbnails.items()} == {960: (960, 720), 320: (320, 240)}


def test_thumbnails_never_upscale() -> None:
    assert sorted(make_thumbnails(jpeg(500, 300), (320, 960))) == [320]
    assert make_thumbnails(jpeg(200, 100), (320, 960)) == {}


def test_transparency_survives_in_thumbnails() -> None:
    image = Image.new("RGBA", (800, 400), (255, 0, 0, 0))
    image.paste((0, 128, 0, 255), (400, 0, 800, 400))
    thumb = Image.open(io.BytesIO(make_thumbnails(encode(image, "PNG"), (320,))[320]))
    assert thumb.mode == "RGBA"
    assert thumb.getpixel((10, 10))[3] == 0
    assert thumb.getpixel((300, 100))[3] == 255


def test_odd_modes_make_faithful_thumbnails() -> None:
    reference = photo(800, 500)
    grey16 = reference.convert("L").convert("I").point(lambda v: v * 257).convert("I;16")
    for source in (encode(grey16, "PNG"), encode(reference.convert("CMYK"), "JPEG"), encode(reference.convert("LA"), "PNG")):
        thumb = Image.open(io.BytesIO(make_thumbnails(source, (320,))[320])).convert("L")
        expected = reference.convert("L").resize(thumb.size)
        difference = ImageStat.Stat(ImageChops.difference(thumb, expected)).mean[0]
        assert difference < 12, difference  # same picture, not clipped to white or inverted


def test_exif_orientation_is_applied() -> None:
    # Stored landscape 800x400, left red / right blue; orientation 6 = turn 90° clockwise to show.
    data = half_red_half_blue_jpeg(800, 400, orientation=6)
    info = inspect_image(data, url=URL, max_pixels=LIMIT)
    assert (info.width, info.height) == (400, 800)
    thumb = Image.open(io.BytesIO(make_thumbnails(data, (320,))[320])).convert("RGB")
    assert thumb.size == (320, 640)
    top, bottom = thumb.getpixel((160, 20)), thumb.getpixel((160, 620))
    assert top[0] > 150 and top[2] < 80, top  # the left (red) edge is now on top
    assert bottom[2] > 150 and bottom[0] < 80, bottom


def test_metadata_is_stripped_from_thumbnails() -> None:
    source = photo(1200, 800)
    exif = Image.Exif()
    exif[0x013B] = "Secret Photographer"
    exif[0x0112] = 1
    icc = b"\x00" * 128  # presence is enough: the thumbnail must not carry it
    data = encode(source, "JPEG", exif=exif.tobytes(), icc_profile=icc, comment=b"internal note")
    assert b"Secret Photographer" in data
    for thumb in make_thumbnails(data, (320, 960)).values():
        assert b"Secret Photographer" not in thumb and b"internal note" not in thumb
        image = Image.open(io.BytesIO(thumb))
        assert not image.getexif()
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(image.info)


def test_only_a_colour_profile_that_matters_is_kept() -> None:
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    other = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()  # stands in for Display P3
    with_srgb = make_thumbnails(encode(photo(800, 500), "JPEG", icc_profile=srgb), (320,))[320]
    with_other = make_thumbnails(encode(photo(800, 500), "JPEG", icc_profile=other), (320,))[320]
    assert "icc_profile" not in Image.open(io.BytesIO(with_srgb)).info
    assert Image.open(io.BytesIO(with_other)).info.get("icc_profile") == other


def test_perceptual_hash_matches_resized_recompressed_copies_only() -> None:
    original = jpeg(1600, 1067)
    recompressed = encode(photo(1600, 1067).resize((700, 467)), "WEBP", quality=50)
    different = encode(photo(1600, 1067, seed=7), "PNG")
    h_original, h_copy, h_other = perceptual_hash(original), perceptual_hash(recompressed), perceptual_hash(different)
    assert len(h_original) == 16 and int(h_original, 16) >= 0
    assert hamming_distance(h_original, h_copy) <= 4
    assert hamming_distance(h_original, h_other) > 16


def test_process_image_hash_agrees_with_the_standalone_hash() -> None:
    # Same picture decoded at another JPEG draft scale: the hash may move a bit, not more.
    data = jpeg(2400, 1600)
    hashed = process_image(data, url=URL, max_pixels=LIMIT, widths=(320, 960)).phash
    assert hamming_distance(hashed, perceptual_hash(data)) <= 2
