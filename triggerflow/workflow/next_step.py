"""Who must act next on a form, and by when: the line every form's page shows, in every state.

A returned form is the officer's while any return item waits for an answer, and then the
resubmitter's (the force's SPOCs behind a SPOC gate): the hand-off the inspection found silent.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from triggerflow.clocks.due import assessment_due
from triggerflow.db import db
from triggerflow.models import ReturnItem, ReturnItemStatus, TriggerForm, User
from triggerflow.queries import recipients
from triggerflow.workflow.states import FormState as S

NAMES_SHOWN = 5  # a region's assessors can be many; the rest are counted


@dataclass(frozen=True)
class NextStep:
    group: str | None  # "Dorset Police SPOCs"; None once nobody has anything left to do
    does: str  # what they must do, or what became of the form
    people: list[User] = field(default_factory=list)
    by: date | None = None

    @property
    def names(self) -> str:
        shown = ", ".join(person.name for person in self.people[:NAMES_SHOWN])
        more = len(self.people) - NAMES_SHOWN
        return f"{shown} and {more} more" if more > 0 else shown


def unanswered_items(form: TriggerForm) -> int:
    return db.session.execute(
        select(func.count(ReturnItem.id)).where(
            ReturnItem.form_id == form.id, ReturnItem.status == ReturnItemStatus.OPEN
        )
    ).scalar_one()


def resubmitters(form: TriggerForm) -> list[User]:
    """Who resubmits a returned form once every item is answered: behind a SPOC gate, the force's
    SPOCs other than its author (nobody quality-approves their own form); else its author."""
    if not form.force.spoc_gate:
        return recipients.author(form)
    return [spoc for spoc in recipients.force_spocs(form) if spoc.id != form.created_by_id]


def next_step(form: TriggerForm) -> NextStep:
    step = _STEPS.get(form.state)
    return step(form) if step else _DONE[form.state]


def _spocs(form: TriggerForm) -> str:
    return f"{form.force.name} SPOCs"


def _author(form: TriggerForm) -> str:
    return form.created_by.name + " (who started the form)"


def _draft(form: TriggerForm) -> NextStep:
    sends = "send it to a SPOC" if form.force.spoc_gate else "submit it to the ROCTA"
    return NextStep(_author(form), f"complete the form and {sends}", recipients.author(form))


def _spoc_review(form: TriggerForm) -> NextStep:
    people = [spoc for spoc in recipients.force_spocs(form) if spoc.id != form.created_by_id]
    return NextStep(_spocs(form), "check the form and submit it to the ROCTA, or return it to the officer", people)


def _with_rocta(form: TriggerForm) -> NextStep:
    people = recipients.routed_assessors(form)
    group = f"{form.force.region.name} assessors"
    does = "claim the form and assess it" if form.state is not S.UNDER_ASSESSMENT else "assess the form"
    if form.assessor_id is not None and people and people[0].id == form.assessor_id:
        group = "the assessor"
    return NextStep(group, does, people, assessment_due(form.submitted_at) if form.submitted_at else None)


def _returned(form: TriggerForm) -> NextStep:
    waiting = unanswered_items(form)
    if waiting:
        items = "the return item" if waiting == 1 else f"the {waiting} return items"
        return NextStep(_author(form), f"answer {items}", recipients.author(form), form.resubmit_by)
    group = _spocs(form) if form.force.spoc_gate else _author(form)
    return NextStep(group, "resubmit the form to the ROCTA", resubmitters(form), form.resubmit_by)


def _lapsed(form: TriggerForm) -> NextStep:
    return NextStep(_spocs(form), "reopen the form, giving a reason, or withdraw it", recipients.force_spocs(form))


_STEPS = {
    S.DRAFT: _draft,
    S.SPOC_REVIEW: _spoc_review,
    S.SUBMITTED: _with_rocta,
    S.RESUBMITTED: _with_rocta,
    S.UNDER_ASSESSMENT: _with_rocta,
    S.RETURNED: _returned,
    S.LAPSED: _lapsed,
}

_DONE = {
    S.ACCEPTED: NextStep(None, "The ROCTA accepted the form. Nobody needs to act on it."),
    S.REJECTED: NextStep(None, "The ROCTA rejected the form. Nobody needs to act on it."),
    S.WITHDRAWN: NextStep(None, "The form was withdrawn. Nobody needs to act on it."),
}
