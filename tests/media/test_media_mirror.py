"""mirror_image end to end: the real Fetcher, a loopback HTTP server, and both object stores."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
from collections.abc import Awaitable, Callable

import pytest
from media_samples import HTML_PAGE, SVG_WITH_SCRIPT, TEXT_NAMED_JPG, gif, jpeg, png, png_bomb, webp
from media_servers import ImageServer
from PIL import Image

from strichka.errors import BlockedAddressError, FetchTimeoutError, HTTPStatusError, MediaError, TooLargeError
from strichka.fetch.client import Fetcher
from strichka.media.mirror import mirror_image
from strichka.media.store import ObjectStore
from strichka.models import FetchResult, MirroredImage
from strichka.settings import Settings

SOURCE_ID = 209


def mirror_all(urls: list[str], store: ObjectStore, settings: Settings) -> list[MirroredImage | Exception]:
    """Mirror through the real Fetcher exactly as the pipeline wires it; errors are returned."""

    async def run() -> list[MirroredImage | Exception]:
        async with Fetcher(settings) as fetcher:

            def fetch(url: str) -> Awaitable[FetchResult]:
                return fetcher.fetch(url, max_bytes=settings.max_image_bytes, kind="image")

            jobs = [mirror_image(u, source_id=SOURCE_ID, fetch=fetch, store=store, settings=settings) for u in urls]
            return list(await asyncio.gather(*jobs, return_exceptions=True))

    return asyncio.run(run())  # type: ignore[arg-type]


def test_images_land_under_the_key_scheme_with_thumbnails(
    image_server: ImageServer, store: ObjectStore, settings: Settings
) -> None:
    # The URLs lie about the format on purpose: the key's extension comes from the bytes.
    served = {
        image_server.add("/photos/a.png", jpeg(1600, 1067), "image/png"): ("jpg", "image/jpeg", (1600, 1067)),
        image_server.add("/img?id=2&s=big", png(1200, 800), "application/octet-stream"): ("png", "image/png", (1200, 800)),
        image_server.add("/c.jpg", webp(640, 480), "image/jpeg"): ("webp", "image/webp", (640, 480)),
        image_server.add("/d", gif(500, 250), "image/gif"): ("gif", "image/gif", (500, 250)),
    }
    results = mirror_all(list(served), store, settings)
    assert all(isinstance(r, MirroredImage) for r in results), results
    for url, mirrored in zip(served, results, strict=True):
        assert isinstance(mirrored, MirroredImage)
        ext, content_type, size = served[url]
        assert mirrored.key == f"feed/{SOURCE_ID}/{hashlib.md5(url.encode()).hexdigest()}.{ext}"
        assert mirrored.original_url == url
        assert (mirrored.content_type, (mirrored.width, mirrored.height)) == (content_type, size)
        assert store.get(mirrored.key) == image_server.routes[url.removeprefix(image_server.base)][2]
        assert mirrored.byte_size == len(store.get(mirrored.key))
        assert mirrored.phash and len(mirrored.phash) == 16
        expected_widths = [w for w in (320, 960) if w < size[0]]
        assert sorted(mirrored.thumbnails) == expected_widths
        for width, key in mirrored.thumbnails.items():
            assert key == mirrored.key.rsplit(".", 1)[0] + f".w{width}.webp"
            thumb = Image.open(io.BytesIO(store.get(key)))
            thumb.load()
            assert (thumb.format, thumb.width) == ("WEBP", width)
            head = store.head(key)
            assert head is not None and head.content_type == "image/webp"


def test_mirroring_twice_gives_the_same_keys(image_server: ImageServer, store: ObjectStore, settings: Settings) -> None:
    url = image_server.add("/same.jpg", jpeg(800, 600))
    first, second = mirror_all([url, url], store, settings)
    assert first == second
    assert sorted(store.iter_keys()) == sorted([first.key, *first.thumbnails.values()])  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (HTML_PAGE, "not an image: HTML page"),
        (SVG_WITH_SCRIPT, "SVG"),
        (TEXT_NAMED_JPG, "not an image: plain text"),
        (jpeg(1600, 1067)[:20_000], "truncated"),
        (png_bomb(9000, 9000, full_data=True), "decompression bomb"),
    ],
    ids=["html", "svg-script", "text-named-jpg", "truncated-jpeg", "bomb"],
)
def test_bad_images_are_refused_with_their_reason_and_nothing_is_stored(
    image_server: ImageServer, store: ObjectStore, settings: Settings, body: bytes, reason: str
) -> None:
    url = image_server.add("/bad.jpg", body, "image/jpeg")
    [result] = mirror_all([url], store, settings)
    assert isinstance(result, MediaError), result
    assert reason in result.reason
    assert result.url == url
    assert list(store.iter_keys()) == []


def test_a_40_mb_file_is_refused_by_size(image_server: ImageServer, store: ObjectStore, settings: Settings) -> None:
    body = b"\xff\xd8\xff\xe0" + bytes(40_000_000)
    url = image_server.add("/huge.jpg", body)
    [result] = mirror_all([url], store, settings)
    assert isinstance(result, TooLargeError), result  # the Fetcher stops reading at the limit
    assert list(store.iter_keys()) == []


def test_an_oversized_body_from_any_fetch_is_refused(store: ObjectStore, settings: Settings) -> None:
    # Whatever fetch is injected, mirror_image itself holds the size limit.
    small = dataclasses.replace(settings, max_image_bytes=100_000)
    big = jpeg(1600, 1067)
    assert len(big) > 100_000

    async def fetch(url: str) -> FetchResult:
        return FetchResult(url=url, status=200, headers={"content-type": "image/jpeg"}, body=big)

    with pytest.raises(MediaError, match="too large"):
        asyncio.run(mirror_image("https://x.example/big.jpg", source_id=1, fetch=fetch, store=store, settings=small))


def test_a_slow_drip_times_out(image_server: ImageServer, store: ObjectStore, settings: Settings) -> None:
    url = image_server.add("/drip.jpg", jpeg(400, 300))
    image_server.drip.add("/drip.jpg")
    [result] = mirror_all([url], store, dataclasses.replace(settings, fetch_timeout=1.0))
    assert isinstance(result, FetchTimeoutError), result
    assert list(store.iter_keys()) == []


def test_a_private_address_is_blocked(image_server: ImageServer, store: ObjectStore, settings: Settings) -> None:
    url = image_server.add("/private.jpg", jpeg(400, 300))
    [result] = mirror_all([url], store, dataclasses.replace(settings, allow_private_networks=False))
    assert isinstance(result, BlockedAddressError), result
    assert image_server.hits.get("/private.jpg", 0) == 0


def test_http_errors_pass_through(image_server: ImageServer, store: ObjectStore, settings: Settings) -> None:
    [result] = mirror_all([image_server.base + "/missing.jpg"], store, settings)
    assert isinstance(result, HTTPStatusError) and result.status == 404


def test_decoding_runs_off_the_event_loop(store: ObjectStore, settings: Settings) -> None:
    """While a big image decodes, other coroutines keep running."""
    data = jpeg(4000, 3000)
    ticks: list[int] = []

    async def fetch(url: str) -> FetchResult:
        return FetchResult(url=url, status=200, headers={}, body=data)

    async def ticker(done: asyncio.Event) -> None:
        while not done.is_set():
            ticks.append(1)
            await asyncio.sleep(0)

    async def run() -> None:
        done = asyncio.Event()
        task = asyncio.create_task(ticker(done))
        mirror: Callable[..., Awaitable[MirroredImage]] = mirror_image
        await mirror("https://x.example/p.jpg", source_id=3, fetch=fetch, store=store, settings=settings)
        done.set()
        await task

    asyncio.run(run())
    assert len(ticks) > 10
