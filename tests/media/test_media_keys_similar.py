"""Key scheme and perceptual-hash comparison."""

from __future__ import annotations

import hashlib

import pytest

from strichka.media.keys import content_type_for_key, image_stem, original_key, thumbnail_key
from strichka.media.similar import hamming_distance, similar_hashes


def test_original_key_is_md5_of_the_url_with_the_sniffed_ext() -> None:
    url = "https://www.ukrinform.ua/photo/merge/2026/11/21/big.png?v=3"
    assert original_key(209, url, "jpg") == f"feed/209/{hashlib.md5(url.encode()).hexdigest()}.jpg"
    with pytest.raises(ValueError):
        original_key(209, url, "svg")


def test_thumbnail_keys_sit_next_to_the_original() -> None:
    key = "feed/209/b2db2732b00a179f564765211e88356a.jpg"
    assert thumbnail_key(key, 320) == "feed/209/b2db2732b00a179f564765211e88356a.w320.webp"
    assert image_stem(thumbnail_key(key, 960)) == image_stem(key) == "feed/209/b2db2732b00a179f564765211e88356a"
    assert content_type_for_key(thumbnail_key(key, 320)) == "image/webp"
    assert content_type_for_key("feed/1/x.avif") == "image/avif"
    assert content_type_for_key("feed/1/x.svg") == "application/octet-stream"


def test_hamming_distance() -> None:
    assert hamming_distance("ffff0000ffff0000", "ffff0000ffff0000") == 0
    assert hamming_distance("ffff0000ffff0000", "fffe0000ffff0001") == 2
    with pytest.raises(ValueError):
        hamming_distance("ff", "ffff")


def test_similar_hashes_closest_first_within_the_limit() -> None:
    target = "c3d2e1f0a5b49687"
    candidates = {
        10: "c3d2e1f0a5b49687",  # same
        11: "c3d2e1f0a5b49686",  # 1 bit
        12: "3c2d1e0f5a4b6978",  # unrelated
        13: "c3d2e1f0a5b4968f",  # 1 bit
        14: "zz",  # malformed: skipped
    }
    assert similar_hashes(target, candidates, max_distance=4) == [(10, 0), (11, 1), (13, 1)]
    assert similar_hashes(target, ["c3d2e1f0a5b49687", "0000000000000000"], max_distance=3) == [("c3d2e1f0a5b49687", 0)]
