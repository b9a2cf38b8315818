"""Who hears about each transition, and what they are told. Called by the workflow service
inside its transaction, so the messages are committed with the change or not at all."""

from collections.abc import Callable
from dataclasses import dataclass

from triggerflow.models import FormEvent, TriggerForm, User
from triggerflow.notifications import messages
from triggerflow.queries import recipients


@dataclass(frozen=True)
class Notice:
    headline: str  # formatted with the form's number
    who: Callable[[TriggerForm], list[User]]
    what_next: str = ""  # formatted with the form's resubmit-by date


def _withdrawn(form: TriggerForm) -> list[User]:
    # After a return the assessor who returned it is waiting for it to come back.
    assessor = recipients.routed_assessors(form) if form.assessor_id else []
    return recipients.unique(recipients.author_and_spocs(form) + assessor[:1])


def _reconsidered(form: TriggerForm) -> list[User]:
    # The assessor who decided it holds it again; the force hears that its decision is reopened.
    return recipients.unique(recipients.routed_assessors(form)[:1] + recipients.author_and_spocs(form))


RETURNED_NEXT = (
    "Answer each return item and resubmit the form by {resubmit_by:%-d %B %Y}. A return that is not resubmitted lapses."
)

# Every state change tells the people who must act next. Claiming tells nobody: the assessor
# who claimed the form acts next. Decided and withdrawn forms tell those who worked on them.
NOTICES: dict[str, Notice] = {
    "send_to_spoc": Notice(
        "Trigger form {number} is waiting for your review",
        recipients.force_spocs,
        "Check the form and submit it to the ROCTA, or return it to the officer.",
    ),
    "spoc_return": Notice(
        "Your SPOC has returned trigger form {number} to you",
        recipients.author,
        "Read your SPOC's comments on the form, change it and send it again.",
    ),
    "submit": Notice(
        "Trigger form {number} has been submitted to the ROCTA",
        recipients.routed_assessors,
        "Claim it from the regional queue to assess it.",
    ),
    "resubmit": Notice(
        "Trigger form {number} has been resubmitted",
        recipients.routed_assessors,
        "Claim it to see what changed since it was returned.",
    ),
    "release": Notice(
        "Trigger form {number} is back in the regional queue",
        recipients.region_assessors,
        "Claim it from the regional queue to assess it.",
    ),
    "return_to_force": Notice(
        "The ROCTA has returned trigger form {number}", recipients.author_and_spocs, RETURNED_NEXT
    ),
    "reopen": Notice("Lapsed trigger form {number} has been reopened", recipients.author_and_spocs, RETURNED_NEXT),
    "lapse": Notice(
        "Returned trigger form {number} has lapsed",
        recipients.author_and_spocs,
        "It was not resubmitted in time. A SPOC may reopen it, giving a reason.",
    ),
    "accept": Notice(
        "The ROCTA has accepted trigger form {number}",
        recipients.author_and_spocs,
        "The acceptance record is on the form.",
    ),
    "reject": Notice(
        "The ROCTA has rejected trigger form {number}", recipients.author_and_spocs, "The reason is on the form."
    ),
    "withdraw": Notice("Trigger form {number} has been withdrawn", _withdrawn),
    "reconsider": Notice(
        "The decision on trigger form {number} is being reconsidered",
        _reconsidered,
        "The form is back under assessment. The reason is on the form.",
    ),
}


def queue_for_transition(form: TriggerForm, event: FormEvent, actor: User | None) -> None:
    """Add the outbox messages for `event` to the session (the service commits them)."""
    notice = NOTICES.get(event.action)
    if notice is None:
        return
    people = [user for user in notice.who(form) if actor is None or user.id != actor.id]
    messages.queue(
        people,
        kind=event.action,
        form=form,
        headline=notice.headline.format(number=form.number),
        template="transition.txt",
        actor_name=actor.name if actor else "TriggerFlow (scheduled)",
        when=event.at,
        what_next=notice.what_next.format(resubmit_by=form.resubmit_by),
    )
