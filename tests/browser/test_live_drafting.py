"""Drafting in a browser: the section's checklist follows the officer's typing without saving, and a
question that matters only for some answers appears when the answer calls for it."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.browser.axe import assert_accessible, preload
from triggerflow.db import db
from triggerflow.models import TriggerForm

pytestmark = pytest.mark.browser


def open_section_a_of_a_new_form(page: Page) -> str:
    page.get_by_role("button", name="Start a new trigger form").click()
    number = page.url.rstrip("/").rsplit("/", 1)[1]
    page.get_by_role("link", name="A. Threat identity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A. Threat identity")
    return number


def saved_answers(live_app, number: str) -> tuple[dict, int]:
    with live_app.app_context():
        form = db.session.scalar(select(TriggerForm).where(TriggerForm.number == number))
        found = (form.answers_for("A"), form.version)
        db.session.remove()
    return found


def test_the_checklist_changes_as_the_summary_is_typed_and_nothing_is_saved(browser_for, users, live_app):
    page = browser_for(users.officer)
    number = open_section_a_of_a_new_form(page)
    before = saved_answers(live_app, number)
    needs = page.locator("#section-needs-region")
    expect(needs).to_have_attribute("aria-live", "polite")
    expect(needs).to_contain_text("The summary needs at least 200 characters (it has 0)")

    page.get_by_label("Summary of the threat").press_sequentially("Moves cocaine from Bristol to Poole. ")
    expect(needs).to_contain_text("The summary needs at least 200 characters (it has 36)")
    page.get_by_label("Working name").fill("Harbour Lane")
    expect(needs).not_to_contain_text("Enter a working name")

    assert saved_answers(live_app, number) == before
    expect(page.get_by_role("heading", level=1)).to_have_text("A. Threat identity")


def test_a_question_appears_when_its_answer_matters_and_an_answer_in_it_is_never_hidden(browser_for, users):
    page = browser_for(users.officer)
    preload(page.context)
    open_section_a_of_a_new_form(page)
    county_line = page.get_by_label("County line name or number")
    searched_on = page.get_by_role("group", name="When did you search?")
    expect(county_line).to_be_hidden()
    expect(searched_on).to_be_hidden()

    theme = page.get_by_label("Primary SOC theme")
    theme.select_option(label="County lines")
    expect(county_line).to_be_visible()
    expect(theme).to_have_attribute("aria-controls", "conditional-county_line")
    page.get_by_role("group", name=re.compile("searched the SOC master list")).get_by_label("Yes", exact=True).check()
    expect(searched_on).to_be_visible()
    assert_accessible(page)

    county_line.fill("PLYMOUTH-7")
    theme.select_option(label="Drugs supply")
    expect(county_line).to_be_visible()
    expect(county_line).to_have_value("PLYMOUTH-7")
    expect(page.locator("#conditional-county_line").get_by_text("This question does not apply")).to_be_visible()
    expect(county_line).to_have_attribute("aria-describedby", re.compile(r"\bconditional-county_line-kept\b"))
    assert_accessible(page)
