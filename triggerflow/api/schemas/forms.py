"""What the API says about a form: a row in a list, or the whole form with its history."""

from datetime import date, datetime
from typing import Any

from pydantic import Field

from triggerflow.api.schemas.common import Finding, ForceRef, Output, Person
from triggerflow.api.schemas.sections import answers_output
from triggerflow.models import ReturnItemStatus
from triggerflow.workflow.states import FormState


class FormSummary(Output):
    """A form as it appears in lists."""

    number: str = Field(description="The form number, <FORCE CODE>-<YYYY>-<NNNN>")
    state: FormState
    state_label: str
    version: int = Field(description="Changes with every change to the form; also sent as its ETag")
    force: ForceRef
    threat_type: str | None
    primary_theme: str | None
    working_name: str | None
    round: int = Field(description="0 until submitted to the ROCTA; each resubmission adds 1")
    created_at: datetime
    updated_at: datetime
    first_submitted_at: datetime | None
    submitted_at: datetime | None
    returned_at: datetime | None
    resubmit_by: date | None
    decided_at: datetime | None


class FormList(Output):
    forms: list[FormSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class SearchResults(Output):
    forms: list[FormSummary] = Field(description="An exact form number first, then the most recently changed")
    total: int = Field(description="How many forms match, on all pages")
    page: int
    pages: int
    size: int = Field(description="Forms per page")


class Completeness(Output):
    percent_complete: int = Field(description="The share of the applicable hard rules that pass")
    can_send: bool = Field(description="True when no hard rule blocks sending")
    section_status: dict[str, str] = Field(description="Per section: Not started, In progress or Complete")
    blocking: list[Finding]
    warnings: list[Finding]


class Event(Output):
    action: str
    label: str
    from_state: FormState | None
    to_state: FormState
    at: datetime
    actor: Person | None = Field(description="Null when the system acted (a lapse)")
    round: int
    reason_code: str | None
    comment: str | None
    details: dict[str, Any]


class ThreadMessage(Output):
    kind: str = Field(description="rocta or force: who wrote it")
    author: Person
    body: str
    at: datetime


class ReturnItem(Output):
    id: int
    round: int
    section: str
    field: str | None
    reason_code: str
    reason: str = Field(description="The reason code's meaning")
    comment: str
    status: ReturnItemStatus = Field(
        description="pending (not yet sent; only its assessor sees it), open, responded or closed"
    )
    response: str | None
    responded_at: datetime | None
    returned_at: datetime | None
    created_at: datetime
    thread: list[ThreadMessage] = Field(
        description="Earlier answers and the ROCTA's comments when the item was reopened or closed, oldest first"
    )


class ReturnItemList(Output):
    return_items: list[ReturnItem]


class Acceptance(Output):
    threat_type: str
    primary_theme: str
    secondary_themes: list[str]
    apmis_reference: str | None
    morile_harm: str
    morile_likelihood: str
    morile_risk: str
    morile_confidence: str
    morile_organisational_position: str
    morile_priority: str
    morile_scores: list[dict[str, str]]
    soc: str | None
    moderation_status: str | None
    phase: str | None
    pnd_reference: str | None
    tier: int
    management_level: str
    owning_force: ForceRef
    recorded_by: Person
    recorded_at: datetime


class VersionSummary(Output):
    sequence: int
    round: int
    created_at: datetime
    created_by: Person


class Version(VersionSummary):
    answers: answers_output()


class VersionList(Output):
    versions: list[VersionSummary]


class EventList(Output):
    events: list[Event]


class FormDetail(FormSummary):
    """The whole form: answers, completeness, what the caller may do, return items and history."""

    author: Person
    assessor: Person | None
    answers: answers_output()
    completeness: Completeness
    editable: bool = Field(description="Whether the caller may change the answers now")
    available_actions: list[str] = Field(description="The actions the caller may take now")
    return_items: list[ReturnItem]
    acceptance: Acceptance | None
    versions: list[VersionSummary]
    events: list[Event] = Field(description="The form's history, newest first")


class ActionResult(Output):
    """What an action did: the event it wrote and the form as it is now."""

    event: Event
    form: FormDetail
