"""indexes for the management information: events per form in order, actions by date, returns by date

Revision ID: 5d2f8c41a7e9
Revises: c5e8a1f2d4b6
Create Date: 2026-11-22 04:30:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "5d2f8c41a7e9"
down_revision = "c5e8a1f2d4b6"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.create_index("ix_form_events_form_id_at", ["form_id", "at", "id"], unique=False)
        batch_op.create_index("ix_form_events_action_at", ["action", "at"], unique=False)
    with op.batch_alter_table("return_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_items_returned_at"), ["returned_at"], unique=False)


def downgrade():
    with op.batch_alter_table("return_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_items_returned_at"))
    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.drop_index("ix_form_events_action_at")
        batch_op.drop_index("ix_form_events_form_id_at")
