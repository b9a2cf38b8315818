"""An operation or investigation a force is running against a group, on the force's own register.

Recorded whether or not a trigger form exists: a force that never sent a form for the group is
exactly the one the inspection found investigating a threat nobody had assessed.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.form import TriggerForm
from triggerflow.models.reference import Force
from triggerflow.models.user import User


class ForceOperation(PkModel):
    __tablename__ = "force_operations"

    force_id: Mapped[int] = mapped_column(ForeignKey("forces.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    started_on: Mapped[date] = mapped_column(Date)
    target: Mapped[str] = mapped_column(Text)  # the group or person it is against, in the force's words
    form_id: Mapped[int | None] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    force: Mapped[Force] = relationship()
    form: Mapped[TriggerForm | None] = relationship()
    recorded_by: Mapped[User] = relationship()
