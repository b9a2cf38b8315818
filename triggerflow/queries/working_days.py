"""Working days in SQL: the rule of clocks.working_days, for measures computed over many rows.

The same definition in another form: a stored moment is read as its calendar date in England
and Wales, and the working days between two moments are those after the first date up to and
including the second, less weekends and the bank holidays of the `holidays` package (the list
clocks.working_days uses). tests/clocks/test_working_days_sql.py holds the two to agreement.

Each date becomes its *working-day number*: how many working days there are from EPOCH up to
and including it. The working days between two dates are then a subtraction. Bank holidays
are a binary search over their day numbers in nested CASEs.
"""

from datetime import date, timedelta
from functools import cache

from sqlalchemy import Integer, case
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from triggerflow.clocks.working_days import EPOCH, local_today, weekday_bank_holidays

LAST_YEAR_AHEAD = 2  # bank holidays are listed to the end of the year after next


@cache
def _weekday_holidays(until_year: int) -> tuple[int, ...]:
    """Day numbers of the bank holidays from EPOCH to the end of `until_year` that fall on a weekday."""
    return tuple((day - EPOCH).days for day in weekday_bank_holidays(until_year))


class local_day_number(FunctionElement):
    """Days from EPOCH to the calendar date in England and Wales of a stored (naive UTC) moment."""

    type = Integer()
    inherit_cache = True
    name = "local_day_number"


@compiles(local_day_number)
def _local_day_number_sqlite(element, compiler, **kw):
    # SQLite knows no time zones. Stored moments are ISO text in UTC, so whether one falls in British
    # Summer Time is a text comparison with the clock changes, newest first (a recent moment is settled
    # in a step or two); past the listed years the changes are worked out from the rule for each moment.
    moment = compiler.process(element.clauses, **kw)
    last_year = local_today().year + LAST_YEAR_AHEAD
    ladder = " ".join(
        f"WHEN {moment} >= '{start}' THEN '+{hours} hours'" for start, hours in _clock_changes(EPOCH.year, last_year)
    )
    offset = (
        f"CASE WHEN {moment} >= '{last_year + 1}-01-01' THEN {_summer_offset_by_rule(moment)} "
        f"{ladder} ELSE '+0 hours' END"
    )
    return f"CAST(julianday({moment}, {offset}) - julianday('{EPOCH.isoformat()}') AS INTEGER)"


def _clock_changes(first_year: int, last_year: int) -> list[tuple[str, int]]:
    """(UTC moment, hours ahead of UTC from then) of each clock change, newest first: British Summer
    Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October."""
    found = []
    for year in range(last_year, first_year - 1, -1):
        found += [
            (f"{_last_sunday(year, 10).isoformat()} 01:00:00", 0),
            (f"{_last_sunday(year, 3).isoformat()} 01:00:00", 1),
        ]
    return found


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month, 25)  # the last Sunday is the one on or after the 25th
    return day + timedelta(days=(6 - day.weekday()) % 7)


def _summer_offset_by_rule(moment: str) -> str:
    summer = (
        f"({moment} >= datetime(strftime('%Y', {moment}) || '-03-25', 'weekday 0', '+1 hours') "
        f"AND {moment} < datetime(strftime('%Y', {moment}) || '-10-25', 'weekday 0', '+1 hours'))"
    )
    return f"CASE WHEN {summer} THEN '+1 hours' ELSE '+0 hours' END"


@compiles(local_day_number, "postgresql")
def _local_day_number_postgresql(element, compiler, **kw):
    moment = compiler.process(element.clauses, **kw)
    return f"((({moment}) AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date - DATE '{EPOCH.isoformat()}')"


class working_day_number(FunctionElement):
    """Working days from EPOCH up to and including the day with the given day number."""

    type = Integer()
    inherit_cache = True
    name = "working_day_number"


def _working_day_number(element, compiler, least: str, modulo: str, **kw) -> str:
    day = compiler.process(element.clauses, **kw)
    after = f"(({day}) + 1)"  # days in [EPOCH, day]: whole weeks have 5 working days, a part week up to 5
    weekdays = f"(5 * ({after} / 7) + {least}({modulo.format(after)}, 5))"
    holidays = _weekday_holidays(local_today().year + LAST_YEAR_AHEAD)
    return f"({weekdays} - {_holidays_up_to(day, holidays, 0, len(holidays))})"


def _holidays_up_to(day: str, holidays: tuple[int, ...], fewest: int, most: int) -> str:
    """How many of `holidays` (ascending) fall on or before `day`, known to be from `fewest` to `most`:
    a binary search of nested CASEs, so any date is settled in about eight comparisons."""
    if fewest == most:
        return str(fewest)
    middle = (fewest + most + 1) // 2
    return (
        f"CASE WHEN ({day}) >= {holidays[middle - 1]} THEN {_holidays_up_to(day, holidays, middle, most)} "
        f"ELSE {_holidays_up_to(day, holidays, fewest, middle - 1)} END"
    )


@compiles(working_day_number)
def _working_day_number_sqlite(element, compiler, **kw):
    return _working_day_number(element, compiler, "MIN", "({} % 7)", **kw)


@compiles(working_day_number, "postgresql")
def _working_day_number_postgresql(element, compiler, **kw):
    return _working_day_number(element, compiler, "LEAST", "MOD({}, 7)", **kw)


def working_days_between(start: ColumnElement, end: ColumnElement) -> ColumnElement[int]:
    """Working days after `start`'s date up to and including `end`'s; 0 when `end` is not after `start`."""
    days = working_day_number(local_day_number(end)) - working_day_number(local_day_number(start))
    return case((days > 0, days), else_=0)
