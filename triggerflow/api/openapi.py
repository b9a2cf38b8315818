"""The OpenAPI 3.1 document, generated from the routes and their pydantic schemas.

Nothing here is typed twice: paths and path parameters come from the URL map, who may call
each operation from its roles, bodies, query parameters and responses from the schemas
declared with api.operations.operation, and the error responses from what it may refuse.
"""

import re
from http import HTTPStatus
from typing import Any

from flask import Flask
from pydantic.json_schema import models_json_schema
from werkzeug.routing import Rule
from werkzeug.routing.converters import NumberConverter

from triggerflow.access import PUBLIC
from triggerflow.api.operations import CSV, Operation
from triggerflow.api.problems import MEDIA_TYPE as PROBLEM
from triggerflow.api.problems import TYPE_PREFIX, TYPES
from triggerflow.api.schemas.common import Problem
from triggerflow.models import Role

REF = "#/components/schemas/{model}"
_PLACEHOLDER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
_HEADERS = {
    401: {"WWW-Authenticate": 'Bearer, with error="invalid_token"'},
    405: {"Allow": "The methods this path accepts"},
    429: {"Retry-After": "Seconds to wait before trying again"},
}


def cached_document(app: Flask) -> dict[str, Any]:
    """The document for this app, built once: the routes do not change while it runs."""
    found = app.extensions.get("triggerflow_openapi")
    if found is None:
        found = app.extensions["triggerflow_openapi"] = document(app, app.blueprints["api"].url_prefix)
    return found


def document(app: Flask, prefix: str) -> dict[str, Any]:
    found = [
        (rule, method, app.view_functions[rule.endpoint].api_operation)
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        if rule.rule.startswith(prefix) and hasattr(app.view_functions[rule.endpoint], "api_operation")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]
    refs, schemas = _schemas(op for _, _, op in found)
    paths: dict[str, dict] = {}
    for rule, method, op in found:
        paths.setdefault(_PLACEHOLDER.sub(r"{\1}", rule.rule), {})[method.lower()] = _operation(rule, op, refs, schemas)
    for model in {op.query for _, _, op in found if op.query}:
        schemas.pop(model.__name__, None)  # spread into parameters, not referred to
    return {
        "openapi": "3.1.0",
        "info": {"title": "TriggerFlow API", "version": "1.0.0", "description": _DESCRIPTION},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": _error_responses(refs),
            "securitySchemes": {
                "token": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal API token, made on the API tokens page (tfp_...).",
                }
            },
        },
        "security": [{"token": []}],
        "tags": [{"name": name, "description": text} for name, text in _TAGS.items()],
    }


def _schemas(operations) -> tuple[dict, dict]:
    wanted = {(Problem, "serialization")}
    for op in operations:
        wanted |= {
            (model, mode)
            for model, mode in ((op.body, "validation"), (op.query, "validation"), (op.response, "serialization"))
            if model is not None
        }
    refs, top = models_json_schema(sorted(wanted, key=lambda pair: (pair[0].__name__, pair[1])), ref_template=REF)
    return refs, top.get("$defs", {})


def _operation(rule: Rule, op: Operation, refs: dict, schemas: dict) -> dict[str, Any]:
    found = {
        "operationId": rule.endpoint.removeprefix("api."),
        "summary": op.summary,
        "description": " ".join(filter(None, (op.description, _who(op.roles)))),
        "tags": [op.tag],
        "parameters": _path_parameters(rule) + _query_parameters(op, schemas) + _if_match(op),
        "responses": {str(op.status): _success(op, refs)}
        | {str(code): {"$ref": f"#/components/responses/{code}"} for code in _problems(rule, op)},
    }
    if op.roles == PUBLIC:
        found["security"] = []
    if op.body is not None:
        # A write sent with no body at all is a mistake, never "change nothing" or "clear all".
        found["requestBody"] = {
            "required": not op.body_optional or bool(schemas[op.body.__name__].get("required")),
            "content": {"application/json": {"schema": refs[(op.body, "validation")]}},
        }
    return found


def _who(roles) -> str:
    if roles == PUBLIC:
        return "No token needed."
    if set(roles) == set(Role):
        return "Who: anyone, within their scope."
    return "Who: " + ", ".join(role.label for role in Role if role in roles) + "."


def _path_parameters(rule: Rule) -> list[dict]:
    parameters = []
    for name, converter in rule._converters.items():  # noqa: SLF001 - werkzeug has no public way to them
        schema = dict(getattr(converter, "openapi", {"type": "string"}))
        if isinstance(converter, NumberConverter):
            schema = {"type": "integer"} | {
                key: value for key, value in (("minimum", converter.min), ("maximum", converter.max)) if value
            }
        parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
    return parameters


def _query_parameters(op: Operation, schemas: dict) -> list[dict]:
    if op.query is None:
        return []
    model = schemas[op.query.__name__]
    required = set(model.get("required", ()))
    parameters = []
    for name, declared in model["properties"].items():
        schema = _not_null(declared)
        description = schema.pop("description", None)
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": name in required,
                "schema": schema,
                **({"description": description} if description else {}),
            }
        )
    return parameters


