"""A host's profile stays bounded however long it learns, and judges blocks as the full count would."""

from __future__ import annotations

import random

import pytest

from strichka.extract.blocks import fingerprint
from strichka.extract.site_profile import HALVE_AT_PAGES, MAX_BLOCKS_PER_HOST, SiteLearner, SiteProfile

FURNITURE = ["Головна", "Новини", "Політика", "Економіка", "Усі права захищено", "Редакція: вул. Хрещатик, 1"]


def _word(rng: random.Random) -> str:  # letters, not digits: fingerprints read every digit as 0
    return "".join(rng.choice("абвгдежзиклмнопрстуфхцчшюя") for _ in range(rng.randint(2, 9)))


def _page(rng: random.Random, n: int, unique: int = 40) -> list[str]:
    """Furniture on every page, a rotating "most read" list, and paragraphs of the page's own."""
    most_read = [f"Найпопулярніше: новина {chr(0x430 + k)}{chr(0x430 + k % 7)}" for k in rng.sample(range(30), 5)]
    own = [" ".join(_word(rng) for _ in range(rng.randint(5, 40))) for _ in range(unique)]
    return FURNITURE + most_read + own


def _prints(blocks: list[str]) -> frozenset[str]:
    return frozenset(fingerprint(b) for b in blocks)


def test_incremental_decisive_profile_matches_the_full_one_page_after_page():
    rng = random.Random(1)
    learner = SiteLearner()
    full = SiteProfile()
    pages = [_page(rng, n, unique=8) for n in range(60)]
    for blocks in pages:
        learner.add_page(_prints(blocks))
        full = full.with_page(_prints(blocks))
        assert learner.decisive() == full.decisive()  # same pages, same blocks, same counts
    probe = {b for blocks in pages for b in blocks} | {"ніколи не бачений рядок"}
    assert all(learner.decisive().is_boilerplate(b) == full.is_boilerplate(b) for b in probe)


def test_a_long_lived_host_stays_under_the_cap_and_keeps_its_furniture():
    rng = random.Random(2)
    learner = SiteLearner()
    for n in range(600):  # 600 pages x 40 paragraphs of their own: 4x the cap in one-off blocks
        learner.add_page(_prints(_page(rng, n)))
        assert len(learner.block_pages) <= MAX_BLOCKS_PER_HOST
    profile = learner.decisive()
    assert all(profile.is_boilerplate(b) for b in FURNITURE)
    latest = _page(rng, 600)
    assert not any(profile.is_boilerplate(b) for b in latest[len(FURNITURE) + 5 :])


def test_past_the_window_counts_are_halved_and_a_redesign_is_learned():
    rng = random.Random(3)
    learner = SiteLearner()
    for n in range(HALVE_AT_PAGES + 10):
        learner.add_page(_prints(_page(rng, n, unique=2)))
    assert learner.pages < HALVE_AT_PAGES
    assert all(learner.decisive().is_boilerplate(b) for b in FURNITURE)
    redesign = ["Нове меню: Головна сторінка", "Нове меню: Стрічка новин"]
    for n in range(HALVE_AT_PAGES // 5):  # a fifth of a window: too few against all-time totals
        learner.add_page(_prints(redesign + _page(rng, n, unique=2)[len(FURNITURE) :]))
    assert all(learner.decisive().is_boilerplate(b) for b in redesign)


def test_stored_form_gives_back_the_same_verdicts():
    rng = random.Random(4)
    learner = SiteLearner()
    pages = [_page(rng, n, unique=5) for n in range(30)]
    for blocks in pages:
        learner.add_page(_prints(blocks))
    again = SiteLearner.from_blob(learner.pages, learner.to_blob())
    assert again.block_pages == learner.block_pages and again.decisive() == learner.decisive()
    probe = {b for blocks in pages for b in blocks} | {"ніколи не бачений рядок"}
    assert all(again.decisive().is_boilerplate(b) == learner.decisive().is_boilerplate(b) for b in probe)


@pytest.mark.parametrize("blob", [b"", b"\x09" + bytes(12), b"\x01" + bytes(11)])
def test_an_unreadable_stored_form_is_refused(blob: bytes):
    with pytest.raises(ValueError):
        SiteLearner.from_blob(3, blob)
