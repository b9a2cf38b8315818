"""The sender: takes due messages from the outbox, sends them, and retries failures later.

A message is claimed before it is sent (a lease in `locked_until`), so senders on several
hosts never send the same message at once; PostgreSQL also skips rows another sender is
claiming (FOR UPDATE SKIP LOCKED). A sender that dies mid-send leaves the lease to run out,
and the message is tried again. Failures wait twice as long each time, up to a limit, and
after the last attempt the message is kept as failed for someone to look at.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import or_, select, update

from triggerflow.db import db, transaction, utcnow
from triggerflow.models import OutboxMessage, OutboxStatus
from triggerflow.notifications import transports

LEASE = timedelta(minutes=5)


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retrying} to retry, {self.failed} failed."


def send_pending(
    now: datetime | None = None, limit: int = 500, transport: transports.Transport | None = None
) -> SendReport:
    """Send every message due by `now` (at most `limit`); never raises for a failed send."""
    now = now or utcnow()
    transport = transport or transports.configured()
    report = SendReport()
    for message in _claim(now, limit):
        with transaction():
            try:
                transport.send(transports.build(message))
            except Exception as error:  # noqa: BLE001 - any failure of any transport: keep the message, try later
                _failed(message, error, now, report)
            else:
                message.status, message.sent_at = OutboxStatus.SENT, utcnow()
                report.sent += 1
            message.attempts += 1
            message.locked_until = None
    return report


def _claim(now: datetime, limit: int) -> list[OutboxMessage]:
    due = (
        OutboxMessage.status == OutboxStatus.PENDING,
        OutboxMessage.next_attempt_at <= now,
        or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
    )
    candidates = (
        select(OutboxMessage.id).where(*due).order_by(OutboxMessage.id).limit(limit).with_for_update(skip_locked=True)
    )
    with transaction():
        # The conditional UPDATE is the claim on every backend: a row another sender took
        # meanwhile no longer matches `due`.
        claimed = db.session.scalars(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(candidates), *due)
            .values(locked_until=now + LEASE)
            .returning(OutboxMessage.id)
        ).all()
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.id.in_(claimed))
            .order_by(OutboxMessage.id)
            .execution_options(populate_existing=True)
        )
    )


def _failed(message: OutboxMessage, error: Exception, now: datetime, report: SendReport) -> None:
    config = current_app.config
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if message.attempts + 1 >= config["MAIL_MAX_ATTEMPTS"]:
        message.status = OutboxStatus.FAILED
        report.failed += 1
        current_app.logger.error(
            "Gave up on outbox message %s to %s: %s", message.id, message.to_address, message.last_error
        )
        return
    wait = min(config["MAIL_RETRY_SECONDS"] * 2**message.attempts, config["MAIL_RETRY_MAX_SECONDS"])
    message.next_attempt_at = now + timedelta(seconds=wait)
    report.retrying += 1
    current_app.logger.warning(
        "Outbox message %s to %s failed, retrying in %ss: %s", message.id, message.to_address, wait, message.last_error
    )
