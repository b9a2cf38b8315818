"""Which forms a list or a download is narrowed to, read from query parameters.

The API's list and export parameters and the downloads' filters are these schemas, so both
check the same values with the same messages, and the OpenAPI document shows them.
"""

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from triggerflow.content import vocab
from triggerflow.input_dates import Day, parse_day
from triggerflow.queries.listing import FormFilters
from triggerflow.workflow.states import FormState

Theme = Literal[tuple(value for value, _ in vocab.THEMES)]
ThreatType = Literal[tuple(value for value, _ in vocab.THREAT_TYPES)]
CODE = r"^[A-Za-z0-9]{2,8}$"


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
        return FormFilters(
            states=tuple(self.state or ()),
            force=self.force,
            theme=self.theme,
            threat_type=self.threat_type,
            created_from=self.created_from,
            created_to=self.created_to,
            updated_since=self.updated_since,
        )


class EventExportQuery(FormFilterQuery):
    since: Day | None = Field(None, description="Events on or after this day (UTC)")
    until: Day | None = Field(None, description="Events on or before this day (UTC)")
