"""What each lifecycle action and each return item asks for.

The JSON shape (types, choices, lengths) is checked here. Whether the action may happen (a
reason given, the acceptance record complete, the completeness rules met) is the workflow's
business, checked by workflow.requirements for the web and the API alike: the members it
needs are listed as required in the schema, and it answers 422 when they are missing.
"""

from datetime import date
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from triggerflow.api.problems import invalid
from triggerflow.api.schemas.common import Input, Text
from triggerflow.content import vocab
from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.input_dates import Day
from triggerflow.inputs.list_filters import Theme, ThreatType
from triggerflow.models import TriggerForm
from triggerflow.queries import reference
from triggerflow.workflow.requirements import OWNING_FORCE_IN_REGION


def _values(pairs) -> Literal:
    return Literal[tuple(value for value, _ in pairs)]


def _required(*names: str) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"required": list(names)})


class CommentBody(Input):
    model_config = _required("comment")
    comment: Text | None = Field(None, max_length=5000, description="Why: the force or officer sees it")

    def details(self, form: TriggerForm, today: date) -> dict[str, Any]:
        return {"comment": self.comment}


class ReleaseBody(Input):
    comment: Text | None = Field(
        None, max_length=5000, description="Why: required when a regional manager releases an assessor's work"
    )

    def details(self, form: TriggerForm, today: date) -> dict[str, Any]:
        return {"comment": self.comment}


class ReturnBody(Input):
    resubmit_by: Day | None = Field(None, description="Defaults to 14 days from today; must be in the future")

    def details(self, form: TriggerForm, today: date) -> dict[str, Any]:
        return {"resubmit_by": self.resubmit_by}


class RejectBody(Input):
    model_config = _required("reason_code", "comment")
    reason_code: _values(vocab.REJECTION_REASONS) | None = Field(None, description="N1 to N7")
    comment: Text | None = Field(None, max_length=5000, description="The rationale, at least 20 characters")
    duplicate_reference: Text | None = Field(None, max_length=64, description="Required with N6")

    def details(self, form: TriggerForm, today: date) -> dict[str, Any]:
        return {
            "reason_code": self.reason_code,
            "comment": self.comment,
            "duplicate_reference": self.duplicate_reference,
        }


_RECORD_REQUIRED = (
    "threat_type",
    "primary_theme",
    "morile_harm",
    "morile_likelihood",
    "morile_risk",
    "morile_confidence",
    "morile_organisational_position",
    "morile_priority",
    "morile_scores",
    "soc",
    "moderation_status",
    "phase",
    "tier",
    "management_level",
)


class MorileScore(BaseModel):
    """One harm category's score and confidence, in the MoRiLE assessment's own terms."""

    model_config = ConfigDict(extra="forbid")
    category: _values(vocab.HARM_TYPES)
    score: Text = Field(max_length=32)
    confidence: Text = Field(max_length=32)


class AcceptBody(Input):
    """The acceptance record (DESIGN section 5), MoRiLE results as entered from the MoRiLE tool."""

    model_config = _required(*_RECORD_REQUIRED)
    MEMBERS: ClassVar[dict[str, str]] = {"owning_force_id": "owning_force"}
    threat_type: ThreatType | None = None
    primary_theme: Theme | None = None
    secondary_themes: list[Theme] = Field(default_factory=list)
    apmis_reference: Text | None = Field(None, max_length=64, description="SOC master list reference, if known")
    morile_harm: Text | None = Field(None, max_length=32)
    morile_likelihood: Text | None = Field(None, max_length=32)
    morile_risk: Text | None = Field(None, max_length=32)
    morile_confidence: _values(vocab.MORILE_CONFIDENCE) | None = None
    morile_organisational_position: Text | None = Field(None, max_length=120)
    morile_priority: _values(vocab.MORILE_PRIORITY) | None = None
    morile_scores: list[MorileScore] = Field(default_factory=list, description="At least one harm category")
    soc: _values(vocab.SOC_OR_NOT) | None = None
    moderation_status: _values(vocab.MODERATION_STATUSES) | None = None
    phase: _values(vocab.PHASES) | None = None
    pnd_reference: Text | None = Field(None, max_length=64, description="PND reference, if known")
    tier: int | None = Field(None, ge=1, le=5)
    management_level: _values(vocab.MANAGEMENT_LEVELS) | None = None
    owning_force: str | None = Field(
        None, max_length=8, description="A force code in the form's region; defaults to the form's force"
    )

    def details(self, form: TriggerForm, today: date) -> dict[str, Any]:
        record = self.model_dump(exclude={"owning_force"})
        record["tier"] = None if self.tier is None else str(self.tier)
        record["owning_force_id"] = self._owning_force_id(form)
        for name in (
            "apmis_reference",
            "morile_harm",
            "morile_likelihood",
            "morile_risk",
            "morile_organisational_position",
            "pnd_reference",
        ):
            record[name] = (record[name] or "").strip() or None
        return {"record": record}

    def _owning_force_id(self, form: TriggerForm) -> int:
        if not self.owning_force:
            return form.force_id
        found = reference.force_id_by_code(self.owning_force)
        if found is None:
            raise invalid([{"pointer": "#/owning_force", "detail": OWNING_FORCE_IN_REGION}])
        return found


BODIES: dict[str, type[Input]] = {
    "spoc_return": CommentBody,
    "reopen": CommentBody,
    "withdraw": CommentBody,
    "reconsider": CommentBody,
    "release": ReleaseBody,
    "return_to_force": ReturnBody,
    "reject": RejectBody,
    "accept": AcceptBody,
}


class NewReturnItem(Input):
    model_config = _required("section", "reason_code", "comment")
    MEMBERS: ClassVar[dict[str, str]] = {"field": "field"}
    section: Literal[tuple(SECTIONS_BY_KEY)] | None = None
    field: str | None = Field(
        None,
        max_length=64,
        description="A question in that section, or its list (e.g. subjects); leave out for the whole section",
    )
    reason_code: _values(vocab.RETURN_REASONS) | None = Field(None, description="R01 to R99")
    comment: Text | None = Field(None, max_length=5000, description="What the force needs to put right")

    def item(self) -> dict[str, Any]:
        return {
            "section": self.section or "",
            "field": self.field,
            "reason_code": self.reason_code or "",
            "comment": self.comment or "",
        }


class ItemResponse(Input):
    model_config = _required("response")
    response: Text | None = Field(
        None,
        max_length=5000,
        description="What you changed, or why no change is needed; at least 30 characters to resubmit",
    )


class CloseItem(Input):
    comment: Text | None = Field(None, max_length=5000, description="An optional note to the force")


class ReopenItem(Input):
    model_config = _required("comment")
    comment: Text | None = Field(None, max_length=5000, description="What the force still needs to do")
