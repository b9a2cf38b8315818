"""What a form's page shows besides the form itself: history, versions, the people involved.

Every form's page asks these, so each statement is built once, with the form bound in. Of the
people, only names and roles are shown, so their forces and regions are not joined in.
"""

from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormEvent, FormSnapshot, TriggerForm
from triggerflow.workflow.states import FormState


@cache
def _history() -> Select:
    return (
        select(FormEvent)
        .options(joinedload(FormEvent.actor).lazyload("*"))
        .where(FormEvent.form_id == bindparam("form_id"))
        .order_by(FormEvent.at.desc(), FormEvent.id.desc())
    )


@cache
def _versions() -> Select:
    return (
        select(FormSnapshot)
        .options(joinedload(FormSnapshot.created_by).lazyload("*"))
        .where(FormSnapshot.form_id == bindparam("form_id"))
        .order_by(FormSnapshot.sequence)
    )


@cache
def _acceptance() -> Select:
    # The latest: a reconsidered acceptance keeps its record, and the form may be accepted again.
    return (
        select(AcceptanceRecord)
        .where(AcceptanceRecord.form_id == bindparam("form_id"))
        .order_by(AcceptanceRecord.id.desc())
        .limit(1)
    )


def history(form: TriggerForm) -> list[FormEvent]:
    return list(db.session.scalars(_history(), {"form_id": form.id}))


def versions(form: TriggerForm) -> list[FormSnapshot]:
    return list(db.session.scalars(_versions(), {"form_id": form.id}))


def version(form: TriggerForm, sequence: int) -> FormSnapshot | None:
    return db.session.scalar(
        select(FormSnapshot).where(FormSnapshot.form_id == form.id, FormSnapshot.sequence == sequence)
    )


def acceptance(form: TriggerForm) -> AcceptanceRecord | None:
    """The acceptance record, which only an accepted form has (so no other asks the database)."""
    if form.state is not FormState.ACCEPTED:
        return None
    return db.session.scalar(_acceptance(), {"form_id": form.id})
