"""rollups: the dashboards' counts per force and day, and each form's share of them, worked out from
the events for the forms already here; and likeness keys in the search words, written again for
every form, so the possible-duplicates hint finds them by the IDs, dates of birth and references
they share

Revision ID: c17e5f6a7b09
Revises: c18e4f1a9c04
Create Date: 2026-12-06 02:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db
from triggerflow.search import index

# revision identifiers, used by Alembic.
revision = "c17e5f6a7b09"
down_revision = "c18e4f1a9c04"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rollups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("figure", sa.String(length=16), nullable=False),
        sa.Column("force_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sent", sa.Boolean(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["force_id"], ["forces.id"], name=op.f("fk_rollups_force_id_forces")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollups")),
        sa.UniqueConstraint(
            "figure", "day", "force_id", "sent", "actor_id", "label", "number", name=op.f("uq_rollups_figure")
        ),
    )
    op.create_table(
        "rollup_shares",
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("rows", triggerflow.db.JSONDocument, nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["trigger_forms.id"], name=op.f("fk_rollup_shares_form_id_trigger_forms")),
        sa.PrimaryKeyConstraint("form_id", name=op.f("pk_rollup_shares")),
    )
    # The rollups are worked out from the events by the next revision, which gives them their final layout.
    index.rebuild(op.get_bind())


def downgrade():
    # The extra search words only narrow the hint's candidates; older code reads past them.
    op.drop_table("rollup_shares")
    op.drop_table("rollups")
