"""Same photo, many outlets: compare perceptual hashes (hex strings) by Hamming distance.

A pHash of the same picture resized, recompressed or lightly cropped by another outlet differs
in a few of its 64 bits; unrelated photos differ in about half. The stories step uses a small
distance as one signal that two articles show the same event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, overload

K = TypeVar("K")

# Measured on resized/recompressed copies: they stay well under this; unrelated photos ~32.
DEFAULT_MAX_DISTANCE = 10


def hamming_distance(a: str, b: str) -> int:
    """Differing bits between two hex hashes of the same length."""
    if len(a) != len(b):
        raise ValueError(f"hashes of different lengths: {a!r} and {b!r}")
    return (int(a, 16) ^ int(b, 16)).bit_count()


@overload
def similar_hashes(  # type: ignore[overload-overlap]  # a mapping is matched first, by design
    target: str, candidates: Mapping[K, str], max_distance: int = DEFAULT_MAX_DISTANCE
) -> list[tuple[K, int]]: ...


@overload
def similar_hashes(
    target: str, candidates: Iterable[str], max_distance: int = DEFAULT_MAX_DISTANCE
) -> list[tuple[str, int]]: ...


def similar_hashes(
    target: str, candidates: Mapping[Any, str] | Iterable[str], max_distance: int = DEFAULT_MAX_DISTANCE
) -> list[tuple[Any, int]]:
    """(candidate id, distance) for every candidate within max_distance, closest first.

    candidates is a mapping id -> hash (image id, article id …) or just hashes; candidates
    with a malformed or differently sized hash are skipped.
    """
    pairs = candidates.items() if isinstance(candidates, Mapping) else ((h, h) for h in candidates)
    target_bits = int(target, 16)
    found: list[tuple[Any, int]] = []
    for ident, value in pairs:
        if not value or len(value) != len(target):
            continue
        try:
            distance = (target_bits ^ int(value, 16)).bit_count()
        except ValueError:
            continue
        if distance <= max_distance:
            found.append((ident, distance))
    found.sort(key=lambda pair: pair[1])
    return found
