"""search index: FTS5 table on SQLite, tsvector table with GIN index on PostgreSQL

Both hold terms already normalised by strichka.text.normalize.index_terms, so the same Ukrainian and
Russian morphology works on either backend; neither database stems anything itself.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

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
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_deleted")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.drop_index("ix_search_documents_terms", table_name="search_documents")
        op.drop_table("search_documents")
