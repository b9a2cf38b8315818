"""Who is told about a form: the people who must act on it next, by role and scope."""

from collections.abc import Iterable

from sqlalchemy import or_, select

from triggerflow.db import db
from triggerflow.models import Role, TriggerForm, User


def _active(*conditions) -> list[User]:
    return list(db.session.scalars(select(User).where(User.active.is_(True), *conditions).order_by(User.id)))


def author(form: TriggerForm) -> list[User]:
    return _active(User.id == form.created_by_id)


def force_spocs(form: TriggerForm) -> list[User]:
    return _active(User.role == Role.SPOC, User.force_id == form.force_id)


def author_and_spocs(form: TriggerForm) -> list[User]:
    return unique(author(form) + force_spocs(form))


def region_assessors(form: TriggerForm) -> list[User]:
    """The assessors who may take the form: its region's, less any from the form's own force."""
    return _active(
        User.role == Role.ASSESSOR,
        User.region_id == form.force.region_id,
        or_(User.force_id.is_(None), User.force_id != form.force_id),
    )


def routed_assessors(form: TriggerForm) -> list[User]:
    """The assessor the form is routed to or held by, else every assessor who may take it."""
    if form.assessor_id is not None:
        held_by = _active(User.id == form.assessor_id)
        if held_by:
            return held_by
    return region_assessors(form)


def regional_managers(form: TriggerForm) -> list[User]:
    return _active(User.manages_region(form.force.region_id))


def unique(users: Iterable[User]) -> list[User]:
    return list({user.id: user for user in users}.values())
