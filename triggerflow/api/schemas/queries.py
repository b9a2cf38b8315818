"""Query parameters, as schemas: parsed and checked like bodies, and documented from the same code."""
import base64
import binascii
import re
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from triggerflow.content import vocab
from triggerflow.queries.listing import FormFilters
from triggerflow.workflow.states import FormState

Theme = Literal[tuple(value for value, _ in vocab.THEMES)]
ThreatType = Literal[tuple(value for value, _ in vocab.THREAT_TYPES)]
CODE = r"^[A-Za-z0-9]{2,8}$"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Query(BaseModel):
    model_config = ConfigDict(extra="ignore")


class FormFilterQuery(Query):
    state: list[FormState] | None = Field(None, description="Repeat to ask for several states")
    force: str | None = Field(None, pattern=CODE, description="A force code, e.g. DOR")
    theme: Theme | None = Field(None, description="The primary SOC theme")
    threat_type: ThreatType | None = None
    created_from: date | None = Field(None, description="Created on or after this day (UTC)")
    created_to: date | None = Field(None, description="Created on or before this day (UTC)")
    updated_since: datetime | None = Field(None, description="Changed at or after this time; UTC if no offset")

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
    cursor: str | None = Field(None, max_length=64, description="The next_cursor of the page before")

    @field_validator("cursor")
    @classmethod
    def _known_cursor(cls, value: str | None) -> str | None:
        if value is not None:
            decode_cursor(value)
        return value

    def before_id(self) -> int | None:
        return decode_cursor(self.cursor) if self.cursor else None


def encode_cursor(form_id: int) -> str:
    return base64.urlsafe_b64encode(f"before:{form_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, number = text.partition(":")
        if kind == "before" and number.isdigit() and number.isascii():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ValueError("This is not a cursor this API gave out")


class SearchQuery(FormFilterQuery):
    q: str = Field("", max_length=200, description="Words to find: a form number, working name, subject's name "
                   "(names that sound the same match too), PNC ID, intelligence or APMIS reference. Every word "
                   "must match; empty lists every form the filters allow")
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")

    @field_validator("created_from", "created_to", mode="before")
    @classmethod
    def _whole_iso_day(cls, value):
        # Strict: pydantic alone would also take "0" (1970) or a date and time.
        if isinstance(value, str) and not ISO_DAY.fullmatch(value):
            raise ValueError("Give the day as YYYY-MM-DD, for example 2026-03-27")
        return value


class PageQuery(Query):
    page: int = Field(1, ge=1, le=100_000, description="The page number, from 1")


class EventExportQuery(FormFilterQuery):
    since: date | None = Field(None, description="Events on or after this day (UTC)")
    until: date | None = Field(None, description="Events on or before this day (UTC)")
