"""How many forms are waiting for this person to act: the count in the navigation.

Per role, the forms on which the user is the one expected to act next (each also has an action
for them in workflow.service.available_actions): officers their forms returned by the SPOC, or by
the ROCTA while an item waits for an answer (or their force has no SPOC gate); SPOCs their
force's forms awaiting review or returned; assessors the region's new submissions, resubmissions
routed to them or to anyone, and the forms they hold.

Every page shows the count, so its statement is built once per role and kind of scope, with the
user bound in when it runs.
"""

from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, false, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from triggerflow.db import read
from triggerflow.models import Force, FormEvent, ReturnItem, ReturnItemStatus, Role, TriggerForm, User
from triggerflow.queries.scope import scope_kind, scope_params, within
from triggerflow.workflow.states import FormState as S


def _last_action() -> ColumnElement[str]:
    latest = (
        select(FormEvent.action)
        .where(FormEvent.form_id == TriggerForm.id)
        .order_by(FormEvent.at.desc(), FormEvent.id.desc())
        .limit(1)
        .correlate(TriggerForm)
    )
    return latest.scalar_subquery()


def _officer(user_id, force_id, region_id) -> ColumnElement[bool]:
    returned_by_spoc = and_(TriggerForm.state == S.DRAFT, _last_action() == "spoc_return")
    # Once every item is answered a gated force's SPOCs resubmit: the form is theirs, not the officer's.
    unanswered = (
        select(ReturnItem.id)
        .where(ReturnItem.form_id == TriggerForm.id, ReturnItem.status == ReturnItemStatus.OPEN)
        .correlate(TriggerForm)
    )
    ungated = TriggerForm.force_id.in_(select(Force.id).where(Force.spoc_gate.is_(False)))
    returned = and_(TriggerForm.state == S.RETURNED, or_(unanswered.exists(), ungated))
    return and_(TriggerForm.created_by_id == user_id, or_(returned, returned_by_spoc))


def _spoc(user_id, force_id, region_id) -> ColumnElement[bool]:
    return and_(TriggerForm.force_id == force_id, TriggerForm.state.in_([S.SPOC_REVIEW, S.RETURNED]))


def _assessor(user_id, force_id, region_id) -> ColumnElement[bool]:
    # Separation of duties: never forms from the assessor's own force.
    in_region = TriggerForm.force_id.in_(select(Force.id).where(Force.region_id == region_id, Force.id != force_id))
    # The states first, on their own, so the database reads the forms waiting in them (by state and
    # force) rather than every form the assessor has ever held.
    waiting = and_(TriggerForm.state.in_([S.SUBMITTED, S.RESUBMITTED]), TriggerForm.assessor_id.is_(None))
    mine = or_(TriggerForm.assessor_id == user_id, waiting)
    return and_(TriggerForm.state.in_([S.SUBMITTED, S.RESUBMITTED, S.UNDER_ASSESSMENT]), in_region, mine)


_BY_ROLE = {Role.OFFICER: _officer, Role.SPOC: _spoc, Role.ASSESSOR: _assessor}


def _params(user: User) -> dict[str, Any]:
    return {"user_id": user.id, **scope_params(user)}


def _condition(role: Role, kind: str, user_id, force_id, region_id) -> ColumnElement[bool]:
    condition = _BY_ROLE.get(role)
    return and_(within(kind, force_id, region_id), condition(user_id, force_id, region_id)) if condition else false()


def needing_action(user: User) -> ColumnElement[bool]:
    """A WHERE clause: the forms waiting for `user` to act."""
    params = _params(user)
    return _condition(
        user.role, scope_kind(user), params["user_id"], params["scope_force_id"], params["scope_region_id"]
    )


@cache
def _count(role: Role, kind: str) -> Select:
    where = _condition(
        role,
        kind,
        bindparam("user_id", type_=Integer),
        bindparam("scope_force_id", type_=Integer),
        bindparam("scope_region_id", type_=Integer),
    )
    return select(func.count(TriggerForm.id)).where(where)


def needs_action_count(user: User) -> int:
    if user.role not in _BY_ROLE:
        return 0
    return read(_count(user.role, scope_kind(user)), _params(user)).scalar_one()
