"""The assessor's forms for reviewing a resubmission: closing and reopening items, internal notes."""

from triggerflow.assessment.notes import MAX_NOTE_LENGTH
from triggerflow.inputs.gov_form import GovForm
from triggerflow.inputs.text_fields import text_area
from triggerflow.web.decisions.forms import DecisionForm


class CloseItemForm(DecisionForm):
    comment = text_area("Comment for the force (optional)")


class ReopenItemForm(DecisionForm):
    comment = text_area(
        "What does the force still need to do?",
        required="Enter what the force still needs to do",
        hint="The force sees this beside its earlier answer.",
    )


class NoteForm(GovForm):
    body = text_area(
        "Internal note",
        required="Enter the note",
        max_length=MAX_NOTE_LENGTH,
        named="The note",
        hint="Only the ROCTA sees internal notes: assessors and managers of the region. The force never does.",
    )
