"""The ROCTA clock and the force clock of each form, read from the event log (DESIGN section 6).

A *stay* runs from the event that put a form into a state to the next event (or to now). The
ROCTA clock runs while the form is in submitted, resubmitted or under assessment; the force
clock while it is in draft, SPOC review or returned. Neither runs while a form has lapsed or
after a decision. Clocks count working days.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, Select, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from triggerflow.clocks.due import Due, due_for, lapses_on
from triggerflow.clocks.working_days import local_date, working_days_between
from triggerflow.db import UTCDateTime, db, utcnow
from triggerflow.models import FormEvent, TriggerForm
from triggerflow.queries.listed import Event
from triggerflow.queries.working_days import local_day_number
from triggerflow.workflow.states import FormState

ROCTA_CLOCK = frozenset({FormState.SUBMITTED, FormState.RESUBMITTED, FormState.UNDER_ASSESSMENT})
FORCE_CLOCK = frozenset({FormState.DRAFT, FormState.SPOC_REVIEW, FormState.RETURNED})
TWICE = 2  # a form returned this many times or more is flagged


@dataclass(frozen=True)
class Clock:
    working_days: int
    running: bool


@dataclass(frozen=True)
class FormTiming:
    rocta: Clock
    force: Clock
    due: Due | None
    lapses_on: date | None
    returns: int

    @property
    def returned_twice(self) -> bool:
        return self.returns >= TWICE


def moved_in() -> ColumnElement[bool]:
    """An event that put a form into a state: a reassignment (same state, new assessor) is not one."""
    return or_(FormEvent.from_state.is_(None), FormEvent.from_state != FormEvent.to_state)


def stays(form_ids: Iterable[int] | Select) -> Select:
    """Every stay of the given forms: form_id, state, entered and left (NULL while it goes on), the
    action that ended it and who took it, and the local day numbers it began and ended on
    (queries.working_days), with which the measures count its working days."""
    window: dict[str, Any] = {"partition_by": FormEvent.form_id, "order_by": (FormEvent.at, FormEvent.id)}
    day = local_day_number(FormEvent.at)
    return select(
        FormEvent.form_id,
        FormEvent.to_state.label("state"),
        FormEvent.at.label("entered"),
        func.lead(FormEvent.at, type_=UTCDateTime()).over(**window).label("left"),
        func.lead(FormEvent.action).over(**window).label("left_with"),
        func.lead(FormEvent.actor_id).over(**window).label("left_by"),
        day.label("entered_day"),
        func.lead(day).over(**window).label("left_day"),
    ).where(FormEvent.form_id.in_(form_ids), moved_in())


def return_count() -> ColumnElement[int]:
    """How many times the form (correlated from trigger_forms) has been returned to its force."""
    return (
        select(func.count(FormEvent.id))
        .where(FormEvent.form_id == TriggerForm.id, FormEvent.action == "return_to_force")
        .correlate(TriggerForm)
        .scalar_subquery()
    )


def entered_current_state() -> ColumnElement[datetime]:
    """When the form (correlated) last moved into the state it is in now."""
    return (
        select(func.max(FormEvent.at))
        .where(FormEvent.form_id == TriggerForm.id, FormEvent.to_state == TriggerForm.state, moved_in())
        .correlate(TriggerForm)
        .scalar_subquery()
    )


def clocks(form_ids: list[int], now: datetime | None = None) -> dict[int, tuple[Clock, Clock]]:
    """(ROCTA clock, force clock) per form id."""
    rows = db.session.execute(stays(form_ids))
    return _add_up(form_ids, ((row.form_id, row.state, row.entered, row.left) for row in rows), now or utcnow())


def _add_up(form_ids: Iterable[int], rows: Iterable[tuple], now: datetime) -> dict[int, tuple[Clock, Clock]]:
    """Each clock's working days from stays given as (form_id, state, entered, left)."""
    # Per form and clock: [working days, running].
    totals: dict[int, dict[str, list[Any]]] = {
        form_id: {"rocta": [0, False], "force": [0, False]} for form_id in form_ids
    }
    for form_id, state, entered, left in rows:
        clock = "rocta" if state in ROCTA_CLOCK else "force" if state in FORCE_CLOCK else None
        if clock is None:
            continue
        totals[form_id][clock][0] += working_days_between(local_date(entered), local_date(left or now))
        totals[form_id][clock][1] = left is None
    return {form_id: (Clock(*t["rocta"]), Clock(*t["force"])) for form_id, t in totals.items()}


def timing(form: TriggerForm, now: datetime | None = None, events: list[Event] | None = None) -> FormTiming:
    """Both clocks, what is due next, when a return lapses, and how often the form was returned.

    Given the form's whole history (the form's page has read it already), nothing more is read.
    """
    now = now or utcnow()
    if events is None:
        returns, since = db.session.execute(
            select(return_count(), entered_current_state()).select_from(TriggerForm).where(TriggerForm.id == form.id)
        ).one()
        rocta, force = clocks([form.id], now)[form.id]
    else:
        returns, since, (rocta, force) = _from_history(form, sorted(events, key=lambda e: (e.at, e.id)), now)
    lapse = lapses_on(since, form.resubmit_by) if form.state is FormState.RETURNED and since else None
    return FormTiming(
        rocta=rocta,
        force=force,
        due=due_for(form.state, form.submitted_at, form.resubmit_by, local_date(now)),
        lapses_on=lapse,
        returns=returns,
    )


def _from_history(form: TriggerForm, events: list[Event], now: datetime):
    """What return_count, entered_current_state and stays read, worked out from the events in order."""
    returns = sum(e.action == "return_to_force" for e in events)
    since = max((e.at for e in events if e.to_state == form.state and e.from_state != e.to_state), default=None)
    lefts = [e.at for e in events[1:]] + [None]
    rows = [(form.id, e.to_state, e.at, left) for e, left in zip(events, lefts)]
    return returns, since, _add_up([form.id], rows, now)[form.id]


class days_since(FunctionElement):
    """Whole calendar days from a stored UTC timestamp (or date) to `today`."""

    type = Integer()
    inherit_cache = True


@compiles(days_since, "sqlite")
def _days_since_sqlite(element, compiler, **kw):
    when, today = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({today}) - julianday(date({when})) AS INTEGER)"


@compiles(days_since, "postgresql")
def _days_since_postgresql(element, compiler, **kw):
    when, today = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST({today} AS DATE) - CAST({when} AS DATE))"
