"""Administrators manage users; every change is audited and a change of access signs the user out."""

import pytest
from sqlalchemy import func, select

from tests import factories
from triggerflow.admin import users
from triggerflow.db import db
from triggerflow.models import AdminEvent, Role, User, UserSession
from triggerflow.workflow.errors import ActionNotAllowed, Invalid


def audit() -> list[AdminEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AdminEvent).order_by(AdminEvent.id)))


def test_creating_a_user_is_audited_without_the_password(people):
    made = users.create(
        people.admin,
        email="New.Officer@Dorset.police.uk",
        name="Nia Officer",
        password="a-long-enough-password",
        role=Role.OFFICER,
        force=factories.force("DOR"),
        region=None,
    )
    assert (made.email, made.force.code, made.region.code) == ("new.officer@dorset.police.uk", "DOR", "SW")
    (event,) = audit()
    assert (event.actor_id, event.action, event.target, event.before) == (
        people.admin.id,
        "create_user",
        "User new.officer@dorset.police.uk",
        {},
    )
    assert event.after == {
        "name": "Nia Officer",
        "email": "new.officer@dorset.police.uk",
        "role": "officer",
        "force": "DOR",
        "region": "SW",
        "active": True,
    }
    assert "password" not in str(event.after).lower()


def test_each_role_needs_its_scope(people):
    dorset, eastern = factories.force("DOR"), factories.region("EA")
    cases = [
        (Role.OFFICER, None, None, "force"),
        (Role.ASSESSOR, None, None, "region"),
        (Role.ASSESSOR, dorset, eastern, "force"),
        (Role.MANAGER, dorset, eastern, "region"),
        (Role.ADMIN, dorset, None, "force"),
    ]
    for role, force, region, field in cases:
        with pytest.raises(Invalid) as refused:
            users.create(
                people.admin,
                email=f"{role.value}@x.police.uk",
                name="X",
                password="a-long-enough-password",
                role=role,
                force=force,
                region=region,
            )
        assert field in refused.value.errors
    with pytest.raises(Invalid) as refused:
        users.create(
            people.admin,
            email=people.officer.email,
            name="X",
            password="a-long-enough-password",
            role=Role.OFFICER,
            force=dorset,
            region=None,
        )
    assert "already exists" in refused.value.errors["email"]
    assert audit() == []


def sessions_of(user: User) -> int:
    return db.session.scalar(select(func.count(UserSession.id)).where(UserSession.user_id == user.id))


def test_changing_role_and_scope_is_audited_and_ends_the_users_sessions(people, sign_in):
    person = people.officer
    browser = sign_in(person)
    users.change(people.admin, person, name=person.name, role=Role.SPOC, force=factories.force("WIL"), region=None)
    assert (person.role, person.force.code, person.region.code) == (Role.SPOC, "WIL", "SW")
    assert sessions_of(person) == 0
    assert browser.get("/").location.startswith("/sign-in")
    (event,) = audit()
    assert (event.action, event.before["role"], event.after["role"], event.before["force"], event.after["force"]) == (
        "change_user",
        "officer",
        "spoc",
        "DOR",
        "WIL",
    )


def test_a_new_name_alone_keeps_the_user_signed_in(people, sign_in):
    browser = sign_in(people.officer)
    users.change(
        people.admin,
        people.officer,
        name="Olivia Dale-Smith",
        role=Role.OFFICER,
        force=factories.force("DOR"),
        region=None,
    )
    assert sessions_of(people.officer) == 1
    assert browser.get("/").status_code == 200
    assert [(e.before["name"], e.after["name"]) for e in audit()] == [
        (people.officer.email.split("@")[0], "Olivia Dale-Smith")
    ]


def test_disabling_and_enabling_are_audited(people):
    users.set_active(people.admin, people.spoc, False)
    assert not people.spoc.active
    users.set_active(people.admin, people.spoc, True)
    assert people.spoc.active
    assert [(e.action, e.before["active"], e.after["active"]) for e in audit()] == [
        ("disable_user", True, False),
        ("enable_user", False, True),
    ]


def test_administrators_cannot_lock_themselves_out_and_others_cannot_administer(people):
    with pytest.raises(Invalid):
        users.set_active(people.admin, people.admin, False)
    with pytest.raises(Invalid):
        users.change(people.admin, people.admin, name="A", role=Role.MANAGER, force=None, region=None)
    with pytest.raises(ActionNotAllowed):
        users.set_active(people.regional_manager, people.officer, False)
    assert db.session.get(User, people.admin.id).active and audit() == []
