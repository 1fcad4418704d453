"""source icons: the mirrored favicon's media key and when it was last looked for

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch_op:
        batch_op.add_column(sa.Column("icon_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("icon_checked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch_op:
        batch_op.drop_column("icon_checked_at")
        batch_op.drop_column("icon_key")
