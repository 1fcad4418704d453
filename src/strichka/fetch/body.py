"""Reading a response body under a size limit that counts decompressed bytes."""

from __future__ import annotations

import httpx

from strichka.errors import FetchError, TooLargeError
from strichka.fetch.decoding import ContentDecoder, CorruptEncoding, UnsupportedEncoding


async def read_body(response: httpx.Response, limit: int, url: str) -> bytes:
    """The decoded body, or TooLargeError as soon as more than `limit` bytes have come out.

    At most one decoded piece beyond the limit is ever held, whatever the compression ratio.
    """
    declared = _content_length(response)
    if declared is not None and declared > limit:
        # Compressed or not, a body this long is refused before a byte of it is read.
        raise TooLargeError(url, f"Content-Length {declared} bytes is over the limit of {limit} bytes")
    if response.is_stream_consumed:
        # Transports that hand over a finished response (httpx.MockTransport) have already
        # read and decoded it in memory: only the limit is left to apply.
        if len(response.content) > limit:
            raise _over_limit(url, limit, response)
        return response.content
    try:
        decoder = ContentDecoder(response.headers.get("content-encoding"))
    except UnsupportedEncoding as exc:
        raise FetchError(url, str(exc)) from exc
    pieces: list[bytes] = []
    size = 0
    try:
        async for raw in response.aiter_raw():
            for piece in decoder.feed(raw):
                size += len(piece)
                if size > limit:
                    raise _over_limit(url, limit, response)
                pieces.append(piece)
        for piece in decoder.finish():
            size += len(piece)
            if size > limit:
                raise _over_limit(url, limit, response)
            pieces.append(piece)
    except CorruptEncoding as exc:
        raise FetchError(url, str(exc)) from exc
    return b"".join(pieces)


def _over_limit(url: str, limit: int, response: httpx.Response) -> TooLargeError:
    encoding = response.headers.get("content-encoding")
    how = f" after {encoding} decompression" if encoding else ""
    return TooLargeError(url, f"body is over the limit of {limit} bytes{how}")


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None
