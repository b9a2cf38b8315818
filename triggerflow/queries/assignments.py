"""The regional manager's view of who holds what: forms being assessed or routed back to an assessor."""

from datetime import date

from sqlalchemy import Date, bindparam, func, select
from sqlalchemy.orm import aliased

from triggerflow.clocks.working_days import local_today
from triggerflow.db import db
from triggerflow.models import Force, Role, TriggerForm, User
from triggerflow.queries.clocks import days_since
from triggerflow.queries.pages import Page
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.routing import REASSIGNABLE_STATES


def regional_work(
    manager: User, page: int = 1, size: int = 50, assessor_id: int | None = None, today: date | None = None
) -> Page:
    """The region's forms under assessment or resubmitted, longest waiting first; optionally one assessor's."""
    assessor = aliased(User)
    on = bindparam("today", today or local_today(), type_=Date)
    query = (
        select(
            TriggerForm.id,
            TriggerForm.number,
            TriggerForm.working_name,
            TriggerForm.state,
            TriggerForm.primary_theme,
            TriggerForm.version,
            TriggerForm.assessor_id,
            TriggerForm.force_id,
            Force.name.label("force_name"),
            assessor.name.label("assessor_name"),
            days_since(TriggerForm.submitted_at, on).label("days_waiting"),
        )
        .join(Force, Force.id == TriggerForm.force_id)
        .outerjoin(assessor, assessor.id == TriggerForm.assessor_id)
        .where(visible_to(manager), TriggerForm.state.in_(REASSIGNABLE_STATES))
    )
    if assessor_id is not None:
        query = query.where(TriggerForm.assessor_id == assessor_id)
    total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    rows = db.session.execute(
        query.order_by(TriggerForm.submitted_at, TriggerForm.id).limit(size).offset((page - 1) * size)
    ).mappings()
    return Page([dict(row) for row in rows], page, size, total)


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
