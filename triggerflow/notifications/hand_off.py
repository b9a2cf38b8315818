"""The hand-off back: when the force has answered the last return item, whoever resubmits is told.

Not a change of state, so no transition's notice covers it; without it the form waited, answered,
until someone happened to look (the inspection's unresubmitted returns).
"""

from datetime import datetime

from triggerflow.models import TriggerForm, User
from triggerflow.notifications import messages
from triggerflow.workflow.next_step import resubmitters

HEADLINE = "Every return item on trigger form {number} has been answered"
WHAT_NEXT = "Check the answers and resubmit the form to the ROCTA by {resubmit_by:%-d %B %Y}."


def queue_ready_to_resubmit(form: TriggerForm, actor: User, when: datetime) -> None:
    """Add the e-mails to the session; the caller commits them with the answer."""
    people = [user for user in resubmitters(form) if user.id != actor.id]
    messages.queue(
        people,
        kind="ready_to_resubmit",
        form=form,
        headline=HEADLINE.format(number=form.number),
        template="transition.txt",
        actor_name=actor.name,
        when=when,
        what_next=WHAT_NEXT.format(resubmit_by=form.resubmit_by) if form.resubmit_by else "",
    )
