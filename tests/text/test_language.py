"""detect_language: Ukrainian and Russian are never confused on an article body; English and others too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strichka.text.language import detect_language

UK_LONG = (
    "Кабінет Міністрів ухвалив постанову про збільшення фінансування програми відновлення житла. "
    "Як повідомили в уряді, кошти отримають громади, що постраждали від обстрілів, а також родини, "
    "які втратили домівки. Заявки прийматимуть через застосунок до кінця травня."
)
RU_LONG = (
    "Кабинет министров принял постановление об увеличении финансирования программы восстановления жилья. "
    "Как сообщили в правительстве, средства получат общины, пострадавшие от обстрелов, а также семьи, "
    "которые потеряли дома. Заявки будут принимать через приложение до конца мая."
)
EN_LONG = (
    "The cabinet approved a resolution to increase funding for the housing recovery programme. "
    "According to the government, communities affected by shelling will receive the money."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UK_LONG, "uk"),
        (RU_LONG, "ru"),
        (EN_LONG, "en"),
        ("Як передає Укрінформ, у Києві", "uk"),
        ("Как передает Укринформ, в Киеве", "ru"),
        ("Зеленський провів зустріч з прем'єром", "uk"),
        ("Зеленский провел встречу с премьером", "ru"),
        ("Путін та Сі говорили телефоном", "uk"),
        ("Путин и Си говорили по телефону", "ru"),
        ("Її", "uk"),
        ("Ещё", "ru"),
        ("Кметът на София каза, че общината ще получи нова помощ от партньори", "bg"),
    ],
)
def test_uk_ru_en(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_russian_quote_inside_ukrainian_article_stays_ukrainian() -> None:
    text = UK_LONG + " Він сказав: «Мы это сделаем». " + UK_LONG
    assert detect_language(text) == "uk"


def test_ukrainian_names_inside_russian_article_stay_russian() -> None:
    text = RU_LONG + " Об этом заявил глава Київської ОВА Микола Калашник. " + RU_LONG
    assert detect_language(text) == "ru"


def test_the_hint_decides_only_when_the_text_cannot() -> None:
    assert detect_language("Привет", hint="ru") == "ru"
    assert detect_language("Дякую", hint="uk") == "uk"
    assert detect_language(RU_LONG, hint="uk") == "ru"  # the body outweighs a wrong <html lang>
    assert detect_language("", hint=None) is None


def test_other_languages_come_from_langid() -> None:
    assert (
        detect_language("Der Präsident sagte am Montag, dass die Regierung neue Hilfen beschließen werde.")
        == "de"
    )
    assert (
        detect_language("Prezydent powiedział w poniedziałek, że rząd przyjmie nowy pakiet pomocy.") == "pl"
    )


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DANIEL = SHARED / "corpora" / "extraction" / "daniel-ru-dev" / "ground-truth.json"


@pytest.mark.corpus
def test_russian_news_bodies_from_ukrainian_and_russian_sites_are_russian() -> None:
    if not DANIEL.exists():
        pytest.skip(f"{DANIEL} absent: the shared corpora are not on this machine")
    bodies = json.loads(DANIEL.read_text(encoding="utf-8"))
    wrong = {page: detect_language(b["articleBody"]) for page, b in bodies.items()}
    wrong = {page: lang for page, lang in wrong.items() if lang != "ru"}
    assert not wrong
