"""Adding, changing and removing one repeating item: a subject, an offence or an intelligence item."""

from collections.abc import Callable
from functools import partial

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.content import store
from triggerflow.content.sections import item_title
from triggerflow.inputs.section_forms import DraftForm, RemoveItemForm, answers_from, draft_form
from triggerflow.models import Role, TriggerForm
from triggerflow.web.drafting.pages import editable_form, group_or_404, render_item, render_remove, section_or_404
from triggerflow.web.drafting.reveal import shown_specs
from triggerflow.workflow.errors import StaleForm


@allow(Role.OFFICER, Role.SPOC)
def new_item(number: str, key: str):
    return _item_page(number, key, None)


@allow(Role.OFFICER, Role.SPOC)
def change_item(number: str, key: str, item_id: str):
    return _item_page(number, key, item_id)


def _item_page(number: str, key: str, item_id: str | None):
    form, group = editable_form(number), group_or_404(key)
    item = _item_or_404(form, key, item_id) if item_id else None
    stored = None if request.method == "POST" else (item or {})
    page = draft_form(form, key, stored, group=True)

    def save():
        answers = answers_from(page, shown_specs(form, group.fields, item or {}))
        store.save_item(form, key, item_id, answers, current_user, expected_version=page.expected_version)

    return _posted(
        page,
        partial(render_item, form, section_or_404(key), page, item),
        save,
        f"{group.singular.capitalize()} {'saved' if item_id else 'added'}",
        url_for("drafting.section", number=number, key=key, _anchor=group.key),
    )


@allow(Role.OFFICER, Role.SPOC)
def remove_item(number: str, key: str, item_id: str):
    form, group = editable_form(number), group_or_404(key)
    item = _item_or_404(form, key, item_id)
    page = RemoveItemForm(data=None if request.method == "POST" else {"version": form.version})
    return _posted(
        page,
        partial(render_remove, form, section_or_404(key), page, item),
        lambda: store.remove_item(form, key, item_id, current_user, expected_version=page.expected_version),
        f"{item_title(group, item)} removed",
        url_for("drafting.section", number=number, key=key, _anchor=group.key),
    )


def _posted(page: DraftForm, show: Callable[..., str], write: Callable[[], object], done: str, back: str):
    """The page until what was posted passes its checks; then the store's `write` and back to the section,
    or the page again with the conflict when someone changed the form since it was shown."""
    if not page.validate_on_submit():
        return show()
    try:
        write()
    except StaleForm as stale:
        return show(conflict=stale.message), 409
    except LookupError:
        abort(404)
    flash(done, "success")
    return redirect(back)


def _item_or_404(form: TriggerForm, key: str, item_id: str) -> dict:
    item = store.find_item(form, key, item_id)
    if item is None:
        abort(404)
    return item
