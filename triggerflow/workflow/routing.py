"""Who works on a form: a regional manager reassigns it, unroutes it, or releases it to the queue.

The only writer of a reassignment. It checks the manager's standing, the version the manager saw
and the new assessor, then writes the assessor and an event (from state = to state, action
"reassign", the reason as its comment) in one transaction. Releasing a form being assessed
changes its state, so that is the lifecycle's `release`, taken through `service.perform`.
"""

from typing import Any

from triggerflow.audit import chain
from triggerflow.db import db, transaction, utcnow
from triggerflow.models import FormEvent, Role, TriggerForm, User
from triggerflow.workflow.definition import ACTIONS
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, refuse_if_stale
from triggerflow.workflow.service import form_event, perform
from triggerflow.workflow.states import FormState

REASSIGN = "reassign"
# Work that is, or will be, someone's: being assessed, or a resubmission routed back to an assessor.
REASSIGNABLE_STATES = frozenset({FormState.UNDER_ASSESSMENT, FormState.RESUBMITTED})
EVENT_LABELS = {REASSIGN: "Reassigned", "create": "Started"}


def event_label(action: str) -> str:
    """How a form's history names an event: a lifecycle action, a reassignment, or the start."""
    return EVENT_LABELS[action] if action in EVENT_LABELS else ACTIONS[action].label


def may_reassign(form: TriggerForm, user: User) -> bool:
    """A regional manager of the form's region, while the form is with the ROCTA."""
    return form.state in REASSIGNABLE_STATES and user.manages_region(form.force.region_id)


def assessor_problem(form: TriggerForm, assessor: User | None) -> str | None:
    """Why `assessor` cannot take the form, or None; None as assessor means "any assessor"."""
    if assessor is None:
        return (
            "An assessor must hold a form under assessment: release it to the queue instead"
            if form.state is FormState.UNDER_ASSESSMENT
            else None
        )
    if assessor.role is not Role.ASSESSOR or not assessor.active:
        return "Select an active assessor"
    if assessor.region_id != form.force.region_id:
        return f"Select an assessor of {form.force.region.name}"
    if assessor.force_id == form.force_id:
        return f"{assessor.name} belongs to {form.force.name} and cannot assess its forms"
    if assessor.id == form.assessor_id:
        return f"{form.number} is already with {assessor.name}"
    return None


def reassign(
    form: TriggerForm, actor: User, assessor: User | None, reason: str, expected_version: int | None = None
) -> FormEvent:
    """Give the form to `assessor`, or with None back to the region: released to its queue while it is
    being assessed, else left for any of its assessors. Returns the event written."""
    if assessor is None and form.state is FormState.UNDER_ASSESSMENT:
        return perform(form, "release", actor, expected_version=expected_version, comment=reason)
    return reassign_many([(form, expected_version)], actor, assessor, reason)[0]


def reassign_many(
    forms: list[tuple[TriggerForm, int | None]], actor: User, assessor: User | None, reason: str
) -> list[FormEvent]:
    """All or nothing: every form goes to `assessor`, or none does and Invalid says which could not."""
    with transaction():
        reason = (reason or "").strip()
        if not reason:
            raise Invalid({"reason": "Enter the reason for the reassignment"})
        if not forms:
            raise Invalid({"forms": "Select at least one form"})
        for form, expected_version in forms:
            if not may_reassign(form, actor):
                raise ActionNotAllowed(f"{actor.email} may not reassign {form.number} now")
            refuse_if_stale(form, expected_version)
        problems = {form.number: problem for form, _ in forms if (problem := assessor_problem(form, assessor))}
        if problems:
            raise Invalid({"assessor": "; ".join(problems.values())})
        now = utcnow()
        events = [_move(form, actor, assessor, reason, now) for form, _ in forms]
        db.session.add_all(events)
    return events


def _move(form: TriggerForm, actor: User, assessor: User | None, reason: str, now) -> FormEvent:
    details: dict[str, Any] = {"from_assessor_id": form.assessor_id, "assessor_id": assessor.id if assessor else None}
    form.assessor = assessor  # the relationship, so the form and its assessor agree before any reload
    form.updated_at = now
    return chain.seal(form, form_event(form, REASSIGN, form.state, actor, now, {"comment": reason}, details))
