"""Editing a form's sections and repeating items while it is with the force."""

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.content import store
from triggerflow.content.sections import SECTIONS, Section
from triggerflow.inputs.section_forms import answers_from, draft_form
from triggerflow.models import Role
from triggerflow.web.drafting import items, live_check
from triggerflow.web.drafting.pages import editable_form, render_section, section_or_404
from triggerflow.web.drafting.reveal import shown_specs
from triggerflow.workflow.errors import StaleForm

bp = Blueprint("drafting", __name__, url_prefix="/forms/<number>/sections")


@bp.route("/<key>", methods=["GET", "POST"])
@allow(Role.OFFICER, Role.SPOC)
def section(number: str, key: str):
    form, section = editable_form(number), section_or_404(key)
    page = draft_form(form, key, None if request.method == "POST" else form.answers_for(key))
    if not page.validate_on_submit():
        return render_section(form, section, page)
    try:
        shown = shown_specs(form, section.fields, form.answers_for(key))
        store.save_section(form, key, answers_from(page, shown), current_user, expected_version=page.expected_version)
    except StaleForm as stale:
        return render_section(form, section, page, conflict=stale.message), 409
    flash(f"Section {key} saved", "success")
    return redirect(_after_saving(number, section, page.next_step.data))


def _after_saving(number: str, section: Section, next_step: str | None) -> str:
    position = SECTIONS.index(section)
    if next_step == "add" and section.group:
        return url_for("drafting.new_item", number=number, key=section.key)
    if next_step == "continue" and position + 1 < len(SECTIONS):
        return url_for("drafting.section", number=number, key=SECTIONS[position + 1].key)
    return url_for("forms.overview", number=number)


bp.add_url_rule("/<key>/items/new", "new_item", items.new_item, methods=["GET", "POST"])
bp.add_url_rule("/<key>/items/<item_id>", "item", items.change_item, methods=["GET", "POST"])
bp.add_url_rule("/<key>/check", "check", live_check.check, methods=["POST"])
bp.add_url_rule("/<key>/items/<item_id>/remove", "remove_item", items.remove_item, methods=["GET", "POST"])
