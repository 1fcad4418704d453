"""Headline rules: a leading year is not a listicle count."""

from __future__ import annotations

import pytest

from strichka.stories.notnews import is_news


@pytest.mark.parametrize("title", ["2020 Hyundai Creta vs Current-Gen Creta: specs compared",
                                   "2019 год стал самым жарким в истории наблюдений"])
def test_a_headline_opening_with_a_year_stays_news(title):
    assert is_news(title)


@pytest.mark.parametrize("title", ["10 способов сэкономить на отоплении", "7 things to do in Kyiv this weekend"])
def test_a_headline_opening_with_a_count_is_a_list(title):
    assert not is_news(title)
