"""Your account: password, two-factor sign-in, and the sessions you are signed in with."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.accounts import sessions, two_factor
from triggerflow.accounts.sign_in import set_up_two_factor
from triggerflow.accounts.users import change_password
from triggerflow.db import db, transaction
from triggerflow.models import SessionStage, UserSession
from triggerflow.queries import accounts as account_queries
from triggerflow.web.account.forms import ChangePasswordForm, TwoFactorForm
from triggerflow.web.auth import current

bp = Blueprint("account", __name__, url_prefix="/account")

OFFER_EXPIRED = "The code was for a set-up that has expired. Add the new key below to your app, then enter its code"
WRONG_CODE = "Enter the code your app shows now for TriggerFlow"


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    return render_template(
        "account/index.html",
        codes_left=account_queries.recovery_codes_left(current_user.id),
        required=two_factor.required_for(current_user),
    )


@bp.route("/password", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        problems = change_password(
            current_user, form.current_password.data, form.new_password.data, current.current_session()
        )
        if not problems:
            flash("Your password has been changed. You have been signed out everywhere else.", "success")
            return redirect(url_for("account.index"))
        form.add_errors(problems)
    return render_template("account/password.html", form=form), 400 if form.has_errors else 200


@bp.route("/two-factor", methods=["GET", "POST"], endpoint="two_factor")
@allow(*ANY_ROLE)
def two_factor_page():
    if current_user.has_two_factor:
        return redirect(url_for("account.index"))
    form = TwoFactorForm()
    secret = two_factor.offered_secret(current_user, form.offer.data) if form.is_submitted() else None
    if form.validate_on_submit():
        if secret is None:
            form.add_errors({"code": OFFER_EXPIRED})
        else:
            codes, session_id = set_up_two_factor(current.current_session(), secret, form.code.data)
            if codes is not None:
                if session_id:
                    current.start(session_id)
                return _show_recovery_codes(codes, set_up=True)
            form.add_errors({"code": WRONG_CODE})
    if secret is None:
        secret, form.offer.data = two_factor.offer_secret(current_user)
    return render_template(
        "account/two_factor.html",
        form=form,
        secret=secret,
        qr_code=two_factor.qr_code(current_user, secret),
        two_factor_required=current.current_session().stage is SessionStage.ENROL,
    ), 400 if form.has_errors else 200


@bp.post("/two-factor/recovery-codes")
@allow(*ANY_ROLE)
def new_recovery_codes():
    if not current_user.has_two_factor:
        abort(404)
    with transaction():
        codes = two_factor.new_recovery_codes(current_user)
    return _show_recovery_codes(codes, set_up=False)


def _show_recovery_codes(codes: list[str], set_up: bool):
    response = render_template("account/recovery_codes.html", codes=codes, set_up=set_up)
    return response, 200, {"Cache-Control": "no-store"}


@bp.get("/sessions", endpoint="sessions")
@allow(*ANY_ROLE)
def sessions_page():
    return render_template(
        "account/sessions.html",
        sessions=account_queries.live_sessions(current_user.id),
        this_session=current.current_session().id,
    )


@bp.post("/sessions/<int:session_id>/end")
@allow(*ANY_ROLE)
def end_session(session_id: int):
    row = db.session.get(UserSession, session_id)
    if row is None or row.user_id != current_user.id or row.stage is not SessionStage.SIGNED_IN:
        abort(404)
    this_one = row.id == current.current_session().id
    with transaction():
        sessions.end(row, "ended_by_user")
    if this_one:
        return current.signed_out()
    flash(f"You have been signed out of {row.device}.", "success")
    return redirect(url_for("account.sessions"))


@bp.post("/sessions/end-others")
@allow(*ANY_ROLE)
def end_other_sessions():
    with transaction():
        ended = sessions.end_all(current_user, "ended_by_user", keep=current.current_session())
    flash(f"You have been signed out everywhere else ({ended} {'session' if ended == 1 else 'sessions'}).", "success")
    return redirect(url_for("account.sessions"))
