"""Signing in in the browser: setting up two-factor sign-in and using it, sessions, the password, and
work kept across an idle timeout."""

import re
import time
from datetime import timedelta

import pyotp
import pytest
from playwright.sync_api import expect

from tests import factories
from tests.accounts.sessions_helpers import age_sessions
from tests.browser.axe import assert_accessible
from tests.browser.conftest import sign_in
from triggerflow.db import db
from triggerflow.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def manager(live_app):
    with live_app.app_context():
        person = factories.user(Role.MANAGER, region_code="SW", name="Rhys Morgan")
        db.session.remove()
    return person


def test_a_manager_sets_up_two_factor_sign_in_and_signs_in_with_a_code(page, manager):
    sign_in(page, manager)
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert_accessible(page)

    page.get_by_role("link", name="Set up two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    page.get_by_label("Code from your app").fill("000000")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the code your app shows now")
    assert_accessible(page)
    page.get_by_label("Code from your app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in is on")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, manager)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    # The code used to set up is spent: the app's next one is accepted (clocks may differ by a step).
    page.get_by_label("Enter the code from your authenticator app").fill(pyotp.TOTP(secret).at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Signed in as Rhys Morgan")).to_be_visible()


def test_the_sessions_and_password_pages_are_accessible_and_end_another_browser(page, browser_for, manager):
    other = browser_for(manager)
    sign_in(page, manager)
    page.goto("/account/sessions")
    expect(page.locator("#sessions tbody tr")).to_have_count(2)
    assert_accessible(page)
    page.get_by_role("button", name="Sign out everywhere else").click()
    expect(page.locator("#sessions tbody tr")).to_have_count(1)
    other.reload()
    expect(other.get_by_role("heading", level=1)).to_have_text("Sign in to TriggerFlow")

    page.goto("/account/password")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your current password")
    assert_accessible(page)
    page.get_by_label("Current password").fill(factories.PASSWORD)
    page.get_by_label("New password", exact=True).fill("lantern harbour orchard")
    page.get_by_label("Confirm new password").fill("lantern harbour orchard")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password has been changed.")).to_be_visible()


def test_work_saved_after_an_idle_timeout_is_kept_and_sent_after_signing_in_again(page, live_app, users, sign_in_as):
    with live_app.app_context():
        number = factories.draft(users.officer).number
        db.session.remove()
    sign_in_as(users.officer)
    page.goto(f"/forms/{number}/sections/A")
    page.get_by_label("Working name").fill("Harbour Lane network")
    with live_app.app_context():
        age_sessions(users.officer, idle=timedelta(minutes=31))
        db.session.remove()
    page.get_by_role("button", name="Save and return to the form").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to TriggerFlow")
    expect(page.get_by_text("It has been kept")).to_be_visible()
    page.get_by_label("Email address").fill(users.officer.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send what you entered before you were signed out")
    assert_accessible(page)
    page.get_by_role("button", name="Send it now").click()
    expect(page.get_by_text("Section A saved")).to_be_visible()
    expect(page.get_by_text("Harbour Lane network").first).to_be_visible()
