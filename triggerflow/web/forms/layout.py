"""What comes first on a form's page, for the person looking at it.

The people filling the form in start from its task list; everyone else is there to decide on, check
or read it, so their actions come first with the form's content on the same page.
"""

from dataclasses import dataclass

from flask import current_app

from triggerflow.content.vocab import SECURITY_MARKINGS
from triggerflow.models import Role, TriggerForm, User
from triggerflow.queries.listed import Event
from triggerflow.workflow.definition import sending_action
from triggerflow.workflow.permissions import may_edit


@dataclass(frozen=True)
class Layout:
    editing: bool  # the task list first, each section linking to its editor
    checklist: bool  # "Before this form can be sent": only to someone who can still get it sent


def layout_for(form: TriggerForm, user: User, actions: list[str]) -> Layout:
    editing = may_edit(form, user)
    sends = sending_action(form)
    return Layout(editing=editing, checklist=sends is not None and (editing or sends in actions))


def printed_marking(form: TriggerForm) -> str:
    """The stricter of the service's marking and the form's own (section I): paper leaves the service."""
    order = [value for value, _ in SECURITY_MARKINGS]
    markings = [current_app.config["SECURITY_MARKING"], form.answers_for("I").get("security_marking")]
    return max((m for m in markings if m in order), key=order.index, default=markings[0])


def spoc_note(history: list[Event]) -> Event | None:
    """The latest sending to the ROCTA (history is newest first), when a SPOC sent it with a note."""
    sent = next((event for event in history if event.action in ("submit", "resubmit")), None)
    return sent if sent and sent.comment and sent.actor and sent.actor.role is Role.SPOC else None
