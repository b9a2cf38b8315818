"""The whole story in a browser: an officer's draft goes through the SPOC to the ROCTA, comes
back with two return items, is answered, resubmitted and accepted.

The form is a priority individual: the smallest complete form the criteria allow.
"""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import assert_accessible
from triggerflow.clocks.working_days import local_today

pytestmark = pytest.mark.browser

SUMMARY = (
    "A Dorset-based supplier who moves class A drugs from Bristol into Weymouth and Poole each week, "
    "using rented flats and hired cars, and who recruits local teenagers to hold and deliver the drugs. "
    "Intelligence links him to two serious assaults on rival dealers."
)
WHY_A_THREAT = (
    "He directs the supply himself, controls the money and the runners, and has used violence to keep "
    "his position; nobody else in the network could replace him."
)
VIOLENCE = "Two serious assaults on rival dealers in Weymouth this year, both linked to him by intelligence."
CAPABILITY = (
    "Access to a handgun reported twice; uses encrypted phones; pays a local mechanic to adapt hired "
    "cars with hidden compartments for moving drugs and cash."
)


def test_a_form_goes_from_draft_through_a_return_to_acceptance(browser_for, users):
    officer, spoc, assessor = (browser_for(person) for person in (users.officer, users.spoc, users.assessor))

    number = start_a_form(officer)
    sending_an_incomplete_form_shows_what_blocks_it(officer)
    complete_the_form(officer)
    take_action(officer, "Send to SPOC")
    expect(officer.get_by_role("alert")).to_contain_text(f"{number}")

    open_from_my_work(spoc, number)
    take_action(spoc, "Submit to ROCTA")
    expect_state(spoc, "Submitted")

    return_with_two_items(assessor, number)
    resubmitting_unanswered_items_is_refused(spoc, number)
    answer_the_return_items(officer, number)

    open_from_my_work(spoc, number)
    take_action(spoc, "Resubmit to ROCTA")
    expect_state(spoc, "Resubmitted")

    accept_with_an_acceptance_record(assessor, number)
    officer.goto("/")
    expect(officer.get_by_role("row", name=re.compile(number))).to_contain_text("Accepted")
    open_from_my_work(officer, number)
    expect_state(officer, "Accepted")
    expect(officer.get_by_text("APMIS-SW-0977")).to_be_visible()
    expect(officer.get_by_role("link", name="Version 2", exact=True)).to_be_visible()
    assert_accessible(officer)


# The officer --------------------------------------------------------------------------------


def start_a_form(page: Page) -> str:
    page.get_by_role("button", name="Start a new trigger form").click()
    expect_state(page, "Draft")
    return page.url.rstrip("/").rsplit("/", 1)[1]


def sending_an_incomplete_form_shows_what_blocks_it(page: Page) -> None:
    page.get_by_role("button", name="Send to SPOC").click()
    page.get_by_role("main").get_by_role("button", name="Send to SPOC").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("This form cannot be sent yet")
    expect(summary.get_by_role("link", name=re.compile("Select the type of threat"))).to_be_visible()
    assert_accessible(page)
    summary.get_by_role("link", name=re.compile("Enter a working name")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A. Threat identity")
    assert_accessible(page)


def complete_the_form(page: Page) -> None:
    """Sections A to I in order, through "Save and continue to next section"."""
    threat_identity(page)
    subjects(page)
    criminal_activity(page)
    organisation(page)
    geography(page)
    intelligence(page)
    harm(page)
    current_activity(page)
    handling(page)
    expect(page.get_by_text("Every criterion that blocks sending is met.")).to_be_visible()
    assert_accessible(page)


def threat_identity(page: Page) -> None:
    page.get_by_role("group", name="Type of threat").get_by_label("Priority individual").check()
    page.get_by_label("Working name").fill("Operation Kestrel target")
    page.get_by_label("Local policing area").fill("Weymouth and Portland")
    page.get_by_label("Primary SOC theme").select_option(label="Drugs supply")
    page.get_by_label("Summary of the threat").fill(SUMMARY)
    page.get_by_role("group", name=re.compile("searched the SOC master list")).get_by_label("Yes", exact=True).check()
    fill_date(page, "When did you search?", local_today() - timedelta(days=1))
    page.get_by_label("Result of the search").fill("No existing record on the master list or PND.")
    save_and_continue(page, "B. Subjects")


def subjects(page: Page) -> None:
    page.get_by_role("button", name="Add a subject").click()
    assert_accessible(page)
    page.get_by_label("Surname").fill("Hollis")
    page.get_by_label("Forename").fill("Dean")
    fill_date(page, "Date of birth", date(1988, 4, 17))
    page.get_by_label("Force intelligence or PNC ID").fill("PNC 88/123456X")
    page.get_by_role("group", name="Role in the group").get_by_label("Principal").check()
    page.get_by_role("group", name="Is this subject identified?").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save subject").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B. Subjects")
    page.get_by_label("Why is this individual a threat in their own right?").fill(WHY_A_THREAT)
    save_and_continue(page, "C. Criminal activity")


