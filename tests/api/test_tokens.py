"""Personal tokens: random, kept only as a hash, expiring, revocable, and never more than their user."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from tests.api.conftest import ApiClient
from triggerflow.accounts import tokens
from triggerflow.db import db, utcnow
from triggerflow.models import ApiToken, Role


def test_a_new_token_is_random_shown_once_and_kept_only_as_its_hash(people):
    first, second = tokens.issue(people.officer, "Nightly import"), tokens.issue(people.officer, "Another")
    assert first.secret.startswith("tfp_") and len(first.secret) > 40 and first.secret != second.secret
    stored = db.session.scalars(select(ApiToken)).all()
    assert first.secret not in {value for token in stored for value in (token.token_hash, token.prefix, token.name)}
    assert first.token.token_hash == tokens.digest(first.secret)
    assert first.token.prefix == first.secret[:12]
    assert first.token.expires_at - first.token.created_at == timedelta(days=90)


def test_the_api_knows_the_caller_and_notes_when_the_token_was_last_used(app, people, api):
    issued = tokens.issue(people.spoc, "Case system")
    client = ApiClient(app.test_client(), issued.secret)
    me = client.get("/me").get_json()
    assert (me["email"], me["role"], me["force"]["code"]) == (people.spoc.email, "spoc", "DOR")
    assert me["token"]["name"] == "Case system"
    db.session.expire_all()
    assert db.session.get(ApiToken, issued.token.id).last_used_at is not None


def test_revoked_expired_and_deactivated_users_tokens_stop_working(app, people):
    revoked, expired, leaver = (tokens.issue(people.officer, name) for name in ("Revoked", "Expired", "Leaver"))
    tokens.revoke(revoked.token)
    expired.token.expires_at = utcnow() - timedelta(minutes=1)
    people.officer2.active = False
    db.session.commit()
    leaver2 = tokens.issue(people.officer2, "Leaver's")
    for issued in (revoked, expired, leaver2):
        response = ApiClient(app.test_client(), issued.secret).get("/me")
        assert response.status_code == 401 and response.get_json()["type"].endswith("/invalid-token")
    assert ApiClient(app.test_client(), leaver.secret).get("/me").status_code == 200


def test_a_token_carries_its_users_role_as_it_is_now(app, people):
    issued = tokens.issue(people.officer, "Mine")
    client = ApiClient(app.test_client(), issued.secret)
    assert client.get("/measures/backlog").status_code == 403
    people.officer.role, people.officer.force_id = Role.MANAGER, people.officer.force_id
    db.session.commit()
    assert client.get("/measures/backlog").status_code == 200


def test_only_a_bearer_token_in_the_authorization_header_is_accepted(app, people):
    issued = tokens.issue(people.officer, "Mine")
    client = app.test_client()
    assert client.get("/api/v1/me", headers={"Authorization": issued.secret}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"Basic {issued.secret}"}).status_code == 401
    assert client.get(f"/api/v1/me?token={issued.secret}").status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": f"bearer {issued.secret}"}).status_code == 200


def test_an_administrator_issues_a_token_for_a_service_account_from_the_command_line(app, people):
    service = factories.user(Role.OFFICER, force_code="DOR", email="records-system@dorset.police.uk")
    result = app.test_cli_runner().invoke(
        args=["create-token", "records-system@dorset.police.uk", "--name", "Records system", "--days", "30"]
    )
    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert secret.startswith("tfp_") and "cannot be shown again" in result.stderr
    (token,) = tokens.tokens_of(service)
    assert (token.name, token.issued_via, token.token_hash) == ("Records system", "cli", tokens.digest(secret))
    assert ApiClient(app.test_client(), secret).get("/me").get_json()["email"] == service.email

    unknown = app.test_cli_runner().invoke(args=["create-token", "nobody@example.org", "--name", "X"])
    assert unknown.exit_code != 0 and "No active user" in unknown.output
