"""search index: FTS5 table on SQLite, tsvector table with GIN index on PostgreSQL

Both hold terms already normalised by strichka.text.normalize.index_terms, so the same Ukrainian and
Russian morphology works on either backend; neither database stems anything itself. The FTS5 table's
`facets` column holds filter tokens (source, language, category, publication day): see
strichka.search.facets for why.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# A copy, not an import: a migration must keep meaning what it meant when it was written.
FACETS_SQL = (
    "'s' || {row}.source_id"
    " || ' y' || strftime('%Y', {row}.published_at)"
    " || ' m' || strftime('%Y%m', {row}.published_at)"
    " || ' d' || strftime('%Y%m%d', {row}.published_at)"
    " || coalesce(' l' || lower(hex(lower(nullif({row}.lang, '')))), '')"
    " || coalesce(' c' || lower(hex(nullif({row}.category, ''))), '')"
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # remove_diacritics 0: й must not become и, ї must not become і.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, facets, tokenize = 'unicode61 remove_diacritics 0')"
        )
        # rowid = articles.id; a deleted article leaves the index even when nobody calls remove_articles.
        op.execute(
            "CREATE TRIGGER search_fts_article_deleted AFTER DELETE ON articles "
            "BEGIN DELETE FROM search_fts WHERE rowid = old.id; END"
        )
        # Filter tokens follow the row (e.g. the category the stories step sets after indexing);
        # the expression is strichka.search.facets.FACETS_SQL as of this revision.
        op.execute(
            "CREATE TRIGGER search_fts_article_facets "
            "AFTER UPDATE OF source_id, lang, category, published_at ON articles "
            "WHEN old.source_id IS NOT new.source_id OR old.lang IS NOT new.lang "
            "OR old.category IS NOT new.category OR old.published_at IS NOT new.published_at "
            f"BEGIN UPDATE search_fts SET facets = {FACETS_SQL.format(row='new')} WHERE rowid = new.id; END"
        )
    elif dialect == "postgresql":
        op.create_table(
            "search_documents",
            sa.Column(
                "article_id",
                sa.Integer(),
                sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_search_documents_article_id_articles"),
                primary_key=True,
            ),
            sa.Column("terms", postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index("ix_search_documents_terms", "search_documents", ["terms"], postgresql_using="gin")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_facets")
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_deleted")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.drop_index("ix_search_documents_terms", table_name="search_documents")
        op.drop_table("search_documents")
