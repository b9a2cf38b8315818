"""Who is calling: a personal token in `Authorization: Bearer ...`, never a cookie.

Every API view declares its roles through api.operations; a view that declares nothing is
refused, as on the web. The web's sign-in hook leaves the API's views to this one.
"""

from flask import current_app, g, request

from triggerflow.access import PUBLIC
from triggerflow.accounts import tokens
from triggerflow.api.problems import Problem

CHALLENGE = 'Bearer realm="TriggerFlow API"'


def authenticate() -> None:
    if request.endpoint is None:
        return  # no such route: the problem handlers answer 404 or 405
    view = current_app.view_functions[request.endpoint]
    allowed = getattr(view, "allowed_roles", None)
    if allowed == PUBLIC:
        return
    token = _token()
    g.api_user, g.api_token = token.user, token
    if allowed is None or token.user.role not in allowed:
        raise Problem(403, "Your role may not do this.")


def _token():
    secret = tokens.bearer_secret(request.headers.get("Authorization"))
    token = tokens.authenticate(secret) if secret else None
    if token is None:
        raise Problem(
            401,
            "Send a valid personal API token: Authorization: Bearer <token>. "
            "Tokens can be made on the API tokens page.",
            "invalid-token",
            headers={"WWW-Authenticate": f'{CHALLENGE}, error="invalid_token"'},
        )
    return token
