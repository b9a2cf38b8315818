"""Administrators sign a user out (one session or all) and turn off a lost two-factor sign-in."""

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user

from triggerflow.access import allow
from triggerflow.admin import users as user_admin
from triggerflow.db import db
from triggerflow.models import Role, User, UserSession
from triggerflow.workflow.errors import Invalid

bp = Blueprint("admin_sign_in", __name__, url_prefix="/admin/users/<int:user_id>")


@bp.post("/sessions/end")
@allow(Role.ADMIN)
def end_sessions(user_id: int):
    person = db.session.get(User, user_id) or abort(404)
    ended = user_admin.end_sessions(current_user, person)
    flash(f"{person.name} has been signed out of {ended} {'session' if ended == 1 else 'sessions'}", "success")
    return _user_page(person)


@bp.post("/sessions/<int:session_id>/end")
@allow(Role.ADMIN)
def end_session(user_id: int, session_id: int):
    person = db.session.get(User, user_id) or abort(404)
    row = db.session.get(UserSession, session_id)
    if row is None or row.user_id != person.id:
        abort(404)
    user_admin.end_sessions(current_user, person, row)
    flash(f"{person.name} has been signed out of {row.device}", "success")
    return _user_page(person)


@bp.post("/two-factor/off")
@allow(Role.ADMIN)
def turn_off_two_factor(user_id: int):
    person = db.session.get(User, user_id) or abort(404)
    try:
        user_admin.turn_off_two_factor(current_user, person)
    except Invalid as invalid:
        flash(next(iter(invalid.errors.values())))
    else:
        flash(f"Two-factor sign-in is off for {person.name}, who has been signed out", "success")
    return _user_page(person)


def _user_page(person: User):
    # An administrator who has just ended their own session is sent to sign in from there.
    return redirect(url_for("admin.user", user_id=person.id, _anchor="sign-in"))
