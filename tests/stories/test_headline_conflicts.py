"""Headlines quoting different names («Кофемания» vs «На спорте») are two events, not one.

The cosine is held where the pair would join without the conflict, so each test fails when the
quoted-name penalty is dropped, fires on a shared name, or fires with a quote on one side only.
"""

from __future__ import annotations

from datetime import UTC, datetime

from strichka.stories.features import fingerprint, quoted_name_conflict, quoted_names
from strichka.stories.matching import MatchConfig, Side, pair_score

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
CONFIG = MatchConfig()
# Joins without a conflict, parts with one.
COSINE = CONFIG.join_threshold + CONFIG.quoted_name_conflict / 2


def side(title: str, text: str = "", lang: str | None = "ru") -> Side:
    return Side(lang, T0, fingerprint(title, text, lang), ())


def joins(a: Side, b: Side) -> bool:
    return pair_score(COSINE, a, b, CONFIG) >= CONFIG.join_threshold


def test_headlines_quoting_different_contests_do_not_join():
    coffee = side("Голосуйте за участников фотоконкурса «Кофемания»", "Редакция проводит фотоконкурс.")
    sport = side("Голосуйте за фото в конкурсе «На спорте»", "Редакция проводит конкурс фотографий.")
    assert quoted_name_conflict(coffee.fingerprint, sport.fingerprint)
    assert not joins(coffee, sport)


def test_a_name_quoted_on_both_sides_in_another_case_is_shared():
    a = side("Болельщики «Локомотива» пришли к кассам", "Фанаты клуба собрались у стадиона.")
    b = side("Фанаты «Локомотив» собрались у арены", "Болельщики пришли к стадиону.")
    assert not quoted_name_conflict(a.fingerprint, b.fingerprint)
    assert joins(a, b)


def test_a_quoted_name_found_in_the_other_lead_is_shared():
    party = side("«Слуга народа» обсуждает исключение нардепов", "Фракция собралась на заседание.")
    expelled = side(
        "Фракция «Слуги народа» исключила двух депутатов «за прогулы»",
        "Партия «Слуга народа» исключила из фракции двух депутатов.",
    )
    other = side("Фракция «Голос» исключила двух депутатов", "Партия исключила из фракции двух депутатов.")
    assert joins(party, expelled)
    assert not joins(party, other)


def test_silent_when_only_one_headline_quotes_a_name():
    quoted = side("Голосуйте за участников фотоконкурса «Кофемания»")
    plain = side("Голосуйте за участников фотоконкурса кофеен")
    assert not quoted_name_conflict(quoted.fingerprint, plain.fingerprint)
    assert joins(quoted, plain)


def test_scare_quotes_and_quoted_speech_are_not_names():
    assert quoted_names("Экс-глава города в шутку «раздавал пропуска»") == []
    assert quoted_names("Липпи: «От нынешней ситуации меня просто тошнит»") == []
    assert quoted_names("Тренер «Герты» о матче: «Не удивлен»") == ["Герты"]
    assert quoted_names('Crush представил тизер клипа на песню "Mayday"') == ["Mayday"]


def test_silent_across_languages_where_a_name_is_spelt_differently():
    ru = side("Пресс-служба «Газпрома» сообщила о поставках")
    en = side('"Gazprom" press office reports supplies', lang="en")
    assert not joins(ru, side("Пресс-служба «Роснефти» сообщила о поставках"))
    assert pair_score(COSINE, ru, en, CONFIG) >= CONFIG.join_threshold
