"""GOV.UK-style error pages that give nothing away; a 500 carries an incident id to quote."""

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from triggerflow.audit import incidents
from triggerflow.audit.security_log import security_event
from triggerflow.workflow.errors import ActionNotAllowed

_TITLES = {
    400: "Sorry, there is a problem with your request",
    403: "You do not have permission to do that",
    404: "Page not found",
    405: "Sorry, there is a problem with your request",
    413: "The information you sent is too large",
    429: "Sorry, there have been too many attempts",
    500: "Sorry, there is a problem with the service",
}


def _page(code: int, title: str, headers=(), incident: str | None = None, expired: bool = False):
    page = render_template("errors/error.html", code=code, title=title, incident=incident, expired=expired)
    return page, code, list(headers)


def http_error(error: HTTPException):
    code = error.code or 500
    if code == 403:
        security_event("access.denied", status=403)
    elif code == 429:
        security_event("rate_limited", limit=error.description)
    # Keep what the error says about itself (Allow on 405, Retry-After on 429), not its HTML type.
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    incident = incidents.record(error) if code >= 500 else None
    return _page(code, _TITLES.get(code, error.name), headers, incident)


def csrf_failed(error: CSRFError):
    security_event("validation.failed", kind="csrf", reason=error.description)
    return _page(400, "Sorry, that page has expired", expired=True)


def not_allowed(error: ActionNotAllowed):
    security_event("access.denied", status=403, reason=str(error))
    return _page(403, _TITLES[403])


def unexpected(error: Exception):
    return http_error(incidents.server_error(error))


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(ActionNotAllowed, not_allowed)
    app.register_error_handler(Exception, unexpected)
