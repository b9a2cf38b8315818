"""Personal API tokens: make one (shown once), see yours, revoke one."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from triggerflow.access import ANY_ROLE, allow
from triggerflow.accounts import tokens
from triggerflow.db import utcnow
from triggerflow.web.tokens.forms import NewTokenForm, RevokeForm

bp = Blueprint("tokens", __name__, url_prefix="/api-tokens")


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    return _index(NewTokenForm())


@bp.post("/")
@allow(*ANY_ROLE)
def create():
    form = NewTokenForm()
    if not form.validate_on_submit():
        return _index(form), 400
    issued = tokens.issue(current_user, form.name.data, int(form.days.data))
    # Shown in this response and nowhere else: a redirect would have to carry the secret in the
    # session cookie, and the database keeps only its hash.
    page = render_template("tokens/created.html", token=issued.token, secret=issued.secret)
    return page, 200, {"Cache-Control": "no-store"}


@bp.route("/<int:token_id>/revoke", methods=["GET", "POST"])
@allow(*ANY_ROLE)
def revoke(token_id: int):
    token = tokens.own_token(current_user, token_id)
    if token is None:
        abort(404)
    form = RevokeForm()
    if form.validate_on_submit():
        tokens.revoke(token)
        flash(f"Token \u201c{token.name}\u201d revoked. Programs using it can no longer connect.", "success")
        return redirect(url_for("tokens.index"))
    return render_template("tokens/revoke.html", token=token, form=form)


def _index(form: NewTokenForm) -> str:
    return render_template("tokens/index.html", form=form, tokens=tokens.tokens_of(current_user), now=utcnow())
