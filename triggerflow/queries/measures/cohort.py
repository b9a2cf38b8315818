"""The submission cohort: forms first submitted in the period, and where each stands now.

Submission yield (what became of them) and returns per form (how often the ROCTA sent them
back, over their whole life) are two views of the same cohort (DESIGN section 7).
"""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, Subquery, case, func, select

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, TriggerForm
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import count_where
from triggerflow.workflow.states import FormState

# Outcome of a submitted form, from its state now; anything still with the ROCTA is pending.
OUTCOMES = ("accepted", "rejected", "returned", "lapsed", "withdrawn", "pending")
_OUTCOME_OF_STATE = {
    FormState.ACCEPTED: "accepted", FormState.REJECTED: "rejected", FormState.RETURNED: "returned",
    FormState.LAPSED: "lapsed", FormState.WITHDRAWN: "withdrawn",
}


@dataclass(frozen=True)
class Cohort:
    code: str
    name: str
    submitted: int
    accepted: int
    rejected: int
    returned: int
    lapsed: int
    withdrawn: int
    pending: int
    returns: int  # return_to_force events on these forms
    returned_once: int  # forms returned at least once
    returned_twice: int  # forms returned twice or more
    accepted_first_time: int  # accepted without ever being returned by the ROCTA

    @property
    def share_accepted(self) -> float | None:
        """The headline: % of the forms first submitted in the period that are now accepted."""
        return self.share(self.accepted)

    @property
    def share_accepted_first_time(self) -> float | None:
        return self.share(self.accepted_first_time)

    def share(self, count: int) -> float | None:
        return count * 100 / self.submitted if self.submitted else None

    @property
    def returns_per_form(self) -> float | None:
        return self.returns / self.submitted if self.submitted else None


def facts(scope: MeasureScope) -> Select:
    """One row per form first submitted in the period: its outcome and how often it was returned."""
    forms = scope.forms().where(scope.in_period(TriggerForm.first_submitted_at)).subquery()
    returns = (select(FormEvent.form_id, func.count().label("returns"))
               .where(FormEvent.action == "return_to_force").group_by(FormEvent.form_id).subquery())
    outcome = case(*((forms.c.state == state, name) for state, name in _OUTCOME_OF_STATE.items()),
                   else_="pending")
    return (
        select(forms.c.form_id, forms.c.force_id, outcome.label("outcome"),
               func.coalesce(returns.c.returns, 0).label("returns"))
        .outerjoin(returns, returns.c.form_id == forms.c.form_id)
    )


def by_force(scope: MeasureScope) -> list[Cohort]:
    cohort = facts(scope).subquery()
    rows = db.session.execute(
        select(Force.code, Force.name, func.count(),
               *(count_where(cohort.c.outcome == name) for name in OUTCOMES),
               func.coalesce(func.sum(cohort.c.returns), 0),
               count_where(cohort.c.returns >= 1), count_where(cohort.c.returns >= 2),
               count_where((cohort.c.outcome == "accepted") & (cohort.c.returns == 0)))
        .join(cohort, cohort.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name)
        .order_by(Force.name)
    )
    # Columns built in a loop make rows of no fixed width to the type checker.
    return [Cohort(*row) for row in rows]  # type: ignore[call-arg]


def totals(rows: list[Cohort]) -> Cohort:
    return Cohort("ALL", "All forces", *(sum(getattr(r, name) for r in rows) for name in (
        "submitted", *OUTCOMES, "returns", "returned_once", "returned_twice", "accepted_first_time")))


def _outcome_is(name: str) -> Callable[[Subquery], ColumnElement[bool]]:
    return lambda c: c.c.outcome == name


CELLS: dict[str, Callable[[Subquery], ColumnElement[bool]]] = {
    "submitted": lambda c: c.c.returns >= 0,
    **{name: _outcome_is(name) for name in OUTCOMES},
    "returned_once": lambda c: c.c.returns >= 1,
    "returned_twice": lambda c: c.c.returns >= 2,
    "first_time": lambda c: (c.c.outcome == "accepted") & (c.c.returns == 0),
}


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    cohort = facts(scope).subquery()
    return select(cohort.c.form_id).where(CELLS[cell](cohort))
