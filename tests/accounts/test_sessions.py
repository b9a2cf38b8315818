"""Server-side sessions: a random id in the cookie, the session in the database, ended at once."""

import hashlib
from datetime import timedelta

from sqlalchemy import event

from config import ProductionConfig
from tests import factories
from tests.accounts.sessions_helpers import age_sessions, sessions_of
from tests.web.htmlpage import parse
from triggerflow import create_app
from triggerflow.db import db
from triggerflow.models import SessionStage

COOKIE = "triggerflow_session"


def cookie_contents(app, client) -> dict:
    cookie = client.get_cookie(COOKIE)
    return app.session_interface.get_signing_serializer(app).loads(cookie.value) if cookie else {}


def test_signing_in_keeps_the_session_in_the_database_and_only_a_random_id_in_the_cookie(app, people, sign_in):
    client = sign_in(people.officer)
    (row,) = sessions_of(people.officer)
    session_id = cookie_contents(app, client)["sid"]
    assert (row.stage, len(session_id) >= 40) == (SessionStage.SIGNED_IN, True)
    assert row.token_hash == hashlib.sha256(session_id.encode()).hexdigest() != session_id
    assert people.officer.email not in str(cookie_contents(app, client))


def test_signing_in_always_starts_a_new_session_id_whatever_the_cookie_held(app, people, client):
    planted = app.session_interface.get_signing_serializer(app).dumps({"sid": "chosen-by-an-attacker"})
    client.set_cookie(COOKIE, planted)
    client.post("/sign-in", data={"email": people.officer.email, "password": factories.PASSWORD})
    assert cookie_contents(app, client)["sid"] not in ("chosen-by-an-attacker", None)
    assert client.get("/").status_code == 200


def test_signing_out_ends_the_session_for_every_copy_of_the_cookie(app, people, sign_in):
    client = sign_in(people.officer)
    copy = app.test_client()
    copy.set_cookie(COOKIE, client.get_cookie(COOKIE).value)
    assert copy.get("/").status_code == 200
    client.post("/sign-out")
    assert sessions_of(people.officer) == []
    assert copy.get("/").location.startswith("/sign-in")


def test_after_30_idle_minutes_the_session_has_ended_and_the_person_is_told_why(people, sign_in):
    client = sign_in(people.officer)
    age_sessions(people.officer, idle=timedelta(minutes=31))
    response = client.get("/criteria/")
    assert response.location == "/sign-in?next=/criteria/"
    assert (
        "You were signed out because you had not used TriggerFlow for 30 minutes"
        in parse(client.get(response.location)).find("main").text
    )
    assert sessions_of(people.officer) == []


def test_a_session_used_within_30_minutes_goes_on_and_is_seen_again(people, sign_in):
    client = sign_in(people.officer)
    age_sessions(people.officer, idle=timedelta(minutes=29))
    before = sessions_of(people.officer)[0].last_seen_at
    assert client.get("/").status_code == 200
    assert sessions_of(people.officer)[0].last_seen_at - before >= timedelta(minutes=29)


def test_12_hours_after_signing_in_the_session_ends_however_busy(people, sign_in):
    client = sign_in(people.officer)
    age_sessions(people.officer, since_sign_in=timedelta(hours=12, minutes=1))
    assert client.get("/").location.startswith("/sign-in")


def test_the_timeouts_are_configurable(app, people, sign_in):
    app.config.update(SESSION_IDLE_MINUTES=5, SESSION_ABSOLUTE_HOURS=1)
    idle, long = sign_in(people.officer), sign_in(people.spoc)
    age_sessions(people.officer, idle=timedelta(minutes=6))
    age_sessions(people.spoc, since_sign_in=timedelta(minutes=61))
    assert idle.get("/").location.startswith("/sign-in") and long.get("/").location.startswith("/sign-in")


def test_a_page_costs_one_read_of_the_session_and_no_write_within_a_minute(app, people, sign_in):
    client = sign_in(people.officer)
    client.get("/")
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731  (conn, cursor, statement, ...)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert client.get("/criteria/").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert [s.split()[0] for s in statements if "user_sessions" in s] == ["SELECT"]


def test_disabling_a_user_deletes_their_sessions(people, sign_in):
    sign_in(people.spoc), sign_in(people.spoc)
    admin = sign_in(people.admin)
    admin.post(f"/admin/users/{people.spoc.id}/active", data={"active": "no"})
    assert sessions_of(people.spoc) == []


def test_the_cookie_is_httponly_and_samesite_lax_under_test(people, client):
    client.post("/sign-in", data={"email": people.officer.email, "password": factories.PASSWORD})
    cookie = client.get_cookie(COOKIE)
    assert (cookie.http_only, cookie.same_site, cookie.secure) == (True, "Lax", False)


def test_in_production_the_cookie_is_host_prefixed_secure_httponly_and_samesite_lax(app, people, monkeypatch):
    monkeypatch.delenv("TRIGGERFLOW_DEMO_DATA", raising=False)

    class Production(ProductionConfig):
        SECRET_KEY = "a-long-random-production-secret-key-0123456789"
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]

    production = create_app(Production)
    browser = production.test_client()
    site = "https://triggerflow.example"
    form = parse(browser.get("/sign-in", base_url=site))
    response = browser.post(
        "/sign-in",
        base_url=site,
        headers={"Referer": f"{site}/sign-in"},
        data={
            "email": people.officer.email,
            "password": factories.PASSWORD,
            "csrf_token": form.find("input", name="csrf_token")["value"],
        },
    )
    assert response.status_code == 302
    (set_cookie,) = response.headers.getlist("Set-Cookie")
    attributes = {part.strip().split("=")[0].lower() for part in set_cookie.split(";")[1:]}
    assert set_cookie.startswith("__Host-triggerflow_session=")
    assert attributes == {"secure", "httponly", "path", "samesite"} and "Path=/" in set_cookie
    assert "SameSite=Lax" in set_cookie
    with production.app_context():
        db.engine.dispose()
