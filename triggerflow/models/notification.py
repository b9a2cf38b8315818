"""E-mail waiting to be sent (the outbox) and the reminders already sent."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from triggerflow.db import PkModel, UTCDateTime, utcnow
from triggerflow.models.user import enum_column


class OutboxStatus(StrEnum):
    PENDING = "pending"  # to be sent, now or at next_attempt_at
    SENT = "sent"
    FAILED = "failed"  # gave up after the last attempt; kept for someone to look at


class OutboxMessage(PkModel):
    """One e-mail to one address, written in the transaction that caused it, sent after commit."""

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_due", "status", "next_attempt_at"),)

    form_id: Mapped[int | None] = mapped_column(ForeignKey("trigger_forms.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(40))  # the action or the reminder that caused it
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[OutboxStatus] = mapped_column(enum_column(OutboxStatus, 16), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A sender holds a message until then; if it dies while sending, another takes it over after.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReminderSent(PkModel):
    """A reminder sent for one form, of one kind, for one due date: the key that stops a second."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("form_id", "kind", "due_on", name="uq_reminders_sent_form_kind_due"),)

    form_id: Mapped[int] = mapped_column(ForeignKey("trigger_forms.id"))
    kind: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
