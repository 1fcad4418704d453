"""ObjectStore: where mirrored images live — a local folder or an S3-compatible bucket.

All methods are synchronous and blocking (disk or boto3). Async code (the pipeline, an async
web route) calls them through `asyncio.to_thread`; both backends are safe to use from several
threads at once (LocalStore writes are atomic renames, boto3 clients are thread-safe).
`open_object_store(settings)` is the one place the backend is chosen.

`put_many` stores an image with its thumbnails in one call, so a backend can make the group
durable at once instead of paying for each object (LocalStore: one filesystem commit for the
data, one for the names).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

from strichka.errors import ConfigError, StorageError
from strichka.media.keys import check_key, content_type_for_key
from strichka.settings import Settings

_TEMP_PREFIX = ".tmp-"
# (key, data, content type): one object of a put_many group
PutItem = tuple[str, bytes, str]
# fsync blocks in the kernel with the GIL released; waiting on several at once lets the
# filesystem flush them all in one journal commit (ext4: one commit instead of one per file).
_FLUSHERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="strichka-fsync")


def _new_flushers_after_fork() -> None:
    # A forked child (celery prefork) inherits the pool's bookkeeping but not its threads: the
    # pool would count the parent's idle threads as its own and never run a flush.
    global _FLUSHERS  # noqa: PLW0603 (one pool per process)
    _FLUSHERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="strichka-fsync")


os.register_at_fork(after_in_child=_new_flushers_after_fork)


class MediaNotFound(StorageError, KeyError):
    """No object under this key."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return f"no object {self.key!r}"


@dataclass(frozen=True)
class ObjectInfo:
    size: int
    content_type: str
    etag: str  # quoted, ready for the ETag header
    last_modified: datetime  # timezone-aware UTC


@runtime_checkable
class ObjectStore(Protocol):
    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def put_many(self, items: Sequence[PutItem]) -> None:
        """Store each (key, data, content type), made visible in the given order."""
        ...

    def get(self, key: str) -> bytes: ...

    def head(self, key: str) -> ObjectInfo | None: ...

    def delete(self, key: str) -> None: ...

    def iter_keys(self, prefix: str = "") -> Iterator[str]: ...

    def presigned_url(self, key: str) -> str | None: ...


class LocalStore:
    """Objects as files under root; the content type follows from the key's extension."""

    def __init__(self, root: Path, *, durable: bool = True) -> None:
        self.root = Path(root)
        # Durable: the data is flushed before the rename (otherwise a crash can leave an empty
        # file under a key that browsers then cache as immutable) and the directory after it
        # (otherwise a crash can lose a name the database already points at). Benchmarks may
        # turn it off.
        self.durable = durable

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*check_key(key).split("/"))

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.put_many([(key, data, content_type)])

    def put_many(self, items: Sequence[PutItem]) -> None:
        """Each object appears whole (temp file + rename), in the order given.

        When durable, the group costs two filesystem commits instead of two per object: all
        temp files are flushed at once, then renamed in order, then each directory is flushed
        once. An object of the group is visible only after its data is on disk, and a later
        one only after the earlier ones' names.
        """
        paths = [self._path(key) for key, _data, _type in items]  # every key checked first
        folders = {path.parent for path in paths}
        for folder in sorted(folders):
            if not folder.is_dir():
                folder.mkdir(parents=True, exist_ok=True)
                # A new folder's own name lives in its parent: flush those up to the root too.
                folders.update(up for up in folder.parents if up == self.root or self.root in up.parents)
        pending: list[tuple[str, Path]] = []  # temp files not yet renamed: removed on failure
        try:
            for path, (_key, data, _type) in zip(paths, items, strict=True):
                fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
                pending.append((tmp, path))
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.chmod(tmp, 0o644)
            if self.durable:
                _flush_all([tmp for tmp, _path in pending])
            while pending:
                tmp, path = pending[0]
                os.replace(tmp, path)
                pending.pop(0)
            if self.durable:
                _flush_all(sorted(str(folder) for folder in folders))
        except BaseException:
            for tmp, _path in pending:
                Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise MediaNotFound(key) from None

    def head(self, key: str) -> ObjectInfo | None:
        try:
            st = self._path(key).stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        return ObjectInfo(
            size=st.st_size,
            content_type=content_type_for_key(key),
            etag=f'"{st.st_size:x}-{st.st_mtime_ns:x}"',
            last_modified=datetime.fromtimestamp(st.st_mtime, UTC),
        )

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        # Walk only the folder the prefix names, not the whole store.
        folder = prefix.rpartition("/")[0]
        start = self.root.joinpath(*folder.split("/")) if folder else self.root
        for dirpath, dirnames, filenames in os.walk(start):
            dirnames.sort()
            rel = Path(dirpath).relative_to(self.root).as_posix()
            base = "" if rel == "." else rel + "/"
            for name in sorted(filenames):
                key = base + name
                if not name.startswith(_TEMP_PREFIX) and key.startswith(prefix):
                    yield key

    def presigned_url(self, key: str) -> str | None:
        return None


def _flush_all(paths: Sequence[str]) -> None:
    """fsync every file or directory, concurrently, and wait for all of them."""
    if len(paths) == 1:
        _fsync_path(paths[0])
        return
    for done in [_FLUSHERS.submit(_fsync_path, path) for path in paths]:
        done.result()  # re-raises the OSError of a failed flush


def _fsync_path(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_object_store(settings: Settings) -> ObjectStore:
    """file:///path (default: media/ in the data dir) or s3://bucket/prefix."""
    url = settings.resolved_media_url
    parts = urlsplit(url)
    if parts.scheme == "file":
        return LocalStore(Path(unquote(parts.netloc + parts.path)))
    if parts.scheme == "s3":
        if not parts.netloc:
            raise ConfigError(f"STRICHKA_MEDIA_URL={url!r}: expected s3://bucket/prefix")
        from strichka.media.s3 import S3Store

        return S3Store(parts.netloc, parts.path.strip("/"), endpoint_url=settings.s3_endpoint or None)
    if not parts.scheme:
        return LocalStore(Path(url))
    raise ConfigError(f"STRICHKA_MEDIA_URL={url!r}: expected file:///path or s3://bucket/prefix")
