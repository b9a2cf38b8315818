"""Working days skip weekends and the bank holidays of England and Wales."""

from datetime import UTC, date, datetime, timedelta

import pytest

from triggerflow.clocks.due import assessment_due, lapses_on, submitted_before_is_due_by
from triggerflow.clocks.working_days import (
    add_working_days,
    is_working_day,
    local_date,
    subtract_working_days,
    working_days_between,
)


@pytest.mark.parametrize(
    "day, name",
    [
        (date(2026, 4, 3), "Good Friday 2026"),
        (date(2026, 4, 6), "Easter Monday 2026"),
        (date(2026, 12, 25), "Christmas Day 2026"),
        (date(2026, 12, 28), "Boxing Day 2026, moved to the Monday"),
        (date(2027, 1, 1), "New Year's Day 2027"),
        (date(2027, 3, 26), "Good Friday 2027"),
        (date(2027, 3, 29), "Easter Monday 2027"),
        (date(2027, 12, 27), "Christmas Day 2027, moved to the Monday"),
        (date(2027, 12, 28), "Boxing Day 2027, moved to the Tuesday"),
    ],
)
def test_bank_holidays_are_not_working_days(day, name):
    assert not is_working_day(day), name


def test_weekdays_are_working_days_and_weekends_are_not():
    assert [is_working_day(date(2026, 11, 16) + timedelta(days=n)) for n in range(7)] == [True] * 5 + [False] * 2


def test_ten_working_days_from_the_friday_before_christmas_2026_skip_christmas_boxing_day_and_new_year():
    assert add_working_days(date(2026, 12, 18), 10) == date(2027, 1, 6)


def test_working_days_across_easter_2026_and_2027():
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert add_working_days(date(2027, 3, 25), 10) == date(2027, 4, 12)


def test_a_weekend_start_counts_from_the_monday():
    assert add_working_days(date(2026, 11, 21), 1) == date(2026, 11, 23)


def test_christmas_2027_falls_at_a_weekend_so_the_holidays_move_to_monday_and_tuesday():
    assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_subtracting_undoes_adding_from_a_working_day():
    for offset in range(60):
        start = date(2026, 12, 1) + timedelta(days=offset)
        if is_working_day(start):
            assert subtract_working_days(add_working_days(start, 10), 10) == start


def test_working_days_between_counts_the_days_after_the_start_up_to_the_end():
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4  # 29, 30, 31 December, 4 January
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 0
    assert working_days_between(date(2026, 11, 24), date(2026, 11, 23)) == 0


def test_a_late_evening_in_summer_is_already_the_next_day_in_england():
    assert local_date(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == date(2026, 7, 1)
    assert local_date(datetime(2026, 12, 30, 23, 30, tzinfo=UTC)) == date(2026, 12, 30)


def test_assessment_is_due_ten_working_days_after_the_submission_day_in_england(ctx):
    assert assessment_due(datetime(2026, 12, 18, 15, 0, tzinfo=UTC)) == date(2027, 1, 6)


def test_the_due_by_cut_off_selects_exactly_the_submissions_due_by_a_date(ctx):
    for due_offset in range(0, 40, 3):
        on = date(2026, 12, 10) + timedelta(days=due_offset)
        cutoff = submitted_before_is_due_by(on)
        for start_offset in range(-30, 10):
            submitted = datetime(2026, 12, 1, 12, tzinfo=UTC) + timedelta(days=start_offset)
            assert (assessment_due(submitted) <= on) == (submitted < cutoff), (on, submitted)


def test_a_return_lapses_28_days_after_it_was_returned_but_never_before_its_resubmit_by_date(ctx):
    returned = datetime(2026, 11, 2, 10, tzinfo=UTC)
    assert lapses_on(returned, date(2026, 11, 16)) == date(2026, 11, 30)
    assert lapses_on(returned, date(2026, 12, 10)) == date(2026, 12, 11)
