"""clock rollups: each decided form's working days end to end and on the ROCTA and force clocks,
counted once on the day of its first decision, so the time dashboards add them up rather than read
every decided form; worked out again from the events for the forms already here

Revision ID: e37b8d4f0a21
Revises: d26a7c3e9f10
Create Date: 2026-12-06 19:00:00.000000

"""

from alembic import op

from triggerflow.rollups import store as rollups

# revision identifiers, used by Alembic.
revision = "e37b8d4f0a21"
down_revision = "d26a7c3e9f10"
branch_labels = None
depends_on = None


def upgrade():
    # No schema change: the new figure is rows of the same table, so every rollup is worked out again.
    rollups.rebuild(op.get_bind())


def downgrade():
    # Nothing to undo. Older code never reads the "clock" rows, and a move under it takes the form's
    # clock rows out again with the rest of its old share, so they can only fall away.
    pass
