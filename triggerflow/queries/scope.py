"""Which forms a user may see at all (DESIGN section 1). Everything else answers 404."""
from flask import abort
from sqlalchemy import Select, select, true
from sqlalchemy.orm import joinedload
from sqlalchemy.sql.elements import ColumnElement

from triggerflow.audit.security_log import security_event
from triggerflow.db import db
from triggerflow.models import Force, Role, TriggerForm, User


def visible_to(user: User) -> ColumnElement[bool]:
    """A WHERE clause limiting trigger_forms to the user's scope."""
    if user.role is Role.ADMIN:
        return true()
    if user.role in (Role.OFFICER, Role.SPOC) or (user.role is Role.MANAGER and user.force_id):
        return TriggerForm.force_id == (user.force_id or -1)
    # The ROCTA and regional or national managers see a form once the force has sent it.
    sent = TriggerForm.first_submitted_at.is_not(None)
    if user.role is Role.MANAGER and user.region_id is None:
        return sent
    in_region = TriggerForm.force_id.in_(select(Force.id).where(Force.region_id == (user.region_id or -1)))
    return sent & in_region


def visible_forms(user: User) -> Select:
    return select(TriggerForm).where(visible_to(user))


def get_form_or_404(number: str, user: User) -> TriggerForm:
    """The form with this number if the user may see it; 404 alike for missing and out of scope."""
    # The force comes in the same statement: every form's page names it.
    form = db.session.scalar(visible_forms(user).options(joinedload(TriggerForm.force))
                             .where(TriggerForm.number == number))
    if form is None:
        # The same 404 either way; only the security log is told that the form exists.
        if db.session.scalar(select(TriggerForm.id).where(TriggerForm.number == number)) is not None:
            security_event("access.denied", status=404, form=number, reason="outside the user's scope")
        abort(404)
    return form
