"""`strichka media gc`: remove stored images that no article uses, optionally old originals too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from strichka.app import App
from strichka.media.gc import collect_garbage, drop_old_originals
from strichka.storage.schema import article_images, images


def used_media_keys(app: App) -> set[str]:
    """Keys of every mirrored image that at least one article still uses."""
    query = (
        select(images.c.key)
        .where(images.c.key.is_not(None), images.c.id.in_(select(article_images.c.image_id)))
    )
    with app.engine.connect() as conn:
        return {row[0] for row in conn.execute(query)}


def run_media_gc(app: App, *, dry_run: bool, originals_older_than: int | None) -> str:
    lines = [str(collect_garbage(app.media, used_media_keys(app), dry_run=dry_run))]
    days = originals_older_than if originals_older_than is not None else app.settings.keep_originals_days
    if days:
        report = drop_old_originals(app.media, older_than=timedelta(days=days), dry_run=dry_run)
        lines.append(f"originals older than {days} days: {report}")
    return "\n".join(lines)
