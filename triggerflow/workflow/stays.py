"""The stays a form makes in its states (models.stay), written as it moves on.

Three writers, one rule: the workflow service writes a stay in the transaction of the event
that ends it; synthetic histories work theirs out in memory for their bulk insert; `rebuild`
works out every stay again from the events, in SQL, for the migration that brought stays in
and after a change to the list of bank holidays.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from triggerflow.clocks.working_days import local_date, working_days_between
from triggerflow.db import UTCDateTime, db
from triggerflow.models import FormEvent, FormStay, TriggerForm
from triggerflow.queries.clocks import moved_in
from triggerflow.queries.working_days import local_day_number, working_day_number
from triggerflow.workflow.states import FormState


def working_days(entered: datetime, left: datetime) -> int:
    return working_days_between(local_date(entered), local_date(left))


def ended(form: TriggerForm, left: FormState, event: FormEvent) -> FormStay | None:
    """The stay in `left` that `event` (not yet added) ends, or None when the form stays put."""
    if left == event.to_state:
        return None
    entered = db.session.execute(
        select(func.max(FormEvent.at)).where(FormEvent.form_id == form.id, moved_in())
    ).scalar_one()
    return FormStay(
        form_id=form.id,
        state=left,
        entered_at=entered,
        left_at=event.at,
        left_with=event.action,
        left_by=event.actor_id,
        working_days=working_days(entered, event.at),
    )


def from_events(events: Iterable[dict]) -> list[dict]:
    """The stays of one form's events (rows of form_events, oldest first)."""
    found, entered = [], None
    for event in events:
        if event["from_state"] == event["to_state"]:
            continue
        if entered is not None:
            found.append(
                {
                    "form_id": event["form_id"],
                    "state": event["from_state"],
                    "entered_at": entered,
                    "left_at": event["at"],
                    "left_with": event["action"],
                    "left_by": event["actor_id"],
                    "working_days": working_days(entered, event["at"]),
                }
            )
        entered = event["at"]
    return found


def rebuild(connection: Connection) -> int:
    """Replace every stay with those the events give now; how many there are."""
    window: dict[str, Any] = {"partition_by": FormEvent.form_id, "order_by": (FormEvent.at, FormEvent.id)}
    number = working_day_number(local_day_number(FormEvent.at))
    moves = (
        select(
            FormEvent.form_id,
            FormEvent.from_state.label("state"),
            func.lag(FormEvent.at, type_=UTCDateTime()).over(**window).label("entered_at"),
            FormEvent.at.label("left_at"),
            FormEvent.action.label("left_with"),
            FormEvent.actor_id.label("left_by"),
            (number - func.lag(number).over(**window)).label("working_days"),
        ).where(moved_in())
    ).subquery()
    columns = ["form_id", "state", "entered_at", "left_at", "left_with", "left_by", "working_days"]
    connection.execute(delete(FormStay))
    connection.execute(
        insert(FormStay).from_select(
            columns, select(*(moves.c[name] for name in columns)).where(moves.c.state.is_not(None))
        )
    )
    return connection.execute(select(func.count()).select_from(FormStay)).scalar_one()
