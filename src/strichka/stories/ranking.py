"""How important a story is right now: the number that orders the home page.

Rules: more distinct outlets and languages matter most, then velocity (articles in the last
hours) and the outlets' weights; everything decays with the age of the latest report.
Not-news stories get a negative score, so they never rank above any news story.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime

FRESHNESS_HALF_LIFE_HOURS = 8.0
VELOCITY_WINDOW_HOURS = 3.0


def score_story(view, now: datetime, source_weights: Mapping[int, float] | None = None) -> float:
    """Score of a StoryView at `now`; source_weights maps source id -> weight (default 1.0)."""
    weights = source_weights or {}
    outlets = len(set(view.source_ids))
    languages = len(set(view.languages))
    recent = sum(
        1 for t in view.published_times if 0 <= (now - t).total_seconds() <= VELOCITY_WINDOW_HOURS * 3600
    )
    velocity = recent / VELOCITY_WINDOW_HOURS
    outlet_weight = max((weights.get(s, 1.0) for s in set(view.source_ids)), default=1.0)
    age_hours = max(0.0, (now - view.updated_at).total_seconds() / 3600)
    freshness = 0.5 ** (age_hours / FRESHNESS_HALF_LIFE_HOURS)
    raw = (1.0 + 2.0 * math.log1p(outlets - 1) + 0.7 * (languages - 1) + 0.5 * math.log1p(velocity))
    raw *= max(outlet_weight, 0.05) * freshness
    raw = max(raw, 1e-9)
    return raw if view.is_news else -1.0 / (1.0 + raw)
