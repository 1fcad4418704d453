"""Hand-written reports of a few events in uk/ru/en (the tests' small ground truth) and a factory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from strichka.stories import StoryArticle

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def make_article(
    id: int, title: str, text: str, *, lang: str = "uk", source: str | None = None, minutes: float = 0,
    source_id: int | None = None, **extra,
) -> StoryArticle:
    return StoryArticle(
        id=id,
        source_id=source_id if source_id is not None else id,
        source_name=source or f"outlet-{id}",
        lang=lang,
        title=title,
        text=text,
        published_at=T0 + timedelta(minutes=minutes),
        url=f"https://example.org/{id}",
        **extra,
    )


KYIV_STRIKE = [
    ("uk", "Укрінформ", "Росія вночі атакувала Київ ракетами, загинули троє людей",
     "У ніч на суботу російські війська завдали ракетного удару по Києву. Загинули троє людей, ще 12 "
     "поранені, повідомив голова КМВА Тимур Ткаченко. Уламки впали у Солом'янському районі."),
    ("uk", "УНІАН", "У Києві внаслідок ракетної атаки загинули три людини",
     "Як передає Укрінформ, у ніч на суботу Росія атакувала столицю ракетами. Троє людей загинули, 12 "
     "поранено, уламки впали у Солом'янському районі, повідомив Тимур Ткаченко."),
    ("ru", "РБК-Украина", "Россия ночью атаковала Киев ракетами, погибли три человека",
     "В ночь на субботу российские войска нанесли ракетный удар по Киеву. Погибли три человека, еще 12 "
     "ранены, сообщил глава КГВА Тимур Ткаченко. Обломки упали в Соломенском районе."),
    ("en", "Reuters", "Russian missile attack on Kyiv kills three, wounds 12",
     "Russia launched a missile attack on Kyiv overnight into Saturday, killing three people and wounding "
     "12, the head of the city military administration Tymur Tkachenko said. Debris fell in the "
     "Solomianskyi district."),
]

RATE_CUT = [
    ("uk", "Економічна правда", "НБУ знизив облікову ставку до 13%",
     "Національний банк України знизив облікову ставку на 0,5 процентного пункта до 13% річних. Рішення "
     "ухвалило правління НБУ, повідомили в регуляторі."),
    ("ru", "Интерфакс-Украина", "Нацбанк Украины снизил учетную ставку до 13%",
     "Национальный банк Украины снизил учетную ставку на 0,5 процентного пункта до 13% годовых, сообщили "
     "в НБУ. Решение приняло правление регулятора."),
]

FOOTBALL = [
    ("uk", "Футбол 24", "Шахтар переміг Динамо у класичному матчі УПЛ",
     "Донецький Шахтар обіграв київське Динамо з рахунком 2:1 у матчі 10 туру Української Прем'єр-ліги. "
     "Переможний гол забив Судаков на 78-й хвилині."),
]

HOROSCOPE = ("uk", "Астро", "Гороскоп на 21 листопада для всіх знаків зодіаку",
             "Овнам варто відпочити, Тельцям пощастить у коханні, а Близнюкам — у фінансах.")
