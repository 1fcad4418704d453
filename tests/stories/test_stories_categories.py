"""The category regression: fitting with coarse labels, the shipped weights, and what readers see."""

from __future__ import annotations

import numpy as np
import pytest

from strichka.stories.categories import CATEGORIES
from strichka.stories.learned_categories import WEIGHTS_PATH, LearnedCategories, fit_softmax
from strichka.stories.seed_models import learned_for, seed_models


def _clusters(rng: np.random.Generator, per_class: int = 30) -> tuple[np.ndarray, np.ndarray]:
    centres = np.eye(3, 6) * 4.0
    points = np.vstack([c + rng.normal(size=(per_class, 6)) for c in centres])
    return points, np.repeat(np.arange(3), per_class)


def test_coarse_labels_still_teach_the_fine_classes():
    rng = np.random.default_rng(7)
    points, truth = _clusters(rng)
    allowed = np.zeros((len(points), 3), dtype=bool)
    allowed[np.arange(len(points)), truth] = True
    # Classes 1 and 2 share one coarse label on all but three of their points each.
    coarse = (truth > 0) & (np.arange(len(points)) % 30 >= 3)
    allowed[coarse, 1:] = True
    weights, bias = fit_softmax(points, allowed, l2=1e-3, steps=600, rate=0.1)
    test_points, test_truth = _clusters(np.random.default_rng(8))
    picked = np.argmax(test_points @ weights + bias, axis=1)
    assert (picked == test_truth).mean() > 0.9


def test_a_row_without_any_allowed_class_is_refused():
    with pytest.raises(ValueError):
        fit_softmax(np.ones((2, 3)), np.array([[True, False], [False, False]]))


def test_saved_weights_classify_as_before(tmp_path):
    rng = np.random.default_rng(1)
    dim = 8
    model = LearnedCategories(rng.normal(size=(dim + len(CATEGORIES), len(CATEGORIES))), rng.normal(size=len(CATEGORIES)))
    model.save(tmp_path / "w.npz")
    loaded = LearnedCategories.load(tmp_path / "w.npz")
    assert loaded.dim == dim and loaded.names == CATEGORIES
    for _ in range(20):
        vector = rng.normal(size=dim)
        vector /= np.linalg.norm(vector)
        assert loaded.classify(vector, "Матч", "") == model.classify(vector, "Матч", "")


def test_shipped_weights_cover_every_category():
    model = LearnedCategories.load(WEIGHTS_PATH)
    assert model.names == CATEGORIES
    assert np.isfinite(model.weights).all() and np.abs(model.weights).max() > 0


def test_other_embedders_fall_back_to_the_seed_centroids(hash_embedder):
    assert learned_for(hash_embedder) is None
    categories, _ = seed_models(hash_embedder)
    vector = hash_embedder.embed(["Збірна України з футболу виграла матч"], kind="passage")[0]
    assert categories.classify(vector, "Збірна України з футболу виграла матч", "", ()) in CATEGORIES


@pytest.mark.parametrize(
    ("title", "lead", "expected"),
    [
        ("Шахтар переміг Динамо у матчі чемпіонату України",
         "Гол на 80-й хвилині приніс перемогу гірникам, тренер похвалив команду.", "sports"),
        ("Team Spirit won The International Dota 2 championship",
         "The esports team beat its rivals in the grand final and took the prize.", "sports"),
        ("Нацбанк підвищив облікову ставку до 15%",
         "Рішення ухвалили через прискорення інфляції, курс гривні стабілізувався.", "economy"),
        ("Samsung представила новий смартфон Galaxy",
         "Пристрій отримав новий процесор, камеру на 200 мегапікселів і підтримку 5G.", "technology"),
        ("Актриса получила премию за главную роль в фильме",
         "Церемония кинофестиваля прошла в Каннах, фильм покажут в прокате осенью.", "culture"),
        ("Астрономы обнаружили новую экзопланету у соседней звезды",
         "Учёные использовали данные телескопа, исследование опубликовано в журнале.", "science"),
    ],
)
def test_obvious_articles_get_their_category(e5, title, lead, expected):
    categories, _ = seed_models(e5)
    vector = e5.embed([f"{title}. {lead}"], kind="passage")[0]
    assert categories.classify(vector, title, lead, ()) == expected


def test_feed_tags_still_win_over_the_regression(e5):
    categories, _ = seed_models(e5)
    title = "Шахтар переміг Динамо у матчі чемпіонату України"
    vector = e5.embed([title], kind="passage")[0]
    assert categories.classify(vector, title, "", ("Економіка",)) == "economy"
