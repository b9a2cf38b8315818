"""From a number on a dashboard to the forms behind it.

Each measure's drill-down selects from the same facts the number was counted from, so the
list always has the forms the number counts; and the list is limited to the user's scope.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select

from triggerflow.content import vocab
from triggerflow.db import db
from triggerflow.input_dates import parse_day
from triggerflow.input_ids import number_or
from triggerflow.models import Force, TriggerForm, User
from triggerflow.queries.measures import assessors, backlog, cohort, decisions, returns, threats, timing
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.states import FormState

_DRILLS = {
    "acceptance": (decisions.drill, tuple(decisions.CELLS)),
    "cohort": (cohort.drill, tuple(cohort.CELLS)),
    "time": (timing.drill, timing.CELLS),
    "stale": (returns.drill_stale, returns.STALE_CELLS),
    "reasons": (returns.drill_reasons, returns.REASON_CELLS),
    "assessors": (assessors.drill, tuple(assessors.CELLS)),
    "backlog": (backlog.drill, backlog.CELLS),
    "operations": (backlog.drill_operations, backlog.OPERATION_CELLS),
    "threats": (threats.drill, threats.CELLS),
}


def _is_month(value: str) -> bool:
    """YYYY-MM, a month the service covers: the first of it read as any other day is."""
    try:
        parse_day(f"{value}-01")
    except ValueError:
        return False
    return len(value) == 7


# What each optional key may hold; anything else is refused rather than ignored.
_KEYS = {
    "month": _is_month,
    "state": lambda v: v in {s.value for s in FormState},
    "reason": lambda v: v in dict(vocab.RETURN_REASONS),
    "by": lambda v: number_or(v, 0) > 0,  # an id: plain digits in range, never "²" or 20 digits
}


_REQUIRED = {("reasons", "reason"): "reason", ("assessors", None): "by", ("time", "state"): "state"}


class UnknownDrill(ValueError):
    """The measure, cell or keys do not name a number on any dashboard."""


@dataclass(frozen=True)
class ListedForm:
    number: str
    working_name: str | None
    force_name: str
    state: FormState
    first_submitted_at: datetime | None
    officer: str


# Where each field of a listed form comes from.
_LISTED = {
    "number": TriggerForm.number,
    "working_name": TriggerForm.working_name,
    "force_name": Force.name,
    "state": TriggerForm.state,
    "first_submitted_at": TriggerForm.first_submitted_at,
    "officer": User.name,
}


def form_ids(scope: MeasureScope, measure: str, cell: str, keys: dict[str, str]) -> Select:
    if measure not in _DRILLS:
        raise UnknownDrill(f"{measure}/{cell}")
    drill, cells = _DRILLS[measure]
    return drill(scope, cell, checked(measure, cell, keys, cells))


def checked(measure: str, cell: str, keys: dict[str, str], cells) -> dict[str, str]:
    """The keys given, if they name a figure among `cells`; else UnknownDrill."""
    if cell not in cells:
        raise UnknownDrill(f"{measure}/{cell}")
    keys = {name: value for name, value in keys.items() if value}
    if any(name not in _KEYS or not _KEYS[name](value) for name, value in keys.items()):
        raise UnknownDrill(f"keys {sorted(keys)}")
    for (wanted_measure, wanted_cell), key in _REQUIRED.items():
        if measure == wanted_measure and wanted_cell in (None, cell) and key not in keys:
            raise UnknownDrill(f"{measure}/{cell} needs {key}")
    return keys


def forms_behind(
    scope: MeasureScope, measure: str, cell: str, keys: dict[str, str], *, limit: int | None = None, offset: int = 0
) -> tuple[list[ListedForm], int]:
    """The forms behind one number (a page of them), and how many there are in all."""
    ids = form_ids(scope, measure, cell, keys)
    where = (TriggerForm.id.in_(ids), visible_to(scope.user))
    total = db.session.execute(select(func.count()).select_from(TriggerForm).where(*where)).scalar_one()
    rows = db.session.execute(
        select(*(column.label(field) for field, column in _LISTED.items()))
        .join(Force, Force.id == TriggerForm.force_id)
        .join(User, User.id == TriggerForm.created_by_id)
        .where(*where)
        .order_by(TriggerForm.number)
        .limit(limit)
        .offset(offset)
    ).mappings()
    return [ListedForm(**row) for row in rows], total
