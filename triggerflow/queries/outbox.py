"""The state of the outbox, for the development mail page."""

from sqlalchemy import func, select

from triggerflow.db import db
from triggerflow.models import OutboxMessage, OutboxStatus


def outbox_counts() -> dict[str, int]:
    rows = db.session.execute(select(OutboxMessage.status, func.count(OutboxMessage.id)).group_by(OutboxMessage.status))
    counts = {status.value: 0 for status in OutboxStatus}
    counts.update({OutboxStatus(status).value: count for status, count in rows})
    return counts
