"""bench/fit_categories.py: without ../shared it says so and exits 0; CV scores on the contest's classes."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from strichka.stories.categories import CATEGORIES

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def fit_script(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import fit_categories

    yield fit_categories
    sys.modules.pop("fit_categories", None)


def test_without_the_shared_corpora_it_exits_cleanly(fit_script, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(fit_script, "MARKUP", tmp_path / "missing")
    assert fit_script.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_fine_label_is_scored_as_its_contest_class(fit_script):
    politics_only = np.array([[c == "politics" for c in CATEGORIES]])
    widened = fit_script.contest_allowed(politics_only)[0]
    assert {c for c, ok in zip(CATEGORIES, widened, strict=True) if ok} == {"politics", "war", "world", "society"}


def test_a_hint_narrows_the_class_only_when_both_agree(fit_script):
    row = {"GOLDEN:res": "society", "HINT:text": "Выборы - 'Общество'"}
    assert [c for c, ok in zip(CATEGORIES, fit_script.allowed_categories(row, hints=True), strict=True) if ok] == ["politics"]
    row = {"GOLDEN:res": "economy", "HINT:text": "Выборы - 'Общество'"}
    assert [c for c, ok in zip(CATEGORIES, fit_script.allowed_categories(row, hints=True), strict=True) if ok] == ["economy"]
