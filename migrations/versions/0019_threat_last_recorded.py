"""threats keep the time of their latest event and of their first LRO, with indexes for after acceptance,
so that dashboard reads threats on their indexes rather than every threat's history

Revision ID: a59c2d7e4b10
Revises: f48c9e5a1b32
Create Date: 2026-12-06 22:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "a59c2d7e4b10"
down_revision = "f48c9e5a1b32"
branch_labels = None
depends_on = None


def upgrade():
    # In place on SQLite too: copying threats to a new table would break the foreign keys that point at it,
    # which is also why the new column stays nullable there and in the model (every threat has a time).
    with op.batch_alter_table("threats", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("last_recorded_at", triggerflow.db.UTCDateTime(), nullable=True))
    # Every threat has its "register" event, so each gets a time. A changed LRO used to move the
    # appointment's time on: it is the first appointment's again, as the 7 days judge it.
    op.execute(
        "UPDATE threats SET last_recorded_at = "
        "(SELECT MAX(threat_events.at) FROM threat_events WHERE threat_events.threat_id = threats.id)"
    )
    op.execute("UPDATE threats SET last_recorded_at = accepted_at WHERE last_recorded_at IS NULL")
    op.execute(
        "UPDATE threats SET lro_appointed_at = COALESCE((SELECT MIN(threat_events.at) FROM threat_events "
        "WHERE threat_events.threat_id = threats.id AND threat_events.action = 'appoint_lro'), lro_appointed_at) "
        "WHERE lro_appointed_at IS NOT NULL"
    )
    with op.batch_alter_table("threats", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_threats_accepted_at", ["accepted_at"], unique=False)
        batch_op.create_index("ix_threats_state_next_review_on", ["state", "next_review_on"], unique=False)
        batch_op.create_index("ix_threats_state_last_recorded_at", ["state", "last_recorded_at"], unique=False)


def downgrade():
    with op.batch_alter_table("threats", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_threats_state_last_recorded_at")
        batch_op.drop_index("ix_threats_state_next_review_on")
        batch_op.drop_index("ix_threats_accepted_at")
        batch_op.drop_column("last_recorded_at")
