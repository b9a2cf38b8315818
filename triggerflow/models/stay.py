"""Each stay a form made in a state, written when the form moves on: a fact derived from the
events, kept so that the time measures add up stored working days rather than pairing events.

A stay runs from the event that put a form into a state to the next that moved it on (a
reassignment does not end one). Its working days are those the form's page counts for it
(clocks.working_days), taken on the calendar the stay was written with: `flask rebuild-stays`
works them out again from the events if the list of bank holidays changes.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import PkModel, UTCDateTime
from triggerflow.models.user import enum_column
from triggerflow.workflow.states import FormState


class FormStay(PkModel):
    __tablename__ = "form_stays"
    __table_args__ = (
        # Stays ended in a period (time in state, assessors) and each form's stays (its clocks): both
        # answered from the index alone.
        Index("ix_form_stays_left_at", "left_at", "form_id", "state", "left_with", "left_by", "working_days"),
        Index("ix_form_stays_form_id", "form_id", "entered_at", "state", "working_days"),
    )

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"))
    state: Mapped[FormState] = mapped_column(enum_column(FormState))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_with: Mapped[str] = mapped_column(String(32))  # the action that moved the form on
    left_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None when the system acted
    working_days: Mapped[int]
