"""Recording an operation on the force's register: the only writer of force_operations."""

from datetime import date

from sqlalchemy import select

from triggerflow.db import db, transaction, utcnow
from triggerflow.models import ForceOperation, Role, TriggerForm, User
from triggerflow.workflow.errors import ActionNotAllowed, Invalid

RECORDERS = (Role.OFFICER, Role.SPOC)


def record(
    actor: User, *, name: str, started_on: date | None, target: str, form_number: str | None, today: date
) -> ForceOperation:
    """Put an operation on the actor's force's register; Invalid (GOV.UK messages) changes nothing."""
    if actor.role not in RECORDERS or actor.force_id is None:
        raise ActionNotAllowed("Only officers and SPOCs record operations, on their own force's register")
    errors, form = {}, None
    if started_on is not None and started_on > today:
        errors["started_on"] = "The start date must be today or in the past"
    number = (form_number or "").strip().upper()
    if number:
        form = db.session.scalar(
            select(TriggerForm).where(TriggerForm.number == number, TriggerForm.force_id == actor.force_id)
        )
        if form is None:
            example = f"{actor.force.code}-{today.year}-0001"
            errors["form_number"] = f"Enter the number of a trigger form from your force, like {example}"
    if errors:
        raise Invalid(errors)
    operation = ForceOperation(
        force_id=actor.force_id,
        name=name.strip(),
        started_on=started_on,
        target=target.strip(),
        form_id=form.id if form else None,
        recorded_by_id=actor.id,
        recorded_at=utcnow(),
    )
    with transaction():
        db.session.add(operation)
    return operation
