"""Days as they arrive, read strictly and within bounds in one place for every page, the API and exports.

A day is sent as YYYY-MM-DD (the API, exports, stored answers) or as day, month and year boxes
(the pages, triggerflow.inputs.date_field); either way it must fall between FIRST_DAY and LAST_DAY.
Python's dates stop at 9999-12-31, so a period ending on that day has no "day after" to end
before: bounding what may be asked for keeps every sum on a day inside the calendar. The first
year leaves room for the oldest subject's date of birth; no form is due after the last.
"""

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLE = "2026-03-27"


def within_bounds(day: date, name: str = "The date") -> date:
    """`day`, or ValueError in GOV.UK's words when it falls outside the years the service covers."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{name} must be between {_spoken(FIRST_DAY)} and {_spoken(LAST_DAY)}")
    return day


def parse_day(text: Any, name: str = "The date") -> date:
    """The day `text` names as YYYY-MM-DD, or ValueError saying how to write it. Nothing else is a day:
    not a number of seconds, not a time, not a week date."""
    if isinstance(text, date):
        return within_bounds(text, name)
    if not isinstance(text, str) or not ISO_DAY.fullmatch(text):
        raise ValueError(f"{name} must be a date in the form YYYY-MM-DD, for example {EXAMPLE}")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} must be a real date") from None
    return within_bounds(day, name)


def _spoken(day: date) -> str:
    return day.strftime("%-d %B %Y")


# A day in an API query or body: strict and bounded, and documented as such.
Day = Annotated[
    date,
    BeforeValidator(parse_day),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": rf"^{ISO_DAY.pattern}$",
            "description": f"A day as YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}",
        }
    ),
]
