"""Every form's page names who must act next and by when; a returned form is handed back to the
SPOCs, by queue and e-mail, the moment its last return item is answered."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import parse
from tests.workflow import lifecycle
from triggerflow.assessment.return_items import items_for
from triggerflow.clocks.due import assessment_due
from triggerflow.db import db
from triggerflow.models import OutboxMessage, User
from triggerflow.notifications import reminders

ANSWER = "Every subject now has a date of birth and a PNC ID recorded."


def next_step(client, form) -> str:
    return parse(client.get(f"/forms/{form.number}")).one(id="next-step").text


def ready_queue(client) -> list[str]:
    table = parse(client.get("/")).find("table", data_queue="ready")
    return [row["data-number"] for row in table.find("tbody").find_all("tr")] if table else []


def mail_to(kind: str) -> set[str]:
    return set(db.session.scalars(select(OutboxMessage.to_address).where(OutboxMessage.kind == kind)))


def answer(client, form, item) -> None:
    db.session.refresh(form)
    response = client.post(
        f"/forms/{form.number}/return-items/{item.id}/respond", data={"version": form.version, "response": ANSWER}
    )
    assert response.status_code == 302


def spoc_names(*spocs: User) -> str:
    return ", ".join(spoc.name for spoc in spocs)


def test_each_state_names_who_acts_next(people, sign_in):
    cast = lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
    officer = sign_in(people.officer)

    draft = lifecycle.draft(cast)
    assert next_step(officer, draft) == (
        f"Waiting for {people.officer.name} (who started the form): "
        f"{people.officer.name} – complete the form and send it to a SPOC."
    )
    review = lifecycle.spoc_review(cast)
    assert next_step(officer, review).startswith(
        f"Waiting for Dorset Police SPOCs: {spoc_names(people.spoc, people.spoc2)} – check the form"
    )
    sent = lifecycle.submitted(cast)
    assert next_step(officer, sent) == (
        "Waiting for South West Regional Organised Crime Unit assessors: "
        f"{spoc_names(people.assessor, people.assessor2)}"
        f" – claim the form and assess it by {assessment_due(sent.submitted_at):%-d %B %Y}."
    )
    held = lifecycle.under_assessment(cast)
    assert next_step(officer, held).startswith(f"Waiting for the assessor: {people.assessor.name} – assess the form by")
    accepted = lifecycle.accepted(cast)
    assert next_step(officer, accepted) == "The ROCTA accepted the form. Nobody needs to act on it."


def test_a_returned_form_is_the_officers_until_every_item_is_answered(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B", "C"))
    officer = sign_in(people.officer)

    assert next_step(officer, form) == (
        f"Waiting for {people.officer.name} (who started the form): "
        f"{people.officer.name} – answer the 2 return items by "
        f"{form.resubmit_by:%-d %B %Y}."
    )
    answer(officer, form, items_for(form, include_pending=False)[0])
    assert "answer the return item by" in next_step(officer, form)


def test_answering_the_last_item_hands_the_form_to_the_spocs_queue_and_mail_at_once(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B", "C"))
    officer, spoc = sign_in(people.officer), sign_in(people.spoc)
    first, last = items_for(form, include_pending=False)

    answer(officer, form, first)
    assert ready_queue(spoc) == [] and mail_to("ready_to_resubmit") == set()

    answer(officer, form, last)
    assert ready_queue(spoc) == [form.number]
    returns = parse(spoc.get("/")).find("table", data_queue="returns")
    assert returns is None
    assert mail_to("ready_to_resubmit") == {people.spoc.email, people.spoc2.email}
    assert next_step(officer, form) == (
        f"Waiting for Dorset Police SPOCs: {spoc_names(people.spoc, people.spoc2)} "
        f"– resubmit the form to the ROCTA by {form.resubmit_by:%-d %B %Y}."
    )
    assert parse(officer.get("/")).find("strong", class_="app-count") is None  # nothing left for the officer

    answer(officer, form, last)  # changing an answer hands nothing on again
    assert len(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "ready_to_resubmit")).all()) == 2


def test_where_the_force_has_no_spoc_gate_the_officer_resubmits_and_no_spoc_is_mailed(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    people.officer.force.spoc_gate = False
    db.session.commit()
    officer = sign_in(people.officer)

    answer(officer, form, items_for(form, include_pending=False)[0])

    assert mail_to("ready_to_resubmit") == set()  # the officer answered: nobody else to tell
    assert f"{people.officer.name} – resubmit the form to the ROCTA" in next_step(officer, form)


def test_a_role_nobody_holds_is_said_so(people, sign_in):
    form = lifecycle.spoc_review(lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor))
    for spoc in (people.spoc, people.spoc2):
        spoc.active = False
    db.session.commit()

    page = parse(sign_in(people.officer).get(f"/forms/{form.number}"))
    assert page.one(id="next-step").find(data_nobody="").text.startswith("Nobody holds this role now")


def test_the_spocs_note_at_submission_is_shown_to_the_assessor(people, sign_in):
    form = lifecycle.spoc_review(lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor))
    spoc = sign_in(people.spoc)
    page = parse(spoc.get(f"/forms/{form.number}/actions/submit"))
    assert page.one("label", **{"for": "comment"}).text == "Note for the assessor (optional)"

    note = "Checked the subjects against PND; intelligence item 3 is the weakest."
    response = spoc.post(f"/forms/{form.number}/actions/submit", data={"version": form.version, "comment": note})
    assert response.status_code == 302

    shown = parse(sign_in(people.assessor).get(f"/forms/{form.number}")).one(id="spoc-note")
    assert shown.text == f"Note from the SPOC, {people.spoc.name} {note}"


def test_reminders_before_the_resubmit_by_date_go_to_the_spocs_as_well_as_the_author(people):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    reminders.run(today=form.resubmit_by - timedelta(days=1))

    assert mail_to("resubmission_due_soon") == {people.officer.email, people.spoc.email, people.spoc2.email}
