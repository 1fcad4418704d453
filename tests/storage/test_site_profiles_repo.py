"""A site profile written to the database comes back judging every block as it did."""

from __future__ import annotations

from datetime import UTC, datetime

from strichka.extract.blocks import fingerprint
from strichka.extract.site_profile import SiteLearner
from strichka.storage.site_profiles_repo import load_site_profile, save_site_profile

PAGES = [
    {"Головна", "Новини", "Усі права захищено", "Перший абзац про ремонт доріг"},
    {"Головна", "Новини", "Усі права захищено", "Другий абзац про нові тролейбуси"},
    {"Головна", "Новини", "Реклама на сайті", "Третій абзац про міст через річку"},
]


def _learned(pages: list[set[str]]) -> SiteLearner:
    learner = SiteLearner()
    for blocks in pages:
        learner.add_page(frozenset(fingerprint(b) for b in blocks))
    return learner


def test_saved_profile_reloads_with_the_same_verdicts_and_is_replaced_on_save(engine):
    learner = _learned(PAGES)
    with engine.begin() as conn:
        assert load_site_profile(conn, "news.example.ua") is None
        save_site_profile(conn, "news.example.ua", learner, datetime.now(UTC))
    with engine.connect() as conn:
        again = load_site_profile(conn, "news.example.ua")
    assert again is not None and again.pages == 3 and again.unsaved_pages == 0
    probe = {b for blocks in PAGES for b in blocks} | {"ніколи не бачений рядок"}
    assert {b: again.decisive().is_boilerplate(b) for b in probe} == {
        b: learner.decisive().is_boilerplate(b) for b in probe
    }

    for _ in range(10):  # one more save of the same host replaces the row
        learner.add_page(frozenset({fingerprint("Головна"), fingerprint("Новий рядок меню")}))
    with engine.begin() as conn:
        save_site_profile(conn, "news.example.ua", learner, datetime.now(UTC))
    with engine.connect() as conn:
        again = load_site_profile(conn, "news.example.ua")
    assert again is not None and again.pages == 13 and again.block_pages == learner.block_pages
    assert again.decisive().is_boilerplate("Новий рядок меню")
    assert not again.decisive().is_boilerplate("Третій абзац про міст через річку")
