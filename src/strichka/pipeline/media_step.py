"""Mirror an article's images into the object store and point its HTML at them.

Each original URL is downloaded once: an image already mirrored for another article is reused.
A refused or failed image never blocks the article; it keeps the original URL as a fallback.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from strichka.errors import BlockedAddressError, FetchError, MediaError, StorageError, TooLargeError
from strichka.media.mirror import mirror_image
from strichka.media.rewrite import rewrite_image_urls
from strichka.models import MirroredImage
from strichka.pipeline.deps import PipelineDeps
from strichka.storage import articles_repo
from strichka.storage.articles_repo import StoredImage

log = logging.getLogger("strichka.media")


async def mirror_article_images(
    article_id: int, source_id: int, html: str, stored: list[StoredImage], deps: PipelineDeps
) -> dict[str, MirroredImage]:
    results = await asyncio.gather(*(_mirror_one(image, source_id, deps) for image in stored))
    mirrored = {m.original_url: m for m in results if m is not None}
    if mirrored:
        with deps.engine.begin() as conn:
            articles_repo.update_article_html(conn, article_id, rewrite_image_urls(html, mirrored))
    return mirrored


async def retry_due_images(deps: PipelineDeps, now: datetime) -> int:
    """Images that failed for a reason that may pass (timeout, 5xx, store down), whose time has come.

    Each success is written into every article that uses the image. Returns how many succeeded.
    """
    with deps.engine.connect() as conn:
        due = articles_repo.images_due_for_retry(conn, now)
    succeeded = 0
    for image, source_id in due:
        mirrored = await _mirror_one(image, source_id, deps)
        if mirrored is None:
            continue
        succeeded += 1
        with deps.engine.begin() as conn:
            for article_id, html in articles_repo.articles_using_image(conn, image.id):
                articles_repo.update_article_html(
                    conn, article_id, rewrite_image_urls(html, {image.original_url: mirrored})
                )
    return succeeded


async def _mirror_one(image: StoredImage, source_id: int, deps: PipelineDeps) -> MirroredImage | None:
    if image.status == "ok" and image.key:
        return MirroredImage(
            image.original_url, image.key, "", image.width or 0, image.height or 0, 0,
            thumbnails=image.thumbnails,
        )
    if image.status == "refused":
        return None
    settings = deps.settings

    async def fetch(url: str):  # type: ignore[no-untyped-def]
        return await deps.fetcher.fetch(url, max_bytes=settings.max_image_bytes, kind="image")

    try:
        mirrored = await mirror_image(
            image.original_url, source_id=source_id, fetch=fetch, store=deps.media, settings=settings
        )
    except (MediaError, FetchError, StorageError) as exc:
        # A refused image (not an image, a bomb, a private address) will not get better; a
        # server error, a timeout or our object store being down might, so those are retried.
        permanent = isinstance(exc, (MediaError, BlockedAddressError, TooLargeError))
        with deps.engine.begin() as conn:
            articles_repo.record_image_error(conn, image, str(exc), datetime.now(UTC), permanent=permanent)
        log.info("image %s not mirrored: %s", image.original_url, exc)
        return None
    with deps.engine.begin() as conn:
        articles_repo.record_image_success(conn, image.id, mirrored)
    return mirrored
