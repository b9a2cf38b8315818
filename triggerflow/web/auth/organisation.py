"""Signing in with the organisation's own account (OpenID Connect): choose the organisation, sign in
there, come back signed in here, or be told plainly why not."""

import requests
from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.access import PUBLIC, allow
from triggerflow.accounts import openid
from triggerflow.accounts import sign_in as steps
from triggerflow.audit.security_log import security_event
from triggerflow.db import db
from triggerflow.models import IdentityProvider
from triggerflow.web.auth import current
from triggerflow.web.auth.routes import _client, _safe_next, _signed_in

bp = Blueprint("organisation_sign_in", __name__, url_prefix="/sign-in/organisation")
PENDING = "openid"  # in the signed session cookie, between leaving for the provider and coming back

REFUSALS = {
    "email_not_verified": "Your organisation's account did not confirm your email address, so it cannot be "
    "used to sign in. Ask your IT service desk, or sign in with your password.",
    "email_outside_domain": "Your organisation's account gave an email address this organisation's sign-in "
    "is not set up for.",
    "unknown_email": "There is no {service} account for {email}. Ask your {service} administrator or your "
    "force SPOC to set one up.",
    "disabled": "Your {service} account is switched off. Ask your {service} administrator.",
    "outside_provider": "Your {service} account belongs to another force or region: sign in through that "
    "organisation, or with your password.",
}
NOT_COMPLETED = (
    "Signing in with your organisation's account did not complete, so you have not been signed in. "
    "Try again from the start."
)
UNREACHABLE = (
    "{name}'s sign-in service could not be reached. Try again in a few minutes, or sign in with your password."
)


def enabled_providers() -> list[IdentityProvider]:
    return list(
        db.session.scalars(select(IdentityProvider).where(IdentityProvider.enabled).order_by(IdentityProvider.name))
    )


@bp.get("")
@allow(PUBLIC)
def choose():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    return render_template("auth/organisation.html", providers=enabled_providers(), next_page=request.args.get("next"))


@bp.get("/<int:provider_id>")
@allow(PUBLIC)
def start(provider_id: int):
    """A link, not a form: the page's CSP (form-action 'self') stops a form being redirected to the provider.
    It changes nothing but the cookie's note of this sign-in, which only its own callback can use."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    provider = _enabled(provider_id)
    try:
        begun = openid.begin(provider, _callback())
    except (requests.RequestException, ValueError, openid.Refused):
        return _refused(UNREACHABLE.format(name=provider.name), 502)
    session[PENDING] = {**begun.pending, "next": _safe_next(request.args.get("next"))}
    return redirect(begun.url)


@bp.get("/callback")
@allow(PUBLIC)
def callback():
    pending = session.pop(PENDING, None)
    if pending is None:
        security_event("sign_in.failed", reason="no_sign_in_started")
        return _refused(NOT_COMPLETED, 400)
    provider = _enabled(pending["provider_id"])
    try:
        claims = openid.finish(provider, pending, request.args.to_dict(), _callback())
    except openid.Refused as refused:
        security_event("sign_in.failed", reason=refused.reason, identity_provider=provider.name)
        return _refused(NOT_COMPLETED, 400)
    except (requests.RequestException, ValueError):
        return _refused(UNREACHABLE.format(name=provider.name), 502)
    outcome = steps.with_identity_provider(
        provider, claims, **_client(), user_agent=request.headers.get("User-Agent", "")
    )
    if outcome.refused:
        return _refused(
            REFUSALS[outcome.reason].format(service=current_app.config["SERVICE_NAME"], email=claims.get("email")), 403
        )
    current.start(outcome.session_id)
    return _signed_in(outcome.user, pending["next"])


def _enabled(provider_id: int) -> IdentityProvider:
    provider = db.session.get(IdentityProvider, provider_id)
    if provider is None or not provider.enabled:
        abort(404)
    return provider


def _callback() -> str:
    return url_for("organisation_sign_in.callback", _external=True)


def _refused(message: str, status: int):
    return render_template("auth/organisation_refused.html", message=message), status
