"""Content-Encoding decoding that never produces more than a small piece at a time.

httpx decompresses each network chunk in one call, so 64 KB of gzip'd zeros becomes ~64 MB
(and brotli far more) before anyone can count it. Here every decompressor is asked for at
most PIECE bytes per call, so the caller can stop a decompression bomb after the limit
with only one piece in memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, Protocol

try:  # brotli is optional: without it we simply do not offer "br" to servers.
    import brotli as _brotli

    _HAS_BOUNDED_BROTLI = hasattr(_brotli.Decompressor(), "can_accept_more_data")
except ImportError:  # pragma: no cover - depends on the environment
    _brotli = None
    _HAS_BOUNDED_BROTLI = False

PIECE = 64 * 1024


class UnsupportedEncoding(ValueError):
    pass


class CorruptEncoding(ValueError):
    pass


class _Stage(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finish(self) -> Iterator[bytes]: ...


def accept_encoding() -> str:
    """The Accept-Encoding value listing exactly what decode_stream can undo."""
    return "gzip, deflate, br" if _HAS_BOUNDED_BROTLI else "gzip, deflate"


class _Identity:
    def feed(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def finish(self) -> Iterator[bytes]:
        return iter(())


class _Zlib:
    """gzip, or deflate — which servers send either zlib-wrapped (per the RFC) or raw."""

    def __init__(self, wbits: int, *, raw_fallback: bool = False) -> None:
        self._decompressor: Any = zlib.decompressobj(wbits)
        self._raw_fallback = raw_fallback
        # zlib judges its header on the first two bytes; keep them to replay as raw deflate.
        self._head = b""

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._drain(data)
        except zlib.error as exc:
            if not self._raw_fallback:
                raise CorruptEncoding(f"corrupt compressed body: {exc}") from exc
            self._raw_fallback = False
            self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self.feed(self._head + data)
            return
        if self._raw_fallback:
            self._head += data
            self._raw_fallback = len(self._head) < 2

    def _drain(self, data: bytes) -> Iterator[bytes]:
        while True:
            if self._decompressor.eof:
                return  # bytes after the end of the stream are ignored, as browsers do
            piece = self._decompressor.decompress(data, PIECE)
            data = self._decompressor.unconsumed_tail
            if piece:
                yield piece
            # A full piece may leave output pending inside zlib even with all input consumed.
            if not data and len(piece) < PIECE:
                return

    def finish(self) -> Iterator[bytes]:
        yield from self.feed(b"")


class _Brotli:
    def __init__(self) -> None:
        assert _brotli is not None
        self._decompressor: Any = _brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            if self._decompressor.is_finished():
                return
            piece = self._decompressor.process(data, output_buffer_limit=PIECE)
            # can_accept_more_data() says True while output is still pending once the input is
            # used up (brotli 1.2.1), so drain until a call yields nothing instead.
            while piece or not self._decompressor.can_accept_more_data():
                yield piece
                if self._decompressor.is_finished():
                    return
                piece = self._decompressor.process(b"", output_buffer_limit=PIECE)
        except _brotli.error as exc:
            raise CorruptEncoding(f"corrupt brotli body: {exc}") from exc

    def finish(self) -> Iterator[bytes]:
        return iter(())


def _stage_for(name: str) -> _Stage:
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _Zlib(zlib.MAX_WBITS, raw_fallback=True)
    if name == "br" and _HAS_BOUNDED_BROTLI:
        return _Brotli()
    raise UnsupportedEncoding(f"unsupported Content-Encoding {name!r}")


class ContentDecoder:
    """Undoes a Content-Encoding header ("gzip", "gzip, br" …) piece by piece."""

    def __init__(self, content_encoding: str | None) -> None:
        names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
        # Encodings are listed in the order they were applied, so they are undone backwards.
        self._stages = [_stage_for(name) for name in reversed(names)] or [_Identity()]

    def feed(self, data: bytes) -> Iterator[bytes]:
        return self._through(0, self._stages[0].feed(data))

    def finish(self) -> Iterator[bytes]:
        for index, stage in enumerate(self._stages):
            yield from self._through(index, stage.finish())

    def _through(self, index: int, pieces: Iterator[bytes]) -> Iterator[bytes]:
        if index >= len(self._stages) - 1:
            yield from pieces
            return
        for piece in pieces:
            yield from self._through(index + 1, self._stages[index + 1].feed(piece))
