"""Administration of forces (the SPOC gate) and of the criteria thresholds."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.admin import criteria as criteria_admin
from triggerflow.admin.forces import set_spoc_gate
from triggerflow.db import db
from triggerflow.input_ids import number_or
from triggerflow.models import Force, Role
from triggerflow.queries import admin as admin_queries
from triggerflow.queries import criteria_versions
from triggerflow.web.admin.forms import thresholds_form
from triggerflow.workflow.errors import Invalid, StaleForm

bp = Blueprint("admin_settings", __name__, url_prefix="/admin")

STALE_THRESHOLDS = (
    "The thresholds were changed by someone else since you opened this page. Nothing has been "
    "saved. Check the thresholds in force now and try again."
)


@bp.get("/forces")
@allow(Role.ADMIN)
def forces():
    return render_template("admin/forces.html", forces=admin_queries.forces())


@bp.post("/forces/<int:force_id>/spoc-gate")
@allow(Role.ADMIN)
def spoc_gate(force_id: int):
    force = db.session.get(Force, force_id) or abort(404)
    on = request.form.get("spoc_gate") == "on"
    set_spoc_gate(current_user, force, on)
    flash(f"SPOC gate {'on' if on else 'off'} for {force.name}", "success")
    return redirect(url_for("admin_settings.forces", _anchor=f"force-{force.code}"))


@bp.route("/criteria", methods=["GET", "POST"])
@allow(Role.ADMIN)
def criteria():
    current = criteria_versions.current()
    page = thresholds_form(current.limits, current.number)
    status = 200
    if page.validate_on_submit():
        try:
            version = criteria_admin.change_thresholds(
                current_user, page.limits(), page.reason.data, number_or(page.version.data, -1)
            )
        except StaleForm:
            page.version.data = str(criteria_versions.current().number)
            page.problems.append({"text": STALE_THRESHOLDS, "href": None})
            status = 409
        except Invalid as invalid:
            page.add_errors(invalid.errors)
            status = 422
        else:
            flash(f"Criteria v{version.number} is now in force", "success")
            return redirect(url_for("criteria.index", _anchor="versions"))
    elif page.is_submitted():
        status = 400
    return render_template("admin/criteria.html", form=page, current=current), status
