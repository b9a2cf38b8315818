"""Shared fixtures: an app on a freshly migrated database per test, clients signed in per role.

The schema comes from the Alembic migrations (never create_all), applied once per test
session to a template database that each test copies.
"""
import shutil

import flask_migrate
import pytest

from config import TestConfig
from triggerflow import create_app
from triggerflow.reference_data import seed_reference_data
from tests import factories


def _app_for(url: str):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = url

    return create_app(Config)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "triggerflow.db"
    app = _app_for(f"sqlite:///{path}")
    with app.app_context():
        flask_migrate.upgrade()
        seed_reference_data()
        from triggerflow.db import db

        db.engine.dispose()
    return path


@pytest.fixture
def app(template_database, tmp_path):
    path = tmp_path / "triggerflow.db"
    shutil.copy(template_database, path)
    app = _app_for(f"sqlite:///{path}")
    yield app
    with app.app_context():
        from triggerflow.db import db

        db.engine.dispose()


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
