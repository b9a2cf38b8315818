"""Signing in (password, then the two-factor code where needed) and signing out."""

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.access import ANY_ROLE, PUBLIC, allow
from triggerflow.accounts import held, sessions
from triggerflow.accounts import sign_in as steps
from triggerflow.db import db, transaction
from triggerflow.models import IdentityProvider, SessionStage
from triggerflow.web.auth import current
from triggerflow.web.auth.forms import CodeForm, SignInForm

bp = Blueprint("auth", __name__)
bp.before_app_request(current.confine_until_enrolled)

REFUSED = "Enter a correct email address and password"
WRONG_CODE = "Enter a correct code"
TOO_MANY = (
    "There have been too many failed attempts to sign in from your network. Wait {minutes} minutes, then try again."
)
LOCKED = "You entered too many wrong codes. Wait a few minutes, then sign in again."


def _safe_next(target: str | None) -> str:
    # Only a path on this site, so a crafted link cannot send people elsewhere after sign-in.
    # Browsers read "/\evil.example" as "//evil.example" and drop tabs and newlines, so refuse those too.
    parts = urlsplit(target or "")
    if (
        not target
        or parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(char) < 32 for char in target)
    ):
        return url_for("home.index")
    return target


def _client() -> dict[str, str]:
    return {"address": request.remote_addr or "unknown"}


@bp.route("/sign-in", methods=["GET", "POST"])
@allow(PUBLIC)
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if form.validate_on_submit():
        outcome = steps.with_password(
            form.email.data, form.password.data, **_client(), user_agent=request.headers.get("User-Agent", "")
        )
        if not outcome.refused:
            current.start(outcome.session_id)
            return _after_password(outcome.stage, outcome.user)
        form.email.errors.append(TOO_MANY.format(minutes=outcome.wait_minutes) if outcome.wait_minutes else REFUSED)
        return _sign_in_page(form), 429 if outcome.wait_minutes else 200
    return _sign_in_page(form)


def _sign_in_page(form: SignInForm):
    any_provider = db.session.scalar(select(IdentityProvider.id).where(IdentityProvider.enabled).limit(1))
    return render_template("auth/sign_in.html", form=form, organisation_sign_in=any_provider is not None)


def _after_password(stage: SessionStage, user):
    next_page = _safe_next(request.args.get("next"))
    if stage is SessionStage.CODE:
        return redirect(url_for("auth.code", next=next_page))
    if stage is SessionStage.ENROL:
        return redirect(url_for("account.two_factor"))
    return _signed_in(user, next_page)


def _signed_in(user, next_page: str):
    kept = held.take(user)
    if kept is not None:
        return render_template("auth/resume.html", held=kept)
    return redirect(next_page)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@allow(PUBLIC)
def code():
    pending = current.current_session()
    if pending is None or pending.stage is not SessionStage.CODE:
        return redirect(url_for("auth.sign_in"))
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        outcome = steps.with_code(pending, form.code.data, **_client())
        if not outcome.refused:
            current.start(outcome.session_id)
            return _signed_in(outcome.user, _safe_next(request.args.get("next")))
        if outcome.locked:
            flash(LOCKED)
            return redirect(url_for("auth.sign_in"))
        form.code.errors.append(TOO_MANY.format(minutes=outcome.wait_minutes) if outcome.wait_minutes else WRONG_CODE)
        status = 429 if outcome.wait_minutes else 200
    return render_template("auth/code.html", form=form), status


@bp.post("/sign-out")
@allow(*ANY_ROLE)
def sign_out():
    row = current.current_session() or abort(400)
    with transaction():
        sessions.end(row, "signed_out")
    return current.signed_out()
