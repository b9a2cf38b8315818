"""What a form's page shows besides the form itself: history, versions, the people involved.

Every form's page asks these, so each statement is built once, with the form bound in. Of the
people, only names and roles are shown, so only those are read (queries.listed).
"""

from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select

from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormEvent, FormSnapshot, TriggerForm
from triggerflow.queries.listed import EVENT_COLUMNS, VERSION_COLUMNS, Event, Version, records, with_person
from triggerflow.workflow.states import FormState


def of_form_with(model: Any, columns: Any, person_id: Any) -> Select:
    """The columns of `model`'s rows for the form bound in as "form_id", with the person `person_id` names."""
    return with_person(columns, person_id).where(model.form_id == bindparam("form_id"))


@cache
def _history() -> Select:
    return of_form_with(FormEvent, EVENT_COLUMNS, FormEvent.actor_id).order_by(FormEvent.at.desc(), FormEvent.id.desc())


@cache
def _versions() -> Select:
    # A list of versions shows none of their answers: decoding every version's whole form was the
    # larger part of reading them.
    return of_form_with(FormSnapshot, VERSION_COLUMNS, FormSnapshot.created_by_id).order_by(FormSnapshot.sequence)


@cache
def _acceptance() -> Select:
    # The latest: a reconsidered acceptance keeps its record, and the form may be accepted again.
    return (
        select(AcceptanceRecord)
        .where(AcceptanceRecord.form_id == bindparam("form_id"))
        .order_by(AcceptanceRecord.id.desc())
        .limit(1)
    )


def history(form: TriggerForm) -> list[Event]:
    """The form's events, newest first."""
    return records(Event, _history(), {"form_id": form.id})


def versions(form: TriggerForm) -> list[Version]:
    """The versions sent to the ROCTA, oldest first, without their answers."""
    return records(Version, _versions(), {"form_id": form.id})


def version(form: TriggerForm, sequence: int) -> FormSnapshot | None:
    return db.session.scalar(
        select(FormSnapshot).where(FormSnapshot.form_id == form.id, FormSnapshot.sequence == sequence)
    )


def acceptance(form: TriggerForm) -> AcceptanceRecord | None:
    """The acceptance record, which only an accepted form has (so no other asks the database)."""
    if form.state is not FormState.ACCEPTED:
        return None
    return db.session.scalar(_acceptance(), {"form_id": form.id})
