"""indexes for pages and dashboards at national scale; API rate-limit counts shared by every server

Revision ID: 8c4a6e1f9d32
Revises: 7b3f5d0e8c21
Create Date: 2026-11-22 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "8c4a6e1f9d32"
down_revision = "7b3f5d0e8c21"
branch_labels = None
depends_on = None


def upgrade():
    # Composite indexes that answer the queues, counts and dashboards from the index alone, in
    # place of the single-column ones they begin with.
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_forms_state")
        batch_op.drop_index("ix_trigger_forms_first_submitted_at")
        batch_op.create_index(
            "ix_trigger_forms_state_force_id", ["state", "force_id", "first_submitted_at"], unique=False
        )
        batch_op.create_index(
            "ix_trigger_forms_first_submitted_at", ["first_submitted_at", "force_id", "state"], unique=False
        )
        batch_op.create_index("ix_trigger_forms_created_at", ["created_at", "id"], unique=False)
    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.drop_index("ix_form_events_form_id")
        batch_op.drop_index("ix_form_events_action")
        batch_op.drop_index("ix_form_events_action_at")
        batch_op.create_index("ix_form_events_form_id_action", ["form_id", "action", "at"], unique=False)
        batch_op.create_index("ix_form_events_action_at_form_id", ["action", "at", "form_id"], unique=False)

    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counters")),
    )


def downgrade():
    op.drop_table("rate_limit_counters")
    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.drop_index("ix_form_events_action_at_form_id")
        batch_op.drop_index("ix_form_events_form_id_action")
        batch_op.create_index("ix_form_events_action_at", ["action", "at"], unique=False)
        batch_op.create_index("ix_form_events_action", ["action"], unique=False)
        batch_op.create_index("ix_form_events_form_id", ["form_id"], unique=False)
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_forms_created_at")
        batch_op.drop_index("ix_trigger_forms_first_submitted_at")
        batch_op.drop_index("ix_trigger_forms_state_force_id")
        batch_op.create_index("ix_trigger_forms_first_submitted_at", ["first_submitted_at"], unique=False)
        batch_op.create_index("ix_trigger_forms_state", ["state"], unique=False)
