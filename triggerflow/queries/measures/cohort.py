"""The submission cohort: forms first submitted in the period, and where each stands now.

Submission yield (what became of them) and returns per form (how often the ROCTA sent them
back, over their whole life) are two views of the same cohort (DESIGN section 7). The counts come
from the rollups (rolled.rows) when the filters allow, from the facts otherwise.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, Subquery, case, func, literal, select

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, TriggerForm
from triggerflow.queries.measures import rolled
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import sum_where
from triggerflow.rollups.shares import COHORT, OUTCOME_OF_STATE

# Outcome of a submitted form, from its state now (rollups.shares); anything still with the ROCTA is pending.
OUTCOMES = ("accepted", "rejected", "returned", "lapsed", "withdrawn", "pending")


@dataclass(frozen=True)
class Cohort(ByForce):
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
    returns = (
        select(FormEvent.form_id, func.count().label("returns"))
        .where(FormEvent.action == "return_to_force")
        .group_by(FormEvent.form_id)
        .subquery()
    )
    outcome = case(*((forms.c.state == state, name) for state, name in OUTCOME_OF_STATE.items()), else_="pending")
    return select(
        forms.c.form_id,
        forms.c.force_id,
        outcome.label("outcome"),
        func.coalesce(returns.c.returns, 0).label("returns"),
    ).outerjoin(returns, returns.c.form_id == forms.c.form_id)


def _tallies(scope: MeasureScope) -> Subquery:
    """How many forms per force, outcome and number of returns: from the rollups, or counted from the facts."""
    found = rolled.rows(scope, COHORT)
    if found is not None:
        return select(
            found.c.force_id, found.c.label.label("outcome"), found.c.number.label("returns"), found.c.count
        ).subquery()
    cohort = facts(scope).subquery()
    return select(cohort.c.force_id, cohort.c.outcome, cohort.c.returns, literal(1).label("count")).subquery()


def by_force(scope: MeasureScope) -> list[Cohort]:
    cohort = _tallies(scope)
    forms = cohort.c.count
    rows = db.session.execute(
        select(
            Force.code,
            Force.name,
            func.sum(forms),
            *(sum_where(cohort.c.outcome == name, forms) for name in OUTCOMES),
            func.coalesce(func.sum(cohort.c.returns * forms), 0),
            sum_where(cohort.c.returns >= 1, forms),
            sum_where(cohort.c.returns >= 2, forms),
            sum_where((cohort.c.outcome == "accepted") & (cohort.c.returns == 0), forms),
        )
        .join(cohort, cohort.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name)
        .order_by(Force.name)
    )
    return [Cohort(*row) for row in rows]


def totals(rows: list[Cohort]) -> Cohort:
    return Cohort(
        "ALL",
        "All forces",
        *(
            sum(getattr(r, name) for r in rows)
            for name in ("submitted", *OUTCOMES, "returns", "returned_once", "returned_twice", "accepted_first_time")
        ),
    )


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
