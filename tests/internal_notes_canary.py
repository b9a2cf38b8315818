"""For any test of a page, export or API response: internal notes must never reach a force user.

    text = add_canary_note(form, people.assessor)     # a ROCTA note with an unmistakable marker
    ... fetch what a force user gets ...
    assert_no_internal_notes(response.get_data(as_text=True))

Code that shows notes must read them through triggerflow.queries.internal_notes.notes_for, which
raises NotesForbidden for a force user.
"""
from triggerflow.assessment.notes import add_note
from triggerflow.models import TriggerForm, User

CANARY = "ROCTA-ONLY-7f3a9c"


def add_canary_note(form: TriggerForm, author: User) -> str:
    body = f"{CANARY}: the informant handler thinks the principal is about to move abroad."
    add_note(form, author, body)
    return body


def assert_no_internal_notes(text: str) -> None:
    assert CANARY not in text, "an internal note reached someone outside the ROCTA"
