"""Searcher on SQLite FTS5: search_fts(title, body, facets), rowid = articles.id, holding terms.

Speed rules (100k articles, a word in most of them, p95 ≤ 100 ms):
- every filter but an intra-day time bound is a facet token in the MATCH (see facets.py), so the
  `articles` table is not touched per matching row;
- bm25 is computed for the newest RANKED_CANDIDATES matches only (FTS5 walks rowids newest first
  without sorting): relevance is ranked among the most recent matches, which is what a news reader wants,
  and it is exact whenever a query has fewer matches than that;
- sorted by date, the newest-stored DATE_CANDIDATES matches are ordered by publication time
  (stored order follows publication closely; exact whenever there are fewer matches);
- the total is a count inside FTS5 (exact; capped at TOTAL_CAP like every backend).
`rebuild` empties the index first: searches see a partial index until it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Float, Integer, Select, bindparam, func, select, text
from sqlalchemy.exc import DBAPIError

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
from strichka.search.facets import FACETS_SQL, FacetFilter, facet_filter
from strichka.search.filters import date_conditions
from strichka.search.query_terms import QueryTerms, parse_query_terms
from strichka.search.snippets import load_snippets
from strichka.storage.schema import articles

DATE_CANDIDATES = 2_000  # newest-stored matches sorted by publication time
# bm25 column weights: a word in the headline says more than one in the body; facets never count.
_CANDIDATES_SQL = (
    "SELECT rowid AS id, bm25(search_fts, 4.0, 1.0, 0.0) AS score FROM search_fts "
    "WHERE search_fts MATCH :match ORDER BY rowid DESC LIMIT :cap"
)
_MATCHES_SQL = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :match"
_COUNT_SQL = "SELECT min(count(*), :cap) FROM search_fts WHERE search_fts MATCH :match"
_INSERT = text(
    "INSERT INTO search_fts (rowid, title, body, facets) "
    f"SELECT :rowid, :title, :body, {FACETS_SQL.format(row='a')} FROM articles AS a WHERE a.id = :rowid"
)


class SqliteFtsSearcher:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def index_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            self.remove_articles(conn, ids)
            self.index_documents(conn, load_documents(conn, ids))

    def index_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None:
        """Store documents whose terms were made already (by make_document, in a worker)."""
        self.remove_articles(conn, [doc.article_id for doc in documents])
        rows = [
            {"rowid": doc.article_id, "title": " ".join(doc.title_terms), "body": " ".join(doc.body_terms)}
            for doc in documents
        ]
        if rows:
            conn.execute(_INSERT, rows)

    def remove_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            conn.execute(
                text("DELETE FROM search_fts WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True)),
                {"ids": ids},
            )

    def search(self, query: SearchQuery) -> SearchPage:
        validate_query(query)
        terms = parse_query_terms(query.text)
        facets = facet_filter(query)
        if facets.empty:
            return SearchPage(hits=(), total=0)
        match = fts5_match_expression(terms, facets)
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(_page_statement(query, facets), {"match": match}).all()
                if len(rows) < query.limit and (rows or query.offset == 0):
                    total = query.offset + len(rows)  # the last page tells the total without counting
                elif facets.needs_exact_dates:
                    matches = text(_MATCHES_SQL).columns(id=Integer).cte("matches").prefix_with("MATERIALIZED")
                    counted = (
                        select(func.count())
                        .select_from(matches.join(articles, articles.c.id == matches.c.id))
                        .where(*date_conditions(query))
                    )
                    total = min(conn.execute(counted, {"match": match}).scalar_one(), TOTAL_CAP)
                else:
                    total = conn.execute(text(_COUNT_SQL), {"match": match, "cap": TOTAL_CAP}).scalar_one()
                if rows:  # a page past the cap still counts its own hits
                    total = max(total, query.offset + len(rows))
                snippets = load_snippets(conn, [row.id for row in rows], terms.all_terms)
        except DBAPIError as exc:
            raise StorageError(f"search index unavailable: {exc.orig}") from exc
        hits = tuple(SearchHit(row.id, -float(row.score), snippets.get(row.id, "")) for row in rows)
        return SearchPage(hits=hits, total=total)

    def rebuild(self) -> int:
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM search_fts"))
        indexed = reindex_everything(self.engine, self.index_articles)
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))
        return indexed


def _page_statement(query: SearchQuery, facets: FacetFilter) -> Select[Any]:
    wanted = query.offset + query.limit
    cap = max(DATE_CANDIDATES if query.sort == "date" else RANKED_CANDIDATES, wanted)
    candidates = (
        text(_CANDIDATES_SQL)
        .bindparams(cap=cap)
        .columns(id=Integer, score=Float)
        .cte("candidates")
        .prefix_with("MATERIALIZED")
    )
    page = select(candidates.c.id, candidates.c.score)
    if query.sort == "relevance" and not facets.needs_exact_dates:
        order = [candidates.c.score, candidates.c.id.desc()]  # no per-row lookup in `articles`
    else:
        page = page.join(articles, articles.c.id == candidates.c.id).where(*date_conditions(query))
        if query.sort == "date":
            order = [articles.c.published_at.desc(), articles.c.id.desc()]
        else:
            order = [candidates.c.score, articles.c.published_at.desc()]
    return page.order_by(*order).limit(query.limit).offset(query.offset)


def fts5_match_expression(terms: QueryTerms, facets: FacetFilter) -> str:
    """Every term double-quoted and kept to the text columns, so no input is read as FTS5 syntax."""
    words = " AND ".join(
        "(" + " OR ".join('"' + term.replace('"', '""') + '"' for term in sorted(group)) + ")"
        for group in terms.groups
    )
    filters = (" OR ".join(f'"{token}"' for token in group) for group in facets.groups)
    return " AND ".join([f"({{title body}} : ({words}))", *(f"(facets : ({f}))" for f in filters)])
