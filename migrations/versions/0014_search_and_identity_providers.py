"""form search and identity providers: the words each form is found by, with the database's full-text
index over them; and the organisations' OpenID Connect providers people may sign in through

Revision ID: c18e4f1a9c04
Revises: c15a7d3e8b03
Create Date: 2026-12-05 21:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db
from triggerflow.search import index

# revision identifiers, used by Alembic.
revision = "c18e4f1a9c04"
down_revision = "c15a7d3e8b03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_search",
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["trigger_forms.id"], name=op.f("fk_form_search_form_id_trigger_forms")),
        sa.PrimaryKeyConstraint("form_id", name=op.f("pk_form_search")),
    )
    # The full-text index first, so the forms already here reach it as `flask rebuild-search-index` would.
    index.create_full_text(op.get_bind())
    index.rebuild(op.get_bind())
    op.create_table(
        "identity_providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("force_id", sa.Integer(), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("client_id", sa.String(length=200), nullable=False),
        sa.Column("client_secret", sa.String(length=500), nullable=False),
        sa.Column("email_domain", sa.String(length=120), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "(force_id IS NULL) <> (region_id IS NULL)", name=op.f("ck_identity_providers_one_force_or_region")
        ),
        sa.ForeignKeyConstraint(["force_id"], ["forces.id"], name=op.f("fk_identity_providers_force_id_forces")),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_identity_providers_region_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_providers")),
        sa.UniqueConstraint("force_id", name=op.f("uq_identity_providers_force_id")),
        sa.UniqueConstraint("region_id", name=op.f("uq_identity_providers_region_id")),
    )


def downgrade():
    op.drop_table("identity_providers")
    index.drop_full_text(op.get_bind())
    op.drop_table("form_search")
