"""Time in each state and end to end, median and 90th percentile (DESIGN sections 6 and 7).

The same rules as the clocks on each form's page (queries.clocks): a *stay* runs from the event
that put a form into a state to the next that moved it on (a reassignment does not end one);
the ROCTA clock runs in submitted, resubmitted and under assessment, the force clock in draft,
SPOC review and returned, and lapsed time is on neither; everything counts working days, in
SQL by queries.working_days.
"""
from dataclasses import dataclass

from sqlalchemy import Select, String, case, func, literal, select, union_all

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, TriggerForm
from triggerflow.queries import clocks as form_clocks
from triggerflow.queries.measures import decisions
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import percentiles
from triggerflow.queries.working_days import working_day_number
from triggerflow.workflow.states import FormState

METRICS = ("end_to_end", "rocta", "force")


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
class Clocks:
    code: str
    name: str
    end_to_end: Spread
    rocta: Spread
    force: Spread


def stays(scope: MeasureScope, form_ids: Select | None = None) -> Select:
    """Every stay of every form in scope (or of `form_ids`), with the form's force and first
    submission and the working-day numbers of the days it began and ended (`left_wd` is NULL
    while it goes on)."""
    forms = scope.forms()
    if form_ids is not None:
        forms = forms.where(TriggerForm.id.in_(form_ids))
    forms = forms.subquery()
    s = form_clocks.stays(select(forms.c.form_id)).subquery()
    return (select(s.c.form_id, forms.c.force_id, forms.c.first_submitted_at, s.c.state, s.c.entered, s.c.left,
                   s.c.left_with, s.c.left_by,
                   working_day_number(s.c.entered_day).label("entered_wd"),
                   working_day_number(s.c.left_day).label("left_wd"))
            .join(forms, forms.c.form_id == s.c.form_id))


def stays_ended_in_period(scope: MeasureScope) -> Select:
    """Stays that ended in the period, with the working days each lasted (pre-filtered to forms with
    an event in the period)."""
    active = select(FormEvent.form_id).where(scope.in_period(FormEvent.at))
    s = stays(scope, active).subquery()
    return (select(s.c.form_id, s.c.force_id, s.c.state, s.c.left_with, s.c.left_by,
                   (s.c.left_wd - s.c.entered_wd).label("days"))
            .where(s.c.left.is_not(None), scope.in_period(s.c.left)))


def time_in_state(scope: MeasureScope) -> list[StateTime]:
    ended = stays_ended_in_period(scope).subquery()
    found = {FormState(state): Spread(n, median, p90)
             for state, n, median, p90 in db.session.execute(percentiles(ended, ["state"], "days"))}
    return [StateTime(state, found[state]) for state in FormState if state in found]


def clock_facts(scope: MeasureScope) -> Select:
    """Per form decided in the period: working days from first submission to decision, and on each
    clock over the form's whole life, as its page shows them.

    A decision is terminal, so it is the form's last event: the start of its last stay.
    """
    decided = decisions.facts(scope).subquery()
    s = stays(scope, select(decided.c.form_id)).subquery()
    stay_days = s.c.left_wd - s.c.entered_wd
    submitted_on = func.min(case((s.c.entered >= s.c.first_submitted_at, s.c.entered_wd)))
    return (
        select(s.c.form_id, s.c.force_id, (func.max(s.c.entered_wd) - submitted_on).label("end_to_end"),
               func.sum(case((s.c.state.in_(sorted(form_clocks.ROCTA_CLOCK)), stay_days), else_=0)).label("rocta"),
               func.sum(case((s.c.state.in_(sorted(form_clocks.FORCE_CLOCK)), stay_days), else_=0)).label("force"))
        .group_by(s.c.form_id, s.c.force_id)
    )


ALL_FORCES = -1  # the force_id under which every force's forms are counted together


def clocks(scope: MeasureScope) -> tuple[list[Clocks], Clocks | None]:
    """Median and 90th percentile per force, and for all forces, of each clock, in one query.

    The per-form facts are a CTE read six times (three clocks, by force and for all), which
    both SQLite and PostgreSQL compute once.
    """
    per_form = clock_facts(scope).cte("per_form")
    long = union_all(*(
        select(force_id.label("force_id"), literal(metric, String).label("metric"), per_form.c[metric].label("days"))
        for metric in METRICS for force_id in (per_form.c.force_id, literal(ALL_FORCES))
    )).subquery()
    spread = percentiles(long, ["force_id", "metric"], "days").subquery()
    rows = db.session.execute(
        select(func.coalesce(Force.code, "ALL"), func.coalesce(Force.name, "All forces"), spread.c.metric,
               spread.c.n, spread.c.median, spread.c.p90)
        .outerjoin(Force, Force.id == spread.c.force_id).order_by(Force.name.is_(None), Force.name)
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
        return select(ended.c.form_id).where(ended.c.state == FormState(keys.get("state")))
    raise KeyError(cell)


CELLS = ("decided", "state")
