"""The trigger form, its numbering counter and its immutable submitted versions."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, db, utcnow
from triggerflow.models.reference import Force
from triggerflow.models.user import User, enum_column
from triggerflow.workflow.states import FormState


class TriggerForm(PkModel):
    __tablename__ = "trigger_forms"
    __table_args__ = (
        # Queues and counts: forms in a state, of a force or a region, sent to the ROCTA or not.
        Index("ix_trigger_forms_state_force_id", "state", "force_id", "first_submitted_at"),
        # Submission cohorts by date, read without visiting the rows.
        Index("ix_trigger_forms_first_submitted_at", "first_submitted_at", "force_id", "state"),
        # Lists, newest first.
        Index("ix_trigger_forms_created_at", "created_at", "id"),
        # What one assessor holds now, without reading all they have held before.
        Index("ix_trigger_forms_assessor_id_state", "assessor_id", "state"),
        # Operations running against threats not accepted, read from the index alone: by force alone,
        # every form of every force was read to find the few with an operation running.
        Index("ix_trigger_forms_operation_running", "operation_running", "force_id", "state", "first_submitted_at"),
    )

    number: Mapped[str] = mapped_column(String(20), unique=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    state: Mapped[FormState] = mapped_column(enum_column(FormState))
    # Optimistic locking: every UPDATE bumps it, and a stale one raises StaleDataError.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # The form's content, section by section (see triggerflow.content.sections).
    answers: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    # Copies of the answers that queues and dashboards filter on, kept by content.store.
    threat_type: Mapped[str | None] = mapped_column(String(32), index=True)
    primary_theme: Mapped[str | None] = mapped_column(String(64), index=True)
    working_name: Mapped[str | None] = mapped_column(String(200))
    operation_running: Mapped[bool | None]
    # Round 1 is the first submission to the ROCTA; each resubmission adds one.
    round: Mapped[int] = mapped_column(default=0)
    # The assessor who holds the form, or who returned it and gets the resubmission back.
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resubmit_by: Mapped[date | None] = mapped_column(Date)
    first_submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # The hash of the form's last event (triggerflow.audit.chain): removing the last event shows too.
    event_chain_head: Mapped[str | None] = mapped_column(String(64))

    force: Mapped[Force] = relationship()
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    assessor: Mapped[User | None] = relationship(foreign_keys=[assessor_id])

    __mapper_args__ = {"version_id_col": version}

    def answers_for(self, section: str) -> dict[str, Any]:
        return (self.answers or {}).get(section) or {}

    def __repr__(self) -> str:
        return f"<TriggerForm {self.number} {self.state}>"


class FormNumberCounter(db.Model):
    """The last form number issued per force and year."""

    __tablename__ = "form_number_counters"

    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class FormSnapshot(PkModel):
    """The form exactly as it was sent to the ROCTA; never changed after it is written."""

    __tablename__ = "form_snapshots"
    __table_args__ = (UniqueConstraint("form_id", "sequence"),)

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    sequence: Mapped[int]
    round: Mapped[int]
    answers: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    # The criteria version (models.administration.CriteriaVersion.number) the form was checked against.
    criteria_version: Mapped[int | None]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User] = relationship()
