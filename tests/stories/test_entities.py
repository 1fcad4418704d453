"""People named in Russian headlines (natasha's NER) tell apart same-kind events with different actors.

The conflict rule is tested with a stand-in tagger (no model needed); one test runs natasha itself
when it is installed; and without natasha the fingerprint and the score are as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from strichka.stories import entities
from strichka.stories.entities import person_conflict
from strichka.stories.features import fingerprint, name_key
from strichka.stories.matching import MatchConfig, Side, pair_score

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
CONFIG = MatchConfig()
PUTIN = ("Путин сообщил, что дорожит отношениями с Токаевым", "Владимир Путин поздравил Касым-Жомарта Токаева.")
LUKASHENKO = ("Лукашенко поздравил Токаева с днем рождения", "Александр Лукашенко поздравил Касым-Жомарта Токаева.")


@dataclass
class Span:
    start: int
    stop: int
    type: str


class WordListTagger:
    """Tags as PER every occurrence of the given surnames: the conflict rule without the model."""

    def __init__(self, *surnames: str) -> None:
        self.surnames = surnames

    def __call__(self, text: str):
        spans = []
        for surname in self.surnames:
            start = text.find(surname)
            while start >= 0:
                spans.append(Span(start, start + len(surname), "PER"))
                start = text.find(surname, start + 1)
        return type("Markup", (), {"spans": spans})()


@pytest.fixture
def tagger(monkeypatch):
    def use(*surnames: str) -> None:
        monkeypatch.setattr(entities, "_NATASHA", True)
        monkeypatch.setattr(entities, "_tagger", WordListTagger(*surnames))

    return use


def conflict(a: tuple[str, str], b: tuple[str, str]) -> bool:
    fa, fb = fingerprint(*a, "ru"), fingerprint(*b, "ru")
    assert fa.people is not None and fb.people is not None
    return person_conflict(fa.people, fb.people, fa.names | fa.title_names, fb.names | fb.title_names)


def side(title: str, text: str, lang: str = "ru") -> Side:
    return Side(lang, T0, fingerprint(title, text, lang), ())


def test_a_headline_person_the_other_article_never_names_is_a_conflict(tagger):
    tagger("Путин", "Токаев", "Лукашенко")
    assert conflict(PUTIN, LUKASHENKO)


def test_one_person_in_both_articles_in_any_inflection_is_no_conflict(tagger):
    tagger("Токаев")
    assert not conflict(("Токаев поздравил ветеранов", ""), ("Ветеранов поздравил Токаев", "Касым-Жомарт Токаев."))
    assert name_key("Токаевым") == name_key("Токаева")


def test_leads_naming_only_different_people_are_a_conflict(tagger):
    tagger("Аксенов", "Черняк")
    crimea = ("Сроки открытия санаториев для крымчан", "Сергей Аксенов назвал сроки открытия санаториев.")
    season = ("В Крыму готовятся к сезону", "Алексей Черняк рассказал о подготовке к сезону.")
    assert conflict(crimea, season)


def test_the_conflict_lowers_a_joining_score_and_leaves_a_non_joining_one(tagger):
    tagger("Путин", "Токаев", "Лукашенко")
    a, b = side(*PUTIN), side(*LUKASHENKO)
    without = replace(CONFIG, person_conflict=0.0)
    lexical = pair_score(0.0, a, b, without)  # the shared names' bonus, the same at any cosine
    just_joining = CONFIG.join_threshold + CONFIG.person_conflict / 2 - lexical
    assert pair_score(just_joining, a, b, without) >= CONFIG.join_threshold
    assert pair_score(just_joining, a, b, CONFIG) == pytest.approx(CONFIG.join_threshold - CONFIG.person_conflict / 2)
    not_joining = CONFIG.join_threshold - 0.05 - lexical
    assert pair_score(not_joining, a, b, CONFIG) == pair_score(not_joining, a, b, without)


def test_only_russian_articles_have_people(tagger):
    tagger("Путин")
    assert fingerprint(*PUTIN, "uk").people is None
    assert fingerprint(*PUTIN, "en").people is None
    assert fingerprint(*PUTIN, "ru").people is not None


def test_without_natasha_the_fingerprint_and_the_score_are_as_before(monkeypatch):
    monkeypatch.setattr(entities, "_NATASHA", False)
    a, b = side(*PUTIN), side(*LUKASHENKO)
    assert a.fingerprint.people is None
    cosine = CONFIG.join_threshold + 0.01
    assert pair_score(cosine, a, b, CONFIG) == pair_score(cosine, a, b, replace(CONFIG, person_conflict=0.0))


def test_a_natasha_that_fails_to_load_means_no_people(monkeypatch):
    monkeypatch.setattr(entities, "_NATASHA", True)
    monkeypatch.setattr(entities, "_tagger", None)
    monkeypatch.setattr(entities, "_tagger_failed", True)
    people = fingerprint(*PUTIN, "ru").people
    assert people is not None and people.in_title_and_lead == frozenset()


def test_natasha_tells_putin_from_lukashenko():
    pytest.importorskip("natasha")
    a, b = side(*PUTIN), side(*LUKASHENKO)
    cosine = CONFIG.join_threshold + 0.01
    assert pair_score(cosine, a, b, CONFIG) < pair_score(cosine, a, b, replace(CONFIG, person_conflict=0.0))
