"""The rollups a measure adds up (models.rollup): one figure's rows in the user's scope and the period.

A measure reads these in place of its facts when it can: rows per force and month for the whole
months of its period, per force and day for the days either side, never per form.
The rollups are kept per theme and threat type, and per assessor who claimed the form, so those
filters read them as well; only a measure narrowed both to the forms an assessor claimed and by theme
or threat type reads its facts form by form, as no rollup keeps that combination.
"""

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select, union_all
from sqlalchemy.sql.selectable import Subquery

from triggerflow.models import Rollup
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.scope import REGION, SENT, scope_kind
from triggerflow.rollups.shares import ANY, MONTHLY, NOBODY


def rows(scope: MeasureScope, figure: str) -> Subquery | None:
    """force_id, day, actor_id, label, number and count of `figure`; None when the filters need the facts."""
    f = scope.filters
    if not scope.from_rollups or (f.assessor_id and (f.theme or f.threat_type)):
        return None
    first, after = _whole_months(f.start, f.end)
    days: ColumnElement[bool]
    months: ColumnElement[bool] | None
    if first >= after:
        days, months = Rollup.day.between(f.start, f.end), None
    else:
        days = or_(Rollup.day.between(f.start, first - timedelta(days=1)), Rollup.day.between(after, f.end))
        months = and_(Rollup.day >= first, Rollup.day < after)
    return union_all(
        *(
            select(Rollup.force_id, Rollup.day, Rollup.actor_id, Rollup.label, Rollup.number, Rollup.count).where(
                Rollup.figure == name, when, *_scope(scope)
            )
            for name, when in ((figure, days), (figure + MONTHLY, months))
            if when is not None
        )
    ).subquery()


def _scope(scope: MeasureScope) -> list[ColumnElement[bool]]:
    f = scope.filters
    condition: list[ColumnElement[bool]] = [
        Rollup.force_id.in_(scope.forces()),
        Rollup.theme == (f.theme or ANY),
        Rollup.threat_type == (f.threat_type or ANY),
        Rollup.claimed_by == (f.assessor_id or NOBODY),
    ]
    if scope_kind(scope.user) in (SENT, REGION):
        condition.append(Rollup.sent.is_(True))  # these users see a form once it has been sent
    return condition


def _whole_months(start: date, end: date) -> tuple[date, date]:
    """The 1st of the first month wholly in [start, end], and the 1st of the month after the last."""
    first = start if start.day == 1 else _next_month(start)
    after = _next_month(end) if _next_month(end) - timedelta(days=1) == end else end.replace(day=1)
    return first, after


def _next_month(day: date) -> date:
    if day >= date.max.replace(day=1):
        return date.max  # no month after the last one a date can hold
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def histogram(rolled: Subquery, **keys: ColumnElement) -> Subquery:
    """Per group, how many stays lasted how many working days: `days` and `stays`, as timing.working_days_taken."""
    groups = [column.label(name) for name, column in keys.items()]
    return (
        select(*groups, rolled.c.number.label("days"), func.sum(rolled.c.count).label("stays"))
        .group_by(*keys.values(), rolled.c.number)
        .subquery()
    )
