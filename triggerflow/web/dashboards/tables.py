"""A dashboard table: what the page shows, what the CSV holds, and where each number leads.

One structure serves both: a column may hold several CSV values (a count and its percentage)
that the page shows together in one cell.
"""

import csv
import io
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    heading: str
    numeric: bool = True
    csv: tuple[str, ...] = ()  # CSV headings; the column's own heading when empty
    nowrap: bool = False

    @property
    def csv_headings(self) -> tuple[str, ...]:
        return self.csv or (self.heading,)


@dataclass(frozen=True)
class Cell:
    text: str
    csv: tuple = ()  # CSV values, one per CSV heading of the column; the text when empty
    href: str | None = None  # the forms behind the number
    context: str = ""  # visually hidden words that make a repeated link unique
    shade: int = 0  # a heat-map cell's band, 1 (lightest) to HEAT_BANDS; 0 unshaded

    @property
    def csv_values(self) -> tuple:
        return self.csv or (self.text,)


@dataclass(frozen=True)
class Table:
    key: str
    caption: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    empty: str = "Nothing to show for these filters."
    notes: tuple[str, ...] = field(default=())


HEAT_BANDS = 4


def heat(share: float | None) -> int:
    """The band a share (0-100) is shaded in: more of the whole, darker, so a wide table reads at a glance."""
    if not share:
        return 0
    return min(HEAT_BANDS, 1 + int(share * HEAT_BANDS // 60))


def count_cell(value: int, href: str | None = None, context: str = "") -> Cell:
    return Cell(f"{value:,}", (value,), href if value else None, context)


def rate_cell(rate: float | None, href: str | None = None, context: str = "", detail: str = "") -> Cell:
    if rate is None:
        return Cell("No data", ("",))
    return Cell(f"{rate:.0f}%{detail}", (round(rate, 1),), href, context)


def share_cell(value: int, whole: int, href: str | None = None, context: str = "") -> Cell:
    """'4 (20%)' on the page; 4 and 20.0 in the CSV."""
    share = value * 100 / whole if whole else None
    text = f"{value:,}" + (f" ({share:.0f}%)" if share is not None else "")
    return Cell(text, (value, round(share, 1) if share is not None else ""), href if value else None, context)


def working_days_cell(days: float | None) -> Cell:
    return Cell("No data", ("",)) if days is None else Cell(f"{days:.0f}", (round(days),))


def text_cell(text: str | None, href: str | None = None) -> Cell:
    return Cell(text or "", (text or "",), href)


# A cell starting with one of these could run as a formula in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(table: Table, marking: str) -> str:
    """The security marking on the first line, then the headings, then the rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([marking])
    writer.writerow([heading for column in table.columns for heading in column.csv_headings])
    for row in table.rows:
        writer.writerow([_safe(value) for cell in row for value in cell.csv_values])
    return out.getvalue()


def _safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
