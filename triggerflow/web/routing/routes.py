"""Regional managers route the ROCTA's work: reassign or release one form, or reassign several."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.clocks.working_days import local_today
from triggerflow.db import db
from triggerflow.input_ids import number_or
from triggerflow.models import Role, User
from triggerflow.queries import assignments
from triggerflow.queries.scope import get_form_or_404
from triggerflow.web.routing.forms import RELEASE, BulkReassignForm, ReassignForm
from triggerflow.workflow import routing
from triggerflow.workflow.errors import ActionNotAllowed, Invalid, StaleForm

bp = Blueprint("routing", __name__)


@bp.route("/forms/<number>/reassign", methods=["GET", "POST"])
@allow(Role.MANAGER)
def reassign(number: str):
    form = get_form_or_404(number, current_user)
    if not routing.may_reassign(form, current_user):
        abort(403)
    page = ReassignForm.build(form, local_today())
    page.offer(form, assignments.assessors_of(form.force.region_id))
    status = 400 if page.is_submitted() else 200
    if page.validate_on_submit():
        status = page.save(
            form, lambda: routing.reassign(form, current_user, _chosen(page), page.reason.data, page.expected_version)
        )
        if status is None:
            flash(_done(form), "success")
            return redirect(url_for("forms.overview", number=number))
    return render_template("routing/reassign.html", form=form, decision_form=page), status


def _chosen(page: ReassignForm) -> User | None:
    return None if page.assessor.data == RELEASE else db.session.get(User, int(page.assessor.data))


def _done(form) -> str:
    if form.assessor is None:
        return f"Form {form.number} released to the regional queue"
    return f"Form {form.number} reassigned to {form.assessor.name}"


@bp.route("/assign", methods=["GET", "POST"])
@allow(Role.MANAGER)
def work():
    if not current_user.manages_region(current_user.region_id):
        abort(403)  # only a regional manager routes a region's work
    people = assignments.assessors_of(current_user.region_id)
    holder = number_or(request.args.get("assessor"), None)
    page = BulkReassignForm()
    page.offer(people)
    status = 200
    if page.validate_on_submit():
        try:
            moved = _reassign_selected(page)
        except StaleForm as stale:
            page.problems.append({"text": stale.message, "href": None})
            status = 409
        except (Invalid, ActionNotAllowed) as refused:
            page.add_errors(getattr(refused, "errors", {"forms": str(refused)}))
            status = 422
        else:
            flash(
                f"{moved} form{'s' if moved != 1 else ''} reassigned to "
                f"{db.session.get(User, int(page.assessor.data)).name}",
                "success",
            )
            return redirect(url_for("routing.work", assessor=holder))
    elif page.is_submitted():
        status = 400
    work_page = assignments.regional_work(current_user, number_or(request.args.get("page"), 1), assessor_id=holder)
    return render_template(
        "routing/work.html",
        form=page,
        work=work_page,
        assessors=people,
        holder=holder,
        chosen={value.partition(":")[0] for value in page.forms.data or []},
    ), status


def _reassign_selected(page: BulkReassignForm) -> int:
    selected = page.selected()
    found = assignments.forms_by_number(current_user, [number for number, _ in selected])
    if len(found) != len(selected):
        raise Invalid({"forms": "One of the selected forms is no longer in your region's work"})
    assessor = db.session.get(User, int(page.assessor.data))
    routing.reassign_many(
        [(found[number], version) for number, version in selected], current_user, assessor, page.reason.data
    )
    return len(selected)
