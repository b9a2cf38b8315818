"""Working days in England and Wales: Monday to Friday, less the bank holidays.

The bank holidays come from the `holidays` package, which ships its calendars with it, so
nothing is fetched at run time. England and Wales share one list of bank holidays.
"""

from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

import holidays

from triggerflow.db import utcnow

LONDON = ZoneInfo("Europe/London")
EPOCH = date(2000, 1, 3)  # a Monday before any form; day and working-day numbers count from it
_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv="ENG", years=year))


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


# A queue works out a due date on every row, and many rows share a day: the calendar never changes
# while the process runs, so each answer is kept.
@lru_cache(maxsize=4096)
def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (`start` itself is not counted)."""
    return _count_working_days(start, days, _ONE_DAY)


@lru_cache(maxsize=4096)
def subtract_working_days(end: date, days: int) -> date:
    """The `days`-th working day before `end` (`end` itself is not counted)."""
    return _count_working_days(end, days, -_ONE_DAY)


def _count_working_days(day: date, days: int, step: timedelta) -> date:
    if days < 0:
        raise ValueError("days must not be negative")
    while days:
        day += step
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not after `start`)."""
    return max(working_day_number(end) - working_day_number(start), 0)


@lru_cache(maxsize=16384)
def working_day_number(day: date) -> int:
    """Working days from EPOCH up to and including `day`, so that the working days between two
    dates are a subtraction: what queries.working_days works out in SQL."""
    after = (day - EPOCH).days + 1  # days in [EPOCH, day]: whole weeks have 5 working days, a part week up to 5
    return 5 * (after // 7) + min(after % 7, 5) - bisect_right(weekday_bank_holidays(day.year), day)


@cache
def weekday_bank_holidays(until_year: int) -> tuple[date, ...]:
    """The bank holidays from EPOCH to the end of `until_year` that fall on a weekday, in order."""
    return tuple(
        sorted(
            day
            for year in range(EPOCH.year, until_year + 1)
            for day in _bank_holidays(year)
            if day.weekday() < 5 and day >= EPOCH
        )
    )


def local_date(moment: datetime) -> date:
    """The calendar date in England and Wales of a stored (UTC) moment."""
    return moment.astimezone(LONDON).date()


def local_today() -> date:
    """Today in England and Wales. Never the UTC date: from midnight to 1 a.m. in summer that is still
    yesterday. Every "today" in the app comes from here, so the tests can move it with the clock."""
    return local_date(utcnow())


def now_and_today(today: date | None = None) -> tuple[datetime, date]:
    """The moment a change is made, and its day in England and Wales unless a day is given (the
    scheduled commands and the tests give one)."""
    now = utcnow()
    return now, today or local_date(now)


def start_of_local_day(day: date) -> datetime:
    """Midnight at the start of `day` in England and Wales, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=LONDON)
