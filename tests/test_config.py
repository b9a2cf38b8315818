"""Configuration guards and the flask commands that set a deployment up."""

import pytest
from sqlalchemy import func, select

import config
from config import DEFAULT_SECRET_KEY, ProductionConfig
from tests.databases import app_for
from triggerflow import create_app
from triggerflow.accounts.users import find_by_email
from triggerflow.db import db
from triggerflow.demo import DEMO_ACCOUNTS
from triggerflow.models import Force, Region, Role, TriggerForm, User

STRONG_KEY = "a-long-random-production-secret-key-0123456789"


@pytest.fixture
def production(monkeypatch):
    """ProductionConfig as a safe deployment would set it; each test then breaks one thing."""
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", STRONG_KEY)
    monkeypatch.delenv("TRIGGERFLOW_DEMO_DATA", raising=False)
    return ProductionConfig


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def flask(app, *args: str):
    """Run a command as `flask --app triggerflow ...` does, which pushes an app context first."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


def test_production_starts_with_safe_settings(production):
    production.validate()
    assert production.DEMO_DATA_ALLOWED is False and production.SESSION_COOKIE_SECURE is True


@pytest.mark.parametrize("key", [DEFAULT_SECRET_KEY, ""])
def test_production_refuses_the_default_or_an_empty_secret_key(production, monkeypatch, key):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", key)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        production.validate()
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(production)


def test_production_refuses_demo_data(production, monkeypatch):
    monkeypatch.setenv("TRIGGERFLOW_DEMO_DATA", "1")
    with pytest.raises(RuntimeError, match="demo data"):
        production.validate()


def test_production_refuses_the_test_password_hashing(production, monkeypatch):
    monkeypatch.setattr(ProductionConfig, "PASSWORD_HASHING", "fast-for-tests")
    with pytest.raises(RuntimeError, match="Argon2id"):
        production.validate()


def test_the_environment_chooses_the_configuration_and_production_is_the_default(monkeypatch):
    monkeypatch.delenv("TRIGGERFLOW_ENV", raising=False)
    assert config.config_from_environment() is ProductionConfig
    monkeypatch.setenv("TRIGGERFLOW_ENV", "development")
    assert config.config_from_environment() is config.DevelopmentConfig
    monkeypatch.setenv("TRIGGERFLOW_ENV", "staging")
    with pytest.raises(RuntimeError, match="TRIGGERFLOW_ENV must be one of"):
        config.config_from_environment()


def test_load_demo_data_is_refused_where_demo_data_is_not_allowed(app):
    app.config["DEMO_DATA_ALLOWED"] = False
    result = flask(app, "load-demo-data")
    assert result.exit_code != 0 and "Demo data is not allowed in this environment." in result.output
    with app.app_context():
        assert (count(User), count(TriggerForm)) == (0, 0)


def test_load_demo_data_loads_once(app):
    assert "12 demo accounts created; demo forms created." in flask(app, "load-demo-data").output
    with app.app_context():
        loaded = (count(User), count(TriggerForm))
        assert all(find_by_email(account[0]) for account in DEMO_ACCOUNTS)
    assert "0 demo accounts created; demo forms already present." in flask(app, "load-demo-data").output
    with app.app_context():
        assert (count(User), count(TriggerForm)) == loaded


def test_seed_reference_data_loads_10_regions_and_44_forces_and_can_run_again(tmp_path):
    app = app_for(f"sqlite:///{tmp_path / 'empty.db'}")
    assert flask(app, "db", "upgrade").exit_code == 0
    for _ in range(2):
        result = flask(app, "seed-reference-data")
        assert (result.exit_code, result.output) == (0, "10 regions and 44 forces loaded.\n")
        with app.app_context():
            assert (count(Region), count(Force)) == (10, 44)
    with app.app_context():
        dorset = db.session.scalar(select(Force).where(Force.code == "DOR"))
        assert (dorset.region.code, dorset.spoc_gate) == ("SW", True)
        db.engine.dispose()


def test_create_user_makes_an_account_that_can_sign_in(app):
    result = flask(
        app,
        "create-user",
        "--email",
        "New.Officer@Dorset.police.uk",
        "--name",
        "Nia Officer",
        "--role",
        "officer",
        "--force",
        "dor",
        "--password",
        "a-long-enough-password",
    )
    assert (result.exit_code, result.output) == (0, "Created Force officer new.officer@dorset.police.uk.\n")
    response = app.test_client().post(
        "/sign-in", data={"email": "new.officer@dorset.police.uk", "password": "a-long-enough-password"}
    )
    assert response.status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.role, user.force.code, user.region.code) == (Role.OFFICER, "DOR", "SW")
        assert user.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--role", "officer", "--force", "XYZ"], "No force has the code 'XYZ'"),
        (["--role", "officer"], "Officers and SPOCs belong to a force"),
        (["--role", "assessor"], "Assessors belong to a region"),
        (["--role", "manager", "--region", "SW", "--password", "short"], "at least 12 characters"),
    ],
)
def test_create_user_refuses_an_account_that_cannot_work(app, arguments, message):
    password = [] if "--password" in arguments else ["--password", "a-long-enough-password"]
    result = flask(app, "create-user", "--email", "someone@test.police.uk", "--name", "Someone", *arguments, *password)
    assert result.exit_code != 0 and message in result.output
    with app.app_context():
        assert count(User) == 0


def test_create_user_refuses_a_second_account_with_the_same_email(app):
    arguments = [
        "create-user",
        "--email",
        "admin@test.police.uk",
        "--name",
        "Admin",
        "--role",
        "admin",
        "--password",
        "a-long-enough-password",
    ]
    assert flask(app, *arguments).exit_code == 0
    result = flask(app, *arguments[:2], "ADMIN@test.police.uk", *arguments[3:])
    assert result.exit_code != 0 and "already exists" in result.output