def criminal_activity(page: Page) -> None:
    page.get_by_role("checkbox", name="Involves the use of violence").check()
    page.get_by_label("Justification: involves the use of violence").fill(VIOLENCE)
    fill_date(page, "When was the activity first known?", local_today() - timedelta(days=200))
    fill_date(page, "When was the most recent activity?", local_today() - timedelta(days=10))
    page.get_by_label("Modus operandi").fill("Weekly runs by hire car; teenagers hold and deliver from rented flats.")
    save_and_continue(page, "D. Evidence of organisation")


def organisation(page: Page) -> None:
    page.get_by_role("group", name="Capability indicators").get_by_label("Firearms or weapons").check()
    page.get_by_label("Describe the capability").fill(CAPABILITY)
    save_and_continue(page, "E. Geography")


def geography(page: Page) -> None:
    page.get_by_role("group", name="Force areas affected").get_by_label("Dorset Police").check()
    page.get_by_role("group", name="Geographic scope").get_by_label("Force", exact=True).check()
    save_and_continue(page, "F. Intelligence basis")


def intelligence(page: Page) -> None:
    page.get_by_role("button", name="Add an intelligence item").click()
    page.get_by_label("Intelligence reference").fill("DOR-INT-2026-0412")
    fill_date(page, "Date of the intelligence", local_today() - timedelta(days=30))
    page.get_by_label("Sanitised summary").fill("The subject arranges the weekly deliveries and pays the runners.")
    page.get_by_role("group", name="Kind of source").get_by_label("Surveillance or observation").check()
    page.get_by_role("group", name="Source evaluation").get_by_label("1 – Reliable").check()
    page.get_by_role("group", name="Intelligence assessment").get_by_role("radio", name=re.compile("^B – ")).check()
    page.get_by_role("group", name="Handling code").get_by_role("radio", name=re.compile("^P – ")).check()
    page.get_by_role("button", name="Save intelligence item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("F. Intelligence basis")
    save_and_continue(page, "G. Harm and vulnerability")


def harm(page: Page) -> None:
    page.get_by_role("group", name="Types of harm").get_by_label("Physical").check()
    page.get_by_label("Describe the physical harm").fill("Serious assaults on rival dealers; runners threatened.")
    page.get_by_role("group", name="Are there vulnerable victims or exploited people?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_label("How many victims are known?").fill("2")
    page.get_by_label("Financial harm in pounds").fill("not known")
    page.get_by_role("group", name="How often does the harm happen?").get_by_label("Monthly", exact=True).check()
    page.get_by_label("Why is some of the harm not known?").fill(
        "His cash has not yet been traced; a financial investigator is working on it."
    )
    save_and_continue(page, "H. Current activity")


def current_activity(page: Page) -> None:
    page.get_by_role("group", name="Is an operation already running against this threat?").get_by_label(
        "No", exact=True
    ).check()
    save_and_continue(page, "I. Handling")


def handling(page: Page) -> None:
    page.get_by_label("I declare that this form contains no source-identifying material").check()
    page.get_by_role("button", name="Save and return to the form").click()
    expect_state(page, "Draft")


def answer_the_return_items(page: Page, number: str) -> None:
    page.goto("/")
    expect(page.get_by_role("row", name=re.compile(number))).to_contain_text("Returned")
    open_from_my_work(page, number)
    expect_state(page, "Returned")
    for section, response in (
        ("A", "The summary now sets out the harm done in both assaults in full."),
        ("C", "The modus operandi now says how the weekly runs are known to go on."),
    ):
        page.get_by_role("link", name=f"Respond to return item on section {section}").click()
        expect(page.get_by_role("heading", level=1, name="Respond to a return item")).to_be_visible()
        assert_accessible(page)
        page.get_by_label("Your response").fill(response)
        page.get_by_role("button", name="Save response").click()
        expect(page.get_by_text(response)).to_be_visible()
    expect(page.get_by_text("Needs a response")).to_have_count(0)
    change_the_returned_sections(page)


def change_the_returned_sections(page: Page) -> None:
    page.get_by_role("link", name="A. Threat identity").click()
    page.get_by_label("Summary of the threat").fill(SUMMARY + " Both assaults were reported to Dorset Police.")
    page.get_by_role("button", name="Save and return to the form").click()
    page.get_by_role("link", name="C. Criminal activity").click()
    page.get_by_label("Modus operandi").fill(
        "Weekly runs by adapted hire cars; teenagers hold the drugs in rented flats."
    )
    page.get_by_role("button", name="Save and return to the form").click()
    expect_state(page, "Returned")


# The SPOC -----------------------------------------------------------------------------------


def resubmitting_unanswered_items_is_refused(page: Page, number: str) -> None:
    open_from_my_work(page, number)
    take_action(page, "Resubmit to ROCTA")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("needs a response of at least 30 characters")
    expect(summary).to_contain_text("Section A has not changed since it was returned")


# The assessor -------------------------------------------------------------------------------


def return_with_two_items(page: Page, number: str) -> None:
    open_from_my_work(page, number)
    page.get_by_role("button", name="Claim for assessment").click()
    expect_state(page, "Under assessment")
    add_return_item(
        page,
        "A. Threat identity",
        "R09 – Harm or vulnerability not described",
        "Describe the harm done in the two assaults.",
    )
    add_return_item(
        page,
        "C. Criminal activity",
        "R04 – Continuing basis not evidenced",
        "Say how the weekly runs are known to continue.",
    )
    take_action(page, "Return to force")
    expect_state(page, "Returned")


def add_return_item(page: Page, section: str, reason: str, comment: str) -> None:
    page.get_by_role("button", name="Add a return item").click()
    assert_accessible(page)
    page.get_by_label("Section").select_option(label=section)
    page.get_by_label("Return reason").select_option(label=reason)
    page.get_by_label("Comment for the force").fill(comment)
    page.get_by_role("button", name="Add return item").click()
    expect(page.get_by_text(comment)).to_be_visible()


def accept_with_an_acceptance_record(page: Page, number: str) -> None:
    open_from_my_work(page, number)
    page.get_by_role("button", name="Claim for assessment").click()
    page.get_by_role("button", name="Accept").click()
    assert_accessible(page)
    page.get_by_label("SOC master list (APMIS) reference (optional)").fill("APMIS-SW-0977")
    page.get_by_label("MoRiLE harm score").fill("48")
    page.get_by_label("MoRiLE likelihood score").fill("3")
    page.get_by_label("MoRiLE risk score").fill("144")
    page.get_by_role("group", name=re.compile("confidence", re.IGNORECASE)).get_by_label("Medium").check()
    page.get_by_label("MoRiLE organisational position").fill("Capacity gap")
    page.get_by_role("group", name=re.compile("priority", re.IGNORECASE)).get_by_label("High").check()
    page.get_by_label("Physical harm: score").fill("48")
    page.get_by_label("Physical harm: confidence").fill("Medium")
    page.get_by_role("group", name=re.compile("SOC or not", re.IGNORECASE)).get_by_label("SOC", exact=True).check()
    page.get_by_role("group", name=re.compile("moderation status", re.IGNORECASE)).get_by_label(
        "Moderated", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("phase", re.IGNORECASE)).get_by_label("Active").check()
    page.get_by_role("group", name=re.compile("tier", re.IGNORECASE)).get_by_label("Tier 3").check()
    page.get_by_role("group", name=re.compile("management level", re.IGNORECASE)).get_by_label("Force").check()
    page.get_by_role("main").get_by_role("button", name="Accept").click()
    expect_state(page, "Accepted")


# Shared steps -------------------------------------------------------------------------------


def open_from_my_work(page: Page, number: str) -> None:
    page.goto("/")
    page.get_by_role("link", name=number, exact=True).click()
    expect(page.get_by_text(number).first).to_be_visible()


def take_action(page: Page, action: str) -> None:
    """Press the action's button on the form page, then confirm it on the page that follows."""
    page.get_by_role("button", name=action, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(action)
    page.get_by_role("main").get_by_role("button", name=action, exact=True).click()


def expect_state(page: Page, label: str) -> None:
    expect(page.locator("main .govuk-tag").first).to_have_text(label)


def save_and_continue(page: Page, next_section: str) -> None:
    page.get_by_role("button", name="Save and continue to next section").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(next_section)


def fill_date(page: Page, legend, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
