"""Who may open a view: the mark every blueprint's views carry, whoever checks it.

`allow(...)` marks a view with the roles that may open it. The pages check the mark in their
`before_request` hook (web.access); the API, which signs callers in by token, in its own
(api.auth). A view with no mark is refused by both.
"""

from collections.abc import Callable

from triggerflow.models import Role

PUBLIC = "public"
ANY_ROLE = frozenset(Role)


def allow(*roles: Role | str) -> Callable:
    def mark(view: Callable) -> Callable:
        view.allowed_roles = PUBLIC if PUBLIC in roles else frozenset(roles or ANY_ROLE)
        return view

    return mark
