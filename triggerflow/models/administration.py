"""The administrators' audit trail and the versions of the criteria thresholds."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User


class AdminEvent(PkModel):
    """One administrator action: what it was done to, and the values before and after."""

    __tablename__ = "admin_events"

    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(300))
    before: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor: Mapped[User] = relationship()


class CriteriaVersion(PkModel):
    """The thresholds of DESIGN section 3 as they stood from `created_at` on; the highest number is in force."""

    __tablename__ = "criteria_versions"

    number: Mapped[int] = mapped_column(unique=True)
    limits: Mapped[dict[str, int]] = mapped_column(JSONDocument)
    reason: Mapped[str | None] = mapped_column(Text)
    # None for version 1, the thresholds the service started with.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User | None] = relationship()
