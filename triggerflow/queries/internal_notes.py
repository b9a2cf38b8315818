"""Reading internal notes: the one way in, refused to anyone outside the ROCTA.

Pages, exports and the API must read notes through `notes_for` only. It raises NotesForbidden
for a force user (officer, SPOC, force manager), so a caller that forgets to check fails loudly
instead of leaking. `may_read_notes` tells a caller whether to ask at all.
"""

from functools import cache

from sqlalchemy import Select

from triggerflow.assessment.notes import may_read_notes
from triggerflow.models import InternalNote, TriggerForm, User
from triggerflow.queries.form_page import of_form_with
from triggerflow.queries.listed import NOTE_COLUMNS, Note, records

__all__ = ["NotesForbidden", "may_read_notes", "notes_for"]


class NotesForbidden(PermissionError):
    """A force user's request reached the internal notes."""


def notes_for(form: TriggerForm, viewer: User) -> list[Note]:
    """The form's notes, newest first, for a viewer on the ROCTA side."""
    if not may_read_notes(form, viewer):
        raise NotesForbidden(f"{viewer.role.value} users may not read internal notes")
    return records(Note, _notes(), {"form_id": form.id})


@cache
def _notes() -> Select:
    # The ROCTA's form pages ask this every time: built once, with the form bound in.
    return of_form_with(InternalNote, NOTE_COLUMNS, InternalNote.author_id).order_by(
        InternalNote.at.desc(), InternalNote.id.desc()
    )
