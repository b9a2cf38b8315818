"""On the replayed south-west inspection, the overview shows each finding with no filter set: Avon
and Somerset's low share of submissions accepted, its form returned twice and never resubmitted,
and its operation against a group never assessed."""

import logging
import re
import threading

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from config import TestConfig
from tests import factories
from triggerflow import create_app
from triggerflow.db import db, utcnow
from triggerflow.models import Role
from triggerflow.synthetic import generate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def replayed(databases, tmp_path_factory):
    """The app on a database of its own holding the south-west scenario up to today, and a regional manager."""
    folder = tmp_path_factory.mktemp("replay")

    class ReplayConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = databases.create(folder)

    app = create_app(ReplayConfig)
    with app.app_context():
        generate(600, seed=2026, scenario="south-west", until=utcnow().date(), months=12)
        manager = factories.user(Role.MANAGER, region_code="SW", name="Rhian Moss")
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", manager
    server.shutdown()
    thread.join()
    with app.app_context():
        db.engine.dispose()
    databases.drop(ReplayConfig.SQLALCHEMY_DATABASE_URI)


def sign_in(page: Page, user, base: str) -> None:
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_overview_shows_each_inspection_finding_without_a_filter(page: Page, replayed):
    base, manager = replayed
    sign_in(page, manager, base)
    page.goto(f"{base}/dashboards/")

    headline = page.locator("#headline")
    expect(headline).to_contain_text("Lowest share of submissions accepted: Avon and Somerset Constabulary")
    share = int(re.search(r"Constabulary, (\d+)%", headline.inner_text()).group(1))
    assert 10 <= share <= 30

    outcomes = page.locator("table[data-table='submission-yield']")
    avon = outcomes.get_by_role("row").filter(has_text="Avon and Somerset Constabulary")
    twice = avon.get_by_role("link", name=re.compile("returned twice or more, Avon and Somerset"))
    expect(twice).to_be_visible()
    twice.click()
    expect(page.locator("table[data-table='forms']")).to_contain_text("Lapsed")

    page.goto(f"{base}/dashboards/")
    operations = page.locator("table[data-table='registered-operations']")
    expect(operations).to_contain_text("Avon and Somerset Constabulary")
    expect(operations).to_contain_text("No trigger form")
