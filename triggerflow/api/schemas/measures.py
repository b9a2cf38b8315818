"""Schemas for the management measures, built from the dataclasses queries.measures returns.

Fields and computed properties (rates, totals) both appear, so the API says what the
dashboards say, and a new field in a measure appears here without a second definition.
"""

import dataclasses
from datetime import date
from functools import cache
from typing import get_type_hints

from pydantic import Field, create_model, model_validator

from triggerflow.api.schemas.common import Output
from triggerflow.input_dates import Day
from triggerflow.inputs.list_filters import CODE, Query, Theme, ThreatType
from triggerflow.queries.measures import Filters
from triggerflow.queries.measures.definitions import for_measure


@cache
def row_model(cls: type) -> type[Output]:
    hints = get_type_hints(cls)
    fields = {f.name: (hints[f.name], ...) for f in dataclasses.fields(cls)}
    members = {name: member for klass in reversed(cls.__mro__) for name, member in vars(klass).items()}
    computed = {
        name: (get_type_hints(member.fget)["return"], ...)
        for name, member in members.items()
        if isinstance(member, property) and "return" in get_type_hints(member.fget)
    }
    return create_model(
        cls.__name__, __base__=Output, __doc__=(cls.__doc__ or "").strip() or None, **fields, **computed
    )


@cache
def measure_model(name: str, cls: type) -> type[Output]:
    model_name = "".join(part.capitalize() for part in name.split("-")) + "Measure"
    # The schema carries the same definition as the dashboards' definitions page.
    return create_model(
        model_name,
        __base__=Output,
        __doc__=for_measure(name).text,
        period_start=(date, ...),
        period_end=(date, ...),
        rows=(list[row_model(cls)], ...),
    )


class MeasureQuery(Query):
    start: Day | None = Field(None, description="First day of the period; default 11 months before this month")
    end: Day | None = Field(None, description="Last day of the period; default today")
    region: str | None = Field(None, pattern=CODE, description="A region code, e.g. SW")
    force: str | None = Field(None, pattern=CODE, description="A force code, e.g. DOR")
    theme: Theme | None = None
    threat_type: ThreatType | None = None
    assessor_id: int | None = Field(None, ge=1, le=2_147_483_647, description="Forms this assessor claimed")

    @model_validator(mode="after")
    def _in_order(self) -> "MeasureQuery":
        if self.start and self.end and self.start > self.end:
            raise ValueError("The start of the period must be on or before its end")
        return self

    def filters(self, today: date) -> Filters:
        end = self.end or max(today, self.start or today)
        return Filters(
            start=self.start or Filters.last_twelve_months(end).start,
            end=end,
            region=(self.region or "").upper() or None,
            force=(self.force or "").upper() or None,
            theme=self.theme,
            threat_type=self.threat_type,
            assessor_id=self.assessor_id,
        )
