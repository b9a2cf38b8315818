"""A queue on a home page as a table: its columns chosen by the view, each cell built here and printed as it is.

Cells are plain data (text, a link, a second line, tags), so the template has one way to print
any cell, and a page of forms costs no macro call per cell.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import url_for

from triggerflow.clocks.due import due_for
from triggerflow.content import vocab
from triggerflow.models import User
from triggerflow.queries.pages import Page
from triggerflow.web.attention import returned_label
from triggerflow.web.globals import long_date
from triggerflow.workflow.states import FormState

Row = dict[str, Any]
NONE = "–"
# The days since a return and the resubmit-by date mean something only while the form is back with the force.
_WITH_THE_FORCE = (FormState.RETURNED, FormState.LAPSED)


@dataclass(frozen=True)
class Tag:
    text: str
    colour: str
    data: tuple[tuple[str, str], ...] = ()  # data-* attributes, as (name, value)
    classes: str = ""
    own_line: bool = False


@dataclass(frozen=True)
class Cell:
    text: str = ""
    href: str | None = None
    hint: str | None = None  # a second, smaller line
    tags: tuple[Tag, ...] = ()


@dataclass(frozen=True)
class Column:
    heading: str
    cell: Callable[[Row, "Viewer"], Cell]
    numeric: bool = False


@dataclass(frozen=True)
class Viewer:
    user: User
    today: date


@dataclass(frozen=True)
class Queue:
    key: str
    page: Page
    columns: tuple[Column, ...]
    rows: list[tuple[Row, tuple[Cell, ...]]]


def _days(n: int | None) -> str:
    return NONE if n is None else f"{n} day{'' if n == 1 else 's'}"


def _form(row: Row, viewer: Viewer) -> Cell:
    flag = returned_label(row["returns"])
    tags = (Tag(flag, "red", (("returned", str(row["returns"])),), "app-returned-flag", own_line=True),) if flag else ()
    return Cell(
        row["number"],
        url_for("forms.overview", number=row["number"]),
        row["working_name"] or "Untitled trigger form",
        tags,
    )


def _state(row: Row, viewer: Viewer) -> Cell:
    state = row["state"]
    return Cell(tags=(Tag(state.label, state.tag_colour, (("state", state.value),)),))


def _author(row: Row, viewer: Viewer) -> Cell:
    return Cell(row["author_name"] + (" (you)" if row["created_by_id"] == viewer.user.id else ""))


def _since_return(row: Row, viewer: Viewer) -> Cell:
    return Cell(_days(row["days_since_return"]) if row["state"] in _WITH_THE_FORCE else NONE)


def _resubmit_by(row: Row, viewer: Viewer) -> Cell:
    if not (row["resubmit_by"] and row["state"] in _WITH_THE_FORCE):
        return Cell(NONE)
    return Cell(long_date(row["resubmit_by"]), tags=(Tag("Overdue", "red"),) if row["resubmit_overdue"] else ())


def _due(row: Row, viewer: Viewer) -> Cell:
    due = due_for(row["state"], row.get("submitted_at"), row.get("resubmit_by"), viewer.today)
    if not due:
        return Cell(NONE)
    tag = (
        Tag("Overdue", "red", (("due", "overdue"),))
        if due.overdue
        else Tag("Due soon", "yellow", (("due", "soon"),))
        if due.soon
        else None
    )
    return Cell(long_date(due.on), tags=(tag,) if tag else ())


def _unanswered(row: Row, viewer: Viewer) -> Cell:
    n = row["unanswered_items"]
    return Cell(f"{n} need{'s' if n == 1 else ''} a response" if n else "All answered")


def _routed(row: Row, viewer: Viewer) -> Cell:
    if row["to_me"]:
        return Cell(tags=(Tag("Resubmitted to you", "turquoise"),))
    return Cell(row["assessor_name"] or "Any assessor")


def _text(name: str, otherwise: str = "") -> Callable[[Row, Viewer], Cell]:
    return lambda row, viewer: Cell(row[name] or otherwise)


COLUMNS = {
    "form": Column("Form", _form),
    "state": Column("State", _state),
    "force": Column("Force", _text("force_name")),
    "theme": Column(
        "Theme", lambda row, viewer: Cell(vocab.label_for(vocab.THEMES, row["primary_theme"]) or "Not answered")
    ),
    "author": Column("Started by", _author),
    "assessor": Column("Assessor", _text("assessor_name", "None")),
    "days_waiting": Column("Days waiting", lambda row, viewer: Cell(_days(row["days_waiting"])), numeric=True),
    "days_since_return": Column("Days since return", _since_return, numeric=True),
    "resubmit_by": Column("Resubmit by", _resubmit_by),
    "updated": Column("Last changed", lambda row, viewer: Cell(long_date(row["updated_at"]))),
    "unanswered": Column("Return items", _unanswered),
    "days_with_spoc": Column("Days with SPOC", lambda row, viewer: Cell(_days(row["days_with_spoc"])), numeric=True),
    "routed": Column("Goes to", _routed),
    "due": Column("Due", _due),
}


def queue_table(key: str, page: Page, columns: tuple[str, ...], viewer: Viewer) -> Queue:
    chosen = tuple(COLUMNS[name] for name in columns)
    return Queue(key, page, chosen, [(row, tuple(column.cell(row, viewer) for column in chosen)) for row in page.rows])
