"""Assessor workload and consistency (DESIGN section 7).

Return rate is returns / (returns + decisions) made by the assessor in the period. An
assessor is flagged when it differs from the mean of their region's assessors' rates by
more than the threshold (15 points by default). The counts and the working days come from the
rollups (rolled.rows) when the filters allow, from the facts otherwise.
"""

from dataclasses import dataclass

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.sql.selectable import Subquery

from triggerflow.db import db
from triggerflow.models import FormEvent, Region, Role, User
from triggerflow.queries.measures import rolled, timing
from triggerflow.queries.measures.decisions import Decided
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import percent, percentiles, sum_where
from triggerflow.rollups.shares import ACTION, ASSESSMENT
from triggerflow.workflow.states import FormState

FLAG_POINTS = 15
_ACTIONS = ("claim", "return_to_force", "accept", "reject")
_OUTCOMES = ("return_to_force", "accept", "reject")


@dataclass(frozen=True)
class Workload(Decided):
    assessor_id: int
    name: str
    region: str
    claimed: int
    returned: int
    accepted: int
    rejected: int
    return_rate: float | None
    regional_mean: float | None
    flagged: bool
    median_days: float | None


def facts(scope: MeasureScope) -> Select:
    """Every claim, return and decision an assessor made in the period on a form in scope."""
    forms = scope.forms().subquery()
    return (
        select(FormEvent.form_id, FormEvent.actor_id, FormEvent.action, FormEvent.at)
        .join(forms, forms.c.form_id == FormEvent.form_id)
        .join(User, User.id == FormEvent.actor_id)
        .where(User.role == Role.ASSESSOR, FormEvent.action.in_(_ACTIONS), scope.in_period(FormEvent.at))
    )


def _assessment_days(scope: MeasureScope):
    """Working days from claim to return or decision, for assessments that ended in the period, under the
    assessor who returned or decided: one reassigned on the way counts whole, for who finished it."""
    found = rolled.rows(scope, ASSESSMENT)
    if found is not None:
        taken = rolled.histogram(found, left_by=found.c.actor_id)
    else:
        ended = timing.stays_ended_in_period(scope).subquery()
        held = (
            select(ended.c.left_by, ended.c.days)
            .where(ended.c.state == FormState.UNDER_ASSESSMENT, ended.c.left_with.in_(_OUTCOMES))
            .subquery()
        )
        taken = timing.working_days_taken(held, ["left_by"])
    return percentiles(taken, ["left_by"], "days", "stays").subquery()


def _tallies(scope: MeasureScope) -> Subquery:
    """How many of each action per assessor: from the rollups, or counted from the facts."""
    found = rolled.rows(scope, ACTION)
    if found is not None:
        return (
            select(found.c.actor_id, found.c.label.label("action"), found.c.count)
            .join(User, User.id == found.c.actor_id)
            .where(User.role == Role.ASSESSOR)
            .subquery()
        )
    events = facts(scope).subquery()
    return select(events.c.actor_id, events.c.action, literal(1).label("count")).subquery()


def workload(scope: MeasureScope, flag_points: float = FLAG_POINTS) -> list[Workload]:
    """One row per assessor who acted in the period; an assessor viewing sees only their own."""
    events = _tallies(scope)
    times = events.c.count
    returned = sum_where(events.c.action == "return_to_force", times)
    outcomes = sum_where(events.c.action.in_(_OUTCOMES), times)
    counts = (
        select(
            events.c.actor_id,
            sum_where(events.c.action == "claim", times).label("claimed"),
            returned.label("returned"),
            sum_where(events.c.action == "accept", times).label("accepted"),
            sum_where(events.c.action == "reject", times).label("rejected"),
            percent(returned, outcomes).label("rate"),
        )
        .group_by(events.c.actor_id)
        .subquery()
    )
    days = _assessment_days(scope)
    rows = (
        select(
            User.id,
            User.name,
            Region.code.label("region"),
            counts.c.claimed,
            counts.c.returned,
            counts.c.accepted,
            counts.c.rejected,
            counts.c.rate,
            func.avg(counts.c.rate).over(partition_by=User.region_id).label("mean"),
            days.c.median,
        )
        .join(counts, counts.c.actor_id == User.id)
        .outerjoin(Region, Region.id == User.region_id)
        .outerjoin(days, days.c.left_by == User.id)
        .subquery()
    )
    flagged = case((func.abs(rows.c.rate - rows.c.mean) > flag_points, True), else_=False)
    query = select(*rows.c[:9], flagged, rows.c.median).order_by(rows.c.region, rows.c.name)
    if scope.user.role is Role.ASSESSOR:
        query = query.where(rows.c.id == scope.user.id)
    return [Workload(*row) for row in db.session.execute(query)]


CELLS = {
    "claimed": ("claim",),
    "returned": ("return_to_force",),
    "accepted": ("accept",),
    "rejected": ("reject",),
    "decided": ("accept", "reject"),
}


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    assessor_id = int(keys["by"])
    if scope.user.role is Role.ASSESSOR and assessor_id != scope.user.id:
        assessor_id = -1  # an assessor sees their own figures, not a colleague's
    events = facts(scope).subquery()
    return select(events.c.form_id).distinct().where(events.c.actor_id == assessor_id, events.c.action.in_(CELLS[cell]))
