"""What callers of search see: the query, the page of hits, the error, and the Searcher protocol."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

from sqlalchemy import Connection

from strichka.errors import StrichkaError

if TYPE_CHECKING:
    from strichka.search.documents import SearchDocument

MAX_LIMIT = 100
MAX_OFFSET = 10_000  # deeper pages are never read by people and cost a full sort
# Relevance is ranked among the newest this-many matches (by article id, i.e. arrival) on every
# backend: a common word matches most of the archive, and a news reader wants the recent best.
RANKED_CANDIDATES = 2_000
# Matches are counted up to here ("1,000+ results"): on PostgreSQL counting a word found in most of
# the archive costs a check of every document; 50 pages are more than anyone pages through.
TOTAL_CAP = 1_000


class SearchQueryError(StrichkaError):
    """A query that cannot be run; the message is meant for the reader.

    `code` names the problem for translated messages: empty_query, bad_limit, bad_offset, bad_sort,
    bad_dates.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class SearchQuery:
    text: str
    source_ids: tuple[int, ...] = ()
    langs: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: datetime | None = None  # inclusive; naive values are taken as UTC
    date_to: datetime | None = None  # exclusive
    sort: Literal["relevance", "date"] = "relevance"
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    score: float  # higher is more relevant; comparable within one page only
    snippet_html: str  # escaped plain text; the only markup is <mark> around matched words


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    total: int  # matching articles, exact below TOTAL_CAP; TOTAL_CAP means "at least that many"


class Searcher(Protocol):
    def index_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        """(Re)index these articles from the `articles` table inside the caller's transaction.

        Call it again whenever an article's title, description, text, lang, source_id, category or
        published_at change (filters live in the index). Ids no longer in `articles` are dropped.
        """

    def index_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None:
        """Store documents made beforehand by search.documents.make_document (the costly part)."""

    def remove_articles(self, conn: Connection, article_ids: Sequence[int]) -> None: ...

    def search(self, query: SearchQuery) -> SearchPage: ...

    def rebuild(self) -> int:
        """Drop the whole index and index every article again; returns the number indexed."""
        ...


def validate_query(query: SearchQuery) -> None:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise SearchQueryError(f"limit must be between 1 and {MAX_LIMIT}", "bad_limit")
    if not 0 <= query.offset <= MAX_OFFSET:
        raise SearchQueryError(f"results can be paged up to {MAX_OFFSET} only", "bad_offset")
    if query.sort not in ("relevance", "date"):
        raise SearchQueryError("sort must be 'relevance' or 'date'", "bad_sort")
    for value in (query.date_from, query.date_to):
        if value is not None and not isinstance(value, datetime):
            raise SearchQueryError("dates must be dates and times", "bad_dates")
