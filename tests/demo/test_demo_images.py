"""Demo pictures decode, copies of one photo match by perceptual hash, broken ones are broken."""

from __future__ import annotations

import io
import itertools
import re

import httpx
import imagehash
import pytest
from PIL import Image

from strichka.demo import DemoServer


def _distinct_images(web: DemoServer) -> dict[str, dict]:
    return {image["url"]: image for record in web.ground_truth() for image in record["images"]}


def test_good_images_decode_at_their_declared_size(late_web: DemoServer, http: httpx.Client) -> None:
    hashes: dict[str, list[imagehash.ImageHash]] = {}
    formats = set()
    for url, image in _distinct_images(late_web).items():
        if image["bad"]:
            continue
        response = http.get(url)
        assert response.status_code == 200, url
        with Image.open(io.BytesIO(response.content)) as picture:
            picture.load()
            formats.add(picture.format)
            assert response.headers["content-type"] == Image.MIME[picture.format]
            declared_width = int(re.search(r"-(\d+)\.\w+$", url).group(1))
            assert picture.width == declared_width and 800 <= picture.width <= 1600
            hashes.setdefault(image["photo"], []).append(imagehash.phash(picture))
    assert formats == {"JPEG", "PNG", "WEBP"}
    shared = {photo: hs for photo, hs in hashes.items() if len(hs) >= 2}
    assert len(shared) >= 12  # outlets covering one event reuse its photo
    for photo, copies in shared.items():
        assert all(a - b <= 6 for a, b in itertools.combinations(copies, 2)), photo
    representatives = [copies[0] for copies in hashes.values()]
    assert all(a - b > 6 for a, b in itertools.combinations(representatives, 2))


def test_same_image_url_is_byte_identical_between_requests(late_web: DemoServer, http: httpx.Client) -> None:
    url = next(u for u, i in _distinct_images(late_web).items() if not i["bad"])
    assert http.get(url).content == http.get(url).content


@pytest.mark.parametrize("kind", ["html_as_jpeg", "truncated_jpeg", "svg_script"])
def test_bad_images_are_bad_in_the_announced_way(late_web: DemoServer, http: httpx.Client, kind: str) -> None:
    url = next(u for u, i in _distinct_images(late_web).items() if i["bad"] == kind)
    response = http.get(url)
    assert response.status_code == 200
    if kind == "svg_script":
        assert response.headers["content-type"] == "image/svg+xml"
        assert b"<script>" in response.content and b"onload=" in response.content
        return
    assert response.headers["content-type"] == "image/jpeg"
    with pytest.raises(OSError):
        with Image.open(io.BytesIO(response.content)) as picture:
            picture.load()
