"""The key that stops a reminder going twice: one row in reminders_sent per form, kind and due date."""

from collections.abc import Callable
from datetime import date

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from triggerflow.db import db, transaction, utcnow
from triggerflow.models import ReminderSent


def claim_and_write(form_id: int, kind: str, due_on: date, write: Callable[[], object]) -> bool:
    """Claim the reminder's key and `write` its e-mail in one transaction; False if already sent."""
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    with transaction():
        claimed = db.session.scalar(
            insert(ReminderSent)
            .values(form_id=form_id, kind=kind, due_on=due_on, sent_at=utcnow())
            .on_conflict_do_nothing(index_elements=["form_id", "kind", "due_on"])
            .returning(ReminderSent.id)
        )
        if claimed is not None:
            write()
    return claimed is not None
