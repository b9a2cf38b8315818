"""the rollups' key as a unique index that carries the count (PostgreSQL), in place of the unique
constraint, so that the dashboards read their rollups from the index alone

Revision ID: c23b45f7a42e
Revises: a59c2d7e4b10
Create Date: 2026-12-07 01:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "c23b45f7a42e"
down_revision = "a59c2d7e4b10"
branch_labels = None
depends_on = None

KEY = ["figure", "theme", "threat_type", "claimed_by", "day", "force_id", "sent", "actor_id", "label", "number"]


def upgrade():
    # Only PostgreSQL has INCLUDE: SQLite gets a plain unique index, so the model describes both. The
    # upserts name the key's columns, not the constraint, and find the index as they found the constraint.
    with op.batch_alter_table("rollups") as batch:
        batch.drop_constraint("uq_rollups_figure", type_="unique")
        batch.create_index("ix_rollups_figure", KEY, unique=True, postgresql_include=["count"])


def downgrade():
    with op.batch_alter_table("rollups") as batch:
        batch.drop_index("ix_rollups_figure")
        batch.create_unique_constraint("uq_rollups_figure", KEY)
