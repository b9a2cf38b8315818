"""The forces' operations registers: a force's own list, and those with no accepted threat behind them."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select

from triggerflow.db import db
from triggerflow.models import Force, ForceOperation, TriggerForm, User
from triggerflow.queries.measures.scope import MeasureScope
from triggerflow.workflow.states import FormState


@dataclass(frozen=True)
class RegisteredOperation:
    name: str
    force_name: str
    target: str
    started_on: date
    form_number: str | None
    form_state: FormState | None

    def days_running(self, today: date) -> int:
        return (today - self.started_on).days


def _rows() -> Select:
    return (
        select(
            ForceOperation.name,
            Force.name,
            ForceOperation.target,
            ForceOperation.started_on,
            TriggerForm.number,
            TriggerForm.state,
        )
        .join(Force, Force.id == ForceOperation.force_id)
        .outerjoin(TriggerForm, TriggerForm.id == ForceOperation.form_id)
    )


def of_force(user: User) -> list[RegisteredOperation]:
    """The user's force's register, newest first."""
    query = (
        _rows()
        .where(ForceOperation.force_id == (user.force_id or -1))
        .order_by(ForceOperation.started_on.desc(), ForceOperation.id.desc())
    )
    return [RegisteredOperation(*row) for row in db.session.execute(query)]


def without_assessment(scope: MeasureScope, limit: int | None = None) -> list[RegisteredOperation]:
    """Operations in scope with no accepted threat behind them (no form, or a form not accepted), oldest
    first. A picture of today: the period does not apply."""
    query = (
        _rows()
        .where(
            ForceOperation.force_id.in_(scope.forces()),
            or_(TriggerForm.id.is_(None), TriggerForm.state != FormState.ACCEPTED),
        )
        .order_by(ForceOperation.started_on, ForceOperation.id)
        .limit(limit)
    )
    return [RegisteredOperation(*row) for row in db.session.execute(query)]
