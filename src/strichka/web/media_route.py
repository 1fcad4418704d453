"""/media/<key>: mirrored images from the object store (local folder or S3)."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import Response

from strichka.web.site import site_of


def serve_media(request: Request, key: str) -> Response:
    if not key or ".." in key.split("/") or key.startswith("/"):
        raise HTTPException(404)
    # Imported on first use: the media package is optional for pages that show no images.
    from strichka.media.serve import media_response

    site = site_of(request)
    return media_response(  # type: ignore[no-any-return]
        site.app.media,
        key,
        if_none_match=request.headers.get("if-none-match"),
        mode=site.settings.media_serve_mode,
    )
