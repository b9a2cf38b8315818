"""How an API view declares itself: who may call it, what it reads, what it answers.

One declaration serves three purposes: the auth hook reads its roles, the wrapper parses and
validates its query and body, and the OpenAPI document is generated from it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from types import UnionType
from typing import Union, get_args, get_origin

from flask import current_app, g, request
from pydantic import BaseModel, ValidationError

from triggerflow.access import PUBLIC
from triggerflow.api.problems import Problem, from_validation
from triggerflow.models import Role, Threat, TriggerForm, User

EVERYONE = frozenset(Role)
JSON = "application/json"
CSV = "text/csv"


@dataclass(frozen=True)
class Operation:
    summary: str
    tag: str
    roles: frozenset[Role] | str = EVERYONE
    response: type[BaseModel] | None = None  # None: 204 No Content, or CSV when media_type says so
    status: int = 200
    body: type[BaseModel] | None = None
    # An action's body only adds details to it, and what the action needs is the workflow's to check
    # (422): left out, it is read as {}. Anything else that writes must be sent a body.
    body_optional: bool = False
    query: type[BaseModel] | None = None
    description: str = ""
    media_type: str = JSON
    if_match: bool = False  # changes a form: needs the version the caller read
    etag: bool = False  # answers with the form's version as its ETag
    location: bool = False
    conflicts: bool = False  # 409 when the form's state does not allow it now
    requirements: bool = False  # 422 when the workflow's preconditions are not met
    problems: tuple[int, ...] = ()  # any other status the view itself may answer with


def operation(summary: str, tag: str, **details) -> Callable:
    op = Operation(summary, tag, **details)

    def declare(view: Callable) -> Callable:
        @wraps(view)
        def run(**path):
            if op.query is not None:
                path["query"] = _parse(op.query, _query_values(op.query), "query")
            if op.body is not None:
                path["body"] = _parse(op.body, _json_body(op.body_optional), "body")
            return view(**path)

        run.api_operation = op
        run.allowed_roles = op.roles if op.roles == PUBLIC else frozenset(op.roles)
        return run

    return declare


def versioned(summary: str, tag: str, **details) -> Callable:
    """A change made against the version the caller read (If-Match), answered with the new version's
    ETag, and refused with 409 when the record has moved on or its state does not allow the change."""
    return operation(summary, tag, etag=True, if_match=True, conflicts=True, **details)


def caller() -> User:
    """The user the request's token belongs to."""
    return g.api_user


def _json_body(optional: bool):
    if not request.get_data(cache=True).strip():
        if optional:
            return {}
        # Read as {}, a section's save would clear every answer in it: {} must be sent to mean that.
        raise Problem(400, "Send a JSON request body: {} when you leave every member out.")
    if not request.is_json:
        raise Problem(415)
    return request.get_json()  # a body that is not JSON raises BadRequest: 400


def _query_values(model: type[BaseModel]) -> dict:
    values = {}
    for name, field in model.model_fields.items():
        if name in request.args:
            values[name] = request.args.getlist(name) if _is_list(field.annotation) else request.args.get(name)
    return values


def _is_list(annotation) -> bool:
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        return any(_is_list(argument) for argument in get_args(annotation))
    return origin is list


def _parse(model: type[BaseModel], data, where: str) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise from_validation(error, where) from None


def expected_version(form: TriggerForm | Threat) -> int:
    """The version the caller read of the form (or threat), from If-Match; -1 when it names another."""
    if "If-Match" not in request.headers or request.if_match.star_tag:
        what = "threat" if isinstance(form, Threat) else "form"
        raise Problem(
            428, f"Send the {what}'s ETag, from when you last read it, in an If-Match header.", "precondition-required"
        )
    return form.version if request.if_match.contains(str(form.version)) else -1


def respond(model: BaseModel | None, status: int = 200, *, etag: int | None = None, location: str | None = None):
    if model is None:
        answer = current_app.response_class(status=204)
    else:
        answer = current_app.response_class(model.model_dump_json(), status=status, mimetype=JSON)
    if etag is not None:
        answer.set_etag(str(etag))
    if location:
        answer.headers["Location"] = location
    answer.headers["Cache-Control"] = "no-store"
    return answer
