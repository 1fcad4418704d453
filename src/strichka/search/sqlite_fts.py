"""Searcher on SQLite FTS5: table search_fts(title, body), rowid = articles.id, holding terms."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.exc import DBAPIError

from strichka.errors import StorageError
from strichka.search.contract import SearchHit, SearchPage, SearchQuery, validate_query
from strichka.search.documents import batches, load_documents
from strichka.search.filters import article_conditions
from strichka.search.query_terms import QueryTerms, parse_query_terms
from strichka.search.snippets import load_snippets
from strichka.storage.schema import articles

TITLE_WEIGHT = 4.0  # bm25 column weights: a word in the headline says more than one in the body
BODY_WEIGHT = 1.0
REBUILD_BATCH = 1000

search_fts = table("search_fts", column("rowid"), column("title"), column("body"))
_FTS = literal_column("search_fts")


class SqliteFtsSearcher:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def index_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            self.remove_articles(conn, ids)
            rows = [
                {"rowid": doc.article_id, "title": " ".join(doc.title_terms), "body": " ".join(doc.body_terms)}
                for doc in load_documents(conn, ids)
            ]
            if rows:
                conn.execute(
                    text("INSERT INTO search_fts (rowid, title, body) VALUES (:rowid, :title, :body)"), rows
                )

    def remove_articles(self, conn: Connection, article_ids: Sequence[int]) -> None:
        for ids in batches(article_ids):
            conn.execute(
                text("DELETE FROM search_fts WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True)),
                {"ids": ids},
            )

    def search(self, query: SearchQuery) -> SearchPage:
        validate_query(query)
        terms = parse_query_terms(query.text)
        matched = (
            select(articles.c.id)
            .select_from(search_fts.join(articles, articles.c.id == search_fts.c.rowid))
            .where(_FTS.op("MATCH")(fts5_match_expression(terms)), *article_conditions(query))
        )
        score = func.bm25(_FTS, TITLE_WEIGHT, BODY_WEIGHT)
        if query.sort == "date":
            order = [articles.c.published_at.desc(), articles.c.id.desc()]
        else:
            order = [score, articles.c.published_at.desc()]
        page = matched.add_columns(score.label("score")).order_by(*order).limit(query.limit).offset(query.offset)
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(page).all()
                if len(rows) < query.limit and (rows or query.offset == 0):
                    total = query.offset + len(rows)  # the last page tells the total without counting
                else:
                    total = conn.execute(select(func.count()).select_from(matched.subquery())).scalar_one()
                snippets = load_snippets(conn, [row.id for row in rows], terms.all_terms)
        except DBAPIError as exc:
            raise StorageError(f"search index unavailable: {exc.orig}") from exc
        hits = tuple(SearchHit(row.id, -float(row.score), snippets.get(row.id, "")) for row in rows)
        return SearchPage(hits=hits, total=total)

    def rebuild(self) -> int:
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM search_fts"))
        indexed, after = 0, 0
        while True:
            with self.engine.begin() as conn:
                ids = conn.scalars(
                    select(articles.c.id).where(articles.c.id > after).order_by(articles.c.id).limit(REBUILD_BATCH)
                ).all()
                if not ids:
                    break
                self.index_articles(conn, ids)
            indexed, after = indexed + len(ids), ids[-1]
        with self.engine.begin() as conn:
            conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))
        return indexed


def fts5_match_expression(terms: QueryTerms) -> str:
    """Every term double-quoted, so no reader input is ever read as FTS5 syntax."""
    return " AND ".join(
        "(" + " OR ".join('"' + term.replace('"', '""') + '"' for term in sorted(group)) + ")"
        for group in terms.groups
    )
