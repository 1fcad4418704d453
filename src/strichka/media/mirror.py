"""mirror_image: download one image, check it, store it with its thumbnails.

The fetch function is injected (the pipeline passes the shared Fetcher with the image size
limit), so this module never opens a connection itself. FetchError from the fetch passes
through unchanged (a timeout may be retried; a blocked address will not get better); bad bytes
raise MediaError with the reason. Decoding and store calls block, so they run in a worker
thread and never stall the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from strichka.errors import MediaError
from strichka.media.images import ProcessedImage, process_image
from strichka.media.keys import original_key, thumbnail_key
from strichka.media.store import ObjectStore
from strichka.models import FetchResult, MirroredImage
from strichka.settings import Settings


async def mirror_image(
    url: str,
    *,
    source_id: int,
    fetch: Callable[[str], Awaitable[FetchResult]],
    store: ObjectStore,
    settings: Settings,
) -> MirroredImage:
    result = await fetch(url)
    body = result.body
    if not 200 <= result.status < 300:
        raise MediaError(url, f"unexpected HTTP status {result.status} for an image")
    # The Fetcher enforces this while streaming; checked again so any injected fetch is safe.
    if len(body) > settings.max_image_bytes:
        raise MediaError(url, f"too large: {len(body)} bytes, limit {settings.max_image_bytes}")
    # Decoding and writing in one trip to a worker thread: each hand-off costs a thread wake-up.
    processed, key, thumbnails = await asyncio.to_thread(_process_and_store, body, url, source_id, store, settings)
    info = processed.info
    return MirroredImage(
        original_url=url,
        key=key,
        content_type=info.content_type,
        width=info.width,
        height=info.height,
        byte_size=info.byte_size,
        phash=processed.phash or None,
        thumbnails=thumbnails,
    )


def _process_and_store(
    body: bytes, url: str, source_id: int, store: ObjectStore, settings: Settings
) -> tuple[ProcessedImage, str, dict[int, str]]:
    processed = process_image(
        body, url=url, max_pixels=settings.max_image_pixels, widths=settings.thumbnail_width_list
    )
    key = original_key(source_id, url, processed.info.ext)
    return processed, key, _store_all(store, key, body, processed)


def _store_all(store: ObjectStore, key: str, body: bytes, processed: ProcessedImage) -> dict[int, str]:
    # Thumbnails first, original last: an original in the store means its thumbnails are too.
    # One put_many, so the store makes the whole group durable at once.
    thumbnails = {width: thumbnail_key(key, width) for width in sorted(processed.thumbnails)}
    items = [(thumbnails[width], processed.thumbnails[width], "image/webp") for width in thumbnails]
    store.put_many([*items, (key, body, processed.info.content_type)])
    return thumbnails
