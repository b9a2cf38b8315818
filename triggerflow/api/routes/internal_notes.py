"""Internal notes: what the ROCTA keeps about a form, which no force user ever reads.

The same rules as the form's page (assessment.notes): a force user is refused by role, or, for
a force manager or an assessor from the form's own force, by how they stand to the form.
"""

from triggerflow.api import bp
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.problems import Problem
from triggerflow.api.schemas.notes import InternalNote, InternalNoteList, NewInternalNote
from triggerflow.assessment import notes
from triggerflow.models import TriggerForm
from triggerflow.queries.internal_notes import may_read_notes, notes_for
from triggerflow.queries.scope import get_form_or_404

TAG = "Internal notes"
NOTES = "/forms/<form_number:number>/notes"


def _readable(number: str) -> TriggerForm:
    form = get_form_or_404(number, caller())
    if not may_read_notes(form, caller()):
        raise Problem(403, "Internal notes are for the ROCTA only, and not for an assessor from the form's force.")
    return form


@bp.get(NOTES)
@operation(
    "List a form's internal notes",
    TAG,
    roles=notes.READERS,
    response=InternalNoteList,
    description="Newest first. Assessors of the form's region (not from its force), regional and national "
    "managers, and administrators.",
)
def list_notes(number: str):
    form = _readable(number)
    return respond(InternalNoteList(notes=[InternalNote.model_validate(note) for note in notes_for(form, caller())]))


@bp.post(NOTES)
@operation(
    "Add an internal note",
    TAG,
    roles=notes.WRITERS,
    body=NewInternalNote,
    response=InternalNote,
    status=201,
    conflicts=True,
    requirements=True,
    description="Once the form has been submitted to the ROCTA; it does not change the form's version.",
)
def add_note(number: str, body: NewInternalNote):
    form = _readable(number)
    return respond(InternalNote.model_validate(notes.add_note(form, caller(), body.body or "")), 201)
