"""Administration: users (create, change role and scope, disable), the admin audit trail, exports."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.access import allow
from triggerflow.admin import users as user_admin
from triggerflow.admin.audit import ACTION_LABELS
from triggerflow.db import db
from triggerflow.exports import describe
from triggerflow.input_ids import number_or
from triggerflow.models import Force, Region, Role, User
from triggerflow.queries import accounts as account_queries
from triggerflow.queries import admin as admin_queries
from triggerflow.web.admin.forms import ROLE_HINTS, NewUserForm, UserDetailsForm
from triggerflow.web.edit_page import edit_page
from triggerflow.workflow.errors import Invalid

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@allow(Role.ADMIN)
def index():
    return render_template("admin/index.html")


@bp.get("/users")
@allow(Role.ADMIN)
def users():
    search = request.args.get("q", "").strip()
    return render_template(
        "admin/users.html", search=search, users=admin_queries.users(number_or(request.args.get("page"), 1), search)
    )


@bp.route("/users/new", methods=["GET", "POST"])
@allow(Role.ADMIN)
def new_user():
    page = NewUserForm()

    def save():
        user = user_admin.create(
            current_user,
            email=page.email.data,
            name=page.name.data,
            password=page.password.data,
            **_role_and_scope(page),
        )
        flash(f"{user.role.label} {user.name} created", "success")
        return redirect(url_for("admin.user", user_id=user.id))

    return edit_page(page, save, "admin/user_form.html", user=None, hints=ROLE_HINTS)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@allow(Role.ADMIN)
def user(user_id: int):
    person = db.session.get(User, user_id) or abort(404)
    page = UserDetailsForm(
        data={
            "name": person.name,
            "role": person.role.value,
            "force": person.force.code if person.force else "",
            "region": person.region.code if person.region else "",
        }
    )

    def save():
        user_admin.change(current_user, person, name=page.name.data, **_role_and_scope(page))
        flash(f"{person.name}'s details saved", "success")
        return redirect(url_for("admin.user", user_id=person.id))

    return edit_page(
        page,
        save,
        "admin/user_form.html",
        user=person,
        hints=ROLE_HINTS,
        sessions=account_queries.live_sessions(person.id),
    )


@bp.post("/users/<int:user_id>/active")
@allow(Role.ADMIN)
def set_active(user_id: int):
    person = db.session.get(User, user_id) or abort(404)
    active = request.form.get("active") == "yes"
    try:
        user_admin.set_active(current_user, person, active)
    except Invalid as invalid:
        flash(next(iter(invalid.errors.values())))
    else:
        flash(f"{person.name} {'can sign in again' if active else 'is disabled and signed out'}", "success")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.get("/audit")
@allow(Role.ADMIN)
def events():
    return render_template(
        "admin/events.html", events=admin_queries.events(number_or(request.args.get("page"), 1)), labels=ACTION_LABELS
    )


@bp.get("/exports")
@allow(Role.ADMIN)
def exports():
    return render_template(
        "admin/exports.html",
        exports=admin_queries.exports(number_or(request.args.get("page"), 1)),
        describe_export=describe,
    )


def _role_and_scope(page: UserDetailsForm) -> dict:
    force = _by_code(Force, page.force.data)
    region = _by_code(Region, page.region.data)
    return {"role": Role(page.role.data), "force": force, "region": region}


def _by_code(model, code: str | None):
    return db.session.scalar(select(model).where(model.code == code)) if code else None
