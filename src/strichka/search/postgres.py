"""Searcher on PostgreSQL: table search_documents(article_id, terms tsvector) with a GIN index.

The tsvector is written as a literal from our own terms (title positions weighted A, body D), the
equivalent of to_tsvector('simple', …) over pre-normalised text without the parser's word rules, so
PostgreSQL matches exactly the terms SQLite matches. The filter tokens of strichka.search.facets
ride in the same tsvector, upper-cased (search_facets() in migration 0002, kept current by a
trigger), so a filtered query is one GIN lookup instead of a check of every matching row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, cast, column, func, literal_column, select, table, text
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import ColumnClause

from strichka.errors import StorageError
from strichka.search.contract import (
    RANKED_CANDIDATES,
    TOTAL_CAP,
    SearchHit,
    SearchPage,
    SearchQuery,
    validate_query,
)
from strichka.search.documents import SearchDocument, batches, load_documents, reindex_everything
from strichka.search.facets import FacetFilter, facet_filter
from strichka.search.filters import date_conditions
from strichka.search.query_terms import QueryTerms, parse_query_terms
from strichka.search.snippets import load_snippets
from strichka.storage.schema import articles

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS_PER_TERM = 256  # and its most positions kept per lexeme
# ts_rank weights for D, C, B, A: a headline word counts four times a body word, as on SQLite.
RANK_WEIGHTS: ColumnClause[Any] = literal_column("'{0.25, 0.5, 0.75, 1.0}'::float4[]")

search_documents = table("search_documents", column("article_id"), column("terms", TSVECTOR))
_UPSERT = text(
    "INSERT INTO search_documents (article_id, terms) "
    "SELECT a.id, CAST(:terms AS tsvector) || search_facets(a.source_id, a.lang, a.category, a.published_at) "
    "FROM articles AS a WHERE a.id = :article_id "
    "ON CONFLICT (article_id) DO UPDATE SET terms = EXCLUDED.terms"
)


class PostgresSearcher:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def index_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            documents = load_documents(conn, ids)
            gone = set(ids) - {doc.article_id for doc in documents}
            if gone:
                self.remove_articles(conn, sorted(gone))
            self.index_documents(conn, documents)

    def index_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None:
        """Store documents whose terms were made already (by make_document, in a worker)."""
        if documents:
            conn.execute(_UPSERT, [{"article_id": d.article_id, "terms": tsvector_literal(d)} for d in documents])

    def remove_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            conn.execute(
                text("DELETE FROM search_documents WHERE article_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": ids},
            )

    def search(self, query: SearchQuery) -> SearchPage:
        validate_query(query)
        terms = parse_query_terms(query.text)
        facets = facet_filter(query)
        if facets.empty:
            return SearchPage(hits=(), total=0)
        tsquery = cast(bindparam("tsquery", tsquery_literal(terms, facets)), TSQUERY)
        vector = search_documents.c.terms
        score = func.ts_rank(RANK_WEIGHTS, vector, tsquery).label("score")
        matched = select(search_documents.c.article_id.label("id")).where(vector.op("@@")(tsquery))
        if facets.needs_exact_dates or query.sort == "date":
            matched = matched.join(articles, articles.c.id == search_documents.c.article_id).where(
                *date_conditions(query)
            )
        if query.sort == "date":
            page = matched.add_columns(score).order_by(articles.c.published_at.desc(), articles.c.id.desc())
        else:
            # Ranked among the newest RANKED_CANDIDATES matches, as on SQLite: same hits on both backends.
            newest = max(RANKED_CANDIDATES, query.offset + query.limit)
            candidates = (
                matched.add_columns(score).order_by(search_documents.c.article_id.desc()).limit(newest).cte()
            )
            page = select(candidates.c.id, candidates.c.score).order_by(
                candidates.c.score.desc(), candidates.c.id.desc()
            )
        page = page.limit(query.limit).offset(query.offset)
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(page).all()
                if len(rows) < query.limit and (rows or query.offset == 0):
                    total = query.offset + len(rows)  # the last page tells the total without counting
                else:
                    capped = matched.limit(TOTAL_CAP).subquery()
                    total = conn.execute(select(func.count()).select_from(capped)).scalar_one()
                if rows:  # a page past the cap still counts its own hits
                    total = max(total, query.offset + len(rows))
                snippets = load_snippets(conn, [row.id for row in rows], terms.all_terms)
        except DBAPIError as exc:
            raise StorageError(f"search index unavailable: {exc.orig}") from exc
        hits = tuple(SearchHit(row.id, float(row.score), snippets.get(row.id, "")) for row in rows)
        return SearchPage(hits=hits, total=total)

    def rebuild(self) -> int:
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM search_documents"))
        return reindex_everything(self.engine, self.index_articles)


def tsvector_literal(document: SearchDocument) -> str:
    positions: dict[str, list[str]] = {}
    weighted = [(t, "A") for t in document.title_terms] + [(t, "") for t in document.body_terms]
    for position, (term, weight) in enumerate(weighted, start=1):
        kept = positions.setdefault(term, [])
        if len(kept) < MAX_POSITIONS_PER_TERM:
            kept.append(f"{min(position, MAX_POSITION)}{weight}")
    return " ".join(f"{_lexeme(term)}:{','.join(kept)}" for term, kept in positions.items())


def tsquery_literal(terms: QueryTerms, facets: FacetFilter) -> str:
    """Every term quoted as a lexeme, so no reader input is ever read as tsquery syntax."""
    groups = [sorted(group) for group in terms.groups]
    groups += [[token[0].upper() + token[1:] for token in group] for group in facets.groups]
    return " & ".join("(" + " | ".join(_lexeme(t) for t in group) + ")" for group in groups)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
