"""A section's or an item's answers from JSON, checked exactly as the web editors check them.

The JSON goes through the editors' own form classes (inputs.section_forms) as if it had been
typed into the page, so the API accepts and refuses the same answers with the same messages.
"""

import re
from typing import Any

from pydantic import BaseModel
from werkzeug.datastructures import MultiDict

from triggerflow.api.problems import Problem, invalid
from triggerflow.api.schemas.sections import ISO_DATE_PATTERN
from triggerflow.content.sections import Field as Spec
from triggerflow.inputs.section_forms import answers_from, filled_form, section_specs
from triggerflow.models import TriggerForm


def checked_answers(trigger: TriggerForm, key: str, body: BaseModel, group: bool = False) -> dict[str, Any]:
    """The values to store, or a 422 problem listing every answer to put right."""
    specs = section_specs(key, group)
    given = body.model_dump()
    errors = {
        spec.name: f"{spec.label} must be a date in the form YYYY-MM-DD, for example 2026-03-27"
        for spec in specs
        if spec.kind == "date" and given.get(spec.name) and not re.fullmatch(ISO_DATE_PATTERN, given[spec.name])
    }
    if errors:
        raise _invalid(errors)
    form = filled_form(trigger, key, _formdata(specs, given), group)
    if not form.validate():
        raise _invalid({name: messages[0] for name, messages in form.errors.items()})
    return answers_from(form, specs)


def _formdata(specs: tuple[Spec, ...], given: dict[str, Any]) -> MultiDict:
    """The JSON as the browser would post it: one value per box ticked, three for a date."""
    data = MultiDict()
    for spec in specs:
        value = given.get(spec.name)
        if value in (None, "", [], False):
            continue
        if spec.kind == "date":
            year, month, day = value.split("-")
            data.setlist(spec.name, [day, month, year])
        elif spec.is_list:
            data.setlist(spec.name, value)
        else:
            data.add(spec.name, "y" if value is True else value)
    return data


def _invalid(errors: dict[str, str]) -> Problem:
    return invalid([{"pointer": f"#/{name}", "detail": message} for name, message in errors.items()])
