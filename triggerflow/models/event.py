"""The append-only history of every transition a form has made.

Rows are only ever inserted: the ORM refuses to update or delete one, and on PostgreSQL a
trigger (migration 0007) refuses UPDATE and DELETE from anyone. Each row's hash chains it to
the form's previous event (triggerflow.audit.chain).
"""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User, enum_column
from triggerflow.workflow.states import FormState


class FormEvent(PkModel):
    __tablename__ = "form_events"
    # For the pages and dashboards: each form's events in order (stays in a state), a form's events
    # of one action (how often it was returned), and actions by date with their form (decisions).
    __table_args__ = (
        Index("ix_form_events_form_id_action", "form_id", "action", "at"),
        Index("ix_form_events_action_at_form_id", "action", "at", "form_id"),
        # A form's events in order, for its page, its chain and the time measures; and the stays ended
        # in a period: both answered from the index alone.
        Index("ix_form_events_at_moves", "at", "form_id", "id", "from_state", "to_state", "action", "actor_id"),
        Index("ix_form_events_form_id_moves", "form_id", "at", "id", "from_state", "to_state", "action", "actor_id"),
    )

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"))
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[FormState | None] = mapped_column(enum_column(FormState))
    to_state: Mapped[FormState] = mapped_column(enum_column(FormState))
    # None when the system acted (the scheduled lapse of a stale return).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # indexed first in ix_form_events_at_moves
    round: Mapped[int]
    reason_code: Mapped[str | None] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    # SHA-256 of the previous event of the form (audit.chain.GENESIS for the first) and of this one.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    actor: Mapped[User | None] = relationship()


class AppendOnly(Exception):
    """An attempt to change or remove an event."""


# Each append-only model, with what its rows are called in the refusal.
_APPEND_ONLY: dict[type, str] = {}


def append_only(model: type, called: str) -> None:
    """Refuse every UPDATE and DELETE of `model`'s rows through the ORM, one by one or in bulk."""
    _APPEND_ONLY[model] = called

    def refuse_change(mapper, connection, target) -> None:
        raise AppendOnly(f"{called} are append-only: event {target.id} cannot be changed or deleted")

    event.listen(model, "before_update", refuse_change)
    event.listen(model, "before_delete", refuse_change)


append_only(FormEvent, "Form events")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state) -> None:
    if state.is_update or state.is_delete:
        for mapper in state.all_mappers:
            if mapper.class_ in _APPEND_ONLY:
                raise AppendOnly(
                    f"{_APPEND_ONLY[mapper.class_]} are append-only: they cannot be updated or deleted in bulk"
                )
