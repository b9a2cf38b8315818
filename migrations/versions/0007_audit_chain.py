"""tamper-evident form event chain

Revision ID: 7b3f5d0e8c21
Revises: 6a1e3c9d2b70
Create Date: 2026-11-22 09:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

import triggerflow.db
from triggerflow.audit.chain import FIELDS, seal_rows

# revision identifiers, used by Alembic.
revision = "7b3f5d0e8c21"
down_revision = "6a1e3c9d2b70"
branch_labels = None
depends_on = None

FORMS_PER_BATCH = 1000

forms = sa.table(
    "trigger_forms",
    sa.column("id", sa.Integer()),
    sa.column("number", sa.String()),
    sa.column("event_chain_head", sa.String()),
)
events = sa.table(
    "form_events",
    sa.column("id", sa.Integer()),
    sa.column("form_id", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("from_state", sa.String()),
    sa.column("to_state", sa.String()),
    sa.column("actor_id", sa.Integer()),
    sa.column("at", triggerflow.db.UTCDateTime()),
    sa.column("round", sa.Integer()),
    sa.column("reason_code", sa.String()),
    sa.column("comment", sa.Text()),
    sa.column("details", triggerflow.db.JSONDocument),
    sa.column("prev_hash", sa.String()),
    sa.column("hash", sa.String()),
)

# PostgreSQL refuses to change or remove a form event, whoever asks (the table owner can still
# DROP the table or disable the trigger, which is what a restore from backup does).
APPEND_ONLY_FUNCTION = """
CREATE FUNCTION form_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'form_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$
"""
APPEND_ONLY_TRIGGER = """
CREATE TRIGGER form_events_append_only BEFORE UPDATE OR DELETE ON form_events
FOR EACH ROW EXECUTE FUNCTION form_events_append_only()
"""


def upgrade():
    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("trigger_forms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_chain_head", sa.String(length=64), nullable=True))

    _hash_existing_events(op.get_bind())

    with op.batch_alter_table("form_events", schema=None) as batch_op:
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(APPEND_ONLY_FUNCTION)
        op.execute(APPEND_ONLY_TRIGGER)


def _hash_existing_events(connection):
    """Chain every form's events in id order, a batch of forms at a time, so an upgraded database verifies."""
    last_id = 0
    while True:
        batch = connection.execute(
            sa.select(forms.c.id, forms.c.number)
            .where(forms.c.id > last_id)
            .order_by(forms.c.id)
            .limit(FORMS_PER_BATCH)
        ).all()
        if not batch:
            return
        first_id, last_id = batch[0].id, batch[-1].id
        rows = connection.execute(
            sa.select(events.c.id, events.c.form_id, *(events.c[name] for name in FIELDS))
            .where(events.c.form_id.between(first_id, last_id))
            .order_by(events.c.form_id, events.c.id)
        ).mappings()
        by_form = {}
        for row in rows:
            by_form.setdefault(row["form_id"], []).append(dict(row))
        heads = [
            {"form": form_id, "head": seal_rows(number, by_form[form_id])}
            for form_id, number in batch
            if form_id in by_form
        ]
        hashed = [
            {"event": row["id"], "previous": row["prev_hash"], "own": row["hash"]}
            for chain in by_form.values()
            for row in chain
        ]
        if hashed:
            connection.execute(
                events.update()
                .where(events.c.id == sa.bindparam("event"))
                .values(prev_hash=sa.bindparam("previous"), hash=sa.bindparam("own")),
                hashed,
            )
            connection.execute(
                forms.update().where(forms.c.id == sa.bindparam("form")).values(event_chain_head=sa.bindparam("head")),
                heads,
            )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER form_events_append_only ON form_events")
        op.execute("DROP FUNCTION form_events_append_only()")
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35+): copying trigger_forms to a new table
    # would break the foreign keys of the rows that point at it.
    with op.batch_alter_table("trigger_forms", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("event_chain_head")
    with op.batch_alter_table("form_events", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
