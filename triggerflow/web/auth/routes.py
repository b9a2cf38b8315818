"""Signing in and out."""
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from triggerflow.accounts.users import authenticate
from triggerflow.db import db
from triggerflow.extensions import login_manager
from triggerflow.models import User
from triggerflow.web.access import ANY_ROLE, PUBLIC, allow
from triggerflow.web.auth.forms import SignInForm

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    # "<id>.<session_version>" (User.get_id): a disabled user, or one whose role or scope changed,
    # is signed out at the next request; so is a session from before session versions existed.
    user_id, _, version = session_id.partition(".")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    return user if user and user.active and user.session_version == int(version) else None


def _safe_next(target: str | None) -> str:
    # Only a path on this site, so a crafted link cannot send people elsewhere after sign-in.
    # Browsers read "/\evil.example" as "//evil.example" and drop tabs and newlines, so refuse those too.
    parts = urlsplit(target or "")
    if (not target or parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//")
            or "\\" in target or any(ord(char) < 32 for char in target)):
        return url_for("home.index")
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
@allow(PUBLIC)
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.email.errors.append("Enter a correct email address and password")
    return render_template("auth/sign_in.html", form=form)


@bp.post("/sign-out")
@allow(*ANY_ROLE)
def sign_out():
    logout_user()
    flash("You have signed out.")
    return redirect(url_for("auth.sign_in"))
