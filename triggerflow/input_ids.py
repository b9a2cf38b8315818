"""Numbers that name rows (ids, sequence and page numbers), read from URLs and query strings in one place.

The id columns are 32-bit on every database: a larger number reaches no row, and asked of the
database it is an overflow (a server error), not an empty answer. So a number out of range
names nothing (404), and never leaves for the database.
"""

import builtins
from typing import TypeVar

from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**31 - 1
_Default = TypeVar("_Default", bound=int | None)  # number_or(text, 0) is always a number


class Id(IntegerConverter):
    """The `int` URL part: digits, at most LARGEST_ID. Out of range is 404, whatever else the path
    might have matched (left to the router, it could be a 405 from a rule with other methods)."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = None):
        super().__init__(map, fixed_digits, min, LARGEST_ID if max is None else builtins.min(max, LARGEST_ID))

    def to_python(self, value: str) -> int:
        number = int(value)
        if (self.min is not None and number < self.min) or number > self.max:
            raise NotFound()
        return number


def number_or(text, default: _Default) -> int | _Default:
    """A number sent as text (a page, a sequence, a form's version): `default` unless it is plain digits
    in range. int() alone would take " 7", "+7", "1_0" and other scripts' digits, or overflow the database."""
    if isinstance(text, str) and text.isascii() and text.isdigit() and int(text) <= LARGEST_ID:
        return int(text)
    return default
