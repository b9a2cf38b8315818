"""Administrators set up the identity providers people may sign in through (accounts.openid)."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from triggerflow.access import allow
from triggerflow.admin import identity_providers as providers_admin
from triggerflow.db import db
from triggerflow.models import IdentityProvider, Role
from triggerflow.web.admin.identity_provider_form import IdentityProviderForm
from triggerflow.web.edit_page import edit_page

bp = Blueprint("admin_identity", __name__, url_prefix="/admin/identity-providers")


@bp.get("")
@allow(Role.ADMIN)
def index():
    found = db.session.scalars(select(IdentityProvider).order_by(IdentityProvider.name))
    return render_template("admin/identity_providers.html", providers=list(found))


@bp.route("/new", methods=["GET", "POST"])
@allow(Role.ADMIN)
def new():
    return _edit(None, IdentityProviderForm(creating=True))


@bp.route("/<int:provider_id>", methods=["GET", "POST"])
@allow(Role.ADMIN)
def edit(provider_id: int):
    provider = db.session.get(IdentityProvider, provider_id) or abort(404)
    data = {
        "name": provider.name,
        "belongs_to": providers_admin.belongs_to(provider),
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "email_domain": provider.email_domain,
        "enabled": "yes" if provider.enabled else "no",
    }
    return _edit(provider, IdentityProviderForm(creating=False, data=data))


@bp.post("/<int:provider_id>/remove")
@allow(Role.ADMIN)
def remove(provider_id: int):
    provider = db.session.get(IdentityProvider, provider_id) or abort(404)
    providers_admin.remove(current_user, provider)
    flash(f"{provider.name} has been removed: nobody can sign in with it now", "success")
    return redirect(url_for("admin_identity.index"))


def _edit(provider: IdentityProvider | None, form: IdentityProviderForm):
    def save():
        saved = providers_admin.save(current_user, provider, form.values())
        flash(f"{saved.name} is saved", "success")
        return redirect(url_for("admin_identity.index"))

    return edit_page(form, save, "admin/identity_provider.html", provider=provider)
