"""Your account: changing the password, seeing and ending sessions; administrators ending anyone's."""

from sqlalchemy import func, select

from tests import factories
from tests.accounts.sessions_helpers import sessions_of
from tests.accounts.two_factor_helpers import enrol
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db
from triggerflow.models import AdminEvent, RecoveryCode, User

NEW_PASSWORD = "lantern harbour orchard"


def change(client, current=factories.PASSWORD, new=NEW_PASSWORD, confirm=None):
    return client.post(
        "/account/password",
        data={
            "current_password": current,
            "new_password": new,
            "confirm_password": new if confirm is None else confirm,
        },
    )


def test_the_account_page_shows_who_you_are_and_links_to_what_you_can_change(people, sign_in):
    client = sign_in(people.officer)
    assert parse(client.get("/")).find("a", href="/account/").text == "Your account"
    page = parse(client.get("/account/"))
    summary = page.find(id="account").text
    assert people.officer.email in summary and "Force officer, Dorset Police" in summary
    assert page.find(id="two-factor-status").text.startswith("Off.")
    assert {a["href"] for a in page.find(id="account").find_all("a")} == {
        "/account/password",
        "/account/two-factor",
        "/account/sessions",
    }


def test_the_password_form_has_the_right_autocomplete_attributes(people, sign_in):
    page = parse(sign_in(people.officer).get("/account/password"))
    assert [(i["name"], i["autocomplete"]) for i in page.find("main").find_all("input", type="password")] == [
        ("current_password", "current-password"),
        ("new_password", "new-password"),
        ("confirm_password", "new-password"),
    ]


def test_changing_the_password_needs_the_current_one_and_an_acceptable_new_one(people, sign_in):
    client = sign_in(people.officer)
    cases = [
        (change(client, current="not-my-password"), ("Your current password is not right", "#current_password")),
        (
            change(client, new="qwerty123456"),
            ("Choose a password that is harder to guess: this one is too common", "#new_password"),
        ),
        (change(client, confirm="something else"), ("Enter the same new password twice", "#confirm_password")),
        (change(client, new="short"), ("The password must be at least 12 characters", "#new_password")),
    ]
    for response, problem in cases:
        assert response.status_code == 400 and problem in error_summary(parse(response))


def test_a_new_password_signs_you_out_everywhere_else_and_replaces_the_old_one(people, sign_in, app):
    elsewhere, client = sign_in(people.officer), sign_in(people.officer)
    response = change(client)
    assert response.location == "/account/"
    assert "You have been signed out everywhere else" in client.get("/account/").get_data(True)
    assert elsewhere.get("/").location.startswith("/sign-in") and len(sessions_of(people.officer)) == 1
    old = app.test_client().post("/sign-in", data={"email": people.officer.email, "password": factories.PASSWORD})
    new = app.test_client().post("/sign-in", data={"email": people.officer.email, "password": NEW_PASSWORD})
    assert (old.status_code, new.status_code) == (200, 302)


def test_you_see_your_sessions_and_can_end_another_one(people, sign_in):
    other, client = sign_in(people.officer), sign_in(people.officer)
    sign_in(people.spoc)
    table = parse(client.get("/account/sessions")).find("table", id="sessions")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 2 and "This browser" in rows[0].text and "127.0.0.1" in rows[1].text
    other_id = sessions_of(people.officer)[0].id
    response = client.post(f"/account/sessions/{other_id}/end")
    assert response.location == "/account/sessions"
    assert other.get("/").location.startswith("/sign-in") and client.get("/").status_code == 200


def test_ending_your_own_session_signs_you_out_and_others_sessions_are_out_of_reach(people, sign_in):
    client = sign_in(people.officer)
    sign_in(people.spoc)
    spoc_session = sessions_of(people.spoc)[0].id
    assert client.post(f"/account/sessions/{spoc_session}/end").status_code == 404
    own = sessions_of(people.officer)[0].id
    assert client.post(f"/account/sessions/{own}/end").location == "/sign-in"
    assert client.get("/").location.startswith("/sign-in") and len(sessions_of(people.spoc)) == 1


def test_signing_out_everywhere_else_keeps_this_browser(people, sign_in):
    first, second, client = sign_in(people.officer), sign_in(people.officer), sign_in(people.officer)
    client.post("/account/sessions/end-others")
    assert len(sessions_of(people.officer)) == 1 and client.get("/").status_code == 200
    assert first.get("/").status_code == second.get("/").status_code == 302


def admin_events(action: str) -> list[AdminEvent]:
    return list(db.session.scalars(select(AdminEvent).where(AdminEvent.action == action)))


def test_an_administrator_sees_a_users_sessions_and_signs_them_out(people, sign_in):
    officer = sign_in(people.officer)
    sign_in(people.officer)
    admin = sign_in(people.admin)
    page = parse(admin.get(f"/admin/users/{people.officer.id}"))
    assert len(page.find("table", id="sessions").find("tbody").find_all("tr")) == 2
    first = sessions_of(people.officer)[0].id
    admin.post(f"/admin/users/{people.officer.id}/sessions/{first}/end")
    assert officer.get("/").location.startswith("/sign-in") and len(sessions_of(people.officer)) == 1
    admin.post(f"/admin/users/{people.officer.id}/sessions/end")
    assert sessions_of(people.officer) == []
    assert [e.after for e in admin_events("end_sessions")] == [{"sessions_ended": 1}, {"sessions_ended": 1}]
    assert admin.post(f"/admin/users/{people.spoc.id}/sessions/{first}/end").status_code == 404


def test_an_administrator_turns_off_a_lost_two_factor_sign_in(people, sign_in):
    enrol(people.officer)
    admin = sign_in(people.admin)
    assert (
        "Two-factor sign-in has been on since"
        in parse(admin.get(f"/admin/users/{people.officer.id}")).find(id="user-two-factor").text
    )
    admin.post(f"/admin/users/{people.officer.id}/two-factor/off")
    db.session.expire_all()
    assert not db.session.get(User, people.officer.id).has_two_factor
    assert db.session.scalar(select(func.count(RecoveryCode.id))) == 0
    assert [e.after for e in admin_events("turn_off_two_factor")] == [{"two_factor": False}]
    assert sign_in(people.officer).get("/").status_code == 200  # the password alone signs in again
