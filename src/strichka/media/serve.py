"""media_response: the HTTP answer for /media/<key>, whatever the web framework.

Rules: keys are content-addressed and never rewritten, so responses are cached for a year as
immutable; only the raster formats strichka mirrors are served inline, anything else (an SVG,
an HTML file someone put in the bucket) goes out as an attachment, never rendered by the
browser on our origin; a malformed key is refused before it reaches the store.

The function blocks (disk or boto3): mount it in a sync route, or await `media_response_async`.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from strichka.media.keys import (
    CONTENT_TYPES,
    InvalidKeyError,
    check_key,
    image_stem,
    is_thumbnail_key,
    thumbnail_width,
)
from strichka.media.store import MediaNotFound, ObjectInfo, ObjectStore

IMMUTABLE = "public, max-age=31536000, immutable"
_INLINE_TYPES = frozenset(CONTENT_TYPES.values())
# A presigned URL expires (1 h by default): the redirect itself must not be cached for long.
_REDIRECT_CACHE = "private, max-age=600"


def media_response(store: ObjectStore, key: str, *, if_none_match: str | None, mode: str = "stream") -> Response:
    try:
        check_key(key)
    except InvalidKeyError:
        return Response("invalid media key", status_code=400, media_type="text/plain")
    info = store.head(key)
    if info is None or info.size == 0:
        # Empty = a write lost to a crash (LocalStore without fsync): never cache it for a year.
        fallback = _largest_thumbnail(store, key)
        if fallback is None:
            return Response("not found", status_code=404, media_type="text/plain")
        key, info = fallback
    headers = _headers(key, info)
    if if_none_match and _etag_matches(if_none_match, info.etag):
        return Response(status_code=304, headers=headers)
    if mode == "redirect":
        url = store.presigned_url(key)
        if url:
            return RedirectResponse(url, status_code=302, headers={"Cache-Control": _REDIRECT_CACHE})
    try:
        body = store.get(key)
    except MediaNotFound:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(body, status_code=200, headers=headers)


async def media_response_async(
    store: ObjectStore, key: str, *, if_none_match: str | None, mode: str = "stream"
) -> Response:
    return await run_in_threadpool(media_response, store, key, if_none_match=if_none_match, mode=mode)


def _headers(key: str, info: ObjectInfo) -> dict[str, str]:
    content_type = info.content_type.split(";")[0].strip().lower()
    headers = {
        "Cache-Control": IMMUTABLE,
        "ETag": info.etag,
        "X-Content-Type-Options": "nosniff",
        # Even if a browser were tricked into rendering the object, it runs nothing.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    }
    if content_type in _INLINE_TYPES:
        headers["Content-Type"] = content_type
    else:
        headers["Content-Type"] = "application/octet-stream"
        name = key.rpartition("/")[2]
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return headers


def _etag_matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag.removeprefix("W/") in wanted


def _largest_thumbnail(store: ObjectStore, key: str) -> tuple[str, ObjectInfo] | None:
    """An original dropped by retention is answered with its largest thumbnail."""
    if is_thumbnail_key(key):
        return None
    stem = image_stem(key)
    thumbs = sorted(
        (k for k in store.iter_keys(stem + ".w") if thumbnail_width(k) is not None and image_stem(k) == stem),
        key=lambda k: thumbnail_width(k) or 0,
        reverse=True,
    )
    for thumb in thumbs:
        info = store.head(thumb)
        if info is not None:
            return thumb, info
    return None
