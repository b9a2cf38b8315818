"""Tables declared as data: each table's fixed parts once, so a builder only works out its rows."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from triggerflow.web.dashboards.tables import Cell, Column, Table


class Count(NamedTuple):
    """A column of one number a row: which of the row's counts, under what heading, and where it leads."""

    attribute: str
    heading: str
    words: str = ""  # what tells its link from the others to a screen reader; the heading, in lower case, when empty
    cell: str = ""  # the drill-down's name for it; the attribute's when empty

    def context(self, name: str) -> str:
        return f"{self.words or self.heading.lower()}, {name}"

    @property
    def drill(self) -> str:
        return self.cell or self.attribute


@dataclass(frozen=True)
class Spec:
    """All of a table but its rows: what it is called, what it holds and what it says about them."""

    key: str
    caption: str
    columns: tuple[Column, ...]
    empty: str = "Nothing to show for these filters."
    notes: tuple[str, ...] = ()
    counts: tuple[Count, ...] = ()  # a column each, after the fixed columns

    def table(self, rows: Iterable[tuple[Cell, ...]], caption: str = "", columns: Iterable[Column] = ()) -> Table:
        """The table of these rows; `columns` follow the others where the data decides them (months, reasons)."""
        columns = (*self.columns, *(Column(c.heading) for c in self.counts), *columns)
        return Table(self.key, caption or self.caption, columns, list(rows), self.empty, self.notes)


def words(*headings: str) -> tuple[Column, ...]:
    """Columns of words rather than numbers."""
    return tuple(Column(heading, numeric=False) for heading in headings)


def share_column(heading: str) -> Column:
    """A count and its percentage: one column on the page, two in the CSV."""
    return Column(heading, csv=(heading, f"{heading} %"))


Row = TypeVar("Row")


def with_total(
    line: Callable[[Row], tuple[Cell, ...]], rows: list[Row], total: Callable[[list[Row]], Row]
) -> list[tuple[Cell, ...]]:
    """A line a force, then a line for all of them where there is more than one."""
    return [line(r) for r in rows] + ([line(total(rows))] if len(rows) > 1 else [])
