"""form search: the words each form is found by, and the database's full-text index over them

Revision ID: c18e4f1a9c04
Revises: 4e64b53aacab
Create Date: 2026-12-05 21:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

from triggerflow.search import index

# revision identifiers, used by Alembic.
revision = 'c18e4f1a9c04'
down_revision = '4e64b53aacab'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('form_search',
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['trigger_forms.id'], name=op.f('fk_form_search_form_id_trigger_forms')),
    sa.PrimaryKeyConstraint('form_id', name=op.f('pk_form_search'))
    )
    # The full-text index first, so the forms already here reach it as `flask rebuild-search-index` would.
    index.create_full_text(op.get_bind())
    index.rebuild(op.get_bind())


def downgrade():
    index.drop_full_text(op.get_bind())
    op.drop_table('form_search')
