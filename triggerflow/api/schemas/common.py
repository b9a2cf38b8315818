"""Types every API schema shares: safe text, people and forces as the API shows them, problems."""

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

# Every string in a request body or query is made storable as it is parsed (triggerflow.input_text).
Text = str


class Input(BaseModel):
    """A request body: unknown members are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid")
    # The service's fields this body names as members (service name: member), answered as pointers to them.
    MEMBERS: ClassVar[dict[str, str]] = {}


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Person(Output):
    name: str
    role: str = Field(description="officer, spoc, assessor, manager or admin")


class ForceRef(Output):
    code: str
    name: str


class ErrorItem(BaseModel):
    detail: str = Field(description="What to put right, in plain English")
    pointer: str | None = Field(None, description="JSON Pointer to the body member at fault, e.g. #/comment")
    parameter: str | None = Field(None, description="The query parameter at fault")
    field: str | None = Field(None, description="The form field at fault, e.g. A.summary or comment")


class Finding(Output):
    rule_id: str = Field(description="The completeness rule, as the criteria page at /criteria numbers it (C1 onwards)")
    severity: str = Field(description="hard (blocks sending) or soft (a warning)")
    section: str
    field: str
    message: str
    threat_types: list[str] = Field(
        default_factory=list,
        description=(
            "While the form has no type of threat, every type's findings are listed: the types this one is for. "
            "Empty when it is the form's whatever its type"
        ),
    )


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (application/problem+json)."""

    model_config = ConfigDict(title="Problem")

    type: str = Field(description="A URI naming the kind of problem; about:blank when the status says it all")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = Field(None, description="The path the request was made to")
    errors: list[ErrorItem] | None = Field(None, description="Each thing to put right (422)")
    findings: list[Finding] | None = Field(None, description="The completeness rules that block the action (422)")
    available_actions: list[str] | None = Field(None, description="What you may do to the form now (409)")
    current_version: int | None = Field(None, description="The form's version now, for a new If-Match (409)")
