"""What the form's page adds for the return loop: item threads, internal notes, links to the changes."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from triggerflow.assessment.notes import may_add_note
from triggerflow.assessment.threads import may_review_items
from triggerflow.models import ReturnItem, ReturnItemStatus, TriggerForm, User
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
        "items_summary": items_summary(items),
    }


@dataclass(frozen=True)
class ItemsSummary:
    needs_response: str | None  # the one sentence shown strong: the force still has something to do
    others: tuple[str, ...]


def items_summary(items: list[ReturnItem]) -> ItemsSummary:
    """The return items in a sentence or two, true of every item, the assessor's unsent ones too."""
    count = Counter(item.status for item in items)
    pending, waiting = count[ReturnItemStatus.PENDING], count[ReturnItemStatus.OPEN]
    sent = len(items) - pending
    others = []
    if sent and not waiting:
        others.append(
            "Every return item sent to the force has a response." if pending else "Every return item has a response."
        )
    if count[ReturnItemStatus.RESPONDED]:
        others.append(f"{count[ReturnItemStatus.RESPONDED]} answered and waiting for the assessor.")
    if count[ReturnItemStatus.CLOSED]:
        others.append(f"{count[ReturnItemStatus.CLOSED]} closed.")
    if pending:
        others.append(
            f"{pending} not yet sent: {'it goes' if pending == 1 else 'they go'} to the force "
            "when the form is returned."
        )
    needs = (
        (
            f"{waiting} of {sent} return item{'s' if sent != 1 else ''} still need{'s' if waiting == 1 else ''} "
            "a response."
        )
        if waiting
        else None
    )
    return ItemsSummary(needs, tuple(others))
