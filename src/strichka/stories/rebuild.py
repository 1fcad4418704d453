"""Stories rebuilt from the articles they still have, after the operator deleted some of them.

A removed outlet's headline must not stay the story's title, nor its count among the outlets: the
story's face is recomputed exactly as the live index computes it (build_view via StoryIndex.restore),
from the stored vectors, with no embedding computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np

from strichka.stories.index import StoryIndex
from strichka.stories.model import RestoreRow, StoryView

_EVERY_ARTICLE_HOURS = 24 * 366 * 100  # a story being rebuilt keeps all its members, however old


class StoredVectorsOnly:
    """Stands in for the embedder: members keep their stored vectors; one stored without a vector
    (never embedded) counts as a zero vector, which only makes it the last choice for the headline."""

    name = "stored"

    def __init__(self, dim: int) -> None:
        self.dim = dim

    def embed(self, texts: list[str], *, kind: str = "passage") -> np.ndarray:
        return np.zeros((len(texts), self.dim), dtype=np.float32)


def rebuilt_views(rows: Sequence[RestoreRow], now: datetime) -> dict[int, StoryView]:
    """story id -> its view over `rows` (every remaining member of the stories being rebuilt)."""
    if not rows:
        return {}
    dim = next((len(r.embedding) // 4 for r in rows if r.embedding), 1)
    index = StoryIndex(StoredVectorsOnly(dim), window_hours=_EVERY_ARTICLE_HOURS)  # type: ignore[arg-type]
    index.restore(rows)
    return {story_id: index.story(story_id, now=now) for story_id in index.story_ids()}
