"""Creating users, changing their role and scope, disabling them, ending their sessions.

A change of role or scope, or disabling, ends every session the user has: each browser they are
signed in on is signed out at its next request.
"""

from triggerflow.accounts import sessions, two_factor
from triggerflow.accounts.users import new_user
from triggerflow.admin import audit
from triggerflow.db import db, transaction
from triggerflow.models import Force, Region, Role, User, UserSession
from triggerflow.workflow.errors import ActionNotAllowed, Invalid


def scope_problems(role: Role, force: Force | None, region: Region | None) -> dict[str, str]:
    """What is wrong with this role's force and region, by field."""
    if role in (Role.OFFICER, Role.SPOC):
        return {} if force else {"force": "Select the force the user works in"}
    if role is Role.ASSESSOR:
        if region is None:
            return {"region": "Select the region the assessor works in"}
        if force is not None and force.region_id != region.id:
            return {"force": f"Select a home force in {region.name}, or none"}
        return {}
    if role is Role.MANAGER:
        return {"region": "Select a force or a region, not both"} if force and region else {}
    return {"force": "Administrators have no force or region"} if force or region else {}


def scope_for(role: Role, force: Force | None, region: Region | None) -> tuple[Force | None, Region | None]:
    """The force and region stored for this role: officers and SPOCs take their force's region."""
    if role in (Role.OFFICER, Role.SPOC):
        return force, force.region
    if role is Role.ADMIN:
        return None, None
    return force, region


def create(
    actor: User, *, email: str, name: str, password: str, role: Role, force: Force | None, region: Region | None
) -> User:
    _check_admin(actor)
    problems = scope_problems(role, force, region)
    if problems:
        raise Invalid(problems)
    force, region = scope_for(role, force, region)
    try:
        with transaction():
            user = new_user(email=email, name=name, password=password, role=role, force=force, region=region)
            db.session.flush()
            audit.record(actor, "create_user", audit.user_target(user), after=audit.user_record(user))
    except ValueError as error:
        field = "password" if "password" in str(error) else "email"
        raise Invalid({field: str(error)}) from None
    return user


def change(actor: User, user: User, *, name: str, role: Role, force: Force | None, region: Region | None) -> None:
    _check_admin(actor)
    if user.id == actor.id and role is not Role.ADMIN:
        raise Invalid({"role": "You cannot take away your own administrator role"})
    problems = scope_problems(role, force, region)
    if not (name or "").strip():
        problems["name"] = "Enter the user's name"
    if problems:
        raise Invalid(problems)
    before = audit.user_record(user)
    force, region = scope_for(role, force, region)
    after = {
        **before,
        "name": name.strip(),
        "role": role.value,
        "force": force.code if force else None,
        "region": region.code if region else None,
    }
    if after == before:
        raise Invalid({"changes": "Change at least one detail, or cancel"})
    with transaction():
        if any(before[key] != after[key] for key in ("role", "force", "region")):
            sessions.end_all(user, "access_changed")  # what they may see has changed: sign them out everywhere
        user.name, user.role, user.force, user.region = name.strip(), role, force, region
        audit.record(actor, "change_user", audit.user_target(user), before, after)


def set_active(actor: User, user: User, active: bool) -> None:
    _check_admin(actor)
    if user.id == actor.id:
        raise Invalid({"active": "You cannot disable your own account"})
    if user.active == active:
        return
    before = audit.user_record(user)
    with transaction():
        user.active = active
        if not active:
            sessions.end_all(user, "user_disabled")
        audit.record(
            actor, "enable_user" if active else "disable_user", audit.user_target(user), before, audit.user_record(user)
        )


def end_sessions(actor: User, user: User, session: UserSession | None = None) -> int:
    """Signs the user out of one session, or of all of them; returns how many ended."""
    _check_admin(actor)
    if session is not None and session.user_id != user.id:
        raise Invalid({"session": "That session is not this user's"})
    with transaction():
        if session is not None:
            sessions.end(session, "ended_by_admin")
            ended = 1
        else:
            ended = sessions.end_all(user, "ended_by_admin")
        audit.record(actor, "end_sessions", audit.user_target(user), after={"sessions_ended": ended})
    return ended


def turn_off_two_factor(actor: User, user: User) -> None:
    """For someone who has lost their phone and recovery codes: they set it up again at their next sign-in
    if their role needs it. Their sessions end."""
    _check_admin(actor)
    if not user.has_two_factor:
        raise Invalid({"two_factor": f"{user.name} has not set up two-factor sign-in"})
    with transaction():
        two_factor.turn_off(user)
        sessions.end_all(user, "two_factor_turned_off")
        audit.record(actor, "turn_off_two_factor", audit.user_target(user), {"two_factor": True}, {"two_factor": False})


def _check_admin(actor: User) -> None:
    if actor.role is not Role.ADMIN:
        raise ActionNotAllowed("Only administrators manage users")
