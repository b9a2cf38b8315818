"""How many forms are waiting for this person to act: the count in the navigation.

Per role, the forms on which the user is the one expected to act next (each also has an action
for them in workflow.service.available_actions): officers their forms returned by the ROCTA or
by their SPOC; SPOCs their force's forms awaiting review or returned; assessors the region's new
submissions, resubmissions routed to them or to anyone, and the forms they hold.
"""
from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from triggerflow.db import db
from triggerflow.models import Force, FormEvent, Role, TriggerForm, User
from triggerflow.queries.scope import visible_to
from triggerflow.workflow.states import FormState as S


def _last_action() -> ColumnElement[str]:
    latest = (select(FormEvent.action).where(FormEvent.form_id == TriggerForm.id)
              .order_by(FormEvent.at.desc(), FormEvent.id.desc()).limit(1).correlate(TriggerForm))
    return latest.scalar_subquery()


def _officer(user: User) -> ColumnElement[bool]:
    returned_by_spoc = and_(TriggerForm.state == S.DRAFT, _last_action() == "spoc_return")
    return and_(TriggerForm.created_by_id == user.id, or_(TriggerForm.state == S.RETURNED, returned_by_spoc))


def _spoc(user: User) -> ColumnElement[bool]:
    return and_(TriggerForm.force_id == user.force_id, TriggerForm.state.in_([S.SPOC_REVIEW, S.RETURNED]))


def _assessor(user: User) -> ColumnElement[bool]:
    # Separation of duties: never forms from the assessor's own force.
    in_region = TriggerForm.force_id.in_(select(Force.id).where(Force.region_id == user.region_id,
                                                                Force.id != func.coalesce(user.force_id, -1)))
    unrouted_or_mine = or_(TriggerForm.assessor_id.is_(None), TriggerForm.assessor_id == user.id)
    waiting = and_(TriggerForm.state.in_([S.SUBMITTED, S.RESUBMITTED]), unrouted_or_mine)
    holding = and_(TriggerForm.state == S.UNDER_ASSESSMENT, TriggerForm.assessor_id == user.id)
    return and_(in_region, or_(waiting, holding))


_BY_ROLE = {Role.OFFICER: _officer, Role.SPOC: _spoc, Role.ASSESSOR: _assessor}


def needing_action(user: User) -> ColumnElement[bool]:
    """A WHERE clause: the forms waiting for `user` to act."""
    condition = _BY_ROLE.get(user.role)
    return and_(visible_to(user), condition(user)) if condition else false()


def needs_action_count(user: User) -> int:
    if user.role not in _BY_ROLE:
        return 0
    return db.session.scalar(select(func.count(TriggerForm.id)).where(needing_action(user)))
