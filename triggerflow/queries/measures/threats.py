"""After acceptance (DESIGN section 7): LROs and 4P plans on time, reviews overdue, idle threats and
disruptions by grade, per owning force, from the threat register.

A threat counts in the period by its acceptance; a disruption by the day it happened. Reviews
overdue and idle threats are a picture of now: the period does not apply to them.
"""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import Select, and_, case, func, or_, select

from triggerflow.db import db
from triggerflow.models import Disruption, Force, Threat, TriggerForm
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import days_between
from triggerflow.threats.states import OPEN_STATES, ThreatState

IDLE_DAYS = 183  # six months with nothing recorded: the inspection's idle operation
GRADES = ("major", "moderate", "minor")
CELLS = ("accepted", "lro_due", "lro_on_time", "plan_due", "plan_on_time", "review_overdue", "idle", *GRADES)


@dataclass(frozen=True)
class ThreatCounts(ByForce):
    accepted: int
    lro_due: int  # accepted in the period, and the 7 days are up or an LRO was appointed
    lro_on_time: int
    plan_due: int
    plan_on_time: int
    review_overdue: int
    idle: int
    major: int = 0
    moderate: int = 0
    minor: int = 0

    @property
    def lro_rate(self) -> float | None:
        return self.lro_on_time * 100 / self.lro_due if self.lro_due else None

    @property
    def plan_rate(self) -> float | None:
        return self.plan_on_time * 100 / self.plan_due if self.plan_due else None


def _in_scope(scope: MeasureScope):
    owned = Threat.owning_force_id.in_(scope.forces())
    if not scope.narrows_sent_forms():
        # Every threat's form was sent, and every sent form is in scope: joining each threat to its
        # form would remove none, and was most of the measure's time.
        return owned
    return and_(owned, Threat.form_id.in_(select(TriggerForm.id).where(scope.form_condition())))


def facts(scope: MeasureScope) -> Select:
    """Every threat in scope that some cell counts, with a flag per cell (1 or 0).

    The threat's own row says all a cell needs (its first LRO, its plan, its latest event), so only the
    threats accepted in the period, those under management with a review due before today and those
    idle are read, each on its index.
    """
    config = current_app.config
    today = scope.now.date()
    idle_since = scope.now - timedelta(days=IDLE_DAYS)
    accepted = scope.in_period(Threat.accepted_at)
    review_overdue = (Threat.state == ThreatState.UNDER_MANAGEMENT) & (Threat.next_review_on < today)
    idle = Threat.state.in_(OPEN_STATES) & (Threat.last_recorded_at <= idle_since)
    flags = {
        "accepted": accepted,
        "lro_due": accepted & ((Threat.lro_due_on < today) | Threat.lro_appointed_at.is_not(None)),
        "lro_on_time": accepted
        & (days_between(Threat.accepted_at, Threat.lro_appointed_at) <= config["LRO_WITHIN_DAYS"]),
        "plan_due": accepted & ((Threat.plan_due_on < today) | Threat.plan_agreed_at.is_not(None)),
        "plan_on_time": accepted
        & (days_between(Threat.accepted_at, Threat.plan_agreed_at) <= config["PLAN_WITHIN_DAYS"]),
        "review_overdue": review_overdue,
        "idle": idle,
    }
    return select(
        Threat.id.label("threat_id"),
        Threat.form_id,
        Threat.owning_force_id,
        *(case((condition, 1), else_=0).label(name) for name, condition in flags.items()),
    ).where(_in_scope(scope), or_(accepted, review_overdue, idle))


def disruptions(scope: MeasureScope) -> Select:
    """Disruptions in the period of threats in scope, with their threat and owning force."""
    return (
        select(Disruption.threat_id, Threat.form_id, Threat.owning_force_id, Disruption.grade)
        .join(Threat, Threat.id == Disruption.threat_id)
        .where(
            _in_scope(scope), Disruption.occurred_on >= scope.filters.start, Disruption.occurred_on <= scope.filters.end
        )
    )


def by_force(scope: MeasureScope) -> list[ThreatCounts]:
    """Per owning force, forces with the most threats first; forces with no threat are left out."""
    threats = facts(scope).subquery()
    found = {
        row.code: row
        for row in db.session.execute(
            select(Force.code, Force.name, *(func.sum(threats.c[name]).label(name) for name in CELLS[:7]))
            .join(threats, threats.c.owning_force_id == Force.id)
            .group_by(Force.code, Force.name)
        )
    }
    graded = disruptions(scope).subquery()
    grades: dict[str, dict[str, int]] = {}
    for code, grade, count in db.session.execute(
        select(Force.code, graded.c.grade, func.count())
        .join(graded, graded.c.owning_force_id == Force.id)
        .group_by(Force.code, graded.c.grade)
    ):
        grades.setdefault(code, {})[grade] = count
    rows = [
        ThreatCounts(code, row.name, *(int(row[i + 2] or 0) for i in range(7)), **grades.get(code, {}))
        for code, row in found.items()
    ]
    return sorted(rows, key=lambda r: (-r.accepted, r.name))


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    """The forms behind one number: the forms whose threats it counts."""
    if cell in GRADES:
        graded = disruptions(scope).subquery()
        return select(graded.c.form_id).where(graded.c.grade == cell)
    threats = facts(scope).subquery()
    return select(threats.c.form_id).where(threats.c[cell] == 1)
