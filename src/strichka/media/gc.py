"""Retention: remove objects no article uses, and drop old originals while thumbnails stay.

An image is one unit: its original and its thumbnails share a key stem, so a used key keeps
them all. Objects younger than a grace period are never removed: an image mirrored a moment
ago belongs to an article whose row may not be committed yet. Only keys under `prefix`
(feed/ by default) are considered; other uploads are not this collector's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from strichka.media.keys import image_stem, is_thumbnail_key
from strichka.media.store import ObjectStore

DEFAULT_GRACE = timedelta(hours=1)


@dataclass(frozen=True)
class GcReport:
    examined: int  # keys looked at
    removed: tuple[str, ...]  # removed, or that would be removed on a dry run
    bytes_freed: int
    dry_run: bool

    def __str__(self) -> str:
        verb = "would remove" if self.dry_run else "removed"
        return f"{self.examined} objects examined, {verb} {len(self.removed)} ({self.bytes_freed} bytes)"


def collect_garbage(
    store: ObjectStore,
    used_keys: Iterable[str],
    *,
    dry_run: bool,
    prefix: str = "feed/",
    grace: timedelta = DEFAULT_GRACE,
    now: datetime | None = None,
) -> GcReport:
    used_stems = {image_stem(key) for key in used_keys}
    cutoff = (now or datetime.now(UTC)) - grace
    examined = 0
    candidates: list[str] = []
    for key in store.iter_keys(prefix):
        examined += 1
        if image_stem(key) not in used_stems:
            candidates.append(key)
    return _remove(store, candidates, examined, cutoff=cutoff, dry_run=dry_run)


def drop_old_originals(
    store: ObjectStore,
    *,
    older_than: timedelta,
    dry_run: bool,
    prefix: str = "feed/",
    now: datetime | None = None,
) -> GcReport:
    """Remove originals older than `older_than` that have a thumbnail to stand in for them."""
    keys = list(store.iter_keys(prefix))
    stems_with_thumbnail = {image_stem(key) for key in keys if is_thumbnail_key(key)}
    originals = [k for k in keys if not is_thumbnail_key(k) and image_stem(k) in stems_with_thumbnail]
    cutoff = (now or datetime.now(UTC)) - older_than
    return _remove(store, originals, len(keys), cutoff=cutoff, dry_run=dry_run)


def _remove(store: ObjectStore, keys: list[str], examined: int, *, cutoff: datetime, dry_run: bool) -> GcReport:
    removed: list[str] = []
    freed = 0
    for key in keys:
        info = store.head(key)
        if info is None or info.last_modified > cutoff:
            continue
        if not dry_run:
            store.delete(key)
        removed.append(key)
        freed += info.size
    return GcReport(examined=examined, removed=tuple(removed), bytes_freed=freed, dry_run=dry_run)
