"""The API tokens page: make a token and see it once, see your tokens, revoke one after confirming."""

from sqlalchemy import select

from tests.web.htmlpage import error_summary, parse
from triggerflow.accounts import tokens
from triggerflow.db import db
from triggerflow.models import ApiToken


def test_a_new_token_is_shown_once_with_a_command_to_try_it(people, sign_in):
    client = sign_in(people.officer)
    page = parse(client.get("/api-tokens/"))
    assert page.find("h1").text == "API tokens"
    assert page.find(id="no-tokens").text == "You have no API tokens."
    assert page.find("input", name="days", value="90").get("checked") is not None

    response = client.post("/api-tokens/", data={"name": "Records system import", "days": "30"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    created = parse(response)
    secret = created.find("input", id="token-secret")["value"]
    assert secret.startswith("tfp_")
    assert "You will not be able to see it again" in created.text
    assert f"Bearer {secret}" in created.find(id="token-example").text
    (token,) = db.session.scalars(select(ApiToken)).all()
    assert (token.name, token.token_hash) == ("Records system import", tokens.digest(secret))

    listed = parse(client.get("/api-tokens/"))
    assert secret not in listed.text
    row = [cell.text for cell in listed.find(id="tokens").find("tbody").find_all("td")]
    assert row[0] == "Records system import" and row[1] == f"{secret[:12]}…" and row[4] == "Never"
    assert row[5] == "Active"


def test_a_token_needs_a_name(people, sign_in):
    response = sign_in(people.officer).post("/api-tokens/", data={"name": "  ", "days": "90"})
    assert response.status_code == 400
    assert error_summary(parse(response)) == [("Enter a name for the token", "#name")]
    assert db.session.scalars(select(ApiToken)).all() == []


def test_revoking_asks_first_then_the_token_stops_working(app, people, sign_in):
    issued = tokens.issue(people.officer, "Old laptop script")
    client = sign_in(people.officer)
    listed = parse(client.get("/api-tokens/"))
    link = listed.find("a", href=f"/api-tokens/{issued.token.id}/revoke")
    assert link.text == "Revoke token Old laptop script"
    confirm = parse(client.get(link["href"]))
    assert confirm.find("h1").text == "Revoke token “Old laptop script”?"

    response = client.post(link["href"])
    assert response.status_code == 302 and response.location == "/api-tokens/"
    listed = parse(client.get("/api-tokens/"))
    assert "Token “Old laptop script” revoked" in listed.find(class_="govuk-notification-banner").text
    assert [cell.text for cell in listed.find(id="tokens").find("tbody").find_all("td")][5] == "Revoked"
    assert listed.find("a", href=f"/api-tokens/{issued.token.id}/revoke") is None
    assert app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {issued.secret}"}).status_code == 401


def test_nobody_sees_or_revokes_someone_elses_token(people, sign_in):
    issued = tokens.issue(people.officer, "Mine")
    other = sign_in(people.officer2)
    assert "Mine" not in parse(other.get("/api-tokens/")).text
    assert other.get(f"/api-tokens/{issued.token.id}/revoke").status_code == 404
    assert other.post(f"/api-tokens/{issued.token.id}/revoke").status_code == 404
    db.session.expire_all()
    assert db.session.get(ApiToken, issued.token.id).revoked_at is None
