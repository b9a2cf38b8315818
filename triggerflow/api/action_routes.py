"""The lifecycles' actions over the API, for forms and threats alike: one POST route per action.

Who may call a route is who the lifecycle lets take the action by hand; whether they may take it
now is asked of the same available_actions as the web page's buttons, and refused with 409.
"""

from collections.abc import Callable

from triggerflow.api import bp
from triggerflow.api.operations import expected_version, versioned
from triggerflow.api.problems import Problem
from triggerflow.workflow.definition import Action
from triggerflow.workflow.machine import SYSTEM, Table


def add_action_routes(lifecycle: Table, path: str, endpoint: str, route: Callable[[str, frozenset], Callable]) -> None:
    """Adds `route(action, roles)` at {path}/{action} for each action a person may take: the
    scheduled system's own actions have no route."""
    for action in lifecycle.order:
        roles = frozenset(
            role for t in lifecycle.transitions if t.action == action for role in t.roles if role != SYSTEM
        )
        if roles:
            view = route(action, roles)
            view.__name__ = f"{endpoint}_{action}"
            bp.add_url_rule(f"{path}/{action}", view.__name__, view, methods=["POST"])


def action_operation(meta: Action, tag: str, roles: frozenset, description: str, **details) -> Callable:
    """How an action declares itself: a change against the version read, refused with 422 when the
    lifecycle's requirements for it are not met."""
    return versioned(
        meta.label,
        tag,
        roles=roles,
        requirements=True,
        description=f"{description} Takes effect at once: there is no confirmation step in the API.",
        **details,
    )


def version_for(record, action: str, meta: Action, allowed: list[str], what: str) -> int:
    """The version the caller read of the record, once `action` is among those `allowed` them now."""
    version = expected_version(record)
    if action not in allowed:
        raise Problem(
            409, f"\u201c{meta.label}\u201d is not possible on {what} now.", "not-available", available_actions=allowed
        )
    return version
