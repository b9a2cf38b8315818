"""The working-day rule in SQL (queries.working_days) agrees with the rule in Python (clocks.working_days)
on every pair of moments around weekends, bank holidays, the clock changes and local midnight."""

from datetime import UTC, datetime, timedelta
from itertools import product

from sqlalchemy import literal, select, union_all

from triggerflow.clocks.working_days import local_date, working_days_between
from triggerflow.clocks.working_days import working_day_number as python_working_day_number
from triggerflow.db import UTCDateTime, db
from triggerflow.queries.working_days import EPOCH, local_day_number, working_day_number


def moments() -> list[datetime]:
    found = [
        datetime(2025, 12, 24, 17, 0, tzinfo=UTC),  # before Christmas Day and Boxing Day
        datetime(2025, 12, 29, 9, 0, tzinfo=UTC),
        datetime(2026, 1, 2, 8, 0, tzinfo=UTC),  # after New Year's Day
        datetime(2026, 3, 27, 16, 0, tzinfo=UTC),  # a Friday before the clocks go forward
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),  # 00:30 GMT, before 01:00 UTC on the day they change
        datetime(2026, 3, 29, 23, 30, tzinfo=UTC),  # 00:30 BST on Monday 30 March
        datetime(2026, 4, 2, 22, 59, tzinfo=UTC),  # 23:59 BST on the Thursday before Good Friday
        datetime(2026, 4, 2, 23, 0, tzinfo=UTC),  # midnight BST: Good Friday
        datetime(2026, 4, 6, 12, 0, tzinfo=UTC),  # Easter Monday
        datetime(2026, 4, 7, 9, 0, tzinfo=UTC),
        datetime(2026, 5, 22, 23, 30, tzinfo=UTC),  # a Saturday in BST, before the spring bank holiday
        datetime(2026, 5, 26, 9, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 01:30 BST, before the clocks go back
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 01:30 GMT, after
        datetime(2026, 10, 26, 23, 30, tzinfo=UTC),  # a Monday evening in GMT: still Monday
    ]
    return found + [datetime(2026, 8, 28, 9, 0, tzinfo=UTC) + timedelta(days=n) for n in range(5)]


def test_each_moment_falls_on_the_same_local_date_and_working_day_in_sql(ctx):
    found = moments()
    rows = union_all(
        *(select(literal(n).label("n"), literal(at, UTCDateTime()).label("at")) for n, at in enumerate(found))
    ).subquery()
    day = local_day_number(rows.c.at)
    result = dict(db.session.execute(select(rows.c.n, day)).all())
    assert [EPOCH + timedelta(days=result[n]) for n in range(len(found))] == [local_date(at) for at in found]

    numbers = dict(db.session.execute(select(rows.c.n, working_day_number(day))).all())
    for (i, start), (j, end) in product(enumerate(found), repeat=2):
        in_sql = max(numbers[j] - numbers[i], 0)
        assert in_sql == working_days_between(local_date(start), local_date(end)), (start, end)
    # The number stored with each stay (workflow.stays) is the same number worked out in Python.
    assert [numbers[n] for n in range(len(found))] == [python_working_day_number(local_date(at)) for at in found]
