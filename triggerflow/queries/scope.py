"""Which forms a user may see at all (DESIGN section 1). Everything else answers 404."""

from functools import cache
from typing import Any

from flask import abort
from sqlalchemy import Integer, Select, bindparam, select, true
from sqlalchemy.orm import joinedload
from sqlalchemy.sql.elements import ColumnElement

from triggerflow.audit.security_log import security_event
from triggerflow.db import db
from triggerflow.models import Force, Role, TriggerForm, User

# The four shapes a scope takes; each has one WHERE clause, with the user's force or region bound in.
EVERYTHING, FORCE, SENT, REGION = "everything", "force", "sent", "region"


def scope_kind(user: User) -> str:
    if user.role is Role.ADMIN:
        return EVERYTHING
    if user.role in (Role.OFFICER, Role.SPOC) or (user.role is Role.MANAGER and user.force_id):
        return FORCE
    # The ROCTA and regional or national managers see a form once the force has sent it.
    return SENT if user.role is Role.MANAGER and user.region_id is None else REGION


def scope_params(user: User) -> dict[str, Any]:
    """The values scoped(kind) is executed with."""
    return {"scope_force_id": user.force_id or -1, "scope_region_id": user.region_id or -1}


def within(kind: str, force_id, region_id) -> ColumnElement[bool]:
    """The WHERE clause of one kind of scope, given the force and region as values or bound parameters."""
    if kind == EVERYTHING:
        return true()
    if kind == FORCE:
        return TriggerForm.force_id == force_id
    sent = TriggerForm.first_submitted_at.is_not(None)
    if kind == SENT:
        return sent
    return sent & TriggerForm.force_id.in_(select(Force.id).where(Force.region_id == region_id))


@cache
def scoped(kind: str) -> ColumnElement[bool]:
    """The WHERE clause of one kind of scope, built once, for statements that are built once too."""
    return within(kind, bindparam("scope_force_id", type_=Integer), bindparam("scope_region_id", type_=Integer))


def visible_to(user: User) -> ColumnElement[bool]:
    """A WHERE clause limiting trigger_forms to the user's scope."""
    params = scope_params(user)
    return within(scope_kind(user), params["scope_force_id"], params["scope_region_id"])


def visible_forms(user: User) -> Select:
    return select(TriggerForm).where(visible_to(user))


@cache
def _form_by_number(kind: str) -> Select:
    # The force comes in the same statement: every form's page names it.
    return (
        select(TriggerForm)
        .options(joinedload(TriggerForm.force))
        .where(scoped(kind), TriggerForm.number == bindparam("number"))
    )


def get_form_or_404(number: str, user: User) -> TriggerForm:
    """The form with this number if the user may see it; 404 alike for missing and out of scope."""
    form = db.session.scalar(_form_by_number(scope_kind(user)), {"number": number, **scope_params(user)})
    if form is None:
        # The same 404 either way; only the security log is told that the form exists.
        if db.session.scalar(select(TriggerForm.id).where(TriggerForm.number == number)) is not None:
            security_event("access.denied", status=404, form=number, reason="outside the user's scope")
        abort(404)
    return form
