"""The threat register over the API: a threat as it is read, and what each threat action asks for.

Shapes and choices are checked here; whether the action may happen is the threat service's
business (threats.requirements), answered with 422 as on the web.
"""

from datetime import date, datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field

from triggerflow.api.schemas.common import ForceRef, Input, Output, Person, Text
from triggerflow.content import vocab
from triggerflow.threats.definition import CHOSEN_ARCHIVE_REASONS, DISRUPTION_GRADES, PLAN_STRANDS


def _values(pairs) -> Literal:
    return Literal[tuple(value for value, _ in pairs)]


def _required(*names: str) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"required": list(names)})


class RegisterQuery(Input):
    status: Literal["open", "archived", "all"] = Field("open", description="open (the live register) by default")
    force: str | None = Field(None, max_length=8, description="An owning force's code")
    priority: _values(vocab.MORILE_PRIORITY) | None = None


class ThreatSummary(Output):
    id: int
    form_number: str
    working_name: str | None
    owning_force: ForceRef
    morile_priority: str
    state: str
    state_label: str
    lro_name: str | None
    lro_due_on: date
    lro_appointed_at: datetime | None
    plan_due_on: date
    plan_agreed_at: datetime | None
    next_review_on: date | None
    apmis_reference: str | None
    pnd_reference: str | None
    disruptions: int
    last_recorded_at: datetime | None
    archive_reason: str | None
    accepted_at: datetime


class ThreatList(Output):
    threats: list[ThreatSummary] = Field(description="Highest MoRiLE priority first, then longest on the register")


class PlanActionOut(Output):
    strand: str
    description: str
    owner: str
    due_on: date


class DisruptionOut(Output):
    occurred_on: date
    grade: str
    description: str


class ThreatEventOut(Output):
    action: str
    label: str
    from_state: str | None
    to_state: str
    actor: Person | None
    at: datetime
    reason_code: str | None
    comment: str | None
    details: dict[str, Any]


class ThreatDetail(ThreatSummary):
    lro_organisation: str | None
    morile_scores: list[dict[str, str]]
    soc: str | None
    moderation_status: str | None
    phase: str | None
    merged_into: str | None
    available_actions: list[str] = Field(description="What you may do to the threat now")
    plan: list[PlanActionOut]
    disruptions_recorded: list[DisruptionOut]
    events: list[ThreatEventOut] = Field(description="Newest first")


class ThreatActionResult(Output):
    event: ThreatEventOut
    threat: ThreatDetail


class LroBody(Input):
    model_config = _required("lro_name", "lro_organisation", "lro_email")
    lro_name: Text | None = Field(None, max_length=120)
    lro_organisation: Text | None = Field(None, max_length=120, description="May be a partner agency")
    lro_email: Text | None = Field(None, max_length=254, description="The LRO is told by e-mail")


class PlanActionBody(Input):
    model_config = _required("strand", "description", "owner", "due_on")
    strand: _values(PLAN_STRANDS) | None = None
    description: Text | None = Field(None, max_length=5000)
    owner: Text | None = Field(None, max_length=120)
    due_on: date | None = None


class ReviewBody(Input):
    model_config = _required("comment")
    comment: Text | None = Field(None, max_length=5000, description="What the review found")
    next_review_on: date | None = Field(None, description="Defaults to the interval the threat's priority sets")


class DisruptionBody(Input):
    model_config = _required("occurred_on", "grade", "description")
    occurred_on: date | None = Field(None, description="Today or earlier")
    grade: _values(DISRUPTION_GRADES) | None = None
    description: Text | None = Field(None, max_length=5000)


class ReferencesBody(Input):
    apmis_reference: Text | None = Field(None, max_length=64, description="Leave out or null to clear")
    pnd_reference: Text | None = Field(None, max_length=64, description="Leave out or null to clear")


class ArchiveBody(Input):
    model_config = _required("reason_code", "comment")
    reason_code: _values(CHOSEN_ARCHIVE_REASONS) | None = None
    merged_into: Text | None = Field(None, max_length=64, description="Required when merged")
    comment: Text | None = Field(None, max_length=5000)


THREAT_BODIES: dict[str, type[Input]] = {
    "appoint_lro": LroBody,
    "change_lro": LroBody,
    "add_plan_action": PlanActionBody,
    "review": ReviewBody,
    "record_disruption": DisruptionBody,
    "update_references": ReferencesBody,
    "archive": ArchiveBody,
}
