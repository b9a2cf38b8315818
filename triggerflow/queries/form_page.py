"""What a form's page shows besides the form itself: history, versions, the people involved.

Every form's page asks these, so each statement is built once, with the form bound in. Of the
people, only names and roles are shown, so their forces and regions are not joined in.
"""

from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import defer, joinedload

from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormEvent, FormSnapshot, TriggerForm
from triggerflow.workflow.states import FormState


def of_form_with(model: Any, person: Any) -> Select:
    """The rows of `model` for the form bound in as "form_id", each with the person `person` names
    (their name and role only: nothing of theirs is loaded further)."""
    return select(model).options(joinedload(person).lazyload("*")).where(model.form_id == bindparam("form_id"))


@cache
def _history() -> Select:
    return of_form_with(FormEvent, FormEvent.actor).order_by(FormEvent.at.desc(), FormEvent.id.desc())


@cache
def _versions() -> Select:
    # A list of versions shows none of their answers: decoding every version's whole form was the
    # larger part of reading them.
    return (
        of_form_with(FormSnapshot, FormSnapshot.created_by)
        .options(defer(FormSnapshot.answers))
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
