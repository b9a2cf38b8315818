"""Administrators set up each force's or region's identity provider; every change is audited.

The client secret is never written to the audit trail: only whether it changed.
"""

from typing import Any

from sqlalchemy import select

from triggerflow.admin import audit
from triggerflow.db import db, transaction
from triggerflow.models import Force, IdentityProvider, Region, Role, User
from triggerflow.workflow.errors import ActionNotAllowed, Invalid

AUDITED = ("name", "belongs_to", "issuer", "client_id", "email_domain", "enabled")


def save(actor: User, provider: IdentityProvider | None, values: dict[str, Any]) -> IdentityProvider:
    """Create (provider None) or change a provider. `values`: name, belongs_to ("force:DOR" or "region:SW"),
    issuer, client_id, client_secret (blank keeps the current one), email_domain, enabled."""
    if actor.role is not Role.ADMIN:
        raise ActionNotAllowed("Only administrators set up identity providers")
    force, region = _owner(values["belongs_to"])
    taken = db.session.scalar(
        select(IdentityProvider.id).where(
            IdentityProvider.force_id == force.id if force else IdentityProvider.region_id == region.id
        )
    )
    if taken is not None and (provider is None or taken != provider.id):
        raise Invalid({"belongs_to": "That force or region already has an identity provider: change that one"})
    if provider is None and not values.get("client_secret"):
        raise Invalid({"client_secret": "Enter the client secret"})
    before = _audited(provider) if provider else {}
    action = "change_identity_provider" if provider else "add_identity_provider"
    provider = provider or IdentityProvider()
    old_secret = provider.client_secret
    for name in ("name", "issuer", "client_id", "email_domain", "enabled"):
        setattr(provider, name, values[name])
    provider.force, provider.region = force, region
    provider.force_id, provider.region_id = (force.id if force else None), (region.id if region else None)
    provider.client_secret = values.get("client_secret") or old_secret
    after = _audited(provider) | {"client_secret_changed": provider.client_secret != old_secret}
    with transaction():
        db.session.add(provider)
        audit.record(actor, action, target(provider), before, after)
    return provider


def remove(actor: User, provider: IdentityProvider) -> None:
    if actor.role is not Role.ADMIN:
        raise ActionNotAllowed("Only administrators set up identity providers")
    with transaction():
        audit.record(actor, "remove_identity_provider", target(provider), _audited(provider), {})
        db.session.delete(provider)


def target(provider: IdentityProvider) -> str:
    return f"Identity provider {provider.name}"


def belongs_to(provider: IdentityProvider) -> str:
    return f"force:{provider.force.code}" if provider.force else f"region:{provider.region.code}"


def _audited(provider: IdentityProvider) -> dict[str, Any]:
    return {name: belongs_to(provider) if name == "belongs_to" else getattr(provider, name) for name in AUDITED}


def _owner(belongs: str) -> tuple[Force | None, Region | None]:
    kind, _, code = belongs.partition(":")
    model = {"force": Force, "region": Region}.get(kind)
    found = db.session.scalar(select(model).where(model.code == code)) if model else None
    if found is None:
        raise Invalid({"belongs_to": "Select the force or region from the list"})
    return (found, None) if kind == "force" else (None, found)
