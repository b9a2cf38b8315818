"""The append-only history of every transition a form has made."""
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, UTCDateTime, db, utcnow
from triggerflow.models.user import User, enum_column
from triggerflow.workflow.states import FormState


class FormEvent(db.Model):
    __tablename__ = "form_events"
    # For the dashboards: each form's events in order (stays in a state), and actions by date.
    __table_args__ = (
        Index("ix_form_events_form_id_at", "form_id", "at", "id"),
        Index("ix_form_events_action_at", "action", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    from_state: Mapped[FormState | None] = mapped_column(enum_column(FormState))
    to_state: Mapped[FormState] = mapped_column(enum_column(FormState))
    # None when the system acted (the scheduled lapse of a stale return).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    round: Mapped[int]
    reason_code: Mapped[str | None] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)

    actor: Mapped[User | None] = relationship()
