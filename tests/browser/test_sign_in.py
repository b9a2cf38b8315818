import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_the_sign_in_page_has_no_accessibility_violations(page, base_url):
    page.goto("/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to TriggerFlow")
    assert_accessible(page)


def test_a_wrong_password_shows_the_error_summary_linked_to_the_field(page, users):
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(users.officer.email)
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter a correct email address and password")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Email address")).to_be_focused()
    assert_accessible(page)


def test_an_officer_signs_in_and_sees_their_work_then_signs_out(page, users, sign_in_as):
    sign_in_as(users.officer)
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_text("Signed in as Olivia Dale")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/sign-in$"))


def test_a_page_opened_before_signing_in_comes_back_after_it(page, users):
    page.goto("/criteria")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to TriggerFlow")
    page.get_by_label("Email address").fill(users.spoc.email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/criteria/?$"))
