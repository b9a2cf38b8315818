"""Taking lifecycle actions on a form, and the return items that go with a return."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.assessment import return_items
from triggerflow.clocks.working_days import local_today
from triggerflow.content.sections import SECTIONS_BY_KEY, field_label
from triggerflow.models import Role
from triggerflow.queries import review
from triggerflow.queries.scope import get_form_or_404
from triggerflow.web.decisions.forms import DecisionForm, ResponseForm, ReturnItemForm
from triggerflow.web.decisions.pages import form_for, page_context, success_message
from triggerflow.workflow.definition import ACTIONS, action_for
from triggerflow.workflow.errors import Invalid, StaleForm, is_stale
from triggerflow.workflow.permissions import may_edit
from triggerflow.workflow.service import available_actions, perform

bp = Blueprint("decisions", __name__, url_prefix="/forms/<number>")


@bp.route("/actions/<action>", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def action(number: str, action: str):
    form = get_form_or_404(number, current_user)
    if action not in ACTIONS:
        abort(404)
    page = form_for(action, current_user).build(form, local_today())
    if action not in available_actions(form, current_user):
        if request.method == "POST" and is_stale(form, page.expected_version):
            return _stale(form, action, page)  # the change they have not seen took the action away
        abort(403)
    if not page.validate_on_submit():
        return _action_page(form, action, page, status=400 if page.errors else 200)
    try:
        perform(form, action, current_user, expected_version=page.expected_version, **page.details())
    except StaleForm:
        return _stale(form, action, page)
    except Invalid as invalid:
        page.add_errors({} if invalid.findings else invalid.errors)
        return _action_page(form, action, page, status=422, findings=invalid.findings)
    flash(success_message(action, form), "success")
    return redirect(url_for("forms.overview", number=number))


def _stale(form, action: str, page: DecisionForm):
    """Someone changed the form first: ask again if the action is still open, else show the form as it is."""
    if action in available_actions(form, current_user):
        page.stale(form, StaleForm.message)
        return _action_page(form, action, page, status=409)
    flash(StaleForm.message, "important")
    return redirect(url_for("forms.overview", number=form.number))


def _action_page(form, action: str, page: DecisionForm, status: int, findings=()):
    return render_template(
        page.template,
        form=form,
        action=action,
        meta=action_for(action, current_user),
        decision_form=page,
        findings=findings,
        **page_context(action, form, current_user),
    ), status


@bp.route("/return-items/new", methods=["GET", "POST"])
@allow(Role.ASSESSOR)
def add_item(number: str):
    form = get_form_or_404(number, current_user)
    if "return_to_force" not in available_actions(form, current_user):
        abort(403)
    page = ReturnItemForm()
    if page.validate_on_submit():
        try:
            return_items.add_pending(form, current_user, **page.item())
        except Invalid as invalid:
            page.add_errors(invalid.errors)
        else:
            flash("Return item added", "success")
            return redirect(_after_item_change(number))
    return render_template("decisions/add_item.html", form=form, decision_form=page), 400 if page.has_errors else 200


@bp.post("/return-items/<int:item_id>/remove")
@allow(Role.ASSESSOR)
def remove_item(number: str, item_id: int):
    form = get_form_or_404(number, current_user)
    item = return_items.get_item_or_404(form, item_id, include_pending=True)
    return_items.remove_pending(form, item, current_user)
    flash("Return item removed", "success")
    return redirect(_after_item_change(number))


def _after_item_change(number: str) -> str:
    # Back to the return page when the assessor came from it, else to the form's return items.
    if request.args.get("then") == "return":
        return url_for("decisions.action", number=number, action="return_to_force")
    return url_for("forms.overview", number=number, _anchor="return-items")


@bp.route("/return-items/<int:item_id>/respond", methods=["GET", "POST"])
@allow(Role.OFFICER, Role.SPOC)
def respond(number: str, item_id: int):
    form = get_form_or_404(number, current_user)
    item = return_items.get_item_or_404(form, item_id, include_pending=False)
    if not may_edit(form, current_user) or not item.status.answerable:
        abort(403)
    page = ResponseForm.build(form, local_today(), response=item.response)
    status = 400
    if page.validate_on_submit():
        status = page.save(
            form, lambda: return_items.respond(form, item, current_user, page.response.data, page.expected_version)
        )
        if status is None:
            flash(f"Your response on section {item.section} has been saved", "success")
            return redirect(url_for("forms.overview", number=number, _anchor="return-items"))
    return render_template(
        "decisions/respond.html",
        form=form,
        item=item,
        decision_form=page,
        field_label=field_label,
        section_title=SECTIONS_BY_KEY[item.section].title,
        thread=review.threads([item])[item.id],
    ), status if page.has_errors else 200
