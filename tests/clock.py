"""The suite's clock: the real one, or, with TEST_TODAY=YYYY-MM-DD, the same day for every test.

One time-machine travel for the whole run, started as tests/conftest.py is imported: each xdist
worker imports it, and the server the browser tests talk to is a thread of the same process, so
the app, the tests and the browser tests' server all see the chosen day. The clock starts at
10:00 in London and keeps ticking (time-outs and "just now" still work), so a run stays on that
day whatever the time zone of the machine. A test that must move time itself uses the `clock`
fixture, never a patched utcnow.
"""

import os
import re
from datetime import UTC, date, datetime, time

import pytest
import time_machine

from triggerflow.clocks.working_days import LONDON

STARTS_AT = time(10, 0)  # London time: far from midnight, on either side of a clock change


def chosen_day() -> date | None:
    """TEST_TODAY as a date, or None for the real date; anything else stops the run with a clear message."""
    value = os.environ.get("TEST_TODAY", "").strip()
    if not value:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(f"TEST_TODAY must be a real date written YYYY-MM-DD, not {value!r}") from None


def travel_to(day: date) -> None:
    # In UTC: a London destination would also set the process's TZ, which nothing should rely on.
    time_machine.travel(datetime.combine(day, STARTS_AT, tzinfo=LONDON).astimezone(UTC), tick=True).start()
