"""api tokens and export records: personal API tokens (hashed) and the audit of exports

Revision ID: 3366d02a8cf9
Revises: 9e1fc036dd7c
Create Date: 2026-11-22 03:15:12.184830

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "3366d02a8cf9"
down_revision = "9e1fc036dd7c"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_via", sa.String(length=8), nullable=False),
        sa.Column("created_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("expires_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("last_used_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "export_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column(
            "filters", sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"), nullable=False
        ),
        sa.Column("via", sa.String(length=8), nullable=False),
        sa.Column("at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("finished_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_export_records_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_records")),
    )
    with op.batch_alter_table("export_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_export_records_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_export_records_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("export_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_export_records_user_id"))
        batch_op.drop_index(batch_op.f("ix_export_records_at"))

    op.drop_table("export_records")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
