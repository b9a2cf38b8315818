"""The regional manager's view of who holds what: forms being assessed or routed back to an assessor."""

from datetime import date

from sqlalchemy import Integer, Select, bindparam, select

from triggerflow.db import db
from triggerflow.models import Role, TriggerForm, User
from triggerflow.queries.pages import Page, page_of
from triggerflow.queries.queues import queue_rows
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.routing import REASSIGNABLE_STATES


def regional_work(
    manager: User, page: int = 1, size: int = 50, assessor_id: int | None = None, today: date | None = None
) -> Page:
    """The region's forms under assessment or resubmitted, longest waiting first; optionally one assessor's."""
    if assessor_id is None:
        return page_of(_work, manager, page, today, size=size)
    return page_of(_held, manager, page, today, size=size, assessor_id=assessor_id)


def _work(kind: str) -> Select:
    return (
        queue_rows(kind)
        .add_columns(TriggerForm.version)
        .where(TriggerForm.state.in_(REASSIGNABLE_STATES))
        .order_by(TriggerForm.submitted_at, TriggerForm.id)
    )


def _held(kind: str) -> Select:
    return _work(kind).where(TriggerForm.assessor_id == bindparam("assessor_id", type_=Integer))


def assessors_of(region_id: int) -> list[User]:
    """The region's active assessors, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.role == Role.ASSESSOR, User.region_id == region_id, User.active.is_(True))
            .order_by(User.name, User.id)
        )
    )


def forms_by_number(manager: User, numbers: list[str]) -> dict[str, TriggerForm]:
    """The forms with these numbers that the manager may see (others are left out)."""
    if not numbers:
        return {}
    forms = db.session.scalars(select(TriggerForm).where(visible_to(manager), TriggerForm.number.in_(numbers)))
    return {form.number: form for form in forms}
