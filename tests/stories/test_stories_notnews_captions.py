"""Captions and rubric titles (one to three words) are not news; reports with short headlines are."""

from __future__ import annotations

import pytest

from strichka.stories.notnews import is_news


@pytest.mark.parametrize("title", ["Регина", "Сезон открыт", "#5896", "Дела писательские", "Барселона, 2018"])
def test_captions_and_rubric_titles_are_not_news(title):
    assert not is_news(title)


@pytest.mark.parametrize(
    "title",
    [
        "Зеленський підписав закон про бюджет",
        "Сборная Украины обыграла Португалию",
        "Fed raises rates again",
    ],
)
def test_four_word_reports_stay_news(title):
    assert is_news(title)


def test_a_missing_headline_is_left_to_the_other_signals():
    assert is_news("", "Текст статті без заголовка про засідання уряду.")


def test_a_short_headline_over_a_full_report_is_still_news():
    from strichka.stories import is_news

    body = ("The Senate voted 68 to 32 on Tuesday to approve the measure after a week of debate. " * 6).strip()
    assert is_news("Budget passed", body)
    assert not is_news("Budget passed", "")  # alone, three words are a caption or a rubric
