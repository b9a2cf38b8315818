"""Who is signed in: the session id in the cookie, looked up in user_sessions once per request.

Flask's own session cookie carries only that id, the CSRF token and flash messages; everything that
decides access is in the database. The API never signs anyone in by cookie, only by token.
"""

from urllib.parse import urlsplit

from flask import current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user, logout_user

from triggerflow.accounts import held, sessions
from triggerflow.db import transaction
from triggerflow.extensions import login_manager
from triggerflow.models import SessionStage, User, UserSession

SESSION_KEY = "sid"
TIMED_OUT = "You were signed out because you had not used {service} for {minutes} minutes. Sign in to carry on."
HELD = (
    "You were signed out because you had not used {service} for {minutes} minutes, so what you sent has "
    "not been saved yet. It has been kept: sign in and you can send it again."
)
# All a person who must set up two-factor sign-in may open until they have.
ENROLMENT_ENDPOINTS = {"account.two_factor", "auth.sign_out", "static", "assets.govuk_asset"}


def current_session() -> UserSession | None:
    """The live session behind this request's cookie, looked up once (kept on the request, not in `g`,
    which outlives a request when the app context does)."""
    if not hasattr(request, "user_session"):
        request.user_session = None  # while looking: a security event logged meanwhile sees nobody signed in
        request.user_session = _look_up()
    return request.user_session


def _look_up() -> UserSession | None:
    request.timed_out = None
    session_id = session.get(SESSION_KEY)
    blueprint = current_app.blueprints.get(request.blueprint or "")
    if not session_id or getattr(blueprint, "authenticates_itself", False):
        return None
    row, ended = sessions.find(session_id)
    if row is not None and ended is None:
        return row
    if row is not None:
        request.timed_out = (row.user_id, row.stage)
        with transaction():
            sessions.end(row, ended)
    session.pop(SESSION_KEY, None)
    return None


@login_manager.request_loader
def load_user(_request) -> User | None:
    row = current_session()
    return row.user if row is not None and row.stage is not SessionStage.CODE else None


def start(session_id: str) -> None:
    """Puts a new session id in a fresh cookie: nothing from before signing in is carried over."""
    session.clear()
    session[SESSION_KEY] = session_id
    # Flask-WTF keeps this request's CSRF token in `g`: forget it, so a page rendered now gets a new one.
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


def signed_out():
    """The answer once this browser's session has ended: a fresh, empty cookie and the sign-in page."""
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.sign_in"))


def send_to_sign_in():
    """Anyone not signed in goes to sign in, and back to this page after. What was sent after a timeout
    is held for them (accounts.held)."""
    back_to = request.full_path.rstrip("?") if request.method == "GET" else _page_sent_from()
    timed_out = getattr(request, "timed_out", None)
    if timed_out:
        fields = [(name, value) for name, value in request.form.items(multi=True) if name != "csrf_token"]
        keep = request.method == "POST" and timed_out[1] is SessionStage.SIGNED_IN and fields
        if keep:
            held.hold(timed_out[0], request.full_path.rstrip("?"), back_to, fields)
        flash(
            (HELD if keep else TIMED_OUT).format(
                service=current_app.config["SERVICE_NAME"], minutes=current_app.config["SESSION_IDLE_MINUTES"]
            )
        )
    return redirect(url_for("auth.sign_in", next=back_to))


def _page_sent_from() -> str:
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path.startswith("/"):
        return referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return url_for("home.index")


def confine_until_enrolled():
    """Someone whose role requires two-factor sign-in and who has not set it up can do nothing else."""
    if request.endpoint in ENROLMENT_ENDPOINTS or not current_user.is_authenticated:
        return None
    if current_session().stage is SessionStage.ENROL:
        return redirect(url_for("account.two_factor"))
    return None
