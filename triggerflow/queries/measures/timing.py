"""Time in each state and end to end, median and 90th percentile (DESIGN sections 6 and 7).

The same rules as the clocks on each form's page (queries.clocks): a *stay* runs from the event
that put a form into a state to the next that moved it on (a reassignment does not end one);
the ROCTA clock runs in submitted, resubmitted and under assessment, the force clock in draft,
SPOC review and returned, and lapsed time is on neither; everything counts working days. Each
stay's working days were written with it (models.stay), so the measures add up numbers rather
than pair events and work out calendars; time in each state, and end to end and on each clock,
read them from the rollups' histograms of working days (rolled.rows) when the filters allow.
"""

from dataclasses import dataclass

from sqlalchemy import Select, String, func, literal, select, union_all
from sqlalchemy.sql.selectable import CTE, Subquery

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, FormStay
from triggerflow.queries import clocks as form_clocks
from triggerflow.queries.measures import rolled
from triggerflow.queries.measures.decisions import DECISIONS
from triggerflow.queries.measures.rows import ByForce
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import percentiles, sum_where
from triggerflow.rollups.shares import CLOCK, CLOCKS, STAY
from triggerflow.workflow.states import FormState

METRICS = CLOCKS


@dataclass(frozen=True)
class Spread:
    n: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class StateTime:
    state: FormState
    spread: Spread


@dataclass(frozen=True)
class Clocks(ByForce):
    end_to_end: Spread
    rocta: Spread
    force: Spread


def stays_ended_in_period(scope: MeasureScope) -> Select:
    """Stays that ended in the period, on forms in scope: the state, the action that ended the stay
    and who took it, and its working days (models.stay)."""
    forms = scope.forms().subquery()
    return (
        select(
            FormStay.form_id,
            FormStay.state,
            FormStay.left_with,
            FormStay.left_by,
            FormStay.working_days.label("days"),
            FormStay.left_at,
        )
        .join(forms, forms.c.form_id == FormStay.form_id)
        .where(scope.in_period(FormStay.left_at))
    )


def working_days_taken(stays: Subquery, groups: list[str]) -> Subquery:
    """Per group, how many stays lasted how many working days: `days` and `stays`."""
    keys = [stays.c[g] for g in groups]
    return select(*keys, stays.c.days, func.count().label("stays")).group_by(*keys, stays.c.days).subquery()


def time_in_state(scope: MeasureScope) -> list[StateTime]:
    found = rolled.rows(scope, STAY)
    taken = (
        rolled.histogram(found, state=found.c.label)
        if found is not None
        else working_days_taken(stays_ended_in_period(scope).subquery(), ["state"])
    )
    spreads = {
        FormState(state): Spread(n, median, p90)
        for state, n, median, p90 in db.session.execute(percentiles(taken, ["state"], "days", "stays"))
    }
    return [StateTime(state, spreads[state]) for state in FormState if state in spreads]


def first_decisions(scope: MeasureScope) -> Select:
    """Per form in scope whose first decision (accept or reject) fell in the period: its force, first
    submission and that decision's time. A reconsidered form is decided again; its clocks stopped at the first."""
    forms = scope.forms().subquery()
    decided_at = func.min(FormEvent.at)
    return (
        select(forms.c.form_id, forms.c.force_id, forms.c.first_submitted_at, decided_at.label("decided_at"))
        .join(FormEvent, FormEvent.form_id == forms.c.form_id)
        .where(FormEvent.action.in_(DECISIONS))
        .group_by(forms.c.form_id, forms.c.force_id, forms.c.first_submitted_at)
        .having(scope.in_period(decided_at))
    )


def clock_facts(scope: MeasureScope) -> Select:
    """Per form first decided in the period: working days from first submission to that decision, and on
    each clock up to it, as its page showed them then: what the rollups keep (shares.clocks_to_first_decision).

    Each is a sum of the form's stays that ended by the decision; stays follow one another, so those
    from the first submission on add up to the working days from it to the decision.
    """
    decided = first_decisions(scope).subquery()
    days = FormStay.working_days.expression
    return (
        select(
            decided.c.form_id,
            decided.c.force_id,
            sum_where(FormStay.entered_at >= decided.c.first_submitted_at, days).label("end_to_end"),
            *(sum_where(FormStay.state.in_(sorted(clock)), days).label(name) for name, clock in _CLOCKS),
        )
        .outerjoin(FormStay, (FormStay.form_id == decided.c.form_id) & (FormStay.left_at <= decided.c.decided_at))
        .group_by(decided.c.form_id, decided.c.force_id)
    )


_CLOCKS = (("rocta", form_clocks.ROCTA_CLOCK), ("force", form_clocks.FORCE_CLOCK))


ALL_FORCES = -1  # the force_id under which every force's forms are counted together


def _forms_per_clock_day(scope: MeasureScope) -> CTE:
    """force_id, metric, days and forms: how many forms took how many working days on each clock, from the
    rollups, or counted from the facts."""
    found = rolled.rows(scope, CLOCK)
    if found is not None:
        return select(
            found.c.force_id, found.c.label.label("metric"), found.c.number.label("days"), found.c.count.label("forms")
        ).cte("per_clock")
    per_form = clock_facts(scope).cte("per_form")  # a CTE, so both databases work it out once for the three clocks
    return union_all(
        *(
            select(
                per_form.c.force_id,
                literal(metric, String).label("metric"),
                per_form.c[metric].label("days"),
                literal(1).label("forms"),
            )
            for metric in METRICS
        )
    ).cte("per_clock")


def clocks(scope: MeasureScope) -> tuple[list[Clocks], Clocks | None]:
    """Median and 90th percentile per force, and for all forces, of each clock, in one query.

    How many forms took how many days is a CTE read twice (by force and for all), which both SQLite
    and PostgreSQL compute once.
    """
    per_clock = _forms_per_clock_day(scope)
    long = union_all(
        *(
            select(force_id.label("force_id"), per_clock.c.metric, per_clock.c.days, per_clock.c.forms)
            for force_id in (per_clock.c.force_id, literal(ALL_FORCES))
        )
    ).subquery()
    spread = percentiles(long, ["force_id", "metric"], "days", "forms").subquery()
    rows = db.session.execute(
        select(
            func.coalesce(Force.code, "ALL"),
            func.coalesce(Force.name, "All forces"),
            spread.c.metric,
            spread.c.n,
            spread.c.median,
            spread.c.p90,
        )
        .outerjoin(Force, Force.id == spread.c.force_id)
        .order_by(Force.name.is_(None), Force.name)
    )
    found: dict[tuple[str, str], dict[str, Spread]] = {}
    for code, name, metric, n, median, p90 in rows:
        found.setdefault((code, name), {})[metric] = Spread(n, median, p90)
    by_force = [Clocks(code, name, **metrics) for (code, name), metrics in found.items()]
    overall = by_force.pop() if by_force else None
    return by_force, overall


def drill(scope: MeasureScope, cell: str, keys: dict[str, str]) -> Select:
    if cell == "decided":
        per_form = clock_facts(scope).subquery()
        return select(per_form.c.form_id)
    if cell == "state":
        ended = stays_ended_in_period(scope).subquery()
        return select(ended.c.form_id).where(ended.c.state == FormState(keys["state"]))
    raise KeyError(cell)


CELLS = ("decided", "state")
