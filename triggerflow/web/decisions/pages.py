"""Per action: the form its page asks for, what else the page shows, and what to say afterwards."""

from typing import Any

from triggerflow.assessment.return_items import items_for
from triggerflow.content.completeness import completeness
from triggerflow.content.sections import field_label
from triggerflow.models import ReturnItemStatus, Role, TriggerForm, User
from triggerflow.web.decisions.acceptance import AcceptForm
from triggerflow.web.decisions.forms import (
    DecisionForm,
    ReconsiderForm,
    RejectForm,
    ReleaseForm,
    ReopenForm,
    ReturnForm,
    SendForm,
    SpocReturnForm,
    SpocSendForm,
    WithdrawForm,
)
from triggerflow.workflow.definition import SENDING_ACTIONS, action_for
from triggerflow.workflow.permissions import may_edit

ACTION_FORMS: dict[str, type[DecisionForm]] = {
    **dict.fromkeys(SENDING_ACTIONS, SendForm),
    "spoc_return": SpocReturnForm,
    "reopen": ReopenForm,
    "withdraw": WithdrawForm,
    "reconsider": ReconsiderForm,
    "return_to_force": ReturnForm,
    "reject": RejectForm,
    "accept": AcceptForm,
}

_SUCCESS = {
    "send_to_spoc": "Form {number} sent to your SPOC",
    "submit": "Form {number} submitted to the ROCTA",
    "spoc_return": "Form {number} returned to the officer",
    "claim": "You are now assessing form {number}",
    "release": "Form {number} released to the regional queue",
    "return_to_force": "Form {number} returned to {force}",
    "resubmit": "Form {number} resubmitted to the ROCTA",
    "reopen": "Form {number} reopened: it can be resubmitted until {resubmit_by:%-d %B %Y}",
    "accept": "Form {number} accepted",
    "reject": "Form {number} rejected",
    "withdraw": "Form {number} withdrawn",
    "reconsider": "The decision on form {number} is being reconsidered: the form is back under assessment",
}


def form_for(action: str, user: User) -> type[DecisionForm]:
    """The form the action's page asks this user to fill in."""
    if action == "release" and action_for(action, user).reason:
        return ReleaseForm
    if action in ("submit", "resubmit") and user.role is Role.SPOC:
        return SpocSendForm
    return ACTION_FORMS.get(action, DecisionForm)


def success_message(action: str, form: TriggerForm) -> str:
    return _SUCCESS[action].format(number=form.number, force=form.force.name, resubmit_by=form.resubmit_by)


def page_context(action: str, form: TriggerForm, user: User) -> dict[str, Any]:
    """What the action's page shows besides its own fields."""
    editable = may_edit(form, user)
    context: dict[str, Any] = {"editable": editable, "field_label": field_label}
    if action in SENDING_ACTIONS:
        context["result"] = completeness(form)
    if action == "resubmit":
        context["items"] = [
            item
            for item in items_for(form, include_pending=False)
            if item.status in (ReturnItemStatus.OPEN, ReturnItemStatus.RESPONDED)
        ]
    if action == "return_to_force":
        context["items"] = [
            item for item in items_for(form, include_pending=True) if item.status is ReturnItemStatus.PENDING
        ]
    return context
