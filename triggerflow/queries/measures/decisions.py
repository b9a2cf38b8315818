"""Acceptance rate and first-time acceptance, by decision date (DESIGN section 7).

A decision is an `accept` or `reject` event; a form reconsidered and decided again has another.
The counts come from the rollups (rolled.rows) when the filters allow, from the facts otherwise.
"""

from dataclasses import dataclass

from sqlalchemy import Select, case, desc, exists, func, literal, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import Subquery

from triggerflow.db import db
from triggerflow.models import Force, FormEvent
from triggerflow.queries.measures import rolled
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import percent, sum_where, year_month
from triggerflow.rollups.shares import DECISION

DECISIONS = ("accept", "reject")


class Decided:
    """Acceptance for any figures with `accepted` and `rejected` counts: accepted ÷ (accepted + rejected)."""

    accepted: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def acceptance_rate(self) -> float | None:
        return self.share_of_decided(self.accepted)

    def share_of_decided(self, count: int) -> float | None:
        return count * 100 / self.decided if self.decided else None


@dataclass(frozen=True)
class DecisionCounts(ByForce, Decided):
    accepted: int
    rejected: int
    first_time_accepted: int

    @property
    def first_time_rate(self) -> float | None:
        return self.share_of_decided(self.first_time_accepted)


@dataclass(frozen=True)
class MonthlyDecisions(ByForce, Decided):
    month: str  # YYYY-MM
    accepted: int
    rejected: int


def facts(scope: MeasureScope) -> Select:
    """One row per decision made in the period on a form in scope."""
    forms = scope.forms().subquery()
    earlier = aliased(FormEvent)
    never_returned = ~exists().where(earlier.form_id == FormEvent.form_id, earlier.action == "return_to_force")
    return (
        select(
            forms.c.form_id,
            forms.c.force_id,
            forms.c.first_submitted_at,
            FormEvent.action.label("outcome"),
            FormEvent.at.label("decided_at"),
            year_month(FormEvent.at).label("month"),
            case((never_returned, 1), else_=0).label("first_time"),
        )
        .join(FormEvent, FormEvent.form_id == forms.c.form_id)
        .where(FormEvent.action.in_(DECISIONS), scope.in_period(FormEvent.at))
    )


def _tallies(scope: MeasureScope) -> Subquery:
    """How many decisions per force, month, outcome and first time: from the rollups, or counted from the facts."""
    found = rolled.rows(scope, DECISION)
    if found is not None:
        return select(
            found.c.force_id,
            year_month(found.c.day).label("month"),
            found.c.label.label("outcome"),
            found.c.number.label("first_time"),
            found.c.count,
        ).subquery()
    decided = facts(scope).subquery()
    return select(
        decided.c.force_id, decided.c.month, decided.c.outcome, decided.c.first_time, literal(1).label("count")
    ).subquery()


def _counts(decided) -> list:
    return [
        sum_where(decided.c.outcome == "accept", decided.c.count).label("accepted"),
        sum_where(decided.c.outcome == "reject", decided.c.count).label("rejected"),
        sum_where((decided.c.outcome == "accept") & (decided.c.first_time == 1), decided.c.count).label(
            "first_time_accepted"
        ),
    ]


def by_force(scope: MeasureScope) -> list[DecisionCounts]:
    """Forces with at least one decision, highest acceptance rate first (the lowest is last)."""
    decided = _tallies(scope)
    counts = _counts(decided)
    rate = percent(counts[0], func.sum(decided.c.count)).label("rate")
    rows = db.session.execute(
        select(Force.code, Force.name, *counts, rate)
        .join(decided, decided.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name)
        .order_by(desc("rate"), Force.name)
    )
    return [DecisionCounts(*row[:5]) for row in rows]


def by_month(scope: MeasureScope) -> list[MonthlyDecisions]:
    """Accepted and rejected per force and calendar month (UTC) of the decision."""
    decided = _tallies(scope)
    rows = db.session.execute(
        select(Force.code, Force.name, decided.c.month, *_counts(decided)[:2])
        .join(decided, decided.c.force_id == Force.id)
        .group_by(Force.id, Force.code, Force.name, decided.c.month)
        .order_by(Force.name, decided.c.month)
    )
    return [MonthlyDecisions(*row) for row in rows]


def totals(rows: list[DecisionCounts]) -> DecisionCounts:
    return DecisionCounts(
        "ALL",
        "All forces",
        sum(r.accepted for r in rows),
        sum(r.rejected for r in rows),
        sum(r.first_time_accepted for r in rows),
    )


CELLS = {
    "decided": lambda d: d.c.outcome.in_(DECISIONS),
    "accepted": lambda d: d.c.outcome == "accept",
    "rejected": lambda d: d.c.outcome == "reject",
    "first_time": lambda d: (d.c.outcome == "accept") & (d.c.first_time == 1),
}


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    decided = facts(scope).subquery()
    query = select(decided.c.form_id).where(CELLS[cell](decided))
    if keys.get("month"):
        query = query.where(decided.c.month == keys["month"])
    return query
