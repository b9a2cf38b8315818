"""How an actor must stand to a form to take an action (the `relation` of each transition).

Scope (whether the user may see the form at all) is checked before any of these; these add
ownership and separation of duties on top.
"""

from collections.abc import Callable

from triggerflow.models import Role, TriggerForm, User
from triggerflow.workflow.states import EDITABLE_STATES


def _in_force(form: TriggerForm, user: User) -> bool:
    return user.force_id is not None and user.force_id == form.force_id


def _is_author(form: TriggerForm, user: User) -> bool:
    return user.id == form.created_by_id


def _in_region_not_home_force(form: TriggerForm, user: User) -> bool:
    # Separation of duties: nobody assesses forms from a force they also belong to.
    return user.region_id == form.force.region_id and user.force_id != form.force_id


def _routed_assessor(form: TriggerForm, user: User) -> bool:
    # A resubmission goes back to the assessor who returned it, unless it was released or reassigned.
    routed_elsewhere = form.assessor_id is not None and form.assessor_id != user.id
    return _in_region_not_home_force(form, user) and not routed_elsewhere


def _holder(form: TriggerForm, user: User) -> bool:
    return form.assessor_id == user.id and _in_region_not_home_force(form, user)


def _holder_or_regional_manager(form: TriggerForm, user: User) -> bool:
    if user.role is Role.MANAGER:
        return _regional_manager(form, user)
    return _holder(form, user)


def _regional_manager(form: TriggerForm, user: User) -> bool:
    return user.manages_region(form.force.region_id)


def _author_or_spoc(form: TriggerForm, user: User) -> bool:
    return _in_force(form, user) and (user.role is Role.SPOC or _is_author(form, user))


RELATIONS: dict[str, Callable[[TriggerForm, User], bool]] = {
    "author": lambda form, user: _in_force(form, user) and _is_author(form, user),
    "force": _in_force,
    # A SPOC cannot quality-approve a form they wrote themselves.
    "force_not_author": lambda form, user: _in_force(form, user) and not _is_author(form, user),
    "routed_assessor": _routed_assessor,
    "holder": _holder,
    "holder_or_regional_manager": _holder_or_regional_manager,
    "author_or_spoc": _author_or_spoc,
    "regional_manager": _regional_manager,
    "system": lambda form, user: False,  # no person may act for the system
}


def may_create(user: User) -> bool:
    return user.role in (Role.OFFICER, Role.SPOC) and user.force_id is not None


def may_edit(form: TriggerForm, user: User) -> bool:
    """Content may change while the form is with the force: its author or a force SPOC."""
    return form.state in EDITABLE_STATES and user.role in (Role.OFFICER, Role.SPOC) and _author_or_spoc(form, user)
