"""index articles by story and time, for an article's story siblings and the story page

Without it both read every article of the story (whole rows, bodies included) and sort them,
to show the newest 8 or the oldest 200.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_articles_story_published "
        "ON articles (story_id, published_at DESC, id DESC)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_articles_story_published")
