"""The audit of exports: who downloaded which list, with which filters, when, and how much."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from triggerflow.db import JSONDocument, PkModel, UTCDateTime, utcnow
from triggerflow.models.user import User


class ExportRecord(PkModel):
    __tablename__ = "export_records"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(64))  # what was exported, e.g. "forms" or a dashboard table
    filters: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    via: Mapped[str] = mapped_column(String(8))  # "web" or "api"
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Filled in when a streamed export has been sent to the end; empty if the download stopped.
    rows: Mapped[int | None]
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
