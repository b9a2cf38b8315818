"""Internal notes as the API shows and takes them: the ROCTA side only."""

from datetime import datetime

from pydantic import ConfigDict, Field

from triggerflow.api.schemas.common import Input, Output, Person, Text
from triggerflow.assessment.notes import MAX_NOTE_LENGTH


class InternalNote(Output):
    id: int
    body: str
    at: datetime
    author: Person


class InternalNoteList(Output):
    notes: list[InternalNote] = Field(description="Newest first")


class NewInternalNote(Input):
    # Required in the document; a missing or blank note gets the workflow's own 422 message.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"required": ["body"]})
    body: Text | None = Field(None, max_length=MAX_NOTE_LENGTH, description="The note; the force never sees it")
