"""return item threads, internal notes, admin audit, criteria versions, session versions

Revision ID: 7b4d2e9a1c30
Revises: 3366d02a8cf9
Create Date: 2026-11-22 03:30:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "7b4d2e9a1c30"
down_revision = "3366d02a8cf9"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def upgrade():
    op.create_table(
        "return_item_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("rocta", "force", name="commentkind", native_enum=False, length=8), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_return_item_comments_author_id_users")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["return_items.id"], name=op.f("fk_return_item_comments_item_id_return_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_item_comments")),
    )
    with op.batch_alter_table("return_item_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_item_comments_item_id"), ["item_id"], unique=False)

    op.create_table(
        "internal_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_internal_notes_author_id_users")),
        sa.ForeignKeyConstraint(
            ["form_id"], ["trigger_forms.id"], name=op.f("fk_internal_notes_form_id_trigger_forms")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internal_notes")),
    )
    with op.batch_alter_table("internal_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_internal_notes_form_id"), ["form_id"], unique=False)

    op.create_table(
        "admin_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("before", JSON, nullable=False),
        sa.Column("after", JSON, nullable=False),
        sa.Column("at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_admin_events_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_events")),
    )
    with op.batch_alter_table("admin_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_admin_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_admin_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_admin_events_at"), ["at"], unique=False)

    op.create_table(
        "criteria_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("limits", JSON, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_criteria_versions_created_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria_versions")),
        sa.UniqueConstraint("number", name=op.f("uq_criteria_versions_number")),
    )

    # A plain ADD COLUMN (SQLite need not rebuild `users`, which other tables' foreign keys point at).
    op.add_column("users", sa.Column("session_version", sa.Integer(), server_default=sa.text("0"), nullable=False))

    with op.batch_alter_table("form_snapshots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("criteria_version", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("form_snapshots", schema=None) as batch_op:
        batch_op.drop_column("criteria_version")

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_version")

    op.drop_table("criteria_versions")
    with op.batch_alter_table("admin_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_admin_events_at"))
        batch_op.drop_index(batch_op.f("ix_admin_events_actor_id"))
        batch_op.drop_index(batch_op.f("ix_admin_events_action"))

    op.drop_table("admin_events")
    with op.batch_alter_table("internal_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_internal_notes_form_id"))

    op.drop_table("internal_notes")
    with op.batch_alter_table("return_item_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_item_comments_item_id"))

    op.drop_table("return_item_comments")
