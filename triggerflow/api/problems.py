"""Every error from the API as RFC 9457 problem details, never an HTML page.

Problem types other than about:blank are tag URIs: names, not pages. The OpenAPI document's
description lists them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

from flask import Blueprint, current_app, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from triggerflow.audit import incidents
from triggerflow.audit.security_log import security_event
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "tag:triggerflow,2026:problems/"

# slug: what it means, for the OpenAPI document.
TYPES = {
    "invalid-input": "422: the request body or query does not fit the schema or the answers' rules; see errors.",
    "requirements-not-met": "422: the action's preconditions are not met (e.g. completeness rules); "
    "see errors and findings.",
    "not-available": "409: the form's state, or how you stand to it (author, holder), does not allow this now; "
    "see available_actions.",
    "stale-version": "409: the form changed since the version in If-Match; read it again and retry.",
    "precondition-required": "428: send the form's ETag in If-Match to change it.",
    "invalid-token": "401: the bearer token is missing, unknown, expired or revoked.",
}

_DETAILS = {
    400: "The request could not be read. Check it is well-formed JSON.",
    404: "There is nothing here, or nothing you may see.",
    405: "This path does not accept that method. The Allow header lists those it does.",
    413: "The request body is too large.",
    415: "Send the request body as JSON, with Content-Type: application/json.",
    429: "Too many requests. Wait for the time in Retry-After and try again.",
    500: "Sorry, there is a problem with the service. Nothing was changed.",
}


class Problem(Exception):
    """Raise to answer with a problem; extra keyword arguments become extension members."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        slug: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ):
        super().__init__(detail or "")
        self.status, self.detail, self.slug = status, detail, slug
        self.headers, self.extensions = headers or {}, extensions


def invalid(errors: list[dict[str, str]], detail: str = "Some of the request is not right.") -> Problem:
    return Problem(422, detail, "invalid-input", errors=errors)


@contextmanager
def pointed_at(members: dict[str, str]) -> Iterator[None]:
    """The service's refusal of a field the body sends as a member answered as the schema's own errors are,
    pointing at that member; anything else the service refuses is answered by _unmet."""
    try:
        yield
    except Invalid as unmet:
        if not members.keys() & unmet.errors.keys():
            raise
        raise invalid(
            [
                {"pointer": f"#/{members[name]}", "detail": message}
                if name in members
                else {"field": name, "detail": message}
                for name, message in unmet.errors.items()
            ]
        ) from None


def from_validation(error: ValidationError, where: str = "body") -> Problem:
    """Pydantic's errors, one per member at fault, pointing at it."""
    items = []
    for found in error.errors(include_url=False, include_input=False):
        path = "/".join(str(part) for part in found["loc"])
        message = found["msg"].removeprefix("Value error, ")
        items.append(
            {"pointer": f"#/{path}", "detail": message} if where == "body" else {"parameter": path, "detail": message}
        )
    return invalid(items)


def response(problem: Problem):
    _log(problem)
    status = HTTPStatus(problem.status)
    body = {
        "type": f"{TYPE_PREFIX}{problem.slug}" if problem.slug else "about:blank",
        "title": status.phrase,
        "status": problem.status,
        "detail": problem.detail or _DETAILS.get(problem.status) or status.description,
        "instance": request.path,
        **{name: value for name, value in problem.extensions.items() if value is not None},
    }
    answer = current_app.json.response(body)
    answer.status_code = problem.status
    answer.mimetype = MEDIA_TYPE
    answer.headers.update(problem.headers)
    answer.headers["Cache-Control"] = "no-store"
    return answer


def from_http(error: HTTPException):
    own_words = error.description if error.description != type(error).description else None
    # Keep the headers the error carries (Allow on 405, Retry-After on 429), not its HTML type.
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    if (error.code or 500) >= 500:
        incident = incidents.record(error)
        return response(Problem(error.code or 500, None, None, headers, incident=incident))
    return response(Problem(error.code or 500, own_words, getattr(error, "slug", None), headers))


def unexpected(error: Exception):
    return from_http(incidents.server_error(error))


def _log(problem: Problem) -> None:
    """The security log's view of an answer: who was refused, limited or sent something unreadable."""
    if problem.status == 401:
        security_event("api.token_refused")
    elif problem.status == 403:
        security_event("access.denied", status=403)
    elif problem.status == 429:
        security_event("rate_limited")
    elif problem.status in (400, 422):
        # The names of the fields at fault, never what was sent in them.
        fields = [
            next((item[key] for key in ("pointer", "parameter", "field") if key in item), "?")
            for item in problem.extensions.get("errors") or []
        ]
        security_event("validation.failed", status=problem.status, kind=problem.slug or "unreadable", fields=fields)


def register(bp: Blueprint) -> None:
    bp.register_error_handler(Problem, response)
    bp.register_error_handler(HTTPException, from_http)
    bp.register_error_handler(
        ActionNotAllowed,
        lambda error: response(
            Problem(
                409,
                "That is not possible on this form now.",
                "not-available",
                available_actions=getattr(error, "available_actions", None),
            )
        ),
    )
    bp.register_error_handler(StaleForm, lambda error: response(Problem(409, StaleForm.message, "stale-version")))
    bp.register_error_handler(Invalid, _unmet)
    bp.register_error_handler(Exception, unexpected)
    bp.before_app_request(_unrouted(bp))


def _unmet(error: Invalid):
    errors = [{"field": field, "detail": message} for field, message in error.errors.items()]
    findings = [
        {
            "rule_id": f.rule_id,
            "severity": f.severity.value,
            "section": f.section,
            "field": f.field,
            "message": f.message,
            "threat_types": list(f.threat_types),
        }
        for f in error.findings
    ]
    return response(
        Problem(
            422,
            "The action's requirements are not met.",
            "requirements-not-met",
            errors=errors,
            findings=findings or None,
        )
    )


def _unrouted(bp: Blueprint):
    """Paths under the API that match no route are the API's to answer, in its own format."""

    def answer():
        failure = request.routing_exception
        if failure is None or isinstance(failure, RequestRedirect) or not request.path.startswith(f"{bp.url_prefix}/"):
            return None
        return from_http(failure)

    return answer
