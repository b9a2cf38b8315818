"""an index for the assessor's queues: the forms one assessor holds, by state

Revision ID: 9d5b7f2a0e43
Revises: 8c4a6e1f9d32
Create Date: 2026-12-02 12:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "9d5b7f2a0e43"
down_revision = "8c4a6e1f9d32"
branch_labels = None
depends_on = None


def upgrade():
    # An assessor holds a form for a while and keeps it in their history ever after: by assessor
    # alone, the forms being assessed now are found by reading every form they have decided.
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_forms_assessor_id")
        batch_op.create_index("ix_trigger_forms_assessor_id_state", ["assessor_id", "state"], unique=False)


def downgrade():
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_trigger_forms_assessor_id_state")
        batch_op.create_index("ix_trigger_forms_assessor_id", ["assessor_id"], unique=False)
