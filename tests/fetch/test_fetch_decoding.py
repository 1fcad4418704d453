"""Bounded Content-Encoding decoding, fed in chunks of every size a network might deliver."""

from __future__ import annotations

import gzip
import zlib

import pytest

from strichka.fetch.decoding import (
    PIECE,
    ContentDecoder,
    CorruptEncoding,
    UnsupportedEncoding,
    accept_encoding,
)

TEXT = ("Київ, 21 листопада. " * 20000).encode()


def decode(encoding: str | None, data: bytes, step: int) -> tuple[bytes, int]:
    decoder = ContentDecoder(encoding)
    pieces = [p for i in range(0, len(data), step) for p in decoder.feed(data[i : i + step])]
    pieces += list(decoder.finish())
    return b"".join(pieces), max(map(len, pieces), default=0)


def encodings() -> list[tuple[str, bytes]]:
    cases = [
        ("gzip", gzip.compress(TEXT)),
        ("x-gzip", gzip.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)[2:-4]),  # raw deflate, as some servers send it
        ("identity", TEXT),
        ("gzip, gzip", gzip.compress(gzip.compress(TEXT))),
    ]
    try:
        import brotli
    except ImportError:
        return cases
    return cases + [("br", brotli.compress(TEXT)), ("gzip, br", brotli.compress(gzip.compress(TEXT)))]


@pytest.mark.parametrize("step", [1, 7, 4096, 10**8])
@pytest.mark.parametrize(("encoding", "data"), encodings())
def test_round_trip_in_any_chunking(encoding: str, data: bytes, step: int) -> None:
    decoded, largest = decode(encoding, data, step)
    assert decoded == TEXT
    if encoding != "identity":
        assert largest <= 2 * PIECE  # brotli may overshoot its output limit a little, never by much


def test_zero_bomb_comes_out_in_small_pieces() -> None:
    bomb = zlib.compress(bytes(200 * 1024 * 1024), 9)  # ~200 KB that inflate to 200 MB
    decoder = ContentDecoder("deflate")
    taken = 0
    for piece in decoder.feed(bomb):
        assert len(piece) <= PIECE
        taken += len(piece)
        if taken > 10 * PIECE:
            break
    assert taken == 11 * PIECE


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_garbage_is_a_corrupt_encoding(encoding: str) -> None:
    with pytest.raises(CorruptEncoding):
        decode(encoding, b"this was never compressed at all", 1000)


@pytest.mark.parametrize("encoding", ["zstd", "compress", "gzip, zstd"])
def test_unknown_encodings_are_refused(encoding: str) -> None:
    with pytest.raises(UnsupportedEncoding, match="zstd|compress"):
        ContentDecoder(encoding)


def test_accept_encoding_offers_only_what_can_be_decoded() -> None:
    for name in accept_encoding().split(", "):
        ContentDecoder(name)
