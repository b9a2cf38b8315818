"""Signing in and out: one generic refusal, no open redirect, Argon2id hashes."""

import pytest
from argon2 import extract_parameters

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.accounts import passwords
from triggerflow.db import db

REFUSAL = [("Enter a correct email address and password", "#email")]


def sign_in(client, email: str, password: str = factories.PASSWORD, next_: str | None = None):
    return client.post(
        "/sign-in" + (f"?next={next_}" if next_ is not None else ""), data={"email": email, "password": password}
    )


def test_the_right_password_signs_the_person_in(people, client):
    response = sign_in(client, people.officer.email)
    assert (response.status_code, response.location) == (302, "/")
    banner = parse(client.get("/")).find("header").text
    assert f"Signed in as {people.officer.name}" in banner


def test_the_email_address_is_not_case_sensitive(people, client):
    assert sign_in(client, people.officer.email.upper()).status_code == 302


@pytest.mark.parametrize("who", ["a wrong password", "an unknown email address", "a disabled account"])
def test_every_failed_sign_in_gets_the_same_message(people, client, who):
    if who == "a disabled account":
        people.officer.active = False
        db.session.commit()
    email = "nobody@test.police.uk" if who == "an unknown email address" else people.officer.email
    password = "not-the-password" if who == "a wrong password" else factories.PASSWORD
    response = sign_in(client, email, password)
    assert response.status_code == 200
    assert error_summary(parse(response)) == REFUSAL
    assert client.get("/").location.startswith("/sign-in")


def test_the_form_keeps_the_email_address_but_never_the_password(people, client):
    page = parse(sign_in(client, people.officer.email, "not-the-password"))
    assert page.find("input", id="email")["value"] == people.officer.email
    assert page.find("input", id="password").get("value", "") == ""


def test_an_empty_form_asks_for_both_fields(client):
    response = client.post("/sign-in", data={"email": "", "password": ""})
    assert [text for text, _ in error_summary(parse(response))] == ["Enter your email address", "Enter your password"]


def test_an_account_disabled_while_signed_in_is_signed_out(people, client):
    sign_in(client, people.officer.email)
    people.officer.active = False
    db.session.commit()
    assert client.get("/").location.startswith("/sign-in")


def test_signing_out_is_a_post_and_ends_the_session(people, client):
    sign_in(client, people.officer.email)
    assert client.get("/sign-out").status_code == 405
    assert client.get("/").status_code == 200
    response = client.post("/sign-out")
    assert (response.status_code, response.location) == (302, "/sign-in")
    assert client.get("/").location.startswith("/sign-in")


def test_after_signing_in_the_person_goes_back_where_they_were(people, client):
    response = sign_in(client, people.officer.email, next_="/criteria/")
    assert response.location == "/criteria/"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "%2F%2Fevil.example",
        "/%09/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "https:/evil.example",
    ],
)
def test_a_next_address_off_the_site_is_ignored(people, client, target):
    response = sign_in(client, people.officer.email, next_=target)
    assert (response.status_code, response.location) == (302, "/")


def test_an_anonymous_visitor_is_sent_to_sign_in_and_then_back(people, client):
    first = client.get("/criteria/")
    assert first.location == "/sign-in?next=/criteria/"
    assert sign_in(client, people.officer.email, next_="/criteria/").location == "/criteria/"


def test_passwords_are_stored_as_argon2id(people):
    assert people.officer.password_hash.startswith("$argon2id$")
    assert factories.PASSWORD not in people.officer.password_hash


def test_outside_tests_passwords_use_argon2id_at_or_above_the_owasp_minimum():
    parameters = extract_parameters(passwords.hash_password("a long enough password"))
    # OWASP: Argon2id with at least 19 MiB of memory and 2 iterations.
    assert (parameters.type.name, parameters.memory_cost >= 19 * 1024, parameters.time_cost >= 2) == ("ID", True, True)


def test_a_hash_with_weaker_parameters_is_upgraded_at_sign_in(app, people, client):
    weak = people.officer.password_hash
    app.config["PASSWORD_HASHING"] = passwords.STANDARD
    assert sign_in(client, people.officer.email).status_code == 302
    db.session.expire_all()
    assert people.officer.password_hash != weak
    assert extract_parameters(people.officer.password_hash) == passwords.PROFILES[passwords.STANDARD]
