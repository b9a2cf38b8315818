"""Shared fixtures: an app on a freshly migrated database per test, clients signed in per role.

The schema comes from the Alembic migrations (never create_all), applied once per test
session (per xdist worker) to a template database that each test copies: a file copy on
SQLite (the default), CREATE DATABASE ... TEMPLATE on a throwaway PostgreSQL cluster when
TRIGGERFLOW_TEST_DB=postgresql.

The whole suite runs on one clock (tests/clock.py): today's date, or TEST_TODAY=YYYY-MM-DD.
"""

import json
import os

import pytest
from flask import g, request_started

from tests import clock as suite_clock
from tests import factories
from tests.databases import PostgreSQLDatabases, SQLiteDatabases, app_for
from triggerflow.audit import logs
from triggerflow.clocks.working_days import local_today
from triggerflow.db import db, utcnow

TEST_DB = os.environ.get("TRIGGERFLOW_TEST_DB", "sqlite")
if TEST_DB not in ("sqlite", "postgresql"):
    raise pytest.UsageError(f"TRIGGERFLOW_TEST_DB must be sqlite or postgresql, not {TEST_DB!r}")

TEST_TODAY = suite_clock.chosen_day()
if TEST_TODAY is not None:
    suite_clock.travel_to(TEST_TODAY)


def pytest_report_header(config):
    chosen = "TEST_TODAY" if TEST_TODAY else "the real date; TEST_TODAY=YYYY-MM-DD runs the tests on another day"
    return f"today: {local_today():%A %-d %B %Y} in London ({chosen})"


@pytest.fixture
def clock(time_machine):
    """For a test that moves time itself: `clock.move_to(moment, tick=False)` stops the clock at a moment,
    `clock.shift(timedelta(days=30))` passes a deadline. It starts where the suite's clock is, and the
    suite's clock takes over again after the test."""
    time_machine.move_to(utcnow(), tick=True)
    return time_machine


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    """Makes a fresh, migrated and seeded database for each test on the chosen backend."""
    backend = PostgreSQLDatabases() if TEST_DB == "postgresql" else SQLiteDatabases(tmp_path_factory.mktemp("template"))
    yield backend
    backend.close()


@pytest.fixture
def app(databases, tmp_path):
    url = databases.create(tmp_path)
    app = app_for(url)
    request_started.connect(_forget_signed_in_user, app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    databases.drop(url)


def _forget_signed_in_user(sender, **extra):
    # Requests made while a test holds an app context share its `g`, where Flask-Login caches the
    # user: without this, one client's requests would run as whoever another client signed in as.
    g.pop("_login_user", None)


@pytest.fixture
def security_log(app, tmp_path):
    """Security events go to a file for this test (SECURITY_LOG_FILE); call it to read them back."""
    path = tmp_path / "security.log"
    app.config["SECURITY_LOG_FILE"] = str(path)
    logs.configure(app)
    return lambda: [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def ctx(app):
    """An application context for code that reads or writes the database directly."""
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def people(ctx):
    """One user per role: officers, SPOCs and a force manager in DOR and WIL (South West),
    an officer and SPOC in ESS (Eastern), assessors in both regions, managers, an admin."""
    return factories.people()


@pytest.fixture
def sign_in(app):
    """sign_in(user) -> a test client signed in as that user."""

    def _sign_in(user):
        client = app.test_client()
        response = client.post("/sign-in", data={"email": user.email, "password": factories.PASSWORD})
        assert response.status_code == 302, "sign-in failed"
        return client

    return _sign_in
