"""What a form's page shows besides the form itself: history, versions, the people involved."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormEvent, FormSnapshot, TriggerForm
from triggerflow.workflow.states import FormState


def history(form: TriggerForm) -> list[FormEvent]:
    return list(db.session.scalars(
        select(FormEvent).options(joinedload(FormEvent.actor))
        .where(FormEvent.form_id == form.id).order_by(FormEvent.at.desc(), FormEvent.id.desc())
    ))


def versions(form: TriggerForm) -> list[FormSnapshot]:
    return list(db.session.scalars(
        select(FormSnapshot).options(joinedload(FormSnapshot.created_by))
        .where(FormSnapshot.form_id == form.id).order_by(FormSnapshot.sequence)
    ))


def version(form: TriggerForm, sequence: int) -> FormSnapshot | None:
    return db.session.scalar(
        select(FormSnapshot).where(FormSnapshot.form_id == form.id, FormSnapshot.sequence == sequence))


def acceptance(form: TriggerForm) -> AcceptanceRecord | None:
    """The acceptance record, which only an accepted form has (so no other asks the database)."""
    if form.state is not FormState.ACCEPTED:
        return None
    return db.session.scalar(select(AcceptanceRecord).where(AcceptanceRecord.form_id == form.id))
