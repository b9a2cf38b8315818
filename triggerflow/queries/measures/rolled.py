"""The rollups a measure adds up (models.rollup): one figure's rows in the user's scope and the period.

A measure reads these in place of its facts when it can: rows per force and day, not per form.
The rollups are kept per force and day only, so a measure narrowed by theme, threat type or the
forms an assessor claimed reads its facts form by form, as before.
"""
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.sql.selectable import Subquery

from triggerflow.models import Rollup
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.scope import REGION, SENT, scope_kind


def rows(scope: MeasureScope, figure: str) -> Subquery | None:
    """force_id, day, actor_id, label, number and count of `figure`; None when the filters need the facts."""
    f = scope.filters
    if not scope.from_rollups or f.theme or f.threat_type or f.assessor_id:
        return None
    condition = [Rollup.figure == figure, Rollup.day >= f.start, Rollup.day <= f.end,
                 Rollup.force_id.in_(scope.forces())]
    if scope_kind(scope.user) in (SENT, REGION):
        condition.append(Rollup.sent.is_(True))  # these users see a form once it has been sent
    return (select(Rollup.force_id, Rollup.day, Rollup.actor_id, Rollup.label, Rollup.number, Rollup.count)
            .where(*condition).subquery())


def histogram(rolled: Subquery, **keys: ColumnElement) -> Subquery:
    """Per group, how many stays lasted how many working days: `days` and `stays`, as timing.working_days_taken."""
    groups = [column.label(name) for name, column in keys.items()]
    return (select(*groups, rolled.c.number.label("days"), func.sum(rolled.c.count).label("stays"))
            .group_by(*keys.values(), rolled.c.number).subquery())
