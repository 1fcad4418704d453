"""put_many: an image and its thumbnails stored as one group, durable at once (LocalStore)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strichka.media import store as store_module
from strichka.media.keys import InvalidKeyError
from strichka.media.store import LocalStore, ObjectStore

GROUP = [
    ("feed/4/pic.w320.webp", b"RIFF-small", "image/webp"),
    ("feed/4/pic.w960.webp", b"RIFF-large", "image/webp"),
    ("feed/4/pic.jpg", b"\xff\xd8original", "image/jpeg"),
]


def test_put_many_stores_every_object(store: ObjectStore) -> None:
    store.put_many(GROUP)
    for key, data, content_type in GROUP:
        assert store.get(key) == data
        info = store.head(key)
        assert info is not None and info.content_type == content_type


def test_a_bad_key_anywhere_in_the_group_stores_nothing(store: ObjectStore) -> None:
    with pytest.raises(InvalidKeyError):
        store.put_many([*GROUP[:2], ("feed/../../escape.jpg", b"x", "image/jpeg")])
    assert list(store.iter_keys()) == []


def test_durable_group_flushes_data_before_names_and_names_before_returning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The crash-safety order: each file's bytes on disk before its rename, the folder after."""
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("flush", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append(("rename", str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(store_module.os, "fsync", fsync)
    monkeypatch.setattr(store_module.os, "replace", replace)
    root = tmp_path / "media"
    LocalStore(root).put_many(GROUP)
    folder = root / "feed" / "4"
    renames = [path for kind, path in events if kind == "rename"]
    assert renames == [str(folder / Path(key).name) for key, _d, _t in GROUP]  # in the given order
    first_rename = events.index(("rename", renames[0]))
    flushed_temps = [path for kind, path in events[:first_rename] if kind == "flush"]
    assert len(flushed_temps) == len(GROUP)
    assert all(Path(path).name.startswith(".tmp-") for path in flushed_temps)
    after = [path for kind, path in events[events.index(("rename", renames[-1])) :] if kind == "flush"]
    # The object's folder, and the new folders above it (their names live in their parents).
    assert set(after) == {str(folder), str(root / "feed"), str(root)}


def test_existing_folder_is_the_only_one_flushed_after_the_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalStore(tmp_path / "media")
    store.put("feed/4/first.jpg", b"x", "image/jpeg")
    flushed: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(store_module.os, "fsync", fsync)
    store.put_many(GROUP)
    assert [p for p in flushed if not Path(p).name.startswith(".tmp-")] == [str(tmp_path / "media" / "feed" / "4")]


def test_a_failed_rename_leaves_no_temp_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = 0

    def replace(src: str, dst: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(store_module.os, "replace", replace)
    store = LocalStore(tmp_path / "media")
    with pytest.raises(OSError, match="No space"):
        store.put_many(GROUP)
    folder = tmp_path / "media" / "feed" / "4"
    # The first object was complete and stays; the rest never appear, and no temp file is left.
    assert sorted(p.name for p in folder.iterdir()) == ["pic.w320.webp"]
    assert store.get("feed/4/pic.w320.webp") == b"RIFF-small"


def _put_in_child(root: str) -> None:
    LocalStore(Path(root)).put_many([("feed/5/child.jpg", b"from the child", "image/jpeg"), *GROUP[:1]])


def test_durable_puts_work_in_a_forked_worker(tmp_path: Path) -> None:
    import multiprocessing

    store = LocalStore(tmp_path / "media")
    store.put_many(GROUP)  # the parent's flush threads now exist; a forked child has none
    child = multiprocessing.get_context("fork").Process(target=_put_in_child, args=(str(tmp_path / "media"),))
    child.start()
    child.join(timeout=60)  # a guard against a hang, not a synchronisation
    if child.is_alive():
        child.kill()
        pytest.fail("put_many hung in a forked child")
    assert child.exitcode == 0
    assert store.get("feed/5/child.jpg") == b"from the child"
