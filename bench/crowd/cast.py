"""The cast of the load test: people in two regions, each signing in with a password and (where
production asks for it) an authenticator code, and the complete drafts the officers will send.

Everything is made through the app's own services, on the database `make serve` will use.
"""

from dataclasses import dataclass

import flask_migrate
import pyotp
from flask import Flask
from sqlalchemy import select

from triggerflow.accounts.users import create_user
from triggerflow.db import db, utcnow
from triggerflow.demo import _filled_form
from triggerflow.models import Force, Region, Role, User
from triggerflow.reference_data import seed_reference_data
from triggerflow.synthetic.generator import generate
from triggerflow.workflow.service import perform

PASSWORD = "load-test-password-for-a-throwaway-database"
REGIONS = ("SW", "EA")
# Of every 50 people: officers drafting, SPOCs checking, assessors deciding, managers reading.
SHARES = {Role.OFFICER: 20, Role.SPOC: 10, Role.ASSESSOR: 12, Role.MANAGER: 8}


@dataclass(frozen=True)
class Casting:
    people: int
    drafts_each: int  # complete drafts each officer starts with
    sent_each: int  # and forms of theirs already with the ROCTA, so assessors have work from the start
    background_forms: int  # synthetic forms with full histories, so the dashboards have a year to read


def prepare(app: Flask, casting: Casting) -> dict:
    """Migrate, seed and cast; returns the cast file's contents."""
    with app.app_context():
        flask_migrate.upgrade()
        seed_reference_data()
        if casting.background_forms:
            generate(casting.background_forms, 1, until=utcnow().date())
        regions = [db.session.scalar(select(Region).where(Region.code == code)) for code in REGIONS]
        forces = [
            force
            for region in regions
            for force in db.session.scalars(select(Force).where(Force.region_id == region.id).order_by(Force.code))
        ]
        people: dict[str, list[dict]] = {role.value: [] for role in SHARES}
        for role, share in SHARES.items():
            for index in range(max(1, round(casting.people * share / 50))):
                people[role.value].append(_person(role, index, forces[: _spocs(casting)], regions))
        spocs = {person["force"]: person for person in people[Role.SPOC.value]}
        for officer in people[Role.OFFICER.value]:
            _drafts(officer, spocs.get(officer["force"]), casting)
        cast = {"password": PASSWORD, "people": people}
        db.engine.dispose()
    return cast


def _spocs(casting: Casting) -> int:
    """Officers work in the forces that have a SPOC in the cast, so everything they send gets checked."""
    return max(1, round(casting.people * SHARES[Role.SPOC] / 50))


def _person(role: Role, index: int, forces: list[Force], regions: list[Region]) -> dict:
    force = forces[index % len(forces)] if role in (Role.OFFICER, Role.SPOC) else None
    region = regions[index % len(regions)] if role in (Role.ASSESSOR, Role.MANAGER) else None
    user = create_user(
        email=f"load.{role.value}.{index}@example.police.uk",
        name=f"Load {role.value} {index}",
        password=PASSWORD,
        role=role,
        force=force,
        region=region,
    )
    user.totp_secret, user.two_factor_enrolled_at = pyotp.random_base32(), utcnow()  # as if set up in the app
    db.session.commit()
    return {"email": user.email, "totp_secret": user.totp_secret, "force": force.code if force else None, "drafts": []}


def _drafts(officer: dict, spoc: dict | None, casting: Casting) -> None:
    user = db.session.scalar(select(User).where(User.email == officer["email"]))
    checker = db.session.scalar(select(User).where(User.email == spoc["email"])) if spoc else None
    for index in range(casting.drafts_each + casting.sent_each):
        form = _filled_form(user, f"Load test group {officer['email'].split('@')[0]} {index}")
        if index < casting.sent_each and checker is not None:
            perform(form, "send_to_spoc", user)
            perform(form, "submit", checker)
        else:
            officer["drafts"].append(form.number)
