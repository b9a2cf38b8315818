"""Open work by age, and operations running against threats not yet accepted (DESIGN section 7).

Both are a picture of now: the period does not apply.
"""

from dataclasses import dataclass

from sqlalchemy import Select, case, func, literal, select

from triggerflow.db import UTCDateTime, db
from triggerflow.models import Force, FormEvent, TriggerForm, User
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import count_where, days_between
from triggerflow.workflow.states import TERMINAL_STATES, FormState

# (key, label, the first whole day past the band): 0-7 days, 8-14, 15-28, more than 28.
AGE_BANDS = (
    ("0-7", "0 to 7 days", 8),
    ("8-14", "8 to 14 days", 15),
    ("15-28", "15 to 28 days", 29),
    ("over-28", "More than 28 days", None),
)
OPEN_STATES = tuple(state for state in FormState if state not in TERMINAL_STATES)


@dataclass(frozen=True)
class StateBacklog:
    state: FormState
    bands: tuple[int, ...]  # counts in AGE_BANDS order

    @property
    def total(self) -> int:
        return sum(self.bands)


@dataclass(frozen=True)
class Operation:
    number: str
    working_name: str | None
    force_code: str
    force_name: str
    state: FormState
    officer: str
    days_since_submission: float | None


def facts(scope: MeasureScope) -> Select:
    """Every open form in scope, its state, and its age band in that state."""
    forms = scope.forms().where(TriggerForm.state.in_(OPEN_STATES)).subquery()
    days = days_between(func.max(FormEvent.at), literal(scope.now, UTCDateTime()))
    # Each open form's band from its own events, an index range per form: grouping the events and
    # joining them to the open forms had both databases read every form's events.
    band = (
        select(case(*((days < limit, key) for key, _, limit in AGE_BANDS[:-1]), else_=AGE_BANDS[-1][0]))
        .where(FormEvent.form_id == forms.c.form_id)
        .scalar_subquery()
    )
    return select(forms.c.form_id, forms.c.force_id, forms.c.state, band.label("band"))


def by_state(scope: MeasureScope) -> list[StateBacklog]:
    open_forms = facts(scope).subquery()
    rows = db.session.execute(
        select(open_forms.c.state, *(count_where(open_forms.c.band == key) for key, _, _ in AGE_BANDS)).group_by(
            open_forms.c.state
        )
    )
    found = {FormState(state): tuple(counts) for state, *counts in rows}
    return [StateBacklog(state, found[state]) for state in OPEN_STATES if state in found]


def operations_facts(scope: MeasureScope) -> Select:
    return scope.forms().where(TriggerForm.operation_running.is_(True), TriggerForm.state != FormState.ACCEPTED)


@dataclass(frozen=True)
class OperationCounts(ByForce):
    open: int  # the form is still in the lifecycle: no decision yet
    rejected: int
    withdrawn: int

    @property
    def total(self) -> int:
        return self.open + self.rejected + self.withdrawn


_OPERATION_GROUPS = {
    "open": lambda state: state.in_(OPEN_STATES),
    "rejected": lambda state: state == FormState.REJECTED,
    "withdrawn": lambda state: state == FormState.WITHDRAWN,
}


def operations_by_force(scope: MeasureScope) -> list[OperationCounts]:
    running = operations_facts(scope).subquery()
    rows = db.session.execute(
        select(Force.code, Force.name, *(count_where(group(running.c.state)) for group in _OPERATION_GROUPS.values()))
        .join(running, running.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name)
        .order_by(Force.name)
    )
    # Columns built in a loop make rows of no fixed width to the type checker.
    return [OperationCounts(*row) for row in rows]  # type: ignore[call-arg]


def operations_without_assessment(scope: MeasureScope, limit: int | None = None) -> list[Operation]:
    running = operations_facts(scope).subquery()
    since = days_between(running.c.first_submitted_at, literal(scope.now, UTCDateTime()))
    rows = db.session.execute(
        select(
            TriggerForm.number, TriggerForm.working_name, Force.code, Force.name, TriggerForm.state, User.name, since
        )
        .join(running, running.c.form_id == TriggerForm.id)
        .join(Force, Force.id == TriggerForm.force_id)
        .join(User, User.id == TriggerForm.created_by_id)
        .order_by(
            TriggerForm.state.not_in(OPEN_STATES),
            Force.name,
            running.c.first_submitted_at.is_(None),
            running.c.first_submitted_at,
            TriggerForm.number,
        )
        .limit(limit)
    )
    return [Operation(*row) for row in rows]


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    open_forms = facts(scope).subquery()
    query = select(open_forms.c.form_id)
    if keys.get("state"):
        query = query.where(open_forms.c.state == FormState(keys["state"]))
    return query.where(open_forms.c.band == cell) if cell != "all" else query


def drill_operations(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    running = operations_facts(scope).subquery()
    query = select(running.c.form_id)
    return query.where(_OPERATION_GROUPS[cell](running.c.state)) if cell != "all" else query


CELLS = ("all", *(key for key, _, _ in AGE_BANDS))
OPERATION_CELLS = ("all", *_OPERATION_GROUPS)
