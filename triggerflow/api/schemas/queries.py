"""Query parameters, as schemas: parsed and checked like bodies, and documented from the same code."""
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from triggerflow.content import vocab
from triggerflow.input_dates import Day, parse_day
from triggerflow.input_ids import LARGEST_ID
from triggerflow.queries.listing import FormFilters
from triggerflow.workflow.states import FormState

Theme = Literal[tuple(value for value, _ in vocab.THEMES)]
ThreatType = Literal[tuple(value for value, _ in vocab.THREAT_TYPES)]
CODE = r"^[A-Za-z0-9]{2,8}$"
# A cursor is the id of the last form on the page before: every value its pattern allows is one
# the server accepts (a number past every id simply starts from the newest form).
CURSOR = r"^[0-9]{1,10}$"


class Query(BaseModel):
    model_config = ConfigDict(extra="ignore")


class FormFilterQuery(Query):
    state: list[FormState] | None = Field(None, description="Repeat to ask for several states")
    force: str | None = Field(None, pattern=CODE, description="A force code, e.g. DOR")
    theme: Theme | None = Field(None, description="The primary SOC theme")
    threat_type: ThreatType | None = None
    created_from: Day | None = Field(None, description="Created on or after this day (UTC)")
    created_to: Day | None = Field(None, description="Created on or before this day (UTC)")
    updated_since: datetime | None = Field(None, description="Changed at or after this time; UTC if no offset")

    @field_validator("updated_since", mode="before")
    @classmethod
    def _iso_time(cls, value):
        # The day part read as any other day is; a bare number is no time, whatever else it may be.
        if isinstance(value, str):
            parse_day(value[:10], "The time")
        return value

    @field_validator("updated_since")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    def filters(self) -> FormFilters:
        return FormFilters(states=tuple(self.state or ()), force=self.force, theme=self.theme,
                           threat_type=self.threat_type, created_from=self.created_from,
                           created_to=self.created_to, updated_since=self.updated_since)


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
    q: str = Field("", max_length=200, description="Words to find: a form number, working name, subject's name "
                   "(names that sound the same match too), PNC ID, intelligence or APMIS reference. Every word "
                   "must match; empty lists every form the filters allow")
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")


class PageQuery(Query):
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")


class EventExportQuery(FormFilterQuery):
    since: Day | None = Field(None, description="Events on or after this day (UTC)")
    until: Day | None = Field(None, description="Events on or before this day (UTC)")
