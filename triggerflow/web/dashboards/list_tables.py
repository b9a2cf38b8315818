"""Lists of forms, times and operations, one row each, each form linking to its page."""

import re
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar
from urllib.parse import quote

from flask import url_for

from triggerflow.queries import force_operations
from triggerflow.queries.measures import MeasureScope, backlog, returns
from triggerflow.queries.measures.drill import ListedForm
from triggerflow.queries.measures.event_drill import ListedEvent
from triggerflow.web.dashboards.links import Links
from triggerflow.web.dashboards.specs import Spec, words
from triggerflow.web.dashboards.tables import Cell, Column, Table, text_cell
from triggerflow.workflow.states import FormState

STALE_LIST_LIMIT = 200
OPERATIONS_LIST_LIMIT = 50

_PLACEHOLDER = "FORM-NUMBER"
_PLAIN = re.compile(r"[A-Za-z0-9-]+")
_PATH_SAFE = "!$&'()*+,/:;=@"  # what werkzeug's converters leave unquoted in a path segment

# Every list of forms starts with the form, its working name and its force; most go on with its state,
# and those are the columns _form_rows fills.
_FORM = (Column("Form", numeric=False, nowrap=True), *words("Working name", "Force"))
_FORM_IN_STATE = (*_FORM, *words("State"))


def _form_cells() -> Callable[[str], Cell]:
    """A cell linking to a form's page, for lists of thousands of forms: the route is built once and
    each number put into it, quoted as the router would only if it holds more than letters, digits
    and hyphens."""
    before, after = url_for("forms.overview", number=_PLACEHOLDER).split(_PLACEHOLDER)

    def cell(number: str) -> Cell:
        segment = number if _PLAIN.fullmatch(number) else quote(number, safe=_PATH_SAFE)
        return Cell(number, (number,), f"{before}{segment}{after}")

    return cell


class _Listed(Protocol):
    @property
    def number(self) -> str: ...
    @property
    def working_name(self) -> str | None: ...
    @property
    def force_name(self) -> str: ...
    @property
    def state(self) -> FormState: ...


Listed = TypeVar("Listed", bound=_Listed)


def _form_rows(items: Iterable[Listed], more: Callable[[Listed], tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """A row a form: the form, its working name, force and state, then the `more` the list shows of it."""
    form_cell = _form_cells()
    return [
        (form_cell(i.number), text_cell(i.working_name), text_cell(i.force_name), text_cell(i.state.label), *more(i))
        for i in items
    ]


def _first(spec: Spec, rows: list[tuple[Cell, ...]], limit: int | None, caption: str) -> Table:
    """A list cut at `limit` says so in its caption."""
    return spec.table(rows, caption if limit and len(rows) == limit else "")


def _date_cell(value) -> Cell:
    return Cell(f"{value:%-d %b %Y}", (value.date().isoformat(),)) if value else Cell("", ("",))


def _days_cell(days: float | None, missing: str = "") -> Cell:
    return Cell(missing, ("",)) if days is None else Cell(f"{int(days)}", (int(days),))


STALE_LIST = Spec(
    "stale-returns",
    "Returns not resubmitted after 7 days or more, oldest first",
    (*_FORM_IN_STATE, *words("Returned"), Column("Days since return"), *words("Officer", "SPOCs")),
    empty="No returned form has waited 7 days or more.",
)


def stale_list(scope: MeasureScope, links: Links, limit: int | None = STALE_LIST_LIMIT) -> Table:
    rows = _form_rows(
        returns.stale_list(scope, limit=limit),
        lambda r: (
            _date_cell(r.returned_at),
            _days_cell(r.days),
            text_cell(r.officer),
            text_cell(", ".join(r.spocs) or "No SPOC"),
        ),
    )
    return _first(STALE_LIST, rows, limit, f"The {limit} oldest returns not resubmitted after 7 days or more")


OPERATIONS = Spec(
    "operations",
    "Operations running against threats not accepted, undecided first",
    (*_FORM_IN_STATE, *words("Officer"), Column("Days since first submission")),
    empty="No operation is running against a threat that has not been accepted.",
)


def operations(scope: MeasureScope, links: Links, limit: int | None = OPERATIONS_LIST_LIMIT) -> Table:
    rows = _form_rows(
        backlog.operations_without_assessment(scope, limit=limit),
        lambda o: (text_cell(o.officer), _days_cell(o.days_since_submission, "Not submitted")),
    )
    caption = f"The first {limit} operations running against threats not accepted, undecided first"
    return _first(OPERATIONS, rows, limit, caption)


REGISTERED_OPERATIONS = Spec(
    "registered-operations",
    "Operations on the forces’ registers with no accepted threat, oldest first",
    (*words("Operation", "Force", "Targets", "Started"), Column("Days running"), *words("Trigger form")),
    empty="Every operation on the registers has an accepted threat behind it.",
    notes=(
        "As at today: the period does not apply. Includes operations against groups for which no "
        "trigger form was ever sent.",
    ),
)


def registered_operations(scope: MeasureScope, links: Links, limit: int | None = OPERATIONS_LIST_LIMIT) -> Table:
    """Operations on the forces' registers with no accepted threat behind them, oldest first."""
    form_cell, today = _form_cells(), scope.now.date()
    return REGISTERED_OPERATIONS.table(
        (
            text_cell(o.name),
            text_cell(o.force_name),
            text_cell(o.target),
            Cell(f"{o.started_on:%-d %b %Y}", (o.started_on.isoformat(),)),
            _days_cell(o.days_running(today)),
            form_cell(o.form_number) if o.form_number else text_cell("No trigger form"),
        )
        for o in force_operations.without_assessment(scope, limit=limit)
    )


FORMS = Spec("forms", "", (*_FORM_IN_STATE, *words("First submitted", "Officer")), empty="No forms.")
EVENTS = Spec("events", "", (*_FORM, *words("What happened", "When", "By")), empty="Nothing happened.")


def form_list(forms: list[ListedForm], caption: str) -> Table:
    return FORMS.table(_form_rows(forms, lambda f: (_date_cell(f.first_submitted_at), text_cell(f.officer))), caption)


def event_list(events: list[ListedEvent], caption: str) -> Table:
    form_cell = _form_cells()
    rows = [
        (
            form_cell(e.number),
            text_cell(e.working_name),
            text_cell(e.force_name),
            text_cell(e.what),
            _date_cell(e.at),
            text_cell(e.by or ""),
        )
        for e in events
    ]
    return EVENTS.table(rows, caption)
