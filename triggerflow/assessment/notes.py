"""Internal notes: what assessors and managers of the ROCTA keep about a form, never shown to a force."""

from triggerflow.db import db, transaction, utcnow
from triggerflow.models import InternalNote, Role, TriggerForm, User
from triggerflow.workflow.errors import ActionNotAllowed, Invalid

MAX_NOTE_LENGTH = 5000
# The roles that may ever read notes (each still within the rules below), and that may write them.
READERS = frozenset({Role.ASSESSOR, Role.MANAGER, Role.ADMIN})
WRITERS = frozenset({Role.ASSESSOR, Role.MANAGER})


def may_read_notes(form: TriggerForm, user: User) -> bool:
    """The ROCTA side only: assessors of the form's region (not from its force), regional and national
    managers, administrators. Every force role is refused, whatever else is true of them."""
    region_id = form.force.region_id
    if user.role is Role.ADMIN:
        return True
    if user.role is Role.MANAGER:
        national = user.force_id is None and user.region_id is None
        return national or user.manages_region(region_id)
    if user.role is Role.ASSESSOR:
        return user.region_id == region_id and user.force_id != form.force_id
    return False


def may_add_note(form: TriggerForm, user: User) -> bool:
    return user.role in WRITERS and may_read_notes(form, user) and form.first_submitted_at is not None


def add_note(form: TriggerForm, actor: User, body: str) -> InternalNote:
    if not may_add_note(form, actor):
        raise ActionNotAllowed("Only the region's assessors and managers may add internal notes")
    body = (body or "").strip()
    if not body:
        raise Invalid({"body": "Enter the note"})
    if len(body) > MAX_NOTE_LENGTH:
        raise Invalid({"body": f"The note must be {MAX_NOTE_LENGTH} characters or fewer"})
    note = InternalNote(form_id=form.id, author_id=actor.id, body=body, at=utcnow())
    with transaction():
        db.session.add(note)
    return note
