"""A form's own page as each person reads it, and starting a form."""

from sqlalchemy import func, select

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.db import db
from triggerflow.models import TriggerForm
from triggerflow.workflow.service import perform


def summary_keys(page) -> list[str]:
    return [key.text for key in page.find(id="main-content").find_all("dt", class_="govuk-summary-list__key")]


def blocking_warning(page) -> str:
    return page.find(id="checklist").parent.find(class_="govuk-warning-text__text").text


def test_a_returned_form_shows_its_resubmit_by_date_once_with_the_other_dates(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    page = parse(sign_in(people.officer).get(f"/forms/{form.number}"))
    assert summary_keys(page).count("Resubmit by") == 1
    timing = page.find(id="timing-summary")
    row = next(row for row in timing.find_all(class_="govuk-summary-list__row") if row.find("dt").text == "Resubmit by")
    assert row.find("dd").text == f"{form.resubmit_by:%-d %B %Y}"


def test_the_checklist_names_the_step_the_incomplete_form_is_held_back_from(people, sign_in):
    form = factories.draft(people.officer, {"A": {"working_name": "Harbour Lane"}})
    officer = sign_in(people.officer)
    assert blocking_warning(parse(officer.get(f"/forms/{form.number}"))).endswith(
        "block sending this form to the force SPOC."
    )

    people.officer.force.spoc_gate = False
    db.session.commit()
    assert blocking_warning(parse(officer.get(f"/forms/{form.number}"))).endswith(
        "block submitting this form to the ROCTA."
    )


def test_the_checklist_on_a_returned_form_speaks_of_resubmitting(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    warning = blocking_warning(parse(sign_in(people.spoc).get(f"/forms/{form.number}")))
    assert warning.startswith("Warning") and warning.endswith("block resubmitting this form to the ROCTA.")


def test_the_checklist_with_the_spoc_speaks_of_submitting_to_the_rocta(people, sign_in):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    form.answers = {**form.answers, "A": {**form.answers["A"], "summary": "Too short now."}}
    db.session.commit()
    warning = blocking_warning(parse(sign_in(people.spoc).get(f"/forms/{form.number}")))
    assert warning.endswith("blocks submitting this form to the ROCTA.")


def test_opening_the_new_form_address_offers_a_button_that_starts_one(people, sign_in):
    client = sign_in(people.officer)
    response = client.get("/forms/new")
    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").text == "Start a new trigger form"
    start = page.find(id="main-content").find("form", action="/forms/new")
    assert start.get("method") == "post" and start.find("input", name="csrf_token") is not None
    assert start.find("button").text == "Start a new trigger form"
    assert db.session.scalar(select(func.count()).select_from(TriggerForm)) == 0  # a GET starts nothing

    started = client.post("/forms/new")
    assert started.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(TriggerForm)) == 1


def test_only_officers_and_spocs_are_offered_a_new_form(people, sign_in):
    assert sign_in(people.spoc).get("/forms/new").status_code == 200
    assert sign_in(people.assessor).get("/forms/new").status_code == 403
