"""Seed sentences (categories, not-news) embedded once per embedder, shared by every StoryIndex."""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

from strichka.stories.categories import CategoryModel
from strichka.stories.notnews import NewsDetector
from strichka.text.embeddings import Embedder

_MODELS: weakref.WeakKeyDictionary[Any, tuple[CategoryModel, NewsDetector]] = weakref.WeakKeyDictionary()


def seed_models(embedder: Embedder) -> tuple[CategoryModel, NewsDetector]:
    """Seed sentences are embedded once per embedder, however many indexes share it."""
    models = _MODELS.get(embedder)
    if models is None:
        def embed(texts: list[str]) -> np.ndarray:
            return embedder.embed(texts, kind="passage")

        models = (CategoryModel(embed), NewsDetector(embed))
        _MODELS[embedder] = models
    return models
