"""A benchmark database: migrated, seeded, grown with synthetic forms, and the people who sign in.

The people timed are the worst cases the data holds: the synthetic officer with the most
forms, an assessor and a SPOC of that officer's region and force, a national manager and an
administrator who see everything, and the form in that region with the longest history.
"""

from dataclasses import dataclass
from datetime import date

import flask_migrate
from flask import Flask
from sqlalchemy import func, select, update

from triggerflow.accounts.passwords import hash_password
from triggerflow.accounts.users import create_user, find_by_email
from triggerflow.db import db
from triggerflow.models import Force, FormEvent, Role, TriggerForm, User
from triggerflow.reference_data import seed_reference_data
from triggerflow.synthetic.generator import Summary, generate

PASSWORD = "bench-password-for-a-throwaway-database"
MANAGER = "bench.manager@example.police.uk"
ADMIN = "bench.admin@example.police.uk"


@dataclass(frozen=True)
class People:
    officer: str  # e-mail addresses
    spoc: str
    assessor: str
    manager: str
    admin: str
    form: str  # the number of the form whose page is timed


def prepare(app: Flask) -> None:
    """The schema from the migrations, the forces, and the two people synthetic data has none of."""
    with app.app_context():
        flask_migrate.upgrade()
        seed_reference_data()
        for email, name, role in ((MANAGER, "Bench Manager", Role.MANAGER), (ADMIN, "Bench Admin", Role.ADMIN)):
            if find_by_email(email) is None:
                create_user(email=email, name=name, password=PASSWORD, role=role)
        db.engine.dispose()


def grow(app: Flask, size: int, seed: int, until: date) -> Summary | None:
    """Add synthetic forms until there are `size`; the same seed and size give the same rows."""
    with app.app_context():
        have = db.session.scalar(select(func.count(TriggerForm.id)))
        summary = generate(size - have, seed + have, until=until) if size > have else None
        _analyse()
        db.engine.dispose()
    return summary


def _analyse() -> None:
    """Fresh statistics after a bulk load; on PostgreSQL a VACUUM too, outside any transaction as it
    must run. The tables are then as autovacuum leaves them in steady state: their visibility map set,
    so the dashboards' index-only scans need not visit the table (after ANALYZE alone no page is marked,
    and the planner leaves a covering index unused), and no autovacuum runs during the timings."""
    if db.engine.dialect.name != "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        return
    # The session's transaction, open since the forms were counted, is older than the rows just written:
    # while it lasted, VACUUM could mark none of their pages visible to all.
    db.session.close()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")


def people(app: Flask) -> People:
    with app.app_context():
        officer_id = db.session.execute(
            select(TriggerForm.created_by_id)
            .group_by(TriggerForm.created_by_id)
            .order_by(func.count().desc(), TriggerForm.created_by_id)
            .limit(1)
        ).scalar_one()
        officer = db.session.get(User, officer_id)
        region_id = db.session.get(Force, officer.force_id).region_id
        spoc = _first(User.role == Role.SPOC, User.force_id == officer.force_id)
        assessor = _first(User.role == Role.ASSESSOR, User.region_id == region_id)
        for user in (officer, spoc, assessor):
            db.session.execute(update(User).where(User.id == user.id).values(password_hash=hash_password(PASSWORD)))
        db.session.commit()
        found = People(officer.email, spoc.email, assessor.email, MANAGER, ADMIN, _longest_history(region_id))
        db.engine.dispose()
    return found


def _first(*where) -> User:
    return db.session.scalars(select(User).where(*where).order_by(User.id).limit(1)).one()


def _longest_history(region_id: int) -> str:
    in_region = select(Force.id).where(Force.region_id == region_id)
    return db.session.execute(
        select(TriggerForm.number)
        .join(FormEvent, FormEvent.form_id == TriggerForm.id)
        .where(TriggerForm.force_id.in_(in_region), TriggerForm.first_submitted_at.is_not(None))
        .group_by(TriggerForm.id, TriggerForm.number)
        .order_by(func.count().desc(), TriggerForm.id)
        .limit(1)
    ).scalar_one()
