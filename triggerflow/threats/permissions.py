"""How an actor must stand to a threat to act on it. Scope (seeing it at all) is checked first."""

from collections.abc import Callable

from triggerflow.models import Role, Threat, User


def _owning_force(threat: Threat, user: User) -> bool:
    # The force's SPOCs and force managers: a regional manager has no force.
    return user.force_id is not None and user.force_id == threat.owning_force_id


def _rocta(threat: Threat, user: User) -> bool:
    # The region's assessors, and its regional managers.
    if user.role is Role.MANAGER:
        return user.manages_region(threat.region_id)
    return user.region_id is not None and user.region_id == threat.region_id


RELATIONS: dict[str, Callable[[Threat, User], bool]] = {
    "owning_force": _owning_force,
    "rocta": _rocta,
    "force_or_rocta": lambda threat, user: (
        _owning_force(threat, user)
        if user.role in (Role.SPOC, Role.MANAGER) and user.force_id
        else _rocta(threat, user)
    ),
    "system": lambda threat, user: False,
}
