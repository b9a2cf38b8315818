"""A draft's answers: whole sections, and the repeating subjects, offences and intelligence items.

One route per section and per group, so each has its own documented schema. Saving follows the
web editors: the same checks (api.drafting), the same store, the same version check.
"""

from collections.abc import Callable

from flask import url_for

from triggerflow.api import bp
from triggerflow.api.drafting import checked_answers
from triggerflow.api.operations import caller, expected_version, operation, respond, versioned
from triggerflow.api.problems import Problem
from triggerflow.api.schemas.sections import item_input, item_output, section_input, section_output
from triggerflow.content import store
from triggerflow.content.sections import SECTIONS, Section
from triggerflow.models import Role, TriggerForm
from triggerflow.queries.scope import get_form_or_404

TAG = "Answers"
EDITORS = {Role.OFFICER, Role.SPOC}
EDIT_NOTE = (
    "Only while the form is a draft or returned, by its author or a SPOC of its force. "
    "Saving never runs the completeness rules: a half-finished draft always saves."
)


def _section_routes(section: Section) -> None:
    key, output = section.key, section_output(section.key)

    @operation(f"Read section {key}, {section.title}", TAG, response=output, etag=True)
    def read(number: str):
        form = get_form_or_404(number, caller())
        return respond(output.model_validate(form.answers_for(key)), etag=form.version)

    @_edit(
        f"Save section {key}, {section.title}",
        f"Replaces every answer in the section (its repeating items are kept). {EDIT_NOTE}",
        body=section_input(key),
        response=output,
    )
    def save(number: str, body):
        form, version = _editing(number)
        store.save_section(form, key, checked_answers(form, key, body), caller(), expected_version=version)
        return respond(output.model_validate(form.answers_for(key)), etag=form.version)

    _add(f"/forms/<form_number:number>/sections/{key}", f"read_section_{key}", read, "GET")
    _add(f"/forms/<form_number:number>/sections/{key}", f"save_section_{key}", save, "PUT")


def _group_routes(section: Section) -> None:
    key, group, output = section.key, section.group, item_output(section.key)
    path = f"/forms/<form_number:number>/sections/{key}/{group.key}"

    @_edit(f"Add {group.one}", body=item_input(key), response=output, status=201, location=True)
    def add(number: str, body):
        form, version = _editing(number)
        item_id = store.save_item(form, key, None, checked_answers(form, key, body, group=True), caller(), version)
        return respond(
            output.model_validate(store.find_item(form, key, item_id)),
            201,
            etag=form.version,
            location=url_for(f"api.change_{group.key}", number=number, item_id=item_id),
        )

    @_edit(f"Change {group.one}", f"Replaces every answer about it. {EDIT_NOTE}", body=item_input(key), response=output)
    def change(number: str, item_id: str, body):
        form, version = _editing(number)
        _item_or_404(form, key, item_id)
        store.save_item(form, key, item_id, checked_answers(form, key, body, group=True), caller(), version)
        return respond(output.model_validate(store.find_item(form, key, item_id)), etag=form.version)

    @_edit(f"Remove {group.one}")
    def remove(number: str, item_id: str):
        form, version = _editing(number)
        _item_or_404(form, key, item_id)
        store.remove_item(form, key, item_id, caller(), version)
        return respond(None, etag=form.version)

    _add(path, f"add_{group.key}", add, "POST")
    _add(f"{path}/<item_id:item_id>", f"change_{group.key}", change, "PUT")
    _add(f"{path}/<item_id:item_id>", f"remove_{group.key}", remove, "DELETE")


def _edit(summary: str, description: str = EDIT_NOTE, **details) -> Callable:
    """How a change to a draft's answers declares itself: by its editors, against the version they read."""
    return versioned(summary, TAG, roles=EDITORS, description=description, **details)


def _editing(number: str) -> tuple[TriggerForm, int]:
    """The form in the caller's scope, and the version they read of it."""
    form = get_form_or_404(number, caller())
    return form, expected_version(form)


def _item_or_404(form, key: str, item_id: str) -> None:
    if store.find_item(form, key, item_id) is None:
        raise Problem(404, f"Form {form.number} has no such item in section {key}.")


def _add(path: str, endpoint: str, view: Callable, method: str) -> None:
    view.__name__ = endpoint
    bp.add_url_rule(path, endpoint, view, methods=[method])


for _section in SECTIONS:
    _section_routes(_section)
    if _section.group:
        _group_routes(_section)
