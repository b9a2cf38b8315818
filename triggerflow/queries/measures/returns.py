"""Why forms come back and which returns are going stale (DESIGN section 7).

A ROCTA return is a `return_to_force` event; its reasons are the return items sent with it, as
each return recorded them (models.returned_item), counted in the rollups (rolled.rows) when the
filters allow. Stale returns are a picture of now, not of the period.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, desc, func, literal, select
from sqlalchemy.sql.selectable import Subquery

from triggerflow.db import UTCDateTime, db
from triggerflow.models import Force, FormEvent, ReturnedItem, Role, TriggerForm, User
from triggerflow.queries.measures import rolled
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import count_where, days_between
from triggerflow.rollups.shares import REASON
from triggerflow.workflow.states import FormState

STALE_AFTER_DAYS = (7, 14, 28)
_WAITING_ON_FORCE = (FormState.RETURNED, FormState.LAPSED)


@dataclass(frozen=True)
class StaleSummary(ByForce):
    waiting: int  # returned and not resubmitted (lapsed forms are counted apart)
    over_7: int
    over_14: int
    over_28: int
    lapsed: int


@dataclass(frozen=True)
class StaleReturn:
    number: str
    working_name: str | None
    force_code: str
    force_name: str
    state: FormState
    returned_at: datetime
    days: float
    officer: str
    spocs: tuple[str, ...]


@dataclass(frozen=True)
class ReasonCount(ByForce):
    reason: str
    count: int
    share: float  # % of that force's return items
    rank: int  # 1 = the force's most frequent reason


def stale_facts(scope: MeasureScope) -> Select:
    """Forms waiting on the force after a return, with days since the latest return."""
    forms = scope.forms().where(TriggerForm.state.in_(_WAITING_ON_FORCE)).subquery()
    # Only these forms' returns: a few hundred index probes, not every return ever made.
    last_return = (
        select(FormEvent.form_id, func.max(FormEvent.at).label("returned_at"))
        .where(FormEvent.action == "return_to_force", FormEvent.form_id.in_(select(forms.c.form_id)))
        .group_by(FormEvent.form_id)
        .subquery()
    )
    now = literal(scope.now, UTCDateTime())
    return select(
        forms.c.form_id,
        forms.c.force_id,
        forms.c.state,
        last_return.c.returned_at,
        days_between(last_return.c.returned_at, now).label("days"),
    ).join(last_return, last_return.c.form_id == forms.c.form_id)


def stale_by_force(scope: MeasureScope) -> list[StaleSummary]:
    stale = stale_facts(scope).subquery()
    returned = stale.c.state == FormState.RETURNED
    rows = db.session.execute(
        select(
            Force.code,
            Force.name,
            count_where(returned),
            *(count_where(returned & (stale.c.days >= days)) for days in STALE_AFTER_DAYS),
            count_where(stale.c.state == FormState.LAPSED),
        )
        .join(stale, stale.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name)
        .order_by(Force.name)
    )
    # Columns built in a loop make rows of no fixed width to the type checker.
    return [StaleSummary(*row) for row in rows]  # type: ignore[call-arg]


def stale_list(scope: MeasureScope, min_days: int = STALE_AFTER_DAYS[0], limit: int | None = None) -> list[StaleReturn]:
    """Returned forms not resubmitted after `min_days`, oldest first, with the officer and the force's SPOCs.

    Lapsed forms are left out: they have gone stale already, and are counted apart.
    """
    stale = stale_facts(scope).subquery()
    query = (
        select(
            TriggerForm.number,
            TriggerForm.working_name,
            Force.code,
            Force.name,
            stale.c.state,
            stale.c.returned_at,
            stale.c.days,
            User.name,
            Force.id,
        )
        .join(stale, stale.c.form_id == TriggerForm.id)
        .join(Force, Force.id == TriggerForm.force_id)
        .join(User, User.id == TriggerForm.created_by_id)
        .where(stale.c.state == FormState.RETURNED, stale.c.days >= min_days)
        .order_by(desc(stale.c.days), TriggerForm.number)
        .limit(limit)
    )
    rows = db.session.execute(query).all()
    spocs = spocs_by_force({row[-1] for row in rows})
    # Columns built in a loop make rows of no fixed width to the type checker.
    return [StaleReturn(*row[:-1], spocs.get(row[-1], ())) for row in rows]  # type: ignore[call-arg]


def spocs_by_force(force_ids: set[int]) -> dict[int, tuple[str, ...]]:
    rows = db.session.execute(
        select(User.force_id, User.name)
        .where(User.role == Role.SPOC, User.active, User.force_id.in_(force_ids))
        .order_by(User.force_id, User.name)
    )
    found: dict[int, tuple[str, ...]] = {}
    for force_id, name in rows:
        if force_id is not None:  # always, given the IN above; the column itself may be empty
            found[force_id] = (*found.get(force_id, ()), name)
    return found


def reason_facts(scope: MeasureScope) -> Select:
    """One row per return item per return sent in the period on a form in scope: an item reopened and
    returned again counts in each return, each under that return's date."""
    forms = scope.forms().subquery()
    return (
        select(
            ReturnedItem.id.label("returned_item_id"),
            ReturnedItem.form_id,
            forms.c.force_id,
            ReturnedItem.reason_code.label("reason"),
        )
        .join(forms, forms.c.form_id == ReturnedItem.form_id)
        .where(scope.in_period(ReturnedItem.returned_at))
    )


