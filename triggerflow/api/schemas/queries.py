"""Query parameters, as schemas: parsed and checked like bodies, and documented from the same code."""

from pydantic import Field

from triggerflow.input_ids import LARGEST_ID
from triggerflow.inputs.list_filters import FormFilterQuery, Query

# A cursor is the id of the last form on the page before: every value its pattern allows is one
# the server accepts (a number past every id simply starts from the newest form).
CURSOR = r"^[0-9]{1,10}$"


class FormListQuery(FormFilterQuery):
    limit: int = Field(25, ge=1, le=100, description="Forms per page")
    cursor: str | None = Field(None, pattern=CURSOR, description="The next_cursor of the page before")

    def before_id(self) -> int | None:
        return decode_cursor(self.cursor) if self.cursor else None


def encode_cursor(form_id: int) -> str:
    return str(form_id)


def decode_cursor(cursor: str) -> int | None:
    """The id to list forms before; None (from the newest) for a number past every id there can be."""
    number = int(cursor)
    return number if number <= LARGEST_ID else None


class SearchQuery(FormFilterQuery):
    q: str = Field(
        "",
        max_length=200,
        description="Words to find: a form number, working name, subject's name "
        "(names that sound the same match too), PNC ID, intelligence or APMIS reference. Every word "
        "must match; empty lists every form the filters allow",
    )
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")


class PageQuery(Query):
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")
