"""Guessing is slowed down: accounts lock with back-off, addresses are limited, and every refusal
looks the same, whether the account exists or not."""

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update

from tests import factories
from tests.databases import app_for
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db, utcnow
from triggerflow.models import AddressFailures, User

REFUSAL = [("Enter a correct email address and password", "#email")]


def attempt(client, email: str, password: str = "not-the-password", address: str = "127.0.0.1"):
    return client.post("/sign-in", data={"email": email, "password": password}, environ_base={"REMOTE_ADDR": address})


def fresh(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def minutes_locked(user: User) -> float:
    return (fresh(user).locked_until - utcnow()).total_seconds() / 60


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(people, client):
    for _ in range(5):
        attempt(client, people.officer.email)
    assert fresh(people.officer).failed_sign_ins == 5 and 0.9 < minutes_locked(people.officer) <= 1
    response = attempt(client, people.officer.email, factories.PASSWORD)
    assert (response.status_code, error_summary(parse(response))) == (200, REFUSAL)


def test_each_failure_after_a_lockout_doubles_the_wait(people, client):
    waits = []
    for _ in range(7):
        attempt(client, people.officer.email)
        if fresh(people.officer).locked_until:
            waits.append(round(minutes_locked(people.officer)))
            # As if the wait had passed.
            db.session.execute(update(User).where(User.id == people.officer.id).values(locked_until=utcnow()))
            db.session.commit()
    assert waits == [1, 2, 4]


def test_signing_in_clears_the_count_of_failures(people, client):
    for _ in range(4):
        attempt(client, people.officer.email)
    assert attempt(client, people.officer.email, factories.PASSWORD).status_code == 302
    assert (fresh(people.officer).failed_sign_ins, fresh(people.officer).locked_until) == (0, None)


def test_the_lockout_holds_across_processes_because_the_database_counts(people, app):
    other_process = app_for(app.config["SQLALCHEMY_DATABASE_URI"])
    clients = [app.test_client(), other_process.test_client()]
    for n in range(5):
        attempt(clients[n % 2], people.officer.email)
    assert attempt(clients[1], people.officer.email, factories.PASSWORD).status_code == 200
    assert attempt(clients[0], people.officer.email, factories.PASSWORD).status_code == 200
    with other_process.app_context():
        db.engine.dispose()


def test_an_address_with_too_many_failures_waits_whoever_it_tries(app, people, client):
    app.config["SIGN_IN_ADDRESS_FAILURES"] = 3
    for n in range(3):
        attempt(client, f"nobody{n}@test.police.uk", address="10.1.2.3")
    response = attempt(client, people.spoc.email, factories.PASSWORD, address="10.1.2.3")
    assert response.status_code == 429
    assert error_summary(parse(response)) == [
        (
            "There have been too many failed attempts to sign in from your network. Wait 15 minutes, then try again.",
            "#email",
        )
    ]
    assert attempt(app.test_client(), people.spoc.email, factories.PASSWORD, address="10.9.9.9").status_code == 302


def test_an_address_may_try_again_once_its_window_has_passed(app, people, client):
    app.config["SIGN_IN_ADDRESS_FAILURES"] = 2
    for _ in range(2):
        attempt(client, "nobody@test.police.uk", address="10.1.2.3")
    db.session.execute(update(AddressFailures).values(window_started_at=utcnow() - timedelta(minutes=16)))
    db.session.commit()
    assert attempt(client, people.spoc.email, factories.PASSWORD, address="10.1.2.3").status_code == 302
    attempt(app.test_client(), "nobody@test.police.uk", address="10.1.2.3")
    assert db.session.get(AddressFailures, "10.1.2.3", populate_existing=True).failures == 1


def test_a_locked_account_is_refused_with_the_same_page_as_an_unknown_one(people, app):
    for _ in range(5):
        attempt(app.test_client(), people.officer.email)
    responses = {
        email: attempt(app.test_client(), email, factories.PASSWORD)
        for email in (people.officer.email, "nobody@test.police.uk")
    }
    seen = {
        (response.status_code, parse(response).find("main").text.replace(email, "EMAIL"))
        for email, response in responses.items()
    }
    assert len(seen) == 1


@pytest.mark.parametrize("known", [True, False])
def test_every_attempt_runs_one_argon2_verification_whether_or_not_the_account_exists(
    people, client, monkeypatch, known
):
    verified = []
    original = PasswordHasher.verify
    monkeypatch.setattr(
        PasswordHasher,
        "verify",
        lambda self, hashed, password: (verified.append(hashed.split("$")[1]), original(self, hashed, password))[1],
    )
    attempt(client, people.officer.email if known else "nobody@test.police.uk")
    assert verified == ["argon2id"]


def test_failures_and_lockouts_are_recorded_as_security_events_without_the_password(people, client, caplog):
    caplog.set_level("INFO", logger="triggerflow.security")
    for _ in range(5):
        attempt(client, people.officer.email, "wrong-but-secret")
    attempt(client, "nobody@test.police.uk", "wrong-but-secret")
    events = [record.getMessage() for record in caplog.records]
    assert sum('"event": "sign_in.failed"' in e for e in events) == 6
    assert sum('"event": "account.locked"' in e for e in events) == 1
    assert any('"reason": "unknown_email"' in e for e in events)
    assert not any("wrong-but-secret" in e or "nobody@" in e for e in events)
