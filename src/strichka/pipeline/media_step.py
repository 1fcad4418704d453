"""Mirror an article's images into the object store and point its HTML at them.

Each original URL is downloaded once: an image already mirrored for another article is reused.
A refused or failed image never blocks the article; it keeps the original URL as a fallback.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection

from strichka.errors import BlockedAddressError, FetchError, MediaError, StorageError, TooLargeError
from strichka.media.mirror import mirror_image
from strichka.media.rewrite import rewrite_image_urls
from strichka.models import MirroredImage
from strichka.pipeline.deps import PipelineDeps
from strichka.storage import articles_repo
from strichka.storage.articles_repo import StoredImage

log = logging.getLogger("strichka.media")


@dataclass(frozen=True)
class _Outcome:
    image: StoredImage
    mirrored: MirroredImage | None = None
    error: str | None = None
    permanent: bool = False


async def mirror_article_images(
    article_id: int, source_id: int, html: str, stored: list[StoredImage], deps: PipelineDeps
) -> dict[str, MirroredImage]:
    outcomes = await asyncio.gather(*(_mirror_one(image, source_id, deps) for image in stored))
    mirrored = {o.mirrored.original_url: o.mirrored for o in outcomes if o.mirrored is not None}
    with deps.engine.begin() as conn:  # one transaction for the whole article, not one per image
        _record(conn, outcomes)
        if mirrored:
            articles_repo.update_article_html(conn, article_id, rewrite_image_urls(html, mirrored))
    return mirrored


async def retry_due_images(deps: PipelineDeps, now: datetime) -> int:
    """Images that failed for a reason that may pass (timeout, 5xx, store down), whose time has come.

    Each success is written into every article that uses the image. Returns how many succeeded.
    """
    with deps.engine.connect() as conn:
        due = articles_repo.images_due_for_retry(conn, now)
    outcomes = [await _mirror_one(image, source_id, deps) for image, source_id in due]
    with deps.engine.begin() as conn:
        _record(conn, outcomes)
        for outcome in outcomes:
            if outcome.mirrored is None:
                continue
            for article_id, html in articles_repo.articles_using_image(conn, outcome.image.id):
                articles_repo.update_article_html(
                    conn, article_id, rewrite_image_urls(html, {outcome.image.original_url: outcome.mirrored})
                )
    return sum(1 for o in outcomes if o.mirrored is not None)


def _record(conn: Connection, outcomes: list[_Outcome]) -> None:
    now = datetime.now(UTC)
    for outcome in outcomes:
        if outcome.error is not None:
            articles_repo.record_image_error(conn, outcome.image, outcome.error, now, permanent=outcome.permanent)
        elif outcome.mirrored is not None and outcome.image.status != "ok":
            articles_repo.record_image_success(conn, outcome.image.id, outcome.mirrored)


async def _mirror_one(image: StoredImage, source_id: int, deps: PipelineDeps) -> _Outcome:
    if image.status == "ok" and image.key:
        return _Outcome(image, MirroredImage(
            image.original_url, image.key, "", image.width or 0, image.height or 0, 0,
            thumbnails=image.thumbnails,
        ))
    if image.status == "refused":
        return _Outcome(image)
    settings = deps.settings

    async def fetch(url: str):  # type: ignore[no-untyped-def]
        return await deps.fetcher.fetch(url, max_bytes=settings.max_image_bytes, kind="image")

    try:
        async with deps.image_gate:
            mirrored = await mirror_image(
                image.original_url, source_id=source_id, fetch=fetch, store=deps.media, settings=settings
            )
    except (MediaError, FetchError, StorageError) as exc:
        # A refused image (not an image, a bomb, a private address) will not get better; a
        # server error, a timeout or our object store being down might, so those are retried.
        log.info("image %s not mirrored: %s", image.original_url, exc)
        return _Outcome(image, error=str(exc), permanent=isinstance(exc, (MediaError, BlockedAddressError, TooLargeError)))
    return _Outcome(image, mirrored)
