"""media_response through a real ASGI app: headers, 304, 404, attachments, S3 redirect."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from media_samples import SVG_WITH_SCRIPT, jpeg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from strichka.media.s3 import S3Store
from strichka.media.serve import media_response, media_response_async
from strichka.media.store import ObjectStore

KEY = "feed/5/0123456789abcdef0123456789abcdef.jpg"


class AsgiClient:
    """Requests straight into the ASGI app in process (no socket), one event loop per call."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.get(path, headers=headers)

        return asyncio.run(send())


def client_for(store: ObjectStore, mode: str = "stream") -> AsgiClient:
    async def media(request: Request) -> Response:
        return await media_response_async(
            store, request.path_params["key"], if_none_match=request.headers.get("if-none-match"), mode=mode
        )

    return AsgiClient(Starlette(routes=[Route("/media/{key:path}", media)]))


def test_image_is_served_with_long_lived_immutable_headers(store: ObjectStore) -> None:
    data = jpeg(300, 200)
    store.put(KEY, data, "image/jpeg")
    response = client_for(store).get(f"/media/{KEY}")
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["etag"] == store.head(KEY).etag  # type: ignore[union-attr]
    assert "content-disposition" not in response.headers


def test_matching_etag_gives_304_without_body(store: ObjectStore) -> None:
    store.put(KEY, jpeg(300, 200), "image/jpeg")
    client = client_for(store)
    etag = client.get(f"/media/{KEY}").headers["etag"]
    again = client.get(f"/media/{KEY}", headers={"If-None-Match": f'"other", {etag}'})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(f"/media/{KEY}", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_missing_and_malformed_keys(store: ObjectStore) -> None:
    client = client_for(store)
    assert client.get("/media/feed/5/nothing.jpg").status_code == 404
    assert media_response(store, "feed/../../etc/passwd", if_none_match=None, mode="stream").status_code == 400
    assert media_response(store, "feed/5/..%2f..%2fx.jpg", if_none_match=None, mode="stream").status_code == 400


def test_an_empty_object_is_not_served(store: ObjectStore) -> None:
    store.put(KEY, b"", "image/jpeg")
    assert client_for(store).get(f"/media/{KEY}").status_code == 404


def test_svg_and_other_types_are_never_served_inline(store: ObjectStore) -> None:
    store.put("admin/logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")
    response = client_for(store).get("/media/admin/logo.svg")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in response.headers["content-security-policy"]


def test_dropped_original_is_answered_with_its_largest_thumbnail(store: ObjectStore) -> None:
    stem = KEY.rsplit(".", 1)[0]
    store.put(f"{stem}.w320.webp", b"small", "image/webp")
    store.put(f"{stem}.w960.webp", b"large", "image/webp")
    response = client_for(store).get(f"/media/{KEY}")
    assert (response.status_code, response.content) == (200, b"large")
    assert response.headers["content-type"] == "image/webp"


def test_redirect_mode_sends_s3_readers_to_a_presigned_url(s3_bucket: tuple[object, str]) -> None:
    client, bucket = s3_bucket
    store = S3Store(bucket, "m", client=client)
    data = jpeg(300, 200)
    store.put(KEY, data, "image/jpeg")
    response = client_for(store, mode="redirect").get(f"/media/{KEY}")
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith("http://127.0.0.1:") and "Signature" in location
    assert "immutable" not in response.headers["cache-control"]  # the signed URL expires
    followed = httpx.get(location)
    assert followed.content == data
    assert followed.headers["content-type"] == "image/jpeg"
    # A missing key is still a 404, not a redirect to an S3 error.
    assert client_for(store, mode="redirect").get("/media/feed/5/none.jpg").status_code == 404


@pytest.mark.parametrize("mode", ["stream", "redirect"])
def test_local_store_always_streams(tmp_path: object, mode: str) -> None:
    from pathlib import Path

    from strichka.media.store import LocalStore

    store = LocalStore(Path(str(tmp_path)) / "m")
    store.put(KEY, b"\xff\xd8x", "image/jpeg")
    assert client_for(store, mode=mode).get(f"/media/{KEY}").status_code == 200
