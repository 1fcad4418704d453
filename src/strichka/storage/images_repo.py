"""Queries over mirrored images: "other images like this one" by perceptual hash."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from strichka.media.similar import DEFAULT_MAX_DISTANCE, hamming_distance
from strichka.storage.schema import images


@dataclass(frozen=True)
class SimilarImage:
    image_id: int
    original_url: str
    key: str | None
    distance: int


def similar_images(conn: Connection, image_id: int, *, max_distance: int = DEFAULT_MAX_DISTANCE, recent: int = 50_000) -> list[SimilarImage]:
    """Mirrored images whose perceptual hash is within max_distance of this one's, nearest first.

    Scans the `recent` newest hashed images: a Hamming scan of 50,000 64-bit hashes is a few ms,
    and the same photo reappearing across outlets happens within days, not years.
    """
    target = conn.scalar(select(images.c.phash).where(images.c.id == image_id))
    if not target:
        return []
    rows = conn.execute(
        select(images.c.id, images.c.original_url, images.c.key, images.c.phash)
        .where(images.c.phash.is_not(None), images.c.id != image_id)
        .order_by(images.c.id.desc())
        .limit(recent)
    )
    found = [
        SimilarImage(r.id, r.original_url, r.key, d)
        for r in rows
        if (d := hamming_distance(target, r.phash)) <= max_distance
    ]
    return sorted(found, key=lambda s: (s.distance, s.image_id))
