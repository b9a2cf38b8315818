"""The API reference: the OpenAPI document read as a GOV.UK page, drawn on the server.

Nothing is written twice: every operation, parameter, body and answer comes from the same
document a program reads at /api/v1/openapi.json.
"""

from typing import Any

from flask import Blueprint, current_app, render_template
from markdown_it import MarkdownIt
from markupsafe import Markup

from triggerflow.access import ANY_ROLE, allow
from triggerflow.api.openapi import cached_document

bp = Blueprint("api_reference", __name__)
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


@bp.get("/api-reference")
@allow(*ANY_ROLE)
def index():
    found = cached_document(current_app)
    introduction = Markup(_MARKDOWN.render(found["info"]["description"]))  # nosec B704 - raw HTML off: escaped
    return render_template(
        "tokens/reference.html",
        info=found["info"],
        introduction=introduction,
        tags=_operations_by_tag(found),
        schemas=_schemas(found["components"]["schemas"]),
        errors=found["components"]["responses"],
    )


def _operations_by_tag(found: dict) -> list[dict]:
    tags = {tag["name"]: {**tag, "operations": []} for tag in found["tags"]}
    for path, methods in found["paths"].items():
        for method, operation in methods.items():
            body = operation.get("requestBody", {}).get("content", {})
            tags[operation["tags"][0]]["operations"].append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation["summary"],
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": type_name(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": {media: type_name(content.get("schema", {})) for media, content in body.items()},
                    "responses": [(code, _response(answer)) for code, answer in operation["responses"].items()],
                }
            )
    return [tag for tag in tags.values() if tag["operations"]]


def _response(answer: dict) -> str:
    if "$ref" in answer:
        return "problem details"
    content = answer.get("content", {})
    kinds = ", ".join(f"{type_name(c.get('schema', {}))} ({media})" for media, c in content.items())
    return f"{answer.get('description', '')}: {kinds}" if kinds else answer.get("description", "")


def _schemas(schemas: dict) -> list[dict]:
    return [
        {
            "name": name,
            "description": schema.get("description", ""),
            "choices": schema.get("enum"),
            "properties": [
                {
                    "name": prop,
                    "type": type_name(value),
                    "required": prop in schema.get("required", ()),
                    "description": value.get("description", ""),
                }
                for prop, value in schema.get("properties", {}).items()
            ],
        }
        for name, schema in sorted(schemas.items())
    ]


def type_name(schema: dict[str, Any]) -> str:
    """A JSON schema in a few words: "string", "list of Subject", "integer or null"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_name(option) for option in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"])
    return schema.get("type", "any")
