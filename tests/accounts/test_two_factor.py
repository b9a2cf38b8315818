"""Two-factor sign-in: setting it up with a QR code, signing in with a code or a recovery code."""

import re
from datetime import timedelta

import pyotp
from sqlalchemy import select

from tests.accounts.sessions_helpers import age_sessions, sessions_of
from tests.accounts.two_factor_helpers import enrol, next_code, password_step
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db
from triggerflow.models import RecoveryCode, SessionStage, User


def set_up_page(client):
    page = parse(client.get("/account/two-factor"))
    secret = page.find(id="secret-key").text.replace(" ", "")
    return page, secret, page.find("input", name="offer")["value"]


def fresh(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def test_anyone_can_set_up_two_factor_sign_in_with_a_qr_code_and_gets_recovery_codes_once(people, sign_in):
    client = sign_in(people.officer)
    page, secret, offer = set_up_page(client)
    qr = page.find(id="qr-code").find("svg")
    assert qr["role"] == "img" and "authenticator app" in qr.find("title").text
    assert page.find("input", name="code")["autocomplete"] == "one-time-code"

    response = client.post("/account/two-factor", data={"offer": offer, "code": pyotp.TOTP(secret).now()})
    codes = [li.text for li in parse(response).find(id="recovery-codes").find_all("li")]
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert len(codes) == 10 and all(re.fullmatch(r"([a-z2-9]{4}-){3}[a-z2-9]{4}", code) for code in codes)
    assert fresh(people.officer).totp_secret == secret
    stored = db.session.scalars(select(RecoveryCode.code_hash).where(RecoveryCode.user_id == people.officer.id))
    assert not set(stored) & {code.replace("-", "") for code in codes}
    assert "Two-factor sign-in" in client.get("/account/").get_data(True)
    assert client.get("/account/two-factor").location == "/account/"


def test_showing_the_set_up_page_stores_nothing_and_offers_a_new_key_each_time(people, sign_in):
    client = sign_in(people.officer)
    first, second = set_up_page(client)[1], set_up_page(client)[1]
    assert first != second and len(first) == 32
    assert fresh(people.officer).totp_secret is None


def test_a_wrong_code_keeps_the_same_key_and_says_what_to_do(people, sign_in):
    client = sign_in(people.officer)
    _, secret, offer = set_up_page(client)
    response = client.post("/account/two-factor", data={"offer": offer, "code": "000000"})
    page = parse(response)
    assert response.status_code == 400
    assert error_summary(page) == [("Enter the code your app shows now for TriggerFlow", "#code")]
    assert page.find(id="secret-key").text.replace(" ", "") == secret
    assert fresh(people.officer).totp_secret is None


def test_a_key_offered_to_someone_else_cannot_be_used(people, sign_in):
    _, secret, offer = set_up_page(sign_in(people.spoc))
    response = sign_in(people.officer).post(
        "/account/two-factor", data={"offer": offer, "code": pyotp.TOTP(secret).now()}
    )
    assert response.status_code == 400 and "set-up that has expired" in error_summary(parse(response))[0][0]
    assert fresh(people.officer).totp_secret is None


def test_with_two_factor_on_the_password_alone_does_not_sign_in(people, client):
    secret, _ = enrol(people.officer)
    response = password_step(client, people.officer, next_="/criteria/")
    assert response.location == "/sign-in/code?next=/criteria/"
    assert client.get("/").location.startswith("/sign-in")
    (pending,) = sessions_of(people.officer)
    assert pending.stage is SessionStage.CODE
    pending_hash = pending.token_hash

    page = parse(client.get("/sign-in/code"))
    assert page.find("input", name="code")["autocomplete"] == "one-time-code"
    response = client.post("/sign-in/code?next=/criteria/", data={"code": next_code(secret)})
    assert response.location == "/criteria/"
    (signed_in,) = sessions_of(people.officer)
    assert signed_in.stage is SessionStage.SIGNED_IN and signed_in.token_hash != pending_hash
    assert client.get("/").status_code == 200


def test_a_code_is_accepted_once_only(people, app):
    secret, _ = enrol(people.officer)
    first, second = app.test_client(), app.test_client()
    password_step(first, people.officer), password_step(second, people.officer)
    code = next_code(secret)
    assert first.post("/sign-in/code", data={"code": code}).status_code == 302
    response = second.post("/sign-in/code", data={"code": code})
    assert error_summary(parse(response)) == [("Enter a correct code", "#code")]


def test_each_recovery_code_signs_in_once(people, app):
    _, codes = enrol(people.officer)
    first, second = app.test_client(), app.test_client()
    password_step(first, people.officer), password_step(second, people.officer)
    assert first.post("/sign-in/code", data={"code": codes[3].upper().replace("-", " ")}).status_code == 302
    assert second.post("/sign-in/code", data={"code": codes[3]}).status_code == 200
    assert second.post("/sign-in/code", data={"code": codes[4]}).status_code == 302


def test_wrong_codes_lock_the_account_and_end_the_half_finished_sign_in(people, client):
    enrol(people.officer)
    password_step(client, people.officer)
    for _ in range(4):
        assert client.post("/sign-in/code", data={"code": "123456"}).status_code == 200
    response = client.post("/sign-in/code", data={"code": "123456"})
    assert response.location == "/sign-in"
    assert "You entered too many wrong codes" in client.get("/sign-in").get_data(True)
    assert sessions_of(people.officer) == []
    assert password_step(client, people.officer).status_code == 200  # locked, even with the right password


def test_the_code_must_come_within_10_minutes_of_the_password(people, client):
    enrol(people.officer)
    password_step(client, people.officer)
    age_sessions(people.officer, since_sign_in=timedelta(minutes=11))
    assert client.get("/sign-in/code").location == "/sign-in"


def test_where_the_role_requires_it_nothing_else_opens_until_it_is_set_up(app, people, client):
    app.config["TWO_FACTOR_REQUIRED_ROLES"] = ("assessor",)
    assert password_step(client, people.assessor).location == "/account/two-factor"
    (pending,) = sessions_of(people.assessor)
    assert pending.stage is SessionStage.ENROL
    pending_hash = pending.token_hash
    for path in ("/", "/criteria/", "/account/", "/account/sessions"):
        assert client.get(path).location == "/account/two-factor", path
    page, secret, offer = set_up_page(client)
    assert "Your role needs two-factor sign-in" in page.find("main").text
    client.post("/account/two-factor", data={"offer": offer, "code": pyotp.TOTP(secret).now()})
    (signed_in,) = sessions_of(people.assessor)
    assert signed_in.stage is SessionStage.SIGNED_IN and signed_in.token_hash != pending_hash
    assert client.get("/").status_code == 200


def test_where_the_role_requires_it_the_person_may_still_sign_out_before_setting_it_up(app, people, client):
    app.config["TWO_FACTOR_REQUIRED_ROLES"] = ("admin",)
    password_step(client, people.admin)
    assert client.post("/sign-out").location == "/sign-in"
    assert sessions_of(people.admin) == []


def test_the_code_page_without_a_password_first_sends_the_visitor_to_sign_in(client):
    assert client.get("/sign-in/code").location == "/sign-in"
    assert client.post("/sign-in/code", data={"code": "123456"}).location == "/sign-in"
