"""For any test of a page, export or API response: internal notes must never reach a force user.

    text = add_canary_note(form, people.assessor)     # a ROCTA note with an unmistakable marker
    ... fetch what a force user gets ...
    assert_no_internal_notes(response.get_data(as_text=True))

Code that shows notes must read them through triggerflow.queries.internal_notes.notes_for, which
raises NotesForbidden for a force user.
"""

from tests import review_story
from triggerflow.assessment.notes import add_note
from triggerflow.models import TriggerForm, User
from triggerflow.workflow.service import perform

CANARY = "ROCTA-ONLY-7f3a9c"


def add_canary_note(form: TriggerForm, author: User) -> str:
    body = f"{CANARY}: the informant handler thinks the principal is about to move abroad."
    add_note(form, author, body)
    return body


def noted_resubmission(people) -> TriggerForm:
    """A resubmission under review with a note from the assessor and, later, one from the regional manager."""
    form = review_story.resubmitted(people.officer, people.spoc, people.assessor)
    perform(form, "claim", people.assessor)
    add_canary_note(form, people.assessor)
    add_note(form, people.regional_manager, f"{CANARY} manager: watch the deadline on this one.")
    return form


def assert_no_internal_notes(text: str) -> None:
    assert CANARY not in text, "an internal note reached someone outside the ROCTA"
