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

_PG_FACETS_FUNCTION = """
CREATE FUNCTION search_facets(source_id integer, lang text, category text, published_at timestamptz)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT (array_to_string(ARRAY[
    'S' || source_id,
    'Y' || to_char(published_at AT TIME ZONE 'UTC', 'YYYY'),
    'M' || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMM'),
    'D' || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMMDD'),
    'L' || encode(convert_to(lower(nullif(lang, '')), 'UTF8'), 'hex'),
    'C' || encode(convert_to(nullif(category, ''), 'UTF8'), 'hex')
  ], ':16383 ') || ':16383')::tsvector
$$
"""
_PG_FOLLOW_FUNCTION = """
CREATE FUNCTION search_documents_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_documents
     SET terms = ts_delete(terms, tsvector_to_array(
                   search_facets(OLD.source_id, OLD.lang, OLD.category, OLD.published_at)))
                 || search_facets(NEW.source_id, NEW.lang, NEW.category, NEW.published_at)
   WHERE article_id = NEW.id;
  RETURN NULL;
END
$$
"""

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
        # Filter tokens ride in the tsvector, upper-case so no (lower-case) search term can equal one;
        # the same tokens as strichka.search.facets, kept current by a trigger like on SQLite.
        bind = op.get_bind()  # raw SQL: ':16383' is a tsvector position, not a bound parameter
        bind.exec_driver_sql(_PG_FACETS_FUNCTION)
        bind.exec_driver_sql(_PG_FOLLOW_FUNCTION)
        op.execute(
            "CREATE TRIGGER search_documents_article_facets "
            "AFTER UPDATE OF source_id, lang, category, published_at ON articles FOR EACH ROW "
            "WHEN (OLD.source_id IS DISTINCT FROM NEW.source_id OR OLD.lang IS DISTINCT FROM NEW.lang "
            "OR OLD.category IS DISTINCT FROM NEW.category OR OLD.published_at IS DISTINCT FROM NEW.published_at) "
            "EXECUTE FUNCTION search_documents_follow_article()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_facets")
        op.execute("DROP TRIGGER IF EXISTS search_fts_article_deleted")
        op.execute("DROP TABLE IF EXISTS search_fts")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_documents_article_facets ON articles")
        op.execute("DROP FUNCTION IF EXISTS search_documents_follow_article()")
        op.execute("DROP FUNCTION IF EXISTS search_facets(integer, text, text, timestamptz)")
        op.drop_index("ix_search_documents_terms", table_name="search_documents")
        op.drop_table("search_documents")
