"""form stays: each stay in a state with its working days, written as a form moves on

Revision ID: 4e64b53aacab
Revises: ae6c8b3f1f54
Create Date: 2026-12-02 19:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db
from triggerflow.workflow import stays

# revision identifiers, used by Alembic.
revision = "4e64b53aacab"
down_revision = "ae6c8b3f1f54"
branch_labels = None
depends_on = None

STATES = (
    "draft",
    "spoc_review",
    "submitted",
    "under_assessment",
    "returned",
    "resubmitted",
    "lapsed",
    "accepted",
    "rejected",
    "withdrawn",
)


def upgrade():
    op.create_table(
        "form_stays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Enum(*STATES, name="formstate", native_enum=False, length=32), nullable=False),
        sa.Column("entered_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("left_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("left_with", sa.String(length=32), nullable=False),
        sa.Column("left_by", sa.Integer(), nullable=True),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["trigger_forms.id"], name=op.f("fk_form_stays_form_id_trigger_forms")),
        sa.ForeignKeyConstraint(["left_by"], ["users.id"], name=op.f("fk_form_stays_left_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_stays")),
    )
    # The forms already in the database get their stays from their events, as `flask rebuild-stays` would.
    # Filled before the indexes are built: one sort each, not an index update per row.
    stays.rebuild(op.get_bind())
    with op.batch_alter_table("form_stays", schema=None) as batch_op:
        batch_op.create_index(
            "ix_form_stays_left_at",
            ["left_at", "form_id", "state", "left_with", "left_by", "working_days"],
            unique=False,
        )
        batch_op.create_index("ix_form_stays_form_id", ["form_id", "entered_at", "state", "working_days"], unique=False)


def downgrade():
    with op.batch_alter_table("form_stays", schema=None) as batch_op:
        batch_op.drop_index("ix_form_stays_form_id")
        batch_op.drop_index("ix_form_stays_left_at")
    op.drop_table("form_stays")
