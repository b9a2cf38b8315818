"""an index for operations without assessment: the forms with an operation running, by force and state

Revision ID: f48c9e5a1b32
Revises: e37b8d4f0a21
Create Date: 2026-12-06 19:10:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "f48c9e5a1b32"
down_revision = "e37b8d4f0a21"
branch_labels = None
depends_on = None


def upgrade():
    # Found by force alone, the few forms with an operation running meant reading every form.
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.create_index(
            "ix_trigger_forms_operation_running",
            ["operation_running", "force_id", "state", "first_submitted_at"],
            unique=False,
        )


def downgrade():
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_forms_operation_running")