def _reason_tallies(scope: MeasureScope) -> Subquery:
    """How many return items per force and reason: from the rollups, or counted from the facts."""
    found = rolled.rows(scope, REASON)
    if found is not None:
        return select(found.c.force_id, found.c.label.label("reason"), found.c.count).subquery()
    items = reason_facts(scope).subquery()
    return select(items.c.force_id, items.c.reason, literal(1).label("count")).subquery()


def reasons_by_force(scope: MeasureScope) -> list[ReasonCount]:
    """The force x reason matrix in long form, each force's most frequent reason first."""
    items = _reason_tallies(scope)
    count = func.sum(items.c.count)
    rows = db.session.execute(
        select(
            Force.code,
            Force.name,
            items.c.reason,
            count,
            count * 100.0 / func.sum(count).over(partition_by=Force.id),
            func.row_number().over(partition_by=Force.id, order_by=(desc(count), items.c.reason)),
        )
        .join(items, items.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name, items.c.reason)
        .order_by(Force.name, desc(count), items.c.reason)
    )
    return [ReasonCount(*row) for row in rows]


def reasons_overall(scope: MeasureScope) -> list[ReasonCount]:
    items = _reason_tallies(scope)
    count = func.sum(items.c.count)
    rows = db.session.execute(
        select(
            items.c.reason,
            count,
            count * 100.0 / func.sum(count).over(),
            func.row_number().over(order_by=(desc(count), items.c.reason)),
        )
        .group_by(items.c.reason)
        .order_by(desc(count), items.c.reason)
    )
    return [ReasonCount("ALL", "All forces", *row) for row in rows]


def drill_stale(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    stale = stale_facts(scope).subquery()
    days = {"waiting": 0, **{f"over_{d}": d for d in STALE_AFTER_DAYS}}
    if cell == "lapsed":
        return select(stale.c.form_id).where(stale.c.state == FormState.LAPSED)
    return select(stale.c.form_id).where(stale.c.state == FormState.RETURNED, stale.c.days >= days[cell])


def drill_reasons(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    items = reason_facts(scope).subquery()
    query = select(items.c.form_id).distinct()
    return query.where(items.c.reason == keys["reason"]) if cell == "reason" else query


STALE_CELLS = ("waiting", "over_7", "over_14", "over_28", "lapsed")
REASON_CELLS = ("all", "reason")
