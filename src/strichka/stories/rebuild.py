"""Stories rebuilt from the articles they still have, after the operator deleted some of them.

A removed outlet's headline must not stay the story's title, nor its count among the outlets: the
story's face is recomputed by the live index's own build_view, from the stored vectors, with no
embedding and none of the matching signals (fingerprints, body hashes) that only joining needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

import numpy as np

from strichka.stories.features import fingerprint
from strichka.stories.index import Member
from strichka.stories.matching import Side
from strichka.stories.model import RestoreRow, StoryArticle, StoryView
from strichka.stories.views import build_view

_NO_FINGERPRINT = fingerprint("", "", None)  # joining is not redone: no words needed


def rebuilt_views(rows: Sequence[RestoreRow], now: datetime) -> dict[int, StoryView]:
    """story id -> its view over `rows` (every remaining member of the stories being rebuilt)."""
    dim = next((len(r.embedding) // 4 for r in rows if r.embedding), 1)
    members: dict[int, list[tuple[Member, np.ndarray]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.published_at, r.id)):
        article = StoryArticle(
            id=row.id, source_id=row.source_id, source_name=row.source_name, lang=row.lang, title=row.title,
            text=row.text, published_at=row.published_at, url=row.url, source_weight=row.source_weight,
        )
        member = Member(
            article=article, row=-1, side=Side(row.lang, row.published_at, _NO_FINGERPRINT, ()), simhash=0,
            story_id=row.story_id, duplicate_of=row.duplicate_of, category=row.category, is_news=row.is_news,
            citations=(),
        )
        members[row.story_id].append((member, _vector(row.embedding, dim)))
    return {
        story_id: build_view(story_id, [m for m, _ in pairs], np.vstack([v for _, v in pairs]), now, {})
        for story_id, pairs in members.items()
    }


def _vector(stored: bytes | None, dim: int) -> np.ndarray:
    # One stored without a vector (never embedded) counts as zero: only the last choice for the headline.
    if stored is None or len(stored) != 4 * dim:
        return np.zeros(dim, dtype=np.float32)
    return np.frombuffer(stored, dtype="<f4").astype(np.float32)
