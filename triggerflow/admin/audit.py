"""The admin audit trail: one row per administrator action, written in the action's own transaction."""

from typing import Any

from triggerflow.audit.security_log import security_event
from triggerflow.db import db, utcnow
from triggerflow.models import AdminEvent, Force, User

ACTION_LABELS = {
    "create_user": "Created a user",
    "change_user": "Changed a user",
    "disable_user": "Disabled a user",
    "enable_user": "Enabled a user",
    "end_sessions": "Signed a user out",
    "turn_off_two_factor": "Turned off a user's two-factor sign-in",
    "set_spoc_gate": "Changed a force's SPOC gate",
    "change_criteria": "Changed the criteria thresholds",
    "add_identity_provider": "Set up an identity provider",
    "change_identity_provider": "Changed an identity provider",
    "remove_identity_provider": "Removed an identity provider",
}


def record(
    actor: User, action: str, target: str, before: dict[str, Any] | None = None, after: dict[str, Any] | None = None
) -> AdminEvent:
    """Adds the event to the session; the caller commits it with the change it describes."""
    event = AdminEvent(
        actor_id=actor.id, action=action, target=target, before=before or {}, after=after or {}, at=utcnow()
    )
    db.session.add(event)
    security_event("admin.action", action=action, target=target, changed=sorted(_changed(before or {}, after or {})))
    return event


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """The names of the values that changed; the values stay in the admin audit table."""
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def user_target(user: User) -> str:
    return f"User {user.email}"


def force_target(force: Force) -> str:
    return f"Force {force.code} {force.name}"


def user_record(user: User) -> dict[str, Any]:
    """A user as the audit keeps them: JSON-safe, no password hash."""
    return {
        "name": user.name,
        "email": user.email,
        "role": user.role.value,
        "force": user.force.code if user.force else None,
        "region": user.region.code if user.region else None,
        "active": user.active,
    }
