"""A profile trimmed for shipping to a worker judges every block exactly as the full one does."""

from strichka.extract import SiteProfile
from strichka.extract.blocks import fingerprint


def test_decisive_profile_gives_the_same_verdicts():
    words = "перший другий третій четвертий п'ятий шостий сьомий восьмий дев'ятий десятий".split()
    profile = SiteProfile()
    pages = [  # digits count as furniture (times, dates), so unique blocks differ in words
        {"Головна", "Новини", "Усі права захищено", f"Унікальний абзац {w}", f"Рядок {words[n % 3]}"}
        for n, w in enumerate(words)
    ]
    for blocks in pages:
        profile = profile.with_page(frozenset(fingerprint(b) for b in blocks))
    small = profile.decisive()
    assert len(small.block_pages) < len(profile.block_pages)
    every_block = {b for blocks in pages for b in blocks} | {"ніколи не бачений"}
    assert all(small.is_boilerplate(b) == profile.is_boilerplate(b) for b in every_block)
    assert small.is_boilerplate("Головна") and not small.is_boilerplate("Унікальний абзац третій")
