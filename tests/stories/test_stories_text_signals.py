"""Citations, not-news, categories, near-duplicate hashes and stems: the pure pieces."""

from __future__ import annotations

import pytest

from strichka.stories import CATEGORIES, CATEGORY_LABELS, find_citations, is_news
from strichka.stories.categories import category_from_tags
from strichka.stories.citations import outlet_keys, same_outlet
from strichka.stories.dedup import DuplicateFinder, minhash
from strichka.stories.features import fingerprint, stem


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Як передає Укрінформ, у Києві пролунали вибухи.", "Укрінформ"),
        ("Росія атакувала Харків керованими авіабомбами.\n— УНІАН", "УНІАН"),
        ("Об этом сообщает РБК-Украина со ссылкой на источники.", "РБК-Украина"),
        ("В Одессе прогремели взрывы, передает Интерфакс-Украина.", "Интерфакс-Украина"),
        ("Як повідомляє «Економічна правда», уряд змінив тарифи.", "Економічна правда"),
        ("The strike killed three people, according to Reuters. Officials said more.", "Reuters"),
        ("Reuters reported that the talks stalled on Friday.", "Reuters"),
    ],
)
def test_citations_name_the_outlet(text, outlet):
    assert [c.cited_name for c in find_citations(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Про це, за даними Тимура Ткаченка, йдеться в наказі міської адміністрації.",
        "Як повідомляє Олександр Сирський, ситуація на фронті складна.",
        "По данным Ивана Петрова, поставки выросли вдвое.",
    ],
)
def test_people_quoted_are_not_taken_for_outlets(text):
    assert find_citations(text) == ()


def test_an_outlet_after_a_person_in_the_same_text_is_still_found():
    text = "За даними Тимура Ткаченка, школи відкриються в понеділок, повідомляє Суспільне."
    assert [c.cited_name for c in find_citations(text)] == ["Суспільне"]


def test_text_without_attribution_has_no_citations():
    assert find_citations("Він сказав, що все буде добре. Она сообщает о том, что всё хорошо.") == ()


@pytest.mark.parametrize(
    "title",
    [
        "Гороскоп на 21 листопада для всіх знаків зодіаку",
        "Гороскоп на неделю: что ждет Овнов",
        "Тест: чи знаєте ви столиці Європи?",
        "Знижки до 50% на смартфони лише сьогодні",
        "Програма передач на 21 листопада",
        "Погода на 22 ноября: дожди и мокрый снег",
        "10 продуктів, які варто їсти взимку",
        "How to choose a winter jacket",
        "Какой сегодня праздник, 21 ноября",
    ],
)
def test_service_and_lifestyle_content_is_not_news(title):
    assert not is_news(title)


@pytest.mark.parametrize(
    "title",
    [
        "Росія вночі атакувала Київ ракетами, загинули троє людей",
        "Нацбанк Украины снизил учетную ставку до 13%",
        "Zelensky meets Biden in Washington to discuss air defence",
        "Шахтар переміг Динамо у класичному матчі УПЛ",
    ],
)
def test_reports_of_events_are_news(title):
    assert is_news(title)


def test_feed_tags_can_mark_not_news():
    assert not is_news("Що чекає Овнів цього тижня", feed_categories=("Гороскопи",))


def test_every_category_has_a_label_in_each_interface_language():
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    for labels in CATEGORY_LABELS.values():
        assert set(labels) == {"uk", "ru", "en"} and all(labels.values())


def test_feed_tags_are_weak_labels():
    assert category_from_tags(("Спорт", "Футбол")) == "sports"
    assert category_from_tags(("Economy",)) == "economy"
    assert category_from_tags(("Війна",)) == "war"
    assert category_from_tags(("Новини",)) is None  # too generic to decide


AGENCY_TEXT = (
    "У ніч на суботу російські війська завдали ракетного удару по Києву. Загинули троє людей, ще 12 "
    "поранені, повідомив голова КМВА Тимур Ткаченко. Уламки ракети впали у Солом'янському районі, "
    "пошкоджено багатоповерховий будинок, школу та кілька автомобілів. На місці працюють рятувальники "
    "ДСНС, медики та поліція. Повітряна тривога у столиці тривала понад три години. За даними Повітряних "
    "сил, ворог випустив по Україні 40 ракет і понад 100 дронів, більшість з них збили сили ППО. "
    "Мешканців пошкоджених будинків тимчасово розселили, у районі відкрили пункт незламності."
)


def test_near_duplicate_bodies_are_found_and_rewrites_are_not():
    edited = AGENCY_TEXT.replace("кілька автомобілів", "п'ять автомобілів") + "\n\nДжерело: Укрінформ."
    rewrite = (
        "Росія знову атакувала столицю: внаслідок ракетного удару троє людей загинули, 12 отримали поранення. "
        "Про це повідомив Тимур Ткаченко. У Солом'янському районі пошкоджено будинок і школу."
    )
    finder = DuplicateFinder()
    finder.add(1, minhash(AGENCY_TEXT))
    finder.add(2, minhash(rewrite))
    assert finder.nearest(minhash(edited)) == [1]
    assert finder.nearest(minhash(rewrite)) == [2]
    finder.remove(1)
    assert finder.nearest(minhash(edited)) == []


@pytest.mark.parametrize(
    ("lang", "forms"),
    [("uk", ["ракета", "ракети", "ракетами"]), ("ru", ["ракета", "ракеты", "ракетами"]), ("en", ["missile", "missiles"])],
)
def test_word_forms_share_a_stem(lang, forms):
    assert len({stem(f, lang) for f in forms}) == 1


def test_names_meet_across_scripts():
    uk = fingerprint("Зеленський зустрівся з Байденом", "", "uk")
    en = fingerprint("Zelensky meets Biden", "", "en")
    assert uk.title_names & en.title_names


@pytest.mark.parametrize(
    ("cited", "outlet", "same"),
    [
        ("УкрПресс-Инфо", "Агентство УкрПрес-Інфо", True),
        ("Карпатский вестник", "Карпатський вісник", True),
        ("Укрінформ", "Укрінформ", True),
        ("Українська правда", "Українські новини", False),
        ("Reuters", "Укрінформ", False),
    ],
)
def test_spellings_of_one_outlet_are_recognised(cited, outlet, same):
    assert same_outlet(outlet_keys(cited), outlet_keys(outlet)) is same
