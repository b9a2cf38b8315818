"""The criteria result for a stored form: gathers the facts the pure rules need."""
from datetime import date

from sqlalchemy import select

from triggerflow.criteria import Facts, Result, check
from triggerflow.criteria.rules import DEFAULT_LIMITS
from triggerflow.db import db
from triggerflow.models import FormSnapshot, ReturnItem, ReturnItemStatus, TriggerForm
from triggerflow.workflow.states import FormState


def completeness(form: TriggerForm, today: date | None = None) -> Result:
    resubmission = form.state in (FormState.RETURNED, FormState.LAPSED)
    open_items: tuple[dict, ...] = ()
    last_sent = None
    if resubmission:
        items = db.session.scalars(
            select(ReturnItem)
            .where(ReturnItem.form_id == form.id,
                   ReturnItem.status.in_([ReturnItemStatus.OPEN, ReturnItemStatus.RESPONDED]))
            .order_by(ReturnItem.id)
        )
        open_items = tuple({"section": i.section, "response": i.response} for i in items)
        last_sent = db.session.scalar(
            select(FormSnapshot.answers).where(FormSnapshot.form_id == form.id)
            .order_by(FormSnapshot.sequence.desc()).limit(1)
        )
    return check(Facts(
        answers=form.answers or {},
        today=today or date.today(),
        open_items=open_items,
        last_sent=last_sent,
        resubmission=resubmission,
        limits=DEFAULT_LIMITS,
    ))
