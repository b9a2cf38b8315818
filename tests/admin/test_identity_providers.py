"""Administrators set up each force's or region's identity provider on its own pages: every change
audited (never the client secret), bad input refused with GOV.UK errors and nothing saved."""

from sqlalchemy import select

from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db
from triggerflow.models import AdminEvent, IdentityProvider

ENTRA = {
    "name": "Dorset Police",
    "belongs_to": "force:DOR",
    "issuer": "https://login.microsoftonline.com/2f1c4e0a-0000-4000-8000-000000000001/v2.0",
    "client_id": "0d6b5f3e-0000-4000-8000-000000000002",
    "client_secret": "first-secret",
    "email_domain": "Dorset.Police.UK",
    "enabled": "yes",
}


def audit() -> list[AdminEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AdminEvent).order_by(AdminEvent.id)))


def providers() -> list[IdentityProvider]:
    db.session.expire_all()
    return list(db.session.scalars(select(IdentityProvider)))


def test_an_administrator_sets_up_entra_id_for_a_force_and_it_is_audited_without_the_secret(people, sign_in):
    admin = sign_in(people.admin)
    response = admin.post("/admin/identity-providers/new", data=ENTRA)
    assert response.status_code == 302
    (provider,) = providers()
    assert (provider.force.code, provider.email_domain, provider.client_secret, provider.enabled) == (
        "DOR",
        "dorset.police.uk",
        "first-secret",
        True,
    )
    (event,) = audit()
    assert (event.actor_id, event.action, event.target) == (
        people.admin.id,
        "add_identity_provider",
        "Identity provider Dorset Police",
    )
    assert event.after["issuer"] == ENTRA["issuer"] and event.after["client_secret_changed"] is True
    assert "first-secret" not in str(event.after) + str(event.before)
    listed = parse(admin.get("/admin/identity-providers")).one(id="identity-providers")
    assert [td.text for td in listed.find("tbody").find_all("td")] == [
        "Dorset Police",
        "Dorset Police",
        "dorset.police.uk",
        "On",
    ]


def test_a_blank_secret_keeps_the_one_saved_and_the_change_is_audited(people, sign_in):
    admin = sign_in(people.admin)
    admin.post("/admin/identity-providers/new", data=ENTRA)
    (provider,) = providers()
    page = parse(admin.get(f"/admin/identity-providers/{provider.id}"))
    assert page.find("input", name="client_secret").get("value", "") == ""
    response = admin.post(
        f"/admin/identity-providers/{provider.id}", data={**ENTRA, "client_secret": "", "enabled": "no"}
    )
    assert response.status_code == 302
    (provider,) = providers()
    assert (provider.client_secret, provider.enabled) == ("first-secret", False)
    changed = audit()[-1]
    assert (changed.action, changed.before["enabled"], changed.after["enabled"]) == (
        "change_identity_provider",
        True,
        False,
    )
    assert changed.after["client_secret_changed"] is False


def test_an_issuer_that_is_not_https_is_refused_and_what_was_typed_is_kept(people, sign_in):
    response = sign_in(people.admin).post(
        "/admin/identity-providers/new", data={**ENTRA, "issuer": "http://login.example", "email_domain": "x"}
    )
    page = parse(response)
    assert response.status_code == 400
    assert error_summary(page) == [
        ("Enter the issuer as an https address, like https://login.microsoftonline.com/your-tenant-id/v2.0", "#issuer"),
        ("Enter a domain like dorset.police.uk", "#email_domain"),
    ]
    assert page.find("input", name="issuer")["value"] == "http://login.example"
    assert providers() == [] and audit() == []


def test_a_new_provider_needs_a_secret_and_a_force_has_only_one(people, sign_in):
    admin = sign_in(people.admin)
    response = admin.post("/admin/identity-providers/new", data={**ENTRA, "client_secret": ""})
    assert error_summary(parse(response)) == [("Enter the client secret", "#client_secret")]
    admin.post("/admin/identity-providers/new", data=ENTRA)
    second = admin.post("/admin/identity-providers/new", data={**ENTRA, "name": "Dorset again"})
    assert second.status_code == 422
    assert error_summary(parse(second)) == [
        ("That force or region already has an identity provider: change that one", "#belongs_to")
    ]
    assert [p.name for p in providers()] == ["Dorset Police"]


def test_removing_a_provider_is_audited(people, sign_in):
    admin = sign_in(people.admin)
    admin.post("/admin/identity-providers/new", data=ENTRA)
    (provider,) = providers()
    assert admin.post(f"/admin/identity-providers/{provider.id}/remove").status_code == 302
    assert providers() == []
    assert [e.action for e in audit()] == ["add_identity_provider", "remove_identity_provider"]


def test_other_roles_cannot_open_the_pages(people, sign_in):
    for user in (people.spoc, people.assessor, people.national_manager):
        assert sign_in(user).get("/admin/identity-providers").status_code == 403
