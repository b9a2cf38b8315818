"""A page of a list built by one of the list statements (queues, search, users, assignments).

Each list's statements are built once for each kind of scope, with the user, the day and the
page bound in when they run: building a statement costs more than running one on an index.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from math import ceil
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, select

from triggerflow.clocks.working_days import local_today
from triggerflow.db import read
from triggerflow.models import TriggerForm, User
from triggerflow.queries.scope import scope_kind, scope_params


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    number: int
    size: int
    total: int
    exact: bool = True  # False: there are at least `total` (see StateCounts)
    more: bool = False  # rows after this page, when the total is not exact

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.size), self.number + self.more)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


@dataclass(frozen=True)
class _Statements:
    counted: Select  # a page of the rows, each with the count of them all (COUNT(*) OVER ())
    rows: Select  # a page of the rows alone, when the count is known
    count: Select  # the count alone: the joins add no rows, so it needs only the forms table


@cache
def _statements(build: Callable[[str], Select], kind: str) -> _Statements:
    query = build(kind)
    scoped: ColumnElement[bool] = query.whereclause  # type: ignore[assignment]  # every queue has a scope
    page = (bindparam("page_limit", type_=Integer), bindparam("page_offset", type_=Integer))
    return _Statements(
        counted=query.add_columns(func.count().over().label("queue_total")).limit(page[0]).offset(page[1]),
        rows=query.limit(page[0]).offset(page[1]),
        count=select(func.count()).select_from(TriggerForm).where(scoped),
    )


def page_of(
    build: Callable[[str], Select],
    user: User,
    number: int,
    today: date | None,
    total: int | None = None,
    exact: bool = True,
    count_alone: bool = False,
    size: int | None = None,
    **values: Any,
) -> Page:
    """A page of the queue. The rows bring their count with them, which suits a queue of work; a
    list of every form is counted `count_alone`, as the count then reads an index and the rows,
    in the index's order, stop at the page."""
    statements = _statements(build, scope_kind(user))
    params = {
        **scope_params(user),
        "user_id": user.id,
        "own_force_id": user.force_id or -1,
        "today": today or local_today(),
        **values,
    }
    size = size or current_app.config["PAGE_SIZE"]

    def fetch(statement: Select, number: int, extra: int = 0) -> list[dict[str, Any]]:
        found = read(statement, {**params, "page_limit": size + extra, "page_offset": (number - 1) * size}).mappings()
        return [dict(row) for row in found]

    if count_alone:
        total = read(statements.count, params).scalar_one()
    if total is None:
        # Only a page past the end asks for the count alone.
        number = max(1, number)
        found = fetch(statements.counted, number)
        if not found and number > 1:
            number = max(1, min(number, ceil(read(statements.count, params).scalar_one() / size)))
            found = fetch(statements.counted, number)
        total = found[0]["queue_total"] if found else 0
        for row in found:
            del row["queue_total"]
        return Page(found, number, size, total)
    number = max(1, number if not exact else min(number, ceil(total / size)))
    # Past a capped count, one row more than a page says whether another page follows.
    found = fetch(statements.rows, number, extra=not exact)
    return Page(found[:size], number, size, total, exact, more=len(found) > size)
