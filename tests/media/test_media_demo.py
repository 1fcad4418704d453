"""The demo web's images, mirrored through the real Fetcher: every good one lands under the exact
key scheme with decodable thumbnails; the broken ones are refused with their reason; copies of
one photo across outlets get close perceptual hashes."""

from __future__ import annotations

import asyncio
import hashlib
import io
from collections.abc import Iterator

import pytest
from PIL import Image

from strichka.demo import DemoServer, start_demo_web
from strichka.demo.catalog import all_articles
from strichka.demo.model import ImageUse
from strichka.errors import MediaError
from strichka.fetch.client import Fetcher
from strichka.media.mirror import mirror_image
from strichka.media.similar import hamming_distance
from strichka.media.store import ObjectStore
from strichka.models import FetchResult, MirroredImage
from strichka.settings import Settings

REASON_BY_BAD_KIND = {
    "html_as_jpeg": "not an image: HTML page",
    "truncated_jpeg": "truncated or corrupt image",
    "svg_script": "SVG",
}


@pytest.fixture(scope="module")
def demo_web() -> Iterator[DemoServer]:
    with start_demo_web() as server:
        yield server


def demo_images(base_url: str) -> dict[str, ImageUse]:
    return {
        f"{base_url}/{article.outlet}/img/{image.file_name}": image
        for article in all_articles()
        for image in article.images
    }


async def _mirror_all(urls: list[str], store: ObjectStore, settings: Settings) -> list[MirroredImage | BaseException]:
    async with Fetcher(settings) as fetcher:

        async def fetch(url: str) -> FetchResult:
            return await fetcher.fetch(url, max_bytes=settings.max_image_bytes, kind="image")

        jobs = [mirror_image(u, source_id=42, fetch=fetch, store=store, settings=settings) for u in urls]
        return await asyncio.gather(*jobs, return_exceptions=True)


def test_demo_images_are_mirrored_under_the_key_scheme(demo_web: DemoServer, store: ObjectStore, settings: Settings) -> None:
    images = demo_images(demo_web.base_url)
    results = dict(zip(images, asyncio.run(_mirror_all(list(images), store, settings)), strict=True))
    expected_keys: set[str] = set()
    for url, image in images.items():
        result = results[url]
        if image.bad:
            assert isinstance(result, MediaError), (url, result)
            assert REASON_BY_BAD_KIND[image.bad] in result.reason
            continue
        assert isinstance(result, MirroredImage), (url, result)
        ext = {"jpeg": "jpg", "png": "png", "webp": "webp"}[image.fmt]
        assert result.key == f"feed/42/{hashlib.md5(url.encode()).hexdigest()}.{ext}"
        assert result.width == image.width
        assert sorted(result.thumbnails) == [w for w in (320, 960) if w < image.width]
        for width, key in result.thumbnails.items():
            thumb = Image.open(io.BytesIO(store.get(key)))
            thumb.load()
            assert thumb.format == "WEBP" and thumb.width == width
        expected_keys |= {result.key, *result.thumbnails.values()}
    assert set(store.iter_keys()) == expected_keys

    # The same photo reused by several outlets (other width or format) hashes close; others far.
    by_photo: dict[str, list[str]] = {}
    for url, image in images.items():
        if not image.bad:
            by_photo.setdefault(image.photo, []).append(results[url].phash)  # type: ignore[union-attr]
    shared = [hashes for hashes in by_photo.values() if len(hashes) > 1]
    assert shared, "the demo web reuses photos across outlets"
    for hashes in shared:
        assert max(hamming_distance(hashes[0], h) for h in hashes[1:]) <= 6
    firsts = [hashes[0] for hashes in by_photo.values()]
    close_pairs = sum(
        1 for i, a in enumerate(firsts) for b in firsts[i + 1 :] if hamming_distance(a, b) <= 6
    )
    assert close_pairs <= len(firsts) // 20  # different photos are (almost) never confused
