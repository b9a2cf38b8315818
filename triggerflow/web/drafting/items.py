"""Adding, changing and removing one repeating item: a subject, an offence or an intelligence item."""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.content import store
from triggerflow.content.sections import item_title
from triggerflow.inputs.section_forms import RemoveItemForm, answers_from, draft_form
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
    if not page.validate_on_submit():
        return render_item(form, section_or_404(key), page, item)
    try:
        store.save_item(
            form,
            key,
            item_id,
            answers_from(page, shown_specs(form, group.fields, item or {})),
            current_user,
            expected_version=page.expected_version,
        )
    except StaleForm as stale:
        return render_item(form, section_or_404(key), page, item, conflict=stale.message), 409
    except LookupError:
        abort(404)
    flash(f"{group.singular.capitalize()} {'saved' if item_id else 'added'}", "success")
    return redirect(url_for("drafting.section", number=number, key=key, _anchor=group.key))


@allow(Role.OFFICER, Role.SPOC)
def remove_item(number: str, key: str, item_id: str):
    form, group = editable_form(number), group_or_404(key)
    item = _item_or_404(form, key, item_id)
    page = RemoveItemForm(data=None if request.method == "POST" else {"version": form.version})
    if not page.validate_on_submit():
        return render_remove(form, section_or_404(key), page, item)
    try:
        store.remove_item(form, key, item_id, current_user, expected_version=page.expected_version)
    except StaleForm as stale:
        return render_remove(form, section_or_404(key), page, item, conflict=stale.message), 409
    except LookupError:
        abort(404)
    flash(f"{item_title(group, item)} removed", "success")
    return redirect(url_for("drafting.section", number=number, key=key, _anchor=group.key))


def _item_or_404(form: TriggerForm, key: str, item_id: str) -> dict:
    item = store.find_item(form, key, item_id)
    if item is None:
        abort(404)
    return item
