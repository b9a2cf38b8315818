"""Deny by default: every view says who may use it (triggerflow.access), and a view that says nothing is refused.

The `before_request` hook signs anonymous users in first and answers 403 to anyone else. Which
forms a user may see is separate (queries.scope answers 404 outside it). A blueprint that signs
callers in by other means (the API, by token) sets `authenticates_itself` and enforces `allow`
in its own hook.
"""

from flask import Flask, abort, request
from flask_login import current_user

from triggerflow.access import PUBLIC
from triggerflow.web.auth.current import send_to_sign_in


def _check_access(app: Flask):
    if request.endpoint is None:
        return None  # 404 or 405: let Flask answer
    view = app.view_functions[request.endpoint]
    allowed = getattr(view, "allowed_roles", None)
    blueprint = app.blueprints.get(request.blueprint or "")
    if request.endpoint == "static" or allowed == PUBLIC or getattr(blueprint, "authenticates_itself", False):
        return None
    if not current_user.is_authenticated:
        return send_to_sign_in()
    if allowed is None or current_user.role not in allowed:
        abort(403)
    return None


def init_access(app: Flask) -> None:
    app.before_request(lambda: _check_access(app))
