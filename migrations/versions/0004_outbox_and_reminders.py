"""outbox and reminders: e-mail written with each transition and sent after commit; reminders sent

Revision ID: c5e8a1f2d4b6
Revises: 7b4d2e9a1c30
Create Date: 2026-11-22 04:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "c5e8a1f2d4b6"
down_revision = "7b4d2e9a1c30"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("to_address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "sent", "failed", name="outboxstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("locked_until", triggerflow.db.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("sent_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["form_id"], ["trigger_forms.id"], name=op.f("fk_outbox_messages_form_id_trigger_forms")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_outbox_messages_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
    )
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_messages_due", ["status", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_messages_form_id"), ["form_id"], unique=False)

    op.create_table(
        "reminders_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("sent_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_id"], ["trigger_forms.id"], name=op.f("fk_reminders_sent_form_id_trigger_forms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders_sent")),
        sa.UniqueConstraint("form_id", "kind", "due_on", name="uq_reminders_sent_form_kind_due"),
    )


def downgrade():
    op.drop_table("reminders_sent")
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_messages_form_id"))
        batch_op.drop_index("ix_outbox_messages_due")

    op.drop_table("outbox_messages")
