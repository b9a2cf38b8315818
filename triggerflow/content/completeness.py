"""The criteria result for a stored form: gathers the facts the pure rules need."""

from datetime import date

from sqlalchemy import select

from triggerflow.clocks.working_days import local_date, local_today
from triggerflow.criteria import Facts, Result, check
from triggerflow.db import db
from triggerflow.models import FormSnapshot, ReturnItem, ReturnItemStatus, TriggerForm
from triggerflow.queries.criteria_versions import current_limits
from triggerflow.workflow.states import EDITABLE_STATES, FormState


def completeness(
    form: TriggerForm, today: date | None = None, answers: dict | None = None, items: list[ReturnItem] | None = None
) -> Result:
    """The criteria result for the form, or for `answers` in its place (the draft as it would be saved).
    `items`, the form's return items when the caller has read them already, saves reading them again."""
    resubmission = form.state in (FormState.RETURNED, FormState.LAPSED)
    open_items: tuple[dict, ...] = ()
    last_sent = None
    if resubmission:
        if items is None:
            items = list(db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id)))
        open_items = tuple(
            {"section": i.section, "response": i.response}
            for i in sorted(items, key=lambda i: i.id)
            if _to_act_on(i, form)
        )
        last_sent = db.session.scalar(
            select(FormSnapshot.answers)
            .where(FormSnapshot.form_id == form.id)
            .order_by(FormSnapshot.sequence.desc())
            .limit(1)
        )
    return check(
        Facts(
            answers=(form.answers or {}) if answers is None else answers,
            today=today or _as_of(form),
            open_items=open_items,
            last_sent=last_sent,
            resubmission=resubmission,
            limits=current_limits(),
        )
    )


def _to_act_on(item: ReturnItem, form: TriggerForm) -> bool:
    # An item answered in an earlier round stays "responded" until the assessor closes it; only this
    # return's items, and any still open, must be answered and acted on now.
    return item.status is ReturnItemStatus.OPEN or (
        item.status is ReturnItemStatus.RESPONDED and item.round == form.round
    )


def _as_of(form: TriggerForm) -> date:
    """Today while the force can still change the form; once sent, the day it was sent, so that the
    rules about how recent things are judge it as its senders could, not as it has aged since."""
    if form.state not in EDITABLE_STATES and form.submitted_at is not None:
        return local_date(form.submitted_at)
    return local_today()
