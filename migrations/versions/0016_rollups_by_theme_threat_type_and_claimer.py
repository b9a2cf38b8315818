"""rollups by theme, threat type and claimer: each count kept under the form's theme and threat type
and under "any" for either, and again under each assessor who claimed the form, so dashboards narrowed
by them read the rollups too; worked out again from the events

Revision ID: d26a7c3e9f10
Revises: c17e5f6a7b09
Create Date: 2026-12-06 05:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

from triggerflow.rollups import store as rollups

# revision identifiers, used by Alembic.
revision = "d26a7c3e9f10"
down_revision = "c17e5f6a7b09"
branch_labels = None
depends_on = None

_KEY = ["figure", "day", "force_id", "sent", "actor_id", "label", "number"]


def upgrade():
    # Emptied first: the rows are worked out again below, and new columns need no default on an empty table.
    op.execute("DELETE FROM rollups")
    op.execute("DELETE FROM rollup_shares")
    with op.batch_alter_table("rollups") as batch:
        batch.drop_constraint("uq_rollups_figure", type_="unique")
        batch.add_column(sa.Column("theme", sa.String(length=64), nullable=False))
        batch.add_column(sa.Column("threat_type", sa.String(length=32), nullable=False))
        batch.add_column(sa.Column("claimed_by", sa.Integer(), nullable=False))
        batch.create_unique_constraint("uq_rollups_figure", [_KEY[0], "theme", "threat_type", "claimed_by", *_KEY[1:]])
    rollups.rebuild(op.get_bind())


def downgrade():
    op.execute("DELETE FROM rollups")
    op.execute("DELETE FROM rollup_shares")
    with op.batch_alter_table("rollups") as batch:
        batch.drop_constraint("uq_rollups_figure", type_="unique")
        batch.drop_column("claimed_by")
        batch.drop_column("threat_type")
        batch.drop_column("theme")
        batch.create_unique_constraint("uq_rollups_figure", _KEY)
    # The rows of the older layout are left for `flask rebuild-rollups` under the code that reads them.
