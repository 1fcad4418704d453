"""Near-duplicate bodies: 64-bit SimHash over word 3-shingles, looked up by bands.

The same agency text republished by several outlets differs by a credit line, a headline or
a paragraph; its SimHash differs in a few bits. Four 16-bit bands find every pair within
3 bits (pigeonhole) without comparing against the whole window.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

DUPLICATE_BITS = 3
_BANDS = 4
_WORD = re.compile(r"\w+")
_BIT_WEIGHTS = 1 << np.arange(64, dtype=np.uint64)


def simhash(text: str) -> int:
    """SimHash of the text's word 3-shingles (lower-cased); 0 for an empty text."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))} if words else set()
    if not shingles:
        return 0
    digests = np.frombuffer(
        b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles), dtype="<u8"
    )
    bits = ((digests[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)).astype(np.int32)
    votes = bits.sum(axis=0) * 2 - len(digests)
    return int(((votes > 0).astype(np.uint64) * _BIT_WEIGHTS).sum())


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def to_hex(value: int) -> str:
    return f"{value:016x}"


def from_hex(text: str | None) -> int | None:
    return int(text, 16) if text else None


class DuplicateFinder:
    """Remembers SimHashes of the active window; answers "which earlier body is this?"."""

    def __init__(self) -> None:
        self._bands: list[dict[int, set[int]]] = [{} for _ in range(_BANDS)]
        self._hashes: dict[int, int] = {}

    def add(self, article_id: int, value: int) -> None:
        if value == 0:
            return
        self._hashes[article_id] = value
        for band, table in enumerate(self._bands):
            table.setdefault((value >> (16 * band)) & 0xFFFF, set()).add(article_id)

    def remove(self, article_id: int) -> None:
        value = self._hashes.pop(article_id, None)
        if value is None:
            return
        for band, table in enumerate(self._bands):
            key = (value >> (16 * band)) & 0xFFFF
            members = table.get(key)
            if members is not None:
                members.discard(article_id)
                if not members:
                    del table[key]

    def nearest(self, value: int) -> list[int]:
        """Ids of remembered bodies within DUPLICATE_BITS, closest first."""
        if value == 0:
            return []
        candidates: set[int] = set()
        for band, table in enumerate(self._bands):
            candidates |= table.get((value >> (16 * band)) & 0xFFFF, set())
        close = [(hamming(value, self._hashes[c]), c) for c in candidates]
        return [c for d, c in sorted(close) if d <= DUPLICATE_BITS]