def _not_null(schema: dict) -> dict:
    """A query parameter is present or absent, never null."""
    schema = {
        key: value for key, value in schema.items() if key != "title" and not (key == "default" and value is None)
    }
    options = [option for option in schema.pop("anyOf", []) if option != {"type": "null"}]
    if len(options) == 1:
        schema |= options[0]
    elif options:
        schema["anyOf"] = options
    return schema


def _if_match(op: Operation) -> list[dict]:
    if not op.if_match:
        return []
    return [
        {
            "name": "If-Match",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "description": 'The ETag from your last read of the form, e.g. "7". A stale one gets 409.',
        }
    ]


def _success(op: Operation, refs: dict) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": HTTPStatus(op.status).phrase}
    if op.media_type == CSV:
        answer["content"] = {CSV: {"schema": {"type": "string"}}}
        answer["description"] = "CSV: the security marking on the first line, then a header row, then the rows"
    elif op.response is not None:
        answer["content"] = {op.media_type: {"schema": refs[(op.response, "serialization")]}}
    headers = {}
    if op.etag:
        headers["ETag"] = {
            "description": "The form's version; send it in If-Match to change the form",
            "schema": {"type": "string"},
        }
    if op.location:
        headers["Location"] = {"description": "Where the new resource can be read", "schema": {"type": "string"}}
    return answer | ({"headers": headers} if headers else {})


def _problems(rule: Rule, op: Operation) -> list[int]:
    codes = {405, 429, *op.problems}
    if op.roles != PUBLIC:
        codes |= {401} | ({403} if set(op.roles) != set(Role) else set())
    if rule.arguments:
        codes.add(404)
    if op.body is not None:
        codes |= {400, 413, 415, 422}
    if op.query is not None or op.requirements:
        codes.add(422)
    if op.if_match:
        codes |= {409, 428}
    if op.conflicts:
        codes.add(409)
    return sorted(codes)


def _error_responses(refs: dict) -> dict[str, Any]:
    schema = refs[(Problem, "serialization")]
    return {
        str(code): {
            "description": HTTPStatus(code).phrase,
            "content": {PROBLEM: {"schema": schema}},
            **(
                {
                    "headers": {
                        name: {"description": text, "schema": {"type": "string"}}
                        for name, text in _HEADERS[code].items()
                    }
                }
                if code in _HEADERS
                else {}
            ),
        }
        for code in (400, 401, 403, 404, 405, 409, 413, 415, 422, 428, 429)
    }


_TAGS = {
    "Forms": "Trigger forms within your scope: list, start, read, history and sent versions.",
    "Answers": "A draft's answers, a whole section or one repeating item at a time, checked as the web "
    "editors check them.",
    "Actions": "The lifecycle: each action is allowed exactly when the web page would offer its button.",
    "Return items": "What the ROCTA asks the force to put right, and the force's answers.",
    "Internal notes": "The ROCTA's own notes on a form. No force user may read them, whatever their token.",
    "Queues": "Each role's work queues, as on the home page.",
    "Search": "Find forms within your scope by number, name, subject, PNC ID or reference, as the search page does.",
    "Measures": "Management information, computed from the event log within your scope.",
    "Threat register": "Accepted threats after the decision: their LRO, 4P plan, reviews, disruptions and "
    "archive, each action allowed exactly when the threat's page would offer it.",
    "Exports": "CSV downloads of lists you may see, streamed; the security marking is the first line. "
    "Every export is recorded.",
    "About the API": "This document, and who your token says you are.",
}

_DESCRIPTION = f"""\
The JSON API of TriggerFlow: the same rules, services and scope as the web pages.

**Authentication.** Send a personal API token: `Authorization: Bearer tfp_...`. Make and revoke
tokens on the *API tokens* page. A token acts as you, with your role and scope, and expires
(90 days by default). Every change made with it is recorded in the form's history as yours.

**Scope.** A form outside your force or region answers 404, exactly as a form that does not
exist. 403 means your role may never do this; 409 means the form's state, or how you stand to
it, does not allow it now.

**Optimistic locking.** Reading a form gives its version as an `ETag`. Every change to a form
needs that ETag in `If-Match`: without it the answer is 428; if the form changed since, 409
(problem type `stale-version`) and nothing is saved. Each successful change returns the new ETag.

**Errors** are RFC 9457 problem details (`application/problem+json`). Problem types:

{chr(10).join(f"- `{TYPE_PREFIX}{slug}`: {text}" for slug, text in TYPES.items())}

Other errors use `about:blank` and the status says it all.

**Pages.** Lists of forms are newest first; pass `next_cursor` back as `cursor` for the next page.

**Rate limit.** Requests per minute per token; over it, 429 with `Retry-After`.
"""
