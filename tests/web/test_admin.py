"""The administration pages: users, forces, criteria thresholds and the audit trail."""

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.admin.criteria import change_thresholds
from triggerflow.db import db
from triggerflow.models import AdminEvent, Force, Role, User


def fresh_user(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def test_only_administrators_reach_administration(people, sign_in):
    for person in (people.officer, people.assessor, people.regional_manager, people.national_manager):
        client = sign_in(person)
        assert client.get("/admin/").status_code == 403
        assert client.post(f"/admin/users/{people.spoc.id}/active", data={"active": "no"}).status_code == 403
    nav = parse(sign_in(people.admin).get("/")).find(class_="govuk-service-navigation")
    assert "Administration" in nav.text


def test_an_administrator_creates_a_user_and_sees_it_in_the_audit_trail(people, sign_in):
    client = sign_in(people.admin)
    response = client.post(
        "/admin/users/new",
        data={
            "name": "Rhiannon Evans",
            "email": "rhiannon.evans@wiltshire.police.uk",
            "role": "spoc",
            "force": "WIL",
            "region": "",
            "password": "temporary-password-1",
        },
    )
    created = db.session.scalar(select(User).where(User.email == "rhiannon.evans@wiltshire.police.uk"))
    assert response.location.endswith(f"/admin/users/{created.id}")
    assert (created.role, created.force.code) == (Role.SPOC, "WIL")

    events = parse(client.get("/admin/audit")).find("table", id="admin-events")
    (row,) = events.find("tbody").find_all("tr")
    assert row["data-action"] == "create_user"
    assert "Created a user: User rhiannon.evans@wiltshire.police.uk" in row.text
    assert people.admin.name in row.text


def test_a_user_form_with_mistakes_keeps_what_was_typed(people, sign_in):
    response = sign_in(people.admin).post(
        "/admin/users/new",
        data={
            "name": "Ann Assessor",
            "email": "ann@rocu.police.uk",
            "role": "assessor",
            "force": "",
            "region": "",
            "password": "short",
        },
    )
    assert response.status_code == 400
    page = parse(response)
    assert ("The password must be at least 12 characters", "#password") in error_summary(page)
    assert page.find("input", name="email")["value"] == "ann@rocu.police.uk"

    response = sign_in(people.admin).post(
        "/admin/users/new",
        data={
            "name": "Ann Assessor",
            "email": "ann@rocu.police.uk",
            "role": "assessor",
            "force": "",
            "region": "",
            "password": "a-long-enough-password",
        },
    )
    assert error_summary(parse(response)) == [("Select the region the assessor works in", "#region")]


def test_a_disabled_users_existing_session_stops_working_on_the_next_request(people, sign_in):
    spoc = sign_in(people.spoc)
    assert spoc.get("/").status_code == 200

    admin = sign_in(people.admin)
    page = parse(admin.get(f"/admin/users/{people.spoc.id}"))
    assert page.find("form", action=f"/admin/users/{people.spoc.id}/active") is not None
    admin.post(f"/admin/users/{people.spoc.id}/active", data={"active": "no"})
    assert not fresh_user(people.spoc).active

    response = spoc.get("/")
    assert response.status_code == 302 and "/sign-in" in response.location
    refused = spoc.post("/sign-in", data={"email": people.spoc.email, "password": factories.PASSWORD})
    assert refused.status_code == 200 and "Enter a correct email address and password" in refused.get_data(True)


def test_changing_a_users_role_signs_them_out_but_a_new_name_does_not(people, sign_in):
    officer = sign_in(people.officer)
    admin = sign_in(people.admin)
    admin.post(
        f"/admin/users/{people.officer.id}",
        data={"name": "Olivia Dale", "role": "officer", "force": "DOR", "region": ""},
    )
    assert officer.get("/").status_code == 200

    admin.post(
        f"/admin/users/{people.officer.id}", data={"name": "Olivia Dale", "role": "spoc", "force": "DOR", "region": ""}
    )
    assert fresh_user(people.officer).role is Role.SPOC
    assert "/sign-in" in officer.get("/").location
    assert [e.action for e in db.session.scalars(select(AdminEvent))] == ["change_user", "change_user"]


def test_the_spoc_gate_is_turned_off_from_the_forces_page(people, sign_in):
    client = sign_in(people.admin)
    dorset = parse(client.get("/admin/forces")).find("tr", id="force-DOR")
    assert "On" in dorset.text and "2" in dorset.text  # two active SPOCs in Dorset
    force = db.session.scalar(select(Force).where(Force.code == "DOR"))
    client.post(f"/admin/forces/{force.id}/spoc-gate", data={"spoc_gate": "off"})
    db.session.expire_all()
    assert not db.session.get(Force, force.id).spoc_gate
    assert parse(client.get("/admin/forces")).find("tr", id="force-DOR").find("strong").text == "Off"


def test_officers_see_their_forces_spocs_and_whether_the_gate_is_on(people, sign_in):
    spocs = parse(sign_in(people.officer).get("/")).find(id="force-spocs")
    assert "quality check" in spocs.text
    assert {people.spoc.email, people.spoc2.email} <= {a.text for a in spocs.find_all("a")}
    assert people.wilts_spoc.email not in spocs.text


def test_thresholds_are_changed_on_the_criteria_page_and_the_history_shows_what_changed(people, sign_in):
    client = sign_in(people.admin)
    page = parse(client.get("/admin/criteria"))
    assert page.find("input", name="summary_min")["value"] == "200"
    data = {
        i["name"]: i.get("value", "")
        for i in page.find(id="main-content").find("form", method="post").find_all("input")
    }
    data.update(summary_min="250", reason="Summaries were too thin to assess.")
    response = client.post("/admin/criteria", data=data)
    assert response.location.endswith("/criteria/#versions")

    criteria = parse(sign_in(people.officer).get("/criteria/"))
    assert criteria.find("span", class_="govuk-caption-l").text == "Criteria v2"
    assert "at least 250 characters" in criteria.find("tr", id="C1").text
    (newest, oldest) = criteria.find(id="version-list").find_all("li", class_="app-history__item")
    assert "Criteria v2 In force" in newest.text and "Summaries were too thin to assess." in newest.text
    assert "Summary of the threat, at least: 200 → 250" in newest.text
    assert "Criteria v1" in oldest.text


def test_a_stale_thresholds_page_saves_nothing_and_keeps_the_input(people, sign_in):
    client = sign_in(people.admin)
    page = parse(client.get("/admin/criteria"))
    data = {
        i["name"]: i.get("value", "")
        for i in page.find(id="main-content").find("form", method="post").find_all("input")
    }
    change_thresholds(people.admin, {"response_min": 40}, "Someone else first", 1)
    data.update(summary_min="260", reason="Mine")
    response = client.post("/admin/criteria", data=data)
    assert response.status_code == 409
    page = parse(response)
    assert "changed by someone else" in error_summary(page)[0][0]
    assert page.find("input", name="summary_min")["value"] == "260"
