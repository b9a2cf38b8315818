"""likeness keys in the search words: each form's words are written again, so the possible-duplicates
hint finds the forms already here by the IDs, dates of birth and references they share

Revision ID: c17e5f6a7b09
Revises: c18e4f1a9c04
Create Date: 2026-12-06 02:10:00.000000

"""
from alembic import op

from triggerflow.search import index

# revision identifiers, used by Alembic.
revision = 'c17e5f6a7b09'
down_revision = 'c18e4f1a9c04'
branch_labels = None
depends_on = None


def upgrade():
    index.rebuild(op.get_bind())


def downgrade():
    # The extra words only narrow the hint's candidates; older code reads past them.
    pass
