"""The force's operations register: what it is running against which groups, form or no form."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.db import utcnow
from triggerflow.force_operations import RECORDERS, record
from triggerflow.models import Role
from triggerflow.queries import force_operations
from triggerflow.web.edit_page import edit_page
from triggerflow.web.force_operations.forms import OperationForm

bp = Blueprint("force_operations", __name__, url_prefix="/operations")


@bp.get("/")
@allow(Role.OFFICER, Role.SPOC, Role.MANAGER)
def index():
    return render_template(
        "force_operations/index.html",
        operations=force_operations.of_force(current_user),
        today=utcnow().date(),
        may_record=current_user.role in RECORDERS,
    )


@bp.route("/new", methods=["GET", "POST"])
@allow(*RECORDERS)
def new():
    page = OperationForm()

    def save():
        record(
            current_user,
            name=page.name.data,
            started_on=page.started_on.data,
            target=page.target.data,
            form_number=page.form_number.data,
            today=utcnow().date(),
        )
        flash(f"{page.name.data} is on {current_user.force.name}’s operations register", "success")
        return redirect(url_for("force_operations.index"))

    return edit_page(page, save, "force_operations/new.html")
