"""A story's face: origin, coverage, representative headlines, category and score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from strichka.stories.citations import outlet_keys, same_outlet
from strichka.stories.model import StoryView
from strichka.stories.ranking import score_story

if TYPE_CHECKING:
    from strichka.stories.index import Member


def build_view(
    story_id: int,
    members: Sequence[Member],
    vectors: np.ndarray,
    now: datetime,
    source_weights: Mapping[int, float],
) -> StoryView:
    """members oldest first; vectors their embeddings in the same order."""
    first = members[0].article
    source_ids: list[int] = []
    source_names: list[str] = []
    for m in members:
        if m.article.source_id not in source_ids:
            source_ids.append(m.article.source_id)
            source_names.append(m.article.source_name)
    lang_counts = Counter(m.article.lang for m in members if m.article.lang)
    languages = tuple(lang for lang, _ in lang_counts.most_common())
    titles = _representative_titles(members, vectors)
    main_lang = languages[0] if languages else None
    citations = tuple((m.article.id, c) for m in members for c in m.citations)
    weights = dict(source_weights)
    for m in members:
        weights.setdefault(m.article.source_id, m.article.source_weight)
    view = StoryView(
        story_id=story_id,
        article_ids=tuple(m.article.id for m in members),
        source_ids=tuple(source_ids),
        source_names=tuple(source_names),
        languages=languages,
        published_times=tuple(m.article.published_at for m in members),
        first_article_id=first.id,
        first_source_id=first.source_id,
        first_source_name=first.source_name,
        first_reported_by=_first_reported_by(members, citations),
        title=titles.get(main_lang, first.title) if main_lang else first.title,
        titles=titles,
        lang=main_lang,
        category=_majority([m.category for m in members], default="other"),
        is_news=sum(m.is_news for m in members) * 2 >= len(members),
        created_at=first.published_at,
        updated_at=max(m.article.published_at for m in members),
        score=0.0,
        duplicate_count=sum(1 for m in members if m.duplicate_of is not None),
        citations=citations,
    )
    return replace(view, score=score_story(view, now, weights))


def _representative_titles(members: Sequence[Member], vectors: np.ndarray) -> dict[str, str]:
    """Per language, the headline of the member closest to the story's centre (originals preferred)."""
    centre = vectors.mean(axis=0)
    closeness = vectors @ centre
    best: dict[str, tuple[float, str]] = {}
    for member, value in zip(members, closeness, strict=True):
        lang = member.article.lang
        if not lang or not member.article.title.strip():
            continue
        rank = float(value) - (0.05 if member.duplicate_of is not None else 0.0)
        if lang not in best or rank > best[lang][0]:
            best[lang] = (rank, member.article.title.strip())
    return {lang: title for lang, (_, title) in best.items()}


def _first_reported_by(members: Sequence[Member], citations: tuple) -> str:
    """The story's outlet that the others cite most (it broke the news), else the earliest outlet.

    A citation counts when it names an outlet of the story in any spelling («УкрПресс-Инфо» is
    «Агентство УкрПрес-Інфо»); an outlet signing its own text («— УНІАН» under УНІАН) does not.
    """
    outlets = {m.article.source_name: outlet_keys(m.article.source_name) for m in members}
    votes: Counter[str] = Counter()
    for article_id, citation in citations:
        keys = outlet_keys(citation.cited_name)
        citing = next(m.article.source_name for m in members if m.article.id == article_id)
        for outlet, keys_of_outlet in outlets.items():
            if outlet != citing and same_outlet(keys, keys_of_outlet):
                votes[outlet] += 1
                break
    if votes:
        return votes.most_common(1)[0][0]
    return members[0].article.source_name


def _majority(values: list[str], *, default: str) -> str:
    if not values:
        return default
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)  # earliest among the tied
