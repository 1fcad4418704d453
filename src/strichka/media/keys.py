"""Object keys: where an image and its thumbnails live in the object store.

Rules: the original is `feed/<source id>/<md5 hex of the original URL>.<ext>`, with ext taken
from the sniffed bytes (never from the URL, which lies); each thumbnail is a WebP next to it,
`feed/<source id>/<md5>.w<width>.webp`. Keys are plain relative paths of safe characters so
they map 1:1 onto file names, S3 keys and URL paths without escaping.
"""

from __future__ import annotations

import hashlib
import re

from strichka.errors import StorageError

# ext -> content type of every format strichka mirrors; anything else is refused.
CONTENT_TYPES: dict[str, str] = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "avif": "image/avif",
}

_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*")
_THUMBNAIL_SUFFIX = re.compile(r"\.w(\d+)\.webp$")


class InvalidKeyError(StorageError, ValueError):
    """A key that could escape the store (`..`, absolute, odd characters)."""


def url_digest(url: str) -> str:
    return hashlib.md5(url.encode("utf-8")).hexdigest()


def original_key(source_id: int, url: str, ext: str) -> str:
    if ext not in CONTENT_TYPES:
        raise ValueError(f"unsupported image extension {ext!r}")
    return f"feed/{int(source_id)}/{url_digest(url)}.{ext}"


def thumbnail_key(key: str, width: int) -> str:
    return f"{image_stem(key)}.w{int(width)}.webp"


def image_stem(key: str) -> str:
    """The key without its extension: an original and all its thumbnails share it."""
    match = _THUMBNAIL_SUFFIX.search(key)
    if match:
        return key[: match.start()]
    head, dot, _ext = key.rpartition(".")
    return head if dot and "/" not in _ext else key


def is_thumbnail_key(key: str) -> bool:
    return _THUMBNAIL_SUFFIX.search(key) is not None


def thumbnail_width(key: str) -> int | None:
    match = _THUMBNAIL_SUFFIX.search(key)
    return int(match.group(1)) if match else None


def content_type_for_key(key: str) -> str:
    ext = key.rpartition(".")[2].lower()
    if ext == "jpeg":
        ext = "jpg"
    return CONTENT_TYPES.get(ext, "application/octet-stream")


def check_key(key: str) -> str:
    """Return the key if it is safe to use as a path; raise InvalidKeyError otherwise."""
    # Every segment starts with a letter or digit, so "." and ".." segments cannot pass;
    # ".." anywhere is refused as well so no later join or URL decoding can climb out.
    if len(key) > 512 or ".." in key or not _SAFE_KEY.fullmatch(key):
        raise InvalidKeyError(f"invalid object key {key!r}")
    return key
