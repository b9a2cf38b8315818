"""URL parts the API accepts, each with the JSON Schema the OpenAPI document gives it.

A malformed form number is a 404 before it ever reaches the database.
"""

from typing import Any, ClassVar

from werkzeug.routing import BaseConverter


class FormNumberConverter(BaseConverter):
    regex = r"[A-Z0-9]{2,8}-[0-9]{4}-[0-9]{4,7}"
    openapi: ClassVar[dict[str, Any]] = {
        "type": "string",
        "pattern": rf"^{regex}$",
        "examples": ["DOR-2026-0001"],
        "description": "The form number, <FORCE CODE>-<YYYY>-<NNNN>",
    }


class ItemIdConverter(BaseConverter):
    regex = r"[A-Za-z0-9_-]{1,64}"
    openapi: ClassVar[dict[str, Any]] = {
        "type": "string",
        "pattern": rf"^{regex}$",
        "description": "The item's id, from the form's answers",
    }


CONVERTERS = {"form_number": FormNumberConverter, "item_id": ItemIdConverter}
