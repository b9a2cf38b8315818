"""Time in each state and end to end, median and 90th percentile (DESIGN sections 6 and 7).

The same rules as the clocks on each form's page (queries.clocks): a *stay* runs from the event
that put a form into a state to the next that moved it on (a reassignment does not end one);
the ROCTA clock runs in submitted, resubmitted and under assessment, the force clock in draft,
SPOC review and returned, and lapsed time is on neither; everything counts working days, in
SQL by queries.working_days.
"""
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, String, case, func, literal, select, union_all
from sqlalchemy.sql.selectable import Subquery

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, TriggerForm
from triggerflow.queries import clocks as form_clocks
from triggerflow.queries.measures import decisions
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.measures.sql import percentiles
from triggerflow.queries.working_days import local_day_number, working_day_number
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


def stays_ended_in_period(scope: MeasureScope) -> Select:
    """Stays that ended in the period: the local day numbers they began and ended on, and the working
    days between.

    Only forms with an event in the period, and only their events up to its end, are put in order;
    each event that moved a form on ends the stay its previous such event began.
    """
    active = select(FormEvent.form_id).where(scope.in_period(FormEvent.at))
    forms = select(scope.forms().where(TriggerForm.id.in_(active)).subquery().c.form_id)
    day = local_day_number(FormEvent.at)
    window = {"partition_by": FormEvent.form_id, "order_by": (FormEvent.at, FormEvent.id)}
    moves = (select(FormEvent.form_id, FormEvent.from_state.label("state"), FormEvent.action.label("left_with"),
                    FormEvent.actor_id.label("left_by"), FormEvent.at.label("left"),
                    func.lag(day).over(**window).label("entered_day"), day.label("left_day"))
             .where(FormEvent.form_id.in_(forms), form_clocks.moved_in(), FormEvent.at < scope.filters.until)
             ).subquery()
    # `days` for a few stays at a time; over many, working_days_taken counts them faster.
    days = working_day_number(moves.c.left_day) - working_day_number(moves.c.entered_day)
    return (select(moves.c.form_id, moves.c.state, moves.c.left_with, moves.c.left_by, moves.c.entered_day,
                   moves.c.left_day, days.label("days"))
            .where(moves.c.state.is_not(None), moves.c.left >= scope.filters.since))


def working_days_taken(stays: Subquery, groups: list[str]) -> Subquery:
    """Per group, how many stays lasted how many working days: `days` and `stays`.

    Stays are counted per pair of days first, and working-day numbers worked out per pair: far
    fewer than the stays, and from plain numbers, not from the expressions that made them.
    """
    keys = [stays.c[g] for g in groups]
    pairs = (select(*keys, stays.c.entered_day, stays.c.left_day, func.count().label("stays"))
             .group_by(*keys, stays.c.entered_day, stays.c.left_day).subquery())
    days = working_day_number(pairs.c.left_day) - working_day_number(pairs.c.entered_day)
    return select(*(pairs.c[g] for g in groups), days.label("days"), pairs.c.stays).subquery()


def time_in_state(scope: MeasureScope) -> list[StateTime]:
    taken = working_days_taken(stays_ended_in_period(scope).subquery(), ["state"])
    found = {FormState(state): Spread(n, median, p90)
             for state, n, median, p90 in db.session.execute(percentiles(taken, ["state"], "days", "stays"))}
    return [StateTime(state, found[state]) for state in FormState if state in found]


def clock_facts(scope: MeasureScope) -> Select:
    """Per form decided in the period: working days from first submission to decision, and on each
    clock over the form's whole life, as its page shows them.

    A clock's working days are the sum over its stays of (day left - day entered), in working-day
    numbers. Each event that moves a form adds its day to the clock of the state it leaves and takes
    it from the clock of the state it enters, so the sum is read from the events alone, without
    pairing them into stays. A decision is terminal: the form's last event, entering a state on
    neither clock, so every stay on a clock has ended.
    """
    decided = decisions.facts(scope).subquery()
    day = local_day_number(FormEvent.at)
    # Per form and day first: the working-day number is then worked out once per day, from a number.
    per_day = (
        select(FormEvent.form_id, decided.c.force_id, day.label("day"),
               *(func.sum(_on(clock, FormEvent.from_state) - _on(clock, FormEvent.to_state)).label(name)
                 for name, clock in _CLOCKS),
               func.max(case((FormEvent.at >= decided.c.first_submitted_at, 1), else_=0)).label("submitted"))
        .join(decided, decided.c.form_id == FormEvent.form_id)
        .where(form_clocks.moved_in())
        .group_by(FormEvent.form_id, decided.c.force_id, day)
    ).subquery()
    number = working_day_number(per_day.c.day)
    submitted_on = func.min(case((per_day.c.submitted == 1, number)))
    return (select(per_day.c.form_id, per_day.c.force_id, (func.max(number) - submitted_on).label("end_to_end"),
                   *(func.sum(number * per_day.c[name]).label(name) for name, _ in _CLOCKS))
            .group_by(per_day.c.form_id, per_day.c.force_id))


_CLOCKS = (("rocta", form_clocks.ROCTA_CLOCK), ("force", form_clocks.FORCE_CLOCK))


def _on(clock: frozenset[FormState], state) -> ColumnElement[int]:
    return case((state.in_(sorted(clock)), 1), else_=0)


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
