"""Retention: unused objects removed (or only listed on a dry run); old originals dropped, thumbnails kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from strichka.media.gc import collect_garbage, drop_old_originals
from strichka.media.store import ObjectStore

USED = "feed/1/aaaa.jpg"
UNUSED = "feed/2/bbbb.png"
LATER = datetime.now(UTC) + timedelta(days=2)  # "now" as the collector sees it: everything is old enough


def _fill(store: ObjectStore) -> None:
    for key, data in [
        (USED, b"u" * 10),
        ("feed/1/aaaa.w320.webp", b"t" * 3),
        (UNUSED, b"n" * 7),
        ("feed/2/bbbb.w320.webp", b"t" * 2),
        ("admin/upload.jpg", b"a"),
    ]:
        store.put(key, data, "image/jpeg")


def test_dry_run_lists_but_keeps_everything(store: ObjectStore) -> None:
    _fill(store)
    report = collect_garbage(store, {USED}, dry_run=True, now=LATER)
    assert sorted(report.removed) == [UNUSED, "feed/2/bbbb.w320.webp"]
    assert report.bytes_freed == 9 and report.examined == 4 and report.dry_run
    assert "would remove 2" in str(report)
    assert len(list(store.iter_keys())) == 5


def test_real_run_removes_unused_images_with_their_thumbnails(store: ObjectStore) -> None:
    _fill(store)
    report = collect_garbage(store, {USED}, dry_run=False, now=LATER)
    assert sorted(report.removed) == [UNUSED, "feed/2/bbbb.w320.webp"]
    # Used image and its thumbnail stay; keys outside feed/ are not the collector's business.
    assert sorted(store.iter_keys()) == ["admin/upload.jpg", USED, "feed/1/aaaa.w320.webp"]


def test_fresh_objects_survive_the_grace_period(store: ObjectStore) -> None:
    _fill(store)
    report = collect_garbage(store, set(), dry_run=False)  # now: everything was just written
    assert report.removed == ()
    assert len(list(store.iter_keys())) == 5


def test_old_originals_are_dropped_while_thumbnails_stay(store: ObjectStore) -> None:
    _fill(store)
    store.put("feed/3/small.gif", b"s", "image/gif")  # no thumbnail: dropping it would lose the image
    dry = drop_old_originals(store, older_than=timedelta(days=1), dry_run=True, now=LATER)
    assert sorted(dry.removed) == [USED, UNUSED]
    assert len(list(store.iter_keys())) == 6
    report = drop_old_originals(store, older_than=timedelta(days=1), dry_run=False, now=LATER)
    assert sorted(report.removed) == [USED, UNUSED] and report.bytes_freed == 17
    assert sorted(store.iter_keys()) == [
        "admin/upload.jpg", "feed/1/aaaa.w320.webp", "feed/2/bbbb.w320.webp", "feed/3/small.gif",
    ]


def test_recent_originals_are_kept(store: ObjectStore) -> None:
    _fill(store)
    assert drop_old_originals(store, older_than=timedelta(days=30), dry_run=False).removed == ()
    assert store.head(USED) is not None
