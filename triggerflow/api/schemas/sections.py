"""Schemas for the form's sections and repeating items, built from content.sections.

Inputs are checked for their JSON shape here; the rules about their values (lengths, choices,
real dates) are the web editors' own, applied by api.drafting through the same form classes.
The schemas document those rules, so a program can see them before it sends anything.
"""

from functools import cache
from typing import Annotated, Any

from pydantic import Field, WithJsonSchema, create_model

from triggerflow.api.schemas.common import Input, Output, Text
from triggerflow.content.sections import SECTIONS, SECTIONS_BY_KEY, Group
from triggerflow.content.sections import Field as Spec

NULLABLE_TEXT = {"type": ["string", "null"]}
DATE = {
    "anyOf": [{"type": "string", "format": "date"}, {"enum": ["", None]}],
    "description": "A date as YYYY-MM-DD; an empty string or null when not known",
}
# The JSON members an ISO date has: the editors' day, month and year boxes in one string.
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _input_schema(spec: Spec) -> dict[str, Any]:
    values = [value for value, _ in spec.choices or []]
    if spec.kind in ("text", "textarea"):
        return {**NULLABLE_TEXT, "maxLength": spec.max_length}
    if spec.kind in ("radios", "select"):
        return {"enum": [*values, "", None]}
    if spec.kind == "checkboxes":
        return {"type": ["array", "null"], "items": {"enum": values}}
    if spec.kind == "citations":
        return {
            "type": ["array", "null"],
            "items": {"type": "string"},
            "description": "Ids of intelligence items in section F",
        }
    if spec.kind == "forces":
        return {"type": ["array", "null"], "items": {"type": "string"}, "description": "Force codes, e.g. DOR"}
    if spec.kind == "regions":
        return {"type": ["array", "null"], "items": {"type": "string"}, "description": "Region codes, e.g. SW"}
    if spec.kind == "boolean":
        return {"type": ["boolean", "null"]}
    return DATE


def _input_type(spec: Spec):
    if spec.is_list:
        python_type = list[Text] | None
    elif spec.kind == "boolean":
        python_type = bool | None
    else:
        python_type = Text | None
    return Annotated[python_type, WithJsonSchema(_input_schema(spec))]


def _output_type(spec: Spec):
    if spec.is_list:
        return list[str] | None
    return bool | None if spec.kind == "boolean" else str | None


def _fields(specs: tuple[Spec, ...], typed) -> dict[str, Any]:
    return {spec.name: (typed(spec), Field(None, title=spec.label, description=spec.hint)) for spec in specs}


def _item_name(group: Group) -> str:
    return "".join(word.capitalize() for word in group.singular.split())


@cache
def section_input(key: str) -> type[Input]:
    section = SECTIONS_BY_KEY[key]
    return create_model(
        f"Section{key}Input",
        __base__=Input,
        __doc__=f"Section {key}, {section.title}: "
        "every question at once. A question left out or null is saved as unanswered.",
        **_fields(section.fields, _input_type),
    )


@cache
def item_input(key: str) -> type[Input]:
    group = SECTIONS_BY_KEY[key].group
    return create_model(
        f"{_item_name(group)}Input",
        __base__=Input,
        __doc__=f"One {group.singular}: every question at once.",
        **_fields(group.fields, _input_type),
    )


@cache
def item_output(key: str) -> type[Output]:
    group = SECTIONS_BY_KEY[key].group
    return create_model(_item_name(group), __base__=Output, id=(str, ...), **_fields(group.fields, _output_type))


@cache
def section_output(key: str) -> type[Output]:
    section = SECTIONS_BY_KEY[key]
    fields = _fields(section.fields, _output_type)
    if section.group:
        fields[section.group.key] = (list[item_output(key)] | None, Field(None, description=section.group.plural))
    return create_model(f"Section{key}Answers", __base__=Output, __doc__=f"Section {key}, {section.title}", **fields)


@cache
def answers_output() -> type[Output]:
    fields = {s.key: (section_output(s.key) | None, Field(None, description=s.title)) for s in SECTIONS}
    return create_model("Answers", __base__=Output, __doc__="The form's answers, section by section", **fields)


def answers_of(stored: dict[str, Any] | None) -> Output:
    return answers_output().model_validate(stored or {})
