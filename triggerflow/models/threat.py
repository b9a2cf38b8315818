"""The regional threat register (DESIGN section 9): a threat per accepted form, its history,
its 4P plan and the disruptions recorded against it. Plain data; the threat's state is written
only by triggerflow.threats.service."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.acceptance import AcceptanceRecord
from triggerflow.models.event import append_only
from triggerflow.models.form import TriggerForm
from triggerflow.models.reference import Force, Region
from triggerflow.models.user import User, enum_column
from triggerflow.threats.states import ThreatState


class Threat(PkModel):
    __tablename__ = "threats"
    __table_args__ = (
        Index("ix_threats_region_id_state", "region_id", "state"),
        Index("ix_threats_owning_force_id_state", "owning_force_id", "state"),
        # After acceptance: the threats accepted in a period, the reviews overdue and the idle threats,
        # each found on its index rather than by reading every threat and its history.
        Index("ix_threats_accepted_at", "accepted_at"),
        Index("ix_threats_state_next_review_on", "state", "next_review_on"),
        Index("ix_threats_state_last_recorded_at", "state", "last_recorded_at"),
    )

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    acceptance_id: Mapped[int] = mapped_column(ForeignKey("acceptance_records.id"), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    owning_force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"))
    state: Mapped[ThreatState] = mapped_column(enum_column(ThreatState))
    # Optimistic locking, as on the form: a stale page is told, never overwritten.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lro_due_on: Mapped[date] = mapped_column(Date)
    plan_due_on: Mapped[date] = mapped_column(Date)
    lro_name: Mapped[str | None] = mapped_column(String(120))
    lro_organisation: Mapped[str | None] = mapped_column(String(120))
    lro_email: Mapped[str | None] = mapped_column(String(254))
    # When the threat first had an LRO, the step the register and the 7 days judge; a change of LRO is
    # an event and leaves it.
    lro_appointed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    plan_agreed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    # References on the SOC master list and the PND, added or corrected later (each change an event).
    apmis_reference: Mapped[str | None] = mapped_column(String(64))
    pnd_reference: Mapped[str | None] = mapped_column(String(64))
    archive_reason: Mapped[str | None] = mapped_column(String(32))
    merged_into: Mapped[str | None] = mapped_column(String(64))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The time of the threat's latest event, kept with each event: what makes a threat idle. Every threat
    # has one; the column allows none only because SQLite adds a column in place only so.
    last_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    form: Mapped[TriggerForm] = relationship()
    acceptance: Mapped[AcceptanceRecord] = relationship()
    region: Mapped[Region] = relationship()
    owning_force: Mapped[Force] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ThreatEvent(PkModel):
    """The threat's append-only history: every move, every disruption, every change of reference."""

    __tablename__ = "threat_events"
    __table_args__ = (
        Index("ix_threat_events_threat_id_at", "threat_id", "at"),
        Index("ix_threat_events_action_at", "action", "at", "threat_id"),
    )

    threat_id: Mapped[int] = mapped_column(ForeignKey("threats.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[ThreatState | None] = mapped_column(enum_column(ThreatState))
    to_state: Mapped[ThreatState] = mapped_column(enum_column(ThreatState))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason_code: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)

    actor: Mapped[User | None] = relationship()


class PlanAction(PkModel):
    """One action of a threat's 4P plan, under Pursue, Prevent, Protect or Prepare."""

    __tablename__ = "plan_actions"

    threat_id: Mapped[int] = mapped_column(ForeignKey("threats.id"), index=True)
    strand: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Disruption(PkModel):
    """A disruption of the threat, graded major, moderate or minor (the scale is for disruptions)."""

    __tablename__ = "disruptions"

    threat_id: Mapped[int] = mapped_column(ForeignKey("threats.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


append_only(ThreatEvent, "Threat events")
