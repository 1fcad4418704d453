"""Are two articles reports of the same event? One score from embedding and lexical evidence.

The score is the embedding cosine plus small corrections: shared body words, names and
headline names push it up; headlines naming different places or numbers push it down; a
shared photo pushes it up; time apart pulls it down. Calibrated on held-out halves of the
Toloka pairs (bench/stories.py) with multilingual-e5-small; other embedders get their own
MatchConfig.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from strichka.stories.features import Fingerprint, jaccard, overlap


@dataclass(frozen=True)
class MatchConfig:
    join_threshold: float = 0.915  # pair score at or above which two articles are one story
    candidate_floor: float = 0.84  # cosine below which a pair is not even scored
    body_weight: float = 0.0  # shared body stems added nothing on held-out pairs beyond the names
    names_weight: float = 0.04
    title_names_weight: float = 0.0
    title_name_conflict: float = 0.02
    title_number_conflict: float = 0.0  # «8 ноября» vs «18 ноября» helped less than it hurt
    cross_language_bonus: float = 0.08  # lexical signals are absent and e5 cosines run lower across languages
    same_photo_bonus: float = 0.05
    photo_bits: int = 8  # perceptual hashes within this Hamming distance are one photo
    penalty_per_day: float = 0.01
    news_by_embedding: bool = True  # the not-news seed margin is calibrated on e5's cosine scale


def config_for(embedder_name: str) -> MatchConfig:
    """Thresholds fitted to the embedder's cosine scale (the hash embedder's is much lower)."""
    if embedder_name.startswith("hash"):
        return MatchConfig(join_threshold=0.55, candidate_floor=0.25, cross_language_bonus=0.0, news_by_embedding=False)
    return MatchConfig()


@dataclass(frozen=True)
class Side:
    """What matching needs to know about one article."""

    lang: str | None
    published_at: datetime
    fingerprint: Fingerprint
    image_hashes: tuple[int, ...]


def pair_score(cosine: float, a: Side, b: Side, config: MatchConfig) -> float:
    fa, fb = a.fingerprint, b.fingerprint
    score = cosine
    score += config.body_weight * jaccard(fa.body_stems, fb.body_stems)
    score += config.names_weight * overlap(fa.names, fb.names)
    score += config.title_names_weight * overlap(fa.title_names, fb.title_names)
    if a.lang == b.lang:
        if fa.title_names and fb.title_names and not fa.title_names & fb.title_names:
            score -= config.title_name_conflict
    elif a.lang and b.lang:
        score += config.cross_language_bonus
    if fa.title_numbers and fb.title_numbers and not fa.title_numbers & fb.title_numbers:
        score -= config.title_number_conflict
    if _same_photo(a.image_hashes, b.image_hashes, config.photo_bits):
        score += config.same_photo_bonus
    days = abs((a.published_at - b.published_at).total_seconds()) / 86400
    return score - config.penalty_per_day * days


def _same_photo(a: tuple[int, ...], b: tuple[int, ...], bits: int) -> bool:
    return any((x ^ y).bit_count() <= bits for x in a for y in b)


def parse_image_hashes(hashes: tuple[str, ...]) -> tuple[int, ...]:
    out = []
    for text in hashes:
        try:
            out.append(int(text, 16))
        except ValueError:
            continue  # a malformed hash is no evidence either way
    return tuple(out)
