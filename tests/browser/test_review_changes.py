"""An assessor reads what changed in a resubmission and closes or reopens its return items, in a browser."""

import re

import pytest
from playwright.sync_api import expect

from tests import review_story
from tests.browser.axe import assert_accessible
from triggerflow.db import db

pytestmark = pytest.mark.browser


@pytest.fixture
def resubmission(live_app, users):
    with live_app.app_context():
        form = review_story.resubmitted(*(db.session.merge(u) for u in (users.officer, users.spoc, users.assessor)))
        number = form.number
        db.session.remove()
    return number


def test_the_assessor_reads_the_changes_and_closes_the_items(browser_for, users, resubmission):
    page = browser_for(users.assessor)
    page.goto(f"/forms/{resubmission}")
    page.get_by_role("button", name="Claim for assessment").click()

    banner = page.get_by_role("region", name="Changes since your last review")
    expect(banner).to_contain_text("Resubmitted as version 2")
    banner.get_by_role("link", name="See what changed since version 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What changed since you last reviewed it")
    assert_accessible(page)

    subjects = page.get_by_role("region", name="B. Subjects")
    expect(subjects.get_by_role("row", name=re.compile("Date of birth"))).to_contain_text("21 April 1981")
    offences = page.get_by_role("region", name="C. Criminal activity")
    expect(offences.get_by_role("heading", name=re.compile("Offence: Money laundering"))).to_contain_text("Removed")
    intelligence = page.get_by_role("region", name="F. Intelligence basis")
    expect(intelligence).to_contain_text(f"Intelligence item: {review_story.NEW_REFERENCE}")
    expect(intelligence).to_contain_text(review_story.RESPONSES["F"])

    subjects.get_by_role("button", name="Close item on section B").click()
    expect(page.get_by_role("alert").or_(page.locator(".govuk-notification-banner--success"))).to_contain_text(
        "Return item on section B closed"
    )
    page.get_by_role("region", name="F. Intelligence basis").get_by_role(
        "button", name="Close item on section F"
    ).click()
    page.get_by_role("region", name="C. Criminal activity").get_by_role(
        "link", name="Reopen the item on section C"
    ).click()
    page.get_by_label("What does the force still need to do?").fill("Name the investigation that holds it.")
    page.get_by_role("button", name="Reopen item").click()

    page.goto(f"/forms/{resubmission}")
    items = page.locator("#return-items-summary")
    expect(items).to_contain_text("1 of 3 return items still needs a response.")
    expect(items).to_contain_text("2 closed.")
    expect(page.locator(".govuk-summary-card", has_text="Section C")).to_contain_text(
        "Name the investigation that holds it."
    )
    assert_accessible(page)
