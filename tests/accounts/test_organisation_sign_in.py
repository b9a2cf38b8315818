"""Signing in with the organisation's own account, against a real OpenID Connect provider started
here (tests/oidc): a verified e-mail address of an account signs that account in, with its own
roles and scope and no two-factor step; anything else is refused, plainly, and signs nobody in."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from tests.oidc import LocalProvider
from tests.web.htmlpage import parse
from triggerflow.admin import identity_providers
from triggerflow.db import db
from triggerflow.models import SessionStage, UserSession

CALLBACK = "http://localhost/sign-in/organisation/callback"


@pytest.fixture(scope="module")
def local_provider():
    provider = LocalProvider(CALLBACK)
    yield provider
    provider.stop()


@pytest.fixture
def dorset(local_provider, people):
    return identity_providers.save(people.admin, None, local_provider.settings())


def come_back(client, local_provider, provider, login: str, tamper=None, next_page=None):
    """Start at TriggerFlow, sign in at the provider as `login`, come back (with the reply changed by `tamper`)."""
    query = {"next": next_page} if next_page else {}
    leaving = client.get(f"/sign-in/organisation/{provider.id}", query_string=query)
    assert leaving.status_code == 302 and leaving.location.startswith(local_provider.issuer)
    reply = local_provider.sign_in_as(leaving.location, login)
    reply = tamper(reply) if tamper else reply
    parts = urlsplit(reply)
    return client.get(f"{parts.path}?{parts.query}")


def signed_in_as(client) -> str | None:
    page = parse(client.get("/"))
    banner = page.find("form", action="/sign-out")
    return banner.find("strong").text if banner else None


def test_a_verified_email_address_signs_its_account_in_without_a_code(
    client, local_provider, dorset, people, security_log
):
    people.officer.two_factor_secret = "JBSWY3DPEHPK3PXP"  # a password sign-in would ask for a code
    db.session.commit()
    response = come_back(client, local_provider, dorset, people.officer.email, next_page="/search")
    assert response.status_code == 302 and response.location == "/search"
    assert signed_in_as(client) == people.officer.name
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == people.officer.id))
    assert row.stage is SessionStage.SIGNED_IN
    succeeded = [e for e in security_log() if e["event"] == "sign_in.succeeded"]
    assert [(e["subject_user_id"], e["identity_provider"]) for e in succeeded] == [(people.officer.id, "Dorset Police")]


def test_an_unverified_email_address_is_refused(client, local_provider, dorset, people, security_log):
    response = come_back(client, local_provider, dorset, f"unverified:{people.officer.email}")
    assert response.status_code == 403
    assert "did not confirm your email address" in parse(response).one(id="refusal").text
    assert signed_in_as(client) is None
    assert [e["reason"] for e in security_log() if e["event"] == "sign_in.failed"] == ["email_not_verified"]


def test_an_email_address_with_no_account_is_told_so(client, local_provider, dorset):
    response = come_back(client, local_provider, dorset, "nobody@test.police.uk")
    assert response.status_code == 403
    assert parse(response).one(id="refusal").text == (
        "There is no TriggerFlow account for nobody@test.police.uk. Ask your TriggerFlow administrator or your "
        "force SPOC to set one up."
    )
    assert signed_in_as(client) is None


def test_a_person_of_another_force_or_another_domain_is_refused(client, local_provider, dorset, people, ctx):
    assert come_back(client, local_provider, dorset, people.wilts_officer.email).status_code == 403
    identity_providers.save(
        people.admin, dorset, local_provider.settings(email_domain="dorset.police.uk", client_secret="")
    )
    assert come_back(client, local_provider, dorset, people.officer.email).status_code == 403
    assert signed_in_as(client) is None


def test_a_regions_provider_signs_in_its_assessors_and_its_forces_people(client, app, local_provider, people):
    region = identity_providers.save(
        people.admin, None, local_provider.settings(name="South West ROCU", belongs_to="region:SW")
    )
    assert come_back(client, local_provider, region, people.assessor.email).status_code == 302
    assert signed_in_as(client) == people.assessor.name
    assert client.get(f"/sign-in/organisation/{region.id}").location == "/"  # already signed in
    other = app.test_client()
    assert come_back(other, local_provider, region, people.wilts_officer.email).status_code == 302
    assert come_back(app.test_client(), local_provider, region, people.essex_officer.email).status_code == 403


def test_a_reply_to_another_sign_in_or_from_another_issuer_is_refused(
    client, local_provider, dorset, people, security_log
):
    wrong_state = come_back(
        client, local_provider, dorset, people.officer.email, tamper=lambda url: url.replace("state=", "state=x")
    )
    wrong_issuer = come_back(
        client,
        local_provider,
        dorset,
        people.officer.email,
        tamper=lambda url: url.replace("iss=", "iss=https%3A%2F%2Fevil.example"),
    )
    assert (wrong_state.status_code, wrong_issuer.status_code) == (400, 400)
    assert "did not complete" in parse(wrong_issuer).one(id="refusal").text
    assert signed_in_as(client) is None
    reasons = [e["reason"] for e in security_log() if e["event"] == "sign_in.failed"]
    assert reasons == ["wrong_state", "wrong_issuer"]


def test_a_reply_cannot_be_used_twice(client, local_provider, dorset, people):
    leaving = client.get(f"/sign-in/organisation/{dorset.id}")
    reply = urlsplit(local_provider.sign_in_as(leaving.location, people.officer.email))
    assert client.get(f"{reply.path}?{reply.query}").status_code == 302
    client.post("/sign-out", data={})
    stranger = client.application.test_client()
    assert stranger.get(f"{reply.path}?{reply.query}").status_code == 400


def test_a_provider_switched_off_cannot_be_used(client, local_provider, dorset, people):
    identity_providers.save(people.admin, dorset, local_provider.settings(enabled=False, client_secret=""))
    assert client.get(f"/sign-in/organisation/{dorset.id}").status_code == 404
    assert "Dorset Police" not in parse(client.get("/sign-in/organisation")).one("main").text


def test_the_sign_in_page_offers_the_organisations_account_only_once_one_is_set_up(client, local_provider, people):
    assert parse(client.get("/sign-in")).find(id="organisation-sign-in") is None
    identity_providers.save(people.admin, None, local_provider.settings())
    link = parse(client.get("/sign-in")).one(id="organisation-sign-in").find("a")
    assert link["href"] == "/sign-in/organisation"
    assert [a.text for a in parse(client.get(link["href"])).one(id="identity-providers").find_all("a")] == [
        "Sign in with Dorset Police"
    ]
