"""The assessor's forms for reviewing a resubmission: closing and reopening items, internal notes."""

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovTextArea
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from triggerflow.assessment.notes import MAX_NOTE_LENGTH
from triggerflow.inputs.gov_form import GovForm, strip
from triggerflow.web.decisions.forms import DecisionForm


class CloseItemForm(DecisionForm):
    comment = TextAreaField(
        "Comment for the force (optional)",
        widget=GovTextArea(),
        filters=[strip],
        validators=[Optional(), Length(max=5000)],
    )

    def details(self) -> dict[str, Any]:
        return {"comment": self.comment.data}


class ReopenItemForm(DecisionForm):
    comment = TextAreaField(
        "What does the force still need to do?",
        widget=GovTextArea(),
        filters=[strip],
        description="The force sees this beside its earlier answer.",
        validators=[DataRequired("Enter what the force still needs to do"), Length(max=5000)],
    )

    def details(self) -> dict[str, Any]:
        return {"comment": self.comment.data}


class NoteForm(GovForm):
    body = TextAreaField(
        "Internal note",
        widget=GovTextArea(),
        filters=[strip],
        description="Only the ROCTA sees internal notes: assessors and managers of the region. The force never does.",
        validators=[
            DataRequired("Enter the note"),
            Length(max=MAX_NOTE_LENGTH, message=f"The note must be {MAX_NOTE_LENGTH} characters or fewer"),
        ],
    )
