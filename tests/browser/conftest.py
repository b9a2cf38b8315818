"""Browser tests: the real app served on a free local port, driven by Debian's Chromium.

Playwright cannot download its own browsers here, so it launches /usr/bin/chromium (or
CHROMIUM_PATH). The app runs in a thread on a migrated, seeded copy of the suite's database
(SQLite, or PostgreSQL with TRIGGERFLOW_TEST_DB=postgresql), with CSRF protection on, as in
production.
"""

import logging
import os
import threading
from types import SimpleNamespace

import pytest
from werkzeug.serving import make_server

from config import TestConfig
from tests import factories
from triggerflow import create_app
from triggerflow.db import db
from triggerflow.models import Role

# Without the background-networking flags Chromium keeps calling home on a closed network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def live_app(databases, tmp_path_factory):
    """The app the browser reaches, on the database the suite runs on, with its own mail folder."""
    folder = tmp_path_factory.mktemp("browser")

    class BrowserConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = databases.create(folder)
        WTF_CSRF_ENABLED = True
        MAIL_FOLDER = str(folder / "mail")

    return create_app(BrowserConfig)


@pytest.fixture(scope="session")
def base_url(live_app):
    """Where the browser finds the app; Playwright resolves page.goto("/...") against it."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns a failure
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def users(live_app):
    """People who sign in through the browser: a Dorset officer and SPOC, a South West assessor."""
    with live_app.app_context():
        made = SimpleNamespace(
            officer=factories.user(Role.OFFICER, force_code="DOR", name="Olivia Dale"),
            spoc=factories.user(Role.SPOC, force_code="DOR", name="Sam Pike"),
            assessor=factories.user(Role.ASSESSOR, region_code="SW", name="Aled Price"),
        )
        db.session.remove()
    return made


def sign_in(page, user) -> None:
    """Signs in through the sign-in page, as a person would."""
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def sign_in_as(page):
    """sign_in_as(user): signs the test's page in."""
    return lambda user: sign_in(page, user)


@pytest.fixture
def browser_for(browser, browser_context_args):
    """browser_for(user): a page in a browser of that person's own, signed in (cookies apart)."""
    contexts = []

    def _open(user):
        context = browser.new_context(**browser_context_args)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        sign_in(page, user)
        return page

    yield _open
    for context in contexts:
        context.close()
