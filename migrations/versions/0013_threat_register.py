"""threat register: a threat per accepted form with its history, 4P plan and disruptions; the
acceptance record no longer names the LRO or grades the threat, and gains the master-list fields

Revision ID: c15a7d3e8b03
Revises: c13f0a7e2d01
Create Date: 2026-12-05 21:45:00.000000

"""

from datetime import timedelta

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import triggerflow.db

# revision identifiers, used by Alembic.
revision = "c15a7d3e8b03"
down_revision = "c13f0a7e2d01"
branch_labels = None
depends_on = None

STATES = ("accepted", "lro_appointed", "plan_agreed", "under_management", "archived")
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
NO_LONGER_REQUIRED = ("category", "lro_name", "lro_organisation", "lro_appointed_on", "plan_due_on", "next_review_on")


def _state():
    return sa.Enum(*STATES, name="threatstate", native_enum=False, length=32)


def upgrade():
    with op.batch_alter_table("acceptance_records", schema=None) as batch_op:
        batch_op.drop_constraint("uq_acceptance_records_form_id", type_="unique")
        batch_op.create_index("ix_acceptance_records_form_id", ["form_id"], unique=False)
        batch_op.add_column(sa.Column("morile_scores", JSON, nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("soc", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("moderation_status", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("phase", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("pnd_reference", sa.String(length=64), nullable=True))
        for column in NO_LONGER_REQUIRED:
            batch_op.alter_column(column, existing_type=_column_type(column), nullable=True)
    with op.batch_alter_table("acceptance_records", schema=None) as batch_op:
        batch_op.alter_column("morile_scores", existing_type=JSON, server_default=None)

    op.create_table(
        "threats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("acceptance_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("owning_force_id", sa.Integer(), nullable=False),
        sa.Column("state", _state(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("accepted_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("lro_due_on", sa.Date(), nullable=False),
        sa.Column("plan_due_on", sa.Date(), nullable=False),
        sa.Column("lro_name", sa.String(length=120), nullable=True),
        sa.Column("lro_organisation", sa.String(length=120), nullable=True),
        sa.Column("lro_email", sa.String(length=254), nullable=True),
        sa.Column("lro_appointed_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.Column("plan_agreed_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.Column("next_review_on", sa.Date(), nullable=True),
        sa.Column("apmis_reference", sa.String(length=64), nullable=True),
        sa.Column("pnd_reference", sa.String(length=64), nullable=True),
        sa.Column("archive_reason", sa.String(length=32), nullable=True),
        sa.Column("merged_into", sa.String(length=64), nullable=True),
        sa.Column("archived_at", triggerflow.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["acceptance_id"], ["acceptance_records.id"], name=op.f("fk_threats_acceptance_id_acceptance_records")
        ),
        sa.ForeignKeyConstraint(["form_id"], ["trigger_forms.id"], name=op.f("fk_threats_form_id_trigger_forms")),
        sa.ForeignKeyConstraint(["owning_force_id"], ["forces.id"], name=op.f("fk_threats_owning_force_id_forces")),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_threats_region_id_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threats")),
        sa.UniqueConstraint("acceptance_id", name=op.f("uq_threats_acceptance_id")),
    )
    with op.batch_alter_table("threats", schema=None) as batch_op:
        batch_op.create_index("ix_threats_form_id", ["form_id"], unique=False)
        batch_op.create_index("ix_threats_region_id_state", ["region_id", "state"], unique=False)
        batch_op.create_index("ix_threats_owning_force_id_state", ["owning_force_id", "state"], unique=False)

    op.create_table(
        "threat_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("threat_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("from_state", _state(), nullable=True),
        sa.Column("to_state", _state(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("details", JSON, nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_threat_events_actor_id_users")),
        sa.ForeignKeyConstraint(["threat_id"], ["threats.id"], name=op.f("fk_threat_events_threat_id_threats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threat_events")),
    )
    with op.batch_alter_table("threat_events", schema=None) as batch_op:
        batch_op.create_index("ix_threat_events_threat_id_at", ["threat_id", "at"], unique=False)
        batch_op.create_index("ix_threat_events_action_at", ["action", "at", "threat_id"], unique=False)

    op.create_table(
        "plan_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("threat_id", sa.Integer(), nullable=False),
        sa.Column("strand", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("added_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["threat_id"], ["threats.id"], name=op.f("fk_plan_actions_threat_id_threats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_actions")),
    )
    with op.batch_alter_table("plan_actions", schema=None) as batch_op:
        batch_op.create_index("ix_plan_actions_threat_id", ["threat_id"], unique=False)

    op.create_table(
        "disruptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("threat_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", triggerflow.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"], name=op.f("fk_disruptions_recorded_by_id_users")),
        sa.ForeignKeyConstraint(["threat_id"], ["threats.id"], name=op.f("fk_disruptions_threat_id_threats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disruptions")),
    )
    with op.batch_alter_table("disruptions", schema=None) as batch_op:
        batch_op.create_index("ix_disruptions_threat_id", ["threat_id"], unique=False)
    _register_accepted_forms()


def _register_accepted_forms():
    # Forms accepted before the register each get their threat: with the LRO their record named, or
    # (a record made since, brought back by a downgrade and upgrade) waiting for one.
    bind = op.get_bind()
    records = sa.table(
        "acceptance_records",
        sa.column("id"),
        sa.column("form_id"),
        sa.column("owning_force_id"),
        sa.column("recorded_at", triggerflow.db.UTCDateTime()),
        sa.column("lro_name"),
        sa.column("lro_organisation"),
        sa.column("lro_appointed_on", sa.Date()),
        sa.column("plan_due_on", sa.Date()),
        sa.column("apmis_reference"),
        sa.column("pnd_reference"),
    )
    forms = sa.table("trigger_forms", sa.column("id"), sa.column("state"), sa.column("force_id"))
    forces = sa.table("forces", sa.column("id"), sa.column("region_id"))
    threats = sa.table(
        "threats",
        *(
            sa.column(name)
            for name in (
                "id",
                "form_id",
                "acceptance_id",
                "region_id",
                "owning_force_id",
                "state",
                "version",
                "lro_name",
                "lro_organisation",
                "apmis_reference",
                "pnd_reference",
            )
        ),
        sa.column("accepted_at", triggerflow.db.UTCDateTime()),
        sa.column("lro_appointed_at", triggerflow.db.UTCDateTime()),
        sa.column("lro_due_on", sa.Date()),
        sa.column("plan_due_on", sa.Date()),
    )
    rows = bind.execute(
        sa.select(records, forces.c.region_id)
        .join(forms, forms.c.id == records.c.form_id)
        .join(forces, forces.c.id == forms.c.force_id)
        .where(forms.c.state == "accepted")
        .order_by(records.c.id)
    ).all()
    for row in rows:
        accepted_on = row.recorded_at.date()
        threat_id = bind.execute(
            sa.insert(threats)
            .values(
                form_id=row.form_id,
                acceptance_id=row.id,
                region_id=row.region_id,
                owning_force_id=row.owning_force_id,
                state="lro_appointed" if row.lro_name else "accepted",
                version=1,
                accepted_at=row.recorded_at,
                lro_due_on=row.lro_appointed_on or accepted_on + timedelta(days=7),
                plan_due_on=row.plan_due_on or accepted_on + timedelta(days=28),
                lro_name=row.lro_name,
                lro_organisation=row.lro_organisation,
                lro_appointed_at=row.recorded_at if row.lro_name else None,
                apmis_reference=row.apmis_reference,
                pnd_reference=row.pnd_reference,
            )
            .returning(threats.c.id)
        ).scalar_one()
        bind.execute(
            sa.text(
                "INSERT INTO threat_events (threat_id, action, from_state, to_state, at, details) "
                "VALUES (:threat, 'register', NULL, :state, :at, :details)"
            ),
            {
                "threat": threat_id,
                "state": "lro_appointed" if row.lro_name else "accepted",
                "at": row.recorded_at.replace(tzinfo=None),
                "details": "{}",
            },
        )


def _column_type(column):
    return {
        "category": sa.String(length=16),
        "lro_name": sa.String(length=120),
        "lro_organisation": sa.String(length=120),
    }.get(column, sa.Date())


def downgrade():
    op.drop_table("disruptions")
    op.drop_table("plan_actions")
    op.drop_table("threat_events")
    op.drop_table("threats")
    with op.batch_alter_table("acceptance_records", schema=None) as batch_op:
        batch_op.drop_index("ix_acceptance_records_form_id")
        batch_op.create_unique_constraint("uq_acceptance_records_form_id", ["form_id"])
        batch_op.drop_column("pnd_reference")
        batch_op.drop_column("phase")
        batch_op.drop_column("moderation_status")
        batch_op.drop_column("soc")
        batch_op.drop_column("morile_scores")
        # Records made since cannot go back to requiring an LRO: they stay nullable on the way down.
