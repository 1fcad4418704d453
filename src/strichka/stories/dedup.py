"""Near-duplicate bodies: MinHash over word 3-shingles with LSH lookup; SimHash kept as a record.

The same agency text republished by several outlets differs by a credit line, a headline or a
sentence. Its word 3-shingles overlap by far more than any rewrite's: Jaccard >= DUPLICATE_JACCARD
(estimated from 64 MinHash permutations, found through LSH bands without scanning the window)
makes the later article a duplicate of the earlier one. The 64-bit SimHash is stored with the
article (articles.simhash) as a compact fingerprint for other tools; it is too noisy on short
texts to decide on its own.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

DUPLICATE_JACCARD = 0.7
NUM_PERM = 64
_WORD = re.compile(r"\w+")
_BIT_WEIGHTS = 1 << np.arange(64, dtype=np.uint64)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))} if words else set()


def minhash(text: str) -> MinHash | None:
    grams = shingles(text)
    if not grams:
        return None
    value = MinHash(num_perm=NUM_PERM)
    value.update_batch(list(grams))
    return value


def simhash(text: str) -> int:
    """SimHash of the text's word 3-shingles (lower-cased); 0 for an empty text."""
    grams = shingles(text)
    if not grams:
        return 0
    digests = np.frombuffer(b"".join(hashlib.blake2b(s, digest_size=8).digest() for s in grams), dtype="<u8")
    bits = ((digests[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)).astype(np.int32)
    votes = bits.sum(axis=0) * 2 - len(digests)
    return int(((votes > 0).astype(np.uint64) * _BIT_WEIGHTS).sum())


def to_hex(value: int) -> str:
    return f"{value:016x}"


@functools.cache
def _lsh_bands() -> tuple[int, int]:
    # datasketch integrates false positive and negative rates to choose (bands, rows) on every
    # construction (~5-40 ms); a finder is made per batch of articles, so choose once.
    probe = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    return probe.b, probe.r


class DuplicateFinder:
    """Remembers MinHashes of the active window; answers "which earlier body is this?"."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
        self._hashes: dict[int, MinHash] = {}

    def add(self, article_id: int, value: MinHash | None) -> None:
        if value is None or article_id in self._hashes:
            return
        self._hashes[article_id] = value
        self._lsh.insert(article_id, value)

    def remove(self, article_id: int) -> None:
        if self._hashes.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def nearest(self, value: MinHash | None) -> list[int]:
        """Ids of remembered bodies with estimated Jaccard >= DUPLICATE_JACCARD, most similar first."""
        if value is None:
            return []
        close = [(self._hashes[c].jaccard(value), c) for c in self._lsh.query(value)]
        return [c for j, c in sorted(close, key=lambda x: (-x[0], x[1])) if j >= DUPLICATE_JACCARD]
