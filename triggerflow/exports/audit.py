"""Who exported what, and when: a row per download, written before the first byte goes out."""

from typing import Any

from sqlalchemy import update

from triggerflow.audit.security_log import security_event
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import ExportRecord, User


def started(user: User, kind: str, filters: dict[str, Any], via: str, rows: int | None = None) -> int:
    record = ExportRecord(
        user_id=user.id,
        kind=kind[:64],
        filters=filters,
        via=via,
        at=utcnow(),
        rows=rows,
        finished_at=utcnow() if rows is not None else None,
    )
    with transaction():
        db.session.add(record)
    security_event("export", kind=kind, via=via, filters=filters, record_id=record.id)
    return record.id


def finished(record_id: int, rows: int) -> None:
    with transaction():
        db.session.execute(
            update(ExportRecord).where(ExportRecord.id == record_id).values(rows=rows, finished_at=utcnow())
        )
