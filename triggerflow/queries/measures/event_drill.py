"""From a figure that counts times (events, items per return, stays) to exactly those times.

A form returned twice is two ROCTA returns; listing forms under that figure would show fewer rows
than it says. Each drill selects from the facts its figure was counted from, one row per time:
the form, what happened, when, and who did it.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, Select, cast, func, literal, null, select

from triggerflow.content import vocab
from triggerflow.db import db
from triggerflow.models import Force, FormEvent, ReturnedItem, Role, TriggerForm, User
from triggerflow.queries.measures import assessors, cohort, returns, timing
from triggerflow.queries.measures.drill import UnknownDrill, checked
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.states import FormState


@dataclass(frozen=True)
class ListedEvent:
    number: str
    working_name: str | None
    force_name: str
    what: str
    at: datetime
    by: str | None


def _cohort_returns(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    forms = cohort.facts(scope).subquery()
    return select(FormEvent.form_id, literal("return_to_force").label("what"), FormEvent.at, FormEvent.actor_id).where(
        FormEvent.action == "return_to_force", FormEvent.form_id.in_(select(forms.c.form_id))
    )


def _reason_items(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    items = returns.reason_facts(scope).subquery()
    query = select(
        items.c.form_id,
        items.c.reason.label("what"),
        ReturnedItem.returned_at.label("at"),
        cast(null(), Integer).label("actor_id"),
    ).join(ReturnedItem, ReturnedItem.id == items.c.returned_item_id)  # typed: PostgreSQL joins it to users.id
    return query.where(items.c.reason == keys["reason"]) if cell == "reason" else query


def _assessor_actions(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    assessor_id = int(keys["by"])
    if scope.user.role is Role.ASSESSOR and assessor_id != scope.user.id:
        assessor_id = -1  # an assessor sees their own figures, not a colleague's
    events = assessors.facts(scope).subquery()
    return select(events.c.form_id, events.c.action.label("what"), events.c.at, events.c.actor_id).where(
        events.c.actor_id == assessor_id, events.c.action.in_(assessors.CELLS[cell])
    )


def _stays(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    ended = timing.stays_ended_in_period(scope).subquery()
    return select(
        ended.c.form_id, ended.c.left_with.label("what"), ended.c.left_at.label("at"), ended.c.left_by.label("actor_id")
    ).where(ended.c.state == FormState(keys["state"]))


_DRILLS = {
    "cohort": (_cohort_returns, ("returns",)),
    "reasons": (_reason_items, returns.REASON_CELLS),
    "assessors": (_assessor_actions, tuple(assessors.CELLS)),
    "time": (_stays, ("state",)),
}


def _what(measure: str, what: str) -> str:
    if measure == "reasons":
        return f"Return item: {what} {vocab.label_for(vocab.RETURN_REASONS, what)}"
    label = {
        "return_to_force": "Returned to the force",
        "claim": "Claimed",
        "accept": "Accepted",
        "reject": "Rejected",
        "release": "Released",
        "resubmit": "Resubmitted",
        "lapse": "Lapsed",
        "withdraw": "Withdrawn",
        "submit": "Submitted",
        "reopen": "Reopened",
    }.get(what, what)
    return f"Left the state: {label.lower()}" if measure == "time" else label


def events_behind(
    scope: MeasureScope, measure: str, cell: str, keys: dict[str, str], *, limit: int | None = None, offset: int = 0
) -> tuple[list[ListedEvent], int]:
    """The times behind one figure (a page of them), and how many there are in all."""
    if measure not in _DRILLS:
        raise UnknownDrill(f"{measure}/{cell}")
    drill, cells = _DRILLS[measure]
    times = drill(scope, cell, checked(measure, cell, keys, cells)).subquery()
    where = visible_to(scope.user)
    total = db.session.execute(
        select(func.count()).select_from(times).join(TriggerForm, TriggerForm.id == times.c.form_id).where(where)
    ).scalar_one()
    rows = db.session.execute(
        select(TriggerForm.number, TriggerForm.working_name, Force.name, times.c.what, times.c.at, User.name)
        .join(TriggerForm, TriggerForm.id == times.c.form_id)
        .join(Force, Force.id == TriggerForm.force_id)
        .outerjoin(User, User.id == times.c.actor_id)
        .where(where)
        .order_by(times.c.at, TriggerForm.number, times.c.what)
        .limit(limit)
        .offset(offset)
    )
    return [
        ListedEvent(number, name, force, _what(measure, what), at, by) for number, name, force, what, at, by in rows
    ], total
