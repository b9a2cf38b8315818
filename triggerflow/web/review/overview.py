"""What the form's page adds for the return loop: item threads, internal notes, links to the changes."""
from typing import Any

from triggerflow.assessment.notes import may_add_note
from triggerflow.assessment.threads import may_review_items
from triggerflow.models import ReturnItem, TriggerForm, User
from triggerflow.queries import review
from triggerflow.queries.internal_notes import may_read_notes, notes_for
from triggerflow.workflow.routing import may_reassign
from triggerflow.workflow.states import FormState

_REVIEW_STATES = (FormState.RESUBMITTED, FormState.UNDER_ASSESSMENT)


def review_context(form: TriggerForm, user: User, items: list[ReturnItem]) -> dict[str, Any]:
    """Template values for forms/overview.html; internal notes only ever for the ROCTA side."""
    rocta = may_read_notes(form, user)
    resubmission = rocta and form.state in _REVIEW_STATES and form.round > 1
    return {
        "threads": review.threads(items),
        "may_review_items": may_review_items(form, user),
        "internal_notes": notes_for(form, user) if rocta else None,
        "may_add_note": may_add_note(form, user),
        "changes_since_review": review.since_last_review(form, user) if resubmission else None,
        "may_reassign": may_reassign(form, user),
    }
