"""server-side sessions, two-factor sign-in, failed sign-in counters

Revision ID: 6a1e3c9d2b70
Revises: 5d2f8c41a7e9
Create Date: 2026-11-22 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "6a1e3c9d2b70"
down_revision = "5d2f8c41a7e9"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def upgrade():
    op.create_table(
        "user_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum("code", "enrol", "signed_in", name="sessionstage", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("device", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=45), nullable=False),
        sa.Column("created_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_user_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_sessions_token_hash")),
    )
    with op.batch_alter_table("user_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "held_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.Column("back_to", sa.String(length=2000), nullable=False),
        sa.Column("fields", JSON, nullable=False),
        sa.Column("held_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_held_submissions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_submissions")),
    )
    with op.batch_alter_table("held_submissions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_held_submissions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("used_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_recovery_codes_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_recovery_codes_code_hash")),
    )
    with op.batch_alter_table("recovery_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recovery_codes_user_id"), ["user_id"], unique=False)

    op.create_table(
        "sign_in_address_failures",
        sa.Column("address", sa.String(length=45), nullable=False),
        sa.Column("window_started_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_sign_in_address_failures")),
    )

    # Plain ADD and DROP COLUMN: SQLite need not rebuild `users`, which other tables' foreign keys
    # point at. The session table replaces session_version: ending a session deletes its row.
    op.add_column("users", sa.Column("failed_sign_ins", sa.Integer(), server_default=sa.text("0"), nullable=False))
    op.add_column("users", sa.Column("locked_until", triggerflow.db.UTCDateTime(), nullable=True))
    op.add_column("users", sa.Column("totp_secret", sa.String(length=64), nullable=True))
    op.add_column("users", sa.Column("two_factor_enrolled_at", triggerflow.db.UTCDateTime(), nullable=True))
    op.add_column("users", sa.Column("totp_last_step", sa.Integer(), nullable=True))
    op.drop_column("users", "session_version")


def downgrade():
    op.add_column("users", sa.Column("session_version", sa.Integer(), server_default=sa.text("0"), nullable=False))
    op.drop_column("users", "totp_last_step")
    op.drop_column("users", "two_factor_enrolled_at")
    op.drop_column("users", "totp_secret")
    op.drop_column("users", "locked_until")
    op.drop_column("users", "failed_sign_ins")

    op.drop_table("sign_in_address_failures")
    with op.batch_alter_table("recovery_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recovery_codes_user_id"))

    op.drop_table("recovery_codes")
    with op.batch_alter_table("held_submissions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_held_submissions_user_id"))

    op.drop_table("held_submissions")
    with op.batch_alter_table("user_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_sessions_user_id"))

    op.drop_table("user_sessions")
