"""Saving a form's answers while it is with the force: whole sections and repeating items.

Saving never runs the completeness rules: a draft may be saved half-finished at any time.
Every save checks the version the user's page was built from, so nobody overwrites a change
they have not seen.
"""

import uuid
from copy import deepcopy
from typing import Any

from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.db import transaction
from triggerflow.models import TriggerForm, User
from triggerflow.rollups import store as rollups
from triggerflow.search import index as search_index
from triggerflow.workflow.errors import ActionNotAllowed, refuse_if_stale
from triggerflow.workflow.permissions import may_edit


def save_section(
    form: TriggerForm, section_key: str, values: dict[str, Any], actor: User, expected_version: int | None
) -> None:
    """Replace the section's own fields named in `values`; its other fields and repeating items are kept."""
    _write(form, actor, expected_version, _section_change(section_key, values))


def answers_after_saving(form: TriggerForm, section_key: str, values: dict[str, Any]) -> dict[str, Any]:
    """The form's answers as save_section would leave them, saving nothing: for the live checklist."""
    answers = deepcopy(form.answers or {})
    _section_change(section_key, values)(answers)
    return answers


def _section_change(section_key: str, values: dict[str, Any]):
    known = {f.name for f in SECTIONS_BY_KEY[section_key].fields}
    return lambda answers: answers.setdefault(section_key, {}).update(
        {name: value for name, value in values.items() if name in known}
    )


def save_item(
    form: TriggerForm,
    section_key: str,
    item_id: str | None,
    values: dict[str, Any],
    actor: User,
    expected_version: int | None,
) -> str:
    """Add an item (item_id None) or change one; returns the item's id."""
    group = SECTIONS_BY_KEY[section_key].group
    known = {f.name for f in group.fields}
    clean = {name: value for name, value in values.items() if name in known}
    new_id = item_id or uuid.uuid4().hex[:12]

    def change(answers):
        items = answers.setdefault(section_key, {}).setdefault(group.key, [])
        if item_id is None:
            items.append({"id": new_id, **clean})
            return
        for item in items:
            if item.get("id") == item_id:
                item.update(clean)
                return
        raise LookupError(item_id)

    _write(form, actor, expected_version, change)
    return new_id


def remove_item(form: TriggerForm, section_key: str, item_id: str, actor: User, expected_version: int | None) -> None:
    group = SECTIONS_BY_KEY[section_key].group

    def change(answers):
        items = answers.setdefault(section_key, {}).setdefault(group.key, [])
        kept = [item for item in items if item.get("id") != item_id]
        if len(kept) == len(items):
            raise LookupError(item_id)
        answers[section_key][group.key] = kept

    _write(form, actor, expected_version, change)


def find_item(form: TriggerForm, section_key: str, item_id: str) -> dict[str, Any] | None:
    group = SECTIONS_BY_KEY[section_key].group
    items = form.answers_for(section_key).get(group.key) or []
    return next((item for item in items if item.get("id") == item_id), None)


def _write(form: TriggerForm, actor: User, expected_version: int | None, change) -> None:
    if not may_edit(form, actor):
        raise ActionNotAllowed(f"{actor.email} may not change {form.number} now")
    refuse_if_stale(form, expected_version)
    # A new dict, not an in-place change: SQLAlchemy only notices a JSON column reassigned.
    answers = deepcopy(form.answers or {})
    with transaction():
        change(answers)
        form.answers = answers
        _copy_filter_columns(form)
        rollups.refile(form)
        search_index.refresh(form)


def _copy_filter_columns(form: TriggerForm) -> None:
    identity = form.answers_for("A")
    form.threat_type = identity.get("threat_type") or None
    form.primary_theme = identity.get("primary_theme") or None
    form.working_name = (identity.get("working_name") or "").strip()[:200] or None
    running = form.answers_for("H").get("operation_running")
    form.operation_running = {"yes": True, "no": False}.get(running)
