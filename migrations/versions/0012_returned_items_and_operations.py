"""returned items (each return item as it went out with each return) and the forces' operations registers

Revision ID: c13f0a7e2d01
Revises: 4e64b53aacab
Create Date: 2026-12-05 21:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "c13f0a7e2d01"
down_revision = "4e64b53aacab"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "force_operations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("force_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["force_id"], ["forces.id"], name=op.f("fk_force_operations_force_id_forces")),
        sa.ForeignKeyConstraint(
            ["form_id"], ["trigger_forms.id"], name=op.f("fk_force_operations_form_id_trigger_forms")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"], name=op.f("fk_force_operations_recorded_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_force_operations")),
    )
    with op.batch_alter_table("force_operations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_force_operations_force_id"), ["force_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_force_operations_form_id"), ["form_id"], unique=False)
    op.create_table(
        "returned_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("returned_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("section", sa.String(length=1), nullable=False),
        sa.Column("reason_code", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_id"], ["trigger_forms.id"], name=op.f("fk_returned_items_form_id_trigger_forms")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["return_items.id"], name=op.f("fk_returned_items_item_id_return_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returned_items")),
    )
    # Items already sent keep the one return they still record: earlier returns of a reopened item were
    # overwritten before this table existed and cannot be recovered.
    op.execute(
        "INSERT INTO returned_items (item_id, form_id, round, returned_at, section, reason_code) "
        "SELECT id, form_id, round, returned_at, section, reason_code FROM return_items "
        "WHERE status <> 'pending' AND returned_at IS NOT NULL ORDER BY returned_at, id"
    )
    with op.batch_alter_table("returned_items", schema=None) as batch_op:
        batch_op.create_index("ix_returned_items_returned_at", ["returned_at", "form_id", "reason_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_returned_items_item_id"), ["item_id"], unique=False)


def downgrade():
    with op.batch_alter_table("returned_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_returned_items_item_id"))
        batch_op.drop_index("ix_returned_items_returned_at")
    op.drop_table("returned_items")
    with op.batch_alter_table("force_operations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_force_operations_form_id"))
        batch_op.drop_index(batch_op.f("ix_force_operations_force_id"))
    op.drop_table("force_operations")
