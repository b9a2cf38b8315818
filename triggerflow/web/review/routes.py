"""Reviewing a resubmission: what changed between versions, item threads, internal notes."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.assessment import notes, return_items, threads
from triggerflow.clocks.working_days import local_today
from triggerflow.content.sections import field_label
from triggerflow.input_ids import number_or
from triggerflow.models import Role
from triggerflow.queries import form_page, review
from triggerflow.queries.scope import get_form_or_404
from triggerflow.web.review.comparison import comparison_page
from triggerflow.web.review.forms import CloseItemForm, NoteForm, ReopenItemForm
from triggerflow.workflow.errors import ActionNotAllowed, Invalid

bp = Blueprint("review", __name__, url_prefix="/forms/<number>")


@bp.get("/changes")
@allow(*ANY_ROLE)
def changes(number: str):
    form = get_form_or_404(number, current_user)
    found = review.since_last_review(form, current_user)
    if found is None:
        return render_template("review/nothing_to_compare.html", form=form)
    return comparison_page(form, found.old, found.new, since_review=True)


@bp.get("/compare")
@allow(*ANY_ROLE)
def compare(number: str):
    form = get_form_or_404(number, current_user)
    sequences = [v.sequence for v in form_page.versions(form)]
    if len(sequences) < 2:
        return render_template("review/nothing_to_compare.html", form=form)
    old = number_or(request.args.get("from"), sequences[-2])
    new = number_or(request.args.get("to"), sequences[-1])
    old_version, new_version = review.snapshot(form, old), review.snapshot(form, new)
    if old_version is None or new_version is None:
        abort(404)
    return comparison_page(form, old_version, new_version, since_review=False)


@bp.route("/return-items/<int:item_id>/close", methods=["GET", "POST"])
@allow(Role.ASSESSOR)
def close_item(number: str, item_id: int):
    return _item_page(
        number, item_id, CloseItemForm, threads.close_item, "close", "Return item on section {section} closed"
    )


@bp.route("/return-items/<int:item_id>/reopen", methods=["GET", "POST"])
@allow(Role.ASSESSOR)
def reopen_item(number: str, item_id: int):
    return _item_page(
        number,
        item_id,
        ReopenItemForm,
        threads.reopen_item,
        "reopen",
        "Return item on section {section} reopened: it goes back to the force with your next return",
    )


def _item_page(number: str, item_id: int, form_class, act, verb: str, done: str):
    form = get_form_or_404(number, current_user)
    item = return_items.get_item_or_404(form, item_id, include_pending=False)
    allowed = item.status.closable if verb == "close" else item.status.reopenable
    if not threads.may_review_items(form, current_user) or not allowed:
        abort(403)
    page = form_class.build(form, local_today())
    status = 200
    if page.validate_on_submit():
        try:
            status = page.save(form, lambda: act(form, item, current_user, page.comment.data, page.expected_version))
        except ActionNotAllowed as refused:
            page.add_errors({"comment": str(refused)})
            status = 422
        if status is None:
            flash(done.format(section=item.section), "success")
            return redirect(_back(number, item.id))
    elif page.errors:
        status = 400
    return render_template(
        "review/item.html",
        form=form,
        item=item,
        decision_form=page,
        verb=verb,
        field_label=field_label,
        thread=review.threads([item])[item.id],
        back=_back(number, item.id),
    ), status


def _back(number: str, item_id: int) -> str:
    if request.args.get("then") == "changes":
        return url_for("review.changes", number=number, _anchor=f"return-item-{item_id}")
    return url_for("forms.overview", number=number, _anchor=f"return-item-{item_id}")


@bp.route("/notes/new", methods=["GET", "POST"])
@allow(Role.ASSESSOR, Role.MANAGER)
def add_note(number: str):
    form = get_form_or_404(number, current_user)
    if not notes.may_add_note(form, current_user):
        abort(403)
    page = NoteForm()
    if page.validate_on_submit():
        try:
            notes.add_note(form, current_user, page.body.data)
        except Invalid as invalid:
            page.add_errors(invalid.errors)
        else:
            flash("Internal note added", "success")
            return redirect(url_for("forms.overview", number=number, _anchor="internal-notes"))
    return render_template("review/note.html", form=form, decision_form=page), 400 if page.has_errors else 200
