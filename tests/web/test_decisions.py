"""Every lifecycle action through the browser's forms, and the return items that go with a return."""

from datetime import date, timedelta

from sqlalchemy import select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.assessment.return_items import add_pending
from triggerflow.clocks.working_days import local_today
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormEvent, ReturnItem, ReturnItemStatus, TriggerForm
from triggerflow.workflow.errors import StaleForm
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


def fresh(form: TriggerForm) -> TriggerForm:
    db.session.expire_all()
    return db.session.get(TriggerForm, form.id)


def events(form: TriggerForm) -> list[FormEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id)))


def action_url(form: TriggerForm, action: str) -> str:
    return f"/forms/{form.number}/actions/{action}"


def act(client, form: TriggerForm, action: str, **data):
    data.setdefault("version", form.version)
    return client.post(action_url(form, action), data=data)


def date_parts(when: date) -> list[str]:
    return [str(when.day), str(when.month), str(when.year)]


def banner(response) -> str:
    return " ".join(found.text for found in parse(response).find_all(class_="govuk-notification-banner"))


# Sending


def test_officer_confirms_and_sends_a_complete_draft_to_the_spoc(people, sign_in):
    form = factories.complete_draft(people.officer)
    client = sign_in(people.officer)

    page = parse(client.get(action_url(form, "send_to_spoc")))
    assert page.find("h1").text == f"Send to SPOC – {form.number}"
    assert "quality check" in page.find(id="action-description").text
    assert page.find("input", name="version")["value"] == str(form.version)
    assert [a.text for a in page.find_all("a", href=f"/forms/{form.number}")] == ["Back to the form", "Cancel"]

    response = act(client, form, "send_to_spoc")
    assert response.status_code == 302 and response.location.endswith(f"/forms/{form.number}")
    assert f"Form {form.number} sent to your SPOC" in banner(client.get(response.location))
    assert fresh(form).state is FormState.SPOC_REVIEW
    assert [e.action for e in events(form)] == ["create", "send_to_spoc"]


def test_officer_sending_an_incomplete_draft_sees_every_blocking_finding_and_nothing_changes(people, sign_in):
    form = factories.draft(people.officer, {"A": {"working_name": "Half done"}})
    client = sign_in(people.officer)

    page = parse(client.get(action_url(form, "send_to_spoc")))
    checklist = [a.text for a in page.find(id="blocking-list").find_all("a")]
    assert len(checklist) > 5
    assert page.find(id="main-content").find("button", class_="govuk-button").text == "Send to SPOC"

    response = act(client, form, "send_to_spoc")
    assert response.status_code == 422
    page = parse(response)
    assert page.find("title").text.startswith("Error:")
    summary = error_summary(page)
    assert [text.rsplit(" (criterion", 1)[0] for text, _ in summary] == checklist
    assert all(href.startswith(f"/forms/{form.number}/sections/") and "#" in href for _, href in summary)
    assert fresh(form).state is FormState.DRAFT
    assert [e.action for e in events(form)] == ["create"]


def test_a_stale_page_is_refused_with_the_conflict_message_and_the_typed_reason_kept(people, sign_in):
    form = factories.draft(people.officer, {"A": {"working_name": "Moving target"}})
    client = sign_in(people.officer)
    seen = int(parse(client.get(action_url(form, "withdraw"))).find("input", name="version")["value"])
    store.save_section(form, "A", {"working_name": "Changed by someone else"}, people.officer, form.version)

    response = act(client, form, "withdraw", version=seen, comment="A duplicate of another draft")
    assert response.status_code == 409
    page = parse(response)
    assert StaleForm.message in [text for text, _ in error_summary(page)]
    assert page.find("textarea", name="comment").text == "A duplicate of another draft"
    assert fresh(form).state is FormState.DRAFT
    assert [e.action for e in events(form)] == ["create"]

    # The page now carries the current version: confirming again, having been told, goes through.
    again = page.find("input", name="version")["value"]
    assert act(client, form, "withdraw", version=again, comment="A duplicate of another draft").status_code == 302
    assert fresh(form).state is FormState.WITHDRAWN


def test_a_spoc_cannot_submit_a_form_they_wrote_but_another_spoc_can(people, sign_in):
    form = factories.complete_draft(people.spoc)
    perform(form, "send_to_spoc", people.spoc)
    author = sign_in(people.spoc)
    assert author.get(action_url(form, "submit")).status_code == 403
    assert act(author, form, "submit").status_code == 403
    assert fresh(form).state is FormState.SPOC_REVIEW

    response = act(sign_in(people.spoc2), form, "submit")
    assert response.status_code == 302
    form = fresh(form)
    assert form.state is FormState.SUBMITTED and form.round == 1
    assert [e.action for e in events(form)][-1] == "submit"


def test_spoc_returns_a_draft_to_the_officer_only_with_a_comment(people, sign_in):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    client = sign_in(people.spoc)

    response = act(client, form, "spoc_return", comment="   ")
    assert response.status_code == 400
    assert error_summary(parse(response)) == [("Enter your comments for the officer", "#comment")]
    assert fresh(form).state is FormState.SPOC_REVIEW

    response = act(client, form, "spoc_return", comment="Add the second subject's date of birth.")
    assert f"Form {form.number} returned to the officer" in banner(client.get(response.location))
    assert fresh(form).state is FormState.DRAFT
    assert events(form)[-1].comment == "Add the second subject's date of birth."


# Claiming a form and returning it


def test_assessor_claims_from_the_form_page_and_releases_back_to_the_queue(people, sign_in):
    form = factories.submitted(people.officer, people.spoc)
    client = sign_in(people.assessor)
    overview = parse(client.get(f"/forms/{form.number}"))
    claim = overview.find("form", action=action_url(form, "claim"))
    assert claim.find("input", name="version")["value"] == str(form.version)

    response = act(client, form, "claim")
    assert f"You are now assessing form {form.number}" in banner(client.get(response.location))
    form = fresh(form)
    assert form.state is FormState.UNDER_ASSESSMENT and form.assessor_id == people.assessor.id

    act(client, form, "release")
    form = fresh(form)
    assert form.state is FormState.SUBMITTED and form.assessor_id is None
    assert [e.action for e in events(form)][-2:] == ["claim", "release"]


def test_returning_a_form_needs_at_least_one_return_item(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    page = parse(client.get(action_url(form, "return_to_force")))
    assert "You have not added any return items yet" in page.find(id="main-content").text

    response = act(client, form, "return_to_force", resubmit_by=["", "", ""])
    assert response.status_code == 422
    assert error_summary(parse(response)) == [
        ("Add at least one return item before returning the form", "#return-items")
    ]

    response = act(client, form, "return_to_force", resubmit_by=date_parts(local_today()))
    assert error_summary(parse(response)) == [
        ("The resubmit-by date must be in the future", "#resubmit_by-day"),
        ("Add at least one return item before returning the form", "#return-items"),
    ]
    assert fresh(form).state is FormState.UNDER_ASSESSMENT


def test_assessor_builds_a_return_item_by_item_then_returns_the_form(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    new_item = f"/forms/{form.number}/return-items/new?then=return"
    page = parse(client.get(new_item))
    assert page.find("select", name="reason_code").find("option", value="R02").text.startswith("R02")

    for section, question, reason in (("B", "B.subjects", "R02"), ("F", "F.intelligence", "R07")):
        response = client.post(
            new_item,
            data={
                "section": section,
                "field_name": question,
                "reason_code": reason,
                "comment": f"Section {section} needs more.",
            },
        )
        assert response.location.endswith(action_url(form, "return_to_force"))
    items = db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id)).all()
    assert [(i.section, i.field, i.status) for i in items] == [
        ("B", "subjects", ReturnItemStatus.PENDING),
        ("F", "intelligence", ReturnItemStatus.PENDING),
    ]

    page = parse(client.get(action_url(form, "return_to_force")))
    cards = page.find_all(class_="govuk-summary-card")
    assert [card.find("h3").text for card in cards] == [
        "Section B: Subject identification incomplete (R02)",
        "Section F: Intelligence missing, ungraded or without reference (R07)",
    ]
    remove = cards[1].find("form")
    assert remove["action"].endswith(f"/return-items/{items[1].id}/remove?then=return")
    assert "return item 2 on section F" in remove.find("button").text
    client.post(remove["action"])

    resubmit_by = local_today() + timedelta(days=21)
    response = act(client, form, "return_to_force", resubmit_by=date_parts(resubmit_by))
    assert f"Form {form.number} returned to {form.force.name}" in banner(client.get(response.location))
    form = fresh(form)
    assert (form.state, form.resubmit_by) == (FormState.RETURNED, resubmit_by)
    remaining = db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id)).all()
    assert [(i.section, i.status) for i in remaining] == [("B", ReturnItemStatus.OPEN)]
    assert events(form)[-1].details["resubmit_by"] == resubmit_by.isoformat()


def test_a_return_item_needs_a_section_a_reason_and_a_comment_and_a_question_from_that_section(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    url = f"/forms/{form.number}/return-items/new"

    response = client.post(url, data={"section": "", "field_name": "", "reason_code": "", "comment": ""})
    assert response.status_code == 400
    assert [text for text, _ in error_summary(parse(response))] == [
        "Select the section the item is about",
        "Select the reason for the return",
        "Enter a comment for the force",
    ]

    response = client.post(
        url, data={"section": "B", "field_name": "A.summary", "reason_code": "R02", "comment": "Identify the subjects."}
    )
    page = parse(response)
    assert error_summary(page) == [("Select a question in the section you chose, or the whole section", "#field_name")]
    assert page.find("textarea", name="comment").text == "Identify the subjects."
    assert db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id)).all() == []


def test_only_the_assessor_holding_the_form_may_add_or_remove_return_items(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    item = add_pending(form, people.assessor, section="B", reason_code="R02", comment="Identify them.")
    other = sign_in(people.assessor2)
    assert other.get(f"/forms/{form.number}/return-items/new").status_code == 403
    assert other.post(f"/forms/{form.number}/return-items/{item.id}/remove").status_code == 403
    assert sign_in(people.eastern_assessor).get(f"/forms/{form.number}/return-items/new").status_code == 404
    assert db.session.get(ReturnItem, item.id) is not None


# Answering a return and resubmitting


def test_resubmission_is_refused_until_every_return_item_is_answered(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B", "C"))
    items = db.session.scalars(select(ReturnItem).where(ReturnItem.form_id == form.id).order_by(ReturnItem.id)).all()
    store.save_section(form, "B", {"pi_rationale": "Changed for the return"}, people.officer, None)
    store.save_section(form, "C", {"modus_operandi": "Changed for the return as well"}, people.officer, None)
    spoc, officer = sign_in(people.spoc), sign_in(people.officer)

    page = parse(spoc.get(action_url(form, "resubmit")))
    assert len(page.find(id="main-content").find_all(class_="govuk-summary-card")) == 2
    response = act(spoc, fresh(form), "resubmit")
    assert response.status_code == 422
    assert [href for _, href in error_summary(parse(response))] == ["#return-items", "#return-items"]
    assert fresh(form).state is FormState.RETURNED

    respond = f"/forms/{form.number}/return-items/{items[0].id}/respond"
    page = parse(officer.get(respond))
    assert "Please improve section B." in page.find(class_="govuk-summary-list").text
    assert page.find("a", href=f"/forms/{form.number}/sections/B").text.startswith("Change section B")
    response = officer.post(
        respond,
        data={"version": fresh(form).version, "response": "We added dates of birth and PNC IDs for every subject."},
    )
    assert response.location.endswith(f"/forms/{form.number}#return-items")
    assert act(spoc, fresh(form), "resubmit").status_code == 422

    officer.post(
        f"/forms/{form.number}/return-items/{items[1].id}/respond",
        data={"version": fresh(form).version, "response": "The modus operandi now covers the cash runs."},
    )
    response = act(spoc, fresh(form), "resubmit")
    assert response.status_code == 302
    form = fresh(form)
    assert (form.state, form.round) == (FormState.RESUBMITTED, 2)
    assert [e.action for e in events(form)].count("resubmit") == 1


def test_a_response_needs_text_and_a_current_version(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    item = db.session.scalar(select(ReturnItem).where(ReturnItem.form_id == form.id))
    client = sign_in(people.officer)
    url = f"/forms/{form.number}/return-items/{item.id}/respond"

    response = client.post(url, data={"version": form.version, "response": ""})
    assert error_summary(parse(response)) == [("Enter your response to the return item", "#response")]

    response = client.post(url, data={"version": form.version - 1, "response": "Subjects now identified."})
    assert response.status_code == 409
    page = parse(response)
    assert StaleForm.message in [text for text, _ in error_summary(page)]
    assert page.find("textarea", name="response").text == "Subjects now identified."
    db.session.expire_all()
    assert db.session.get(ReturnItem, item.id).response is None


def test_only_the_force_may_answer_a_return_item_and_only_while_the_form_is_returned(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    item = db.session.scalar(select(ReturnItem).where(ReturnItem.form_id == form.id))
    url = f"/forms/{form.number}/return-items/{item.id}/respond"
    assert sign_in(people.officer2).get(url).status_code == 403  # same force, not the author
    assert sign_in(people.wilts_officer).get(url).status_code == 404
    assert sign_in(people.assessor).get(url).status_code == 403
    assert sign_in(people.spoc).get(url).status_code == 200
    perform(form, "withdraw", people.spoc, comment="No longer needed")
    assert sign_in(people.officer).get(url).status_code == 403


# Deciding


def test_reject_needs_a_code_and_a_rationale_and_a_reference_for_a_duplicate(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)

    response = act(client, form, "reject", comment="")
    assert response.status_code == 400
    assert [text for text, _ in error_summary(parse(response))] == [
        "Select a rejection reason",
        "Enter the rationale for rejecting the form",
    ]

    response = act(client, form, "reject", reason_code="N6", comment="This is the Harbour Lane network again.")
    assert error_summary(parse(response)) == [
        ("Enter the reference of the existing threat this duplicates", "#duplicate_reference")
    ]
    assert fresh(form).state is FormState.UNDER_ASSESSMENT

    response = act(
        client,
        form,
        "reject",
        reason_code="N6",
        duplicate_reference="APMIS-SW-0412",
        comment="This is the Harbour Lane network again.",
    )
    assert f"Form {form.number} rejected" in banner(client.get(response.location))
    event = events(form)[-1]
    assert (fresh(form).state, event.reason_code, event.comment, event.details["duplicate_reference"]) == (
        FormState.REJECTED,
        "N6",
        "This is the Harbour Lane network again.",
        "APMIS-SW-0412",
    )


def test_accept_shows_the_acceptance_record_prefilled_from_the_form(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    page = parse(sign_in(people.assessor).get(action_url(form, "accept")))
    assert page.find("input", name="threat_type", value=form.threat_type).get("checked") is not None
    theme = page.find("select", name="primary_theme").find("option", value=form.primary_theme)
    assert theme.get("selected") is not None
    owning = page.find("select", name="owning_force_id")
    assert owning.find("option", value=str(form.force_id)).get("selected") is not None
    assert {o.text for o in owning.find_all("option")} >= {"Dorset Police", "Wiltshire Police"}
    assert page.find("input", name="lro_name") is None  # the force appoints the LRO afterwards


def test_assessor_accepts_a_form_with_the_acceptance_record(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    wiltshire = factories.force("WIL")
    response = act(
        client,
        form,
        "accept",
        threat_type="ocg",
        primary_theme="county_lines",
        secondary_themes=["money_laundering", "firearms"],
        apmis_reference="",
        morile_harm="64.5",
        morile_likelihood="3",
        morile_risk="193.5",
        morile_confidence="medium",
        morile_organisational_position="Capacity gap",
        morile_priority="high",
        score_physical="48",
        confidence_physical="60%",
        score_financial="12",
        confidence_financial="Low",
        soc="soc",
        moderation_status="awaiting",
        phase="active",
        tier="2",
        management_level="regional",
        owning_force_id=wiltshire.id,
        pnd_reference="PND/77",
    )
    assert response.status_code == 302
    assert f"Form {form.number} accepted" in banner(client.get(response.location))
    assert fresh(form).state is FormState.ACCEPTED
    record = db.session.scalar(select(AcceptanceRecord).where(AcceptanceRecord.form_id == form.id))
    assert (
        record.primary_theme,
        record.secondary_themes,
        record.apmis_reference,
        record.morile_harm,
        record.tier,
        record.owning_force_id,
        record.morile_scores,
        record.soc,
        record.pnd_reference,
    ) == (
        "county_lines",
        ["money_laundering", "firearms"],
        None,
        "64.5",
        2,
        wiltshire.id,
        [
            {"category": "physical", "score": "48", "confidence": "60%"},
            {"category": "financial", "score": "12", "confidence": "Low"},
        ],
        "soc",
        "PND/77",
    )
    assert [e.action for e in events(form)].count("accept") == 1


def test_accept_without_the_record_lists_what_is_missing_and_keeps_what_was_typed(people, sign_in):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    response = act(
        client,
        form,
        "accept",
        threat_type="ocg",
        primary_theme="drugs_supply",
        morile_harm="12.5",
        owning_force_id=form.force_id,
    )
    assert response.status_code == 400
    page = parse(response)
    summary = dict(error_summary(page))
    assert summary["Enter the MoRiLE likelihood score"] == "#morile_likelihood"
    assert summary["Select the tier"] == "#tier"
    assert summary["Select the moderation status"] == "#moderation_status"
    assert page.find("input", name="morile_harm")["value"] == "12.5"
    assert fresh(form).state is FormState.UNDER_ASSESSMENT
    assert db.session.scalar(select(AcceptanceRecord).where(AcceptanceRecord.form_id == form.id)) is None


# Withdrawing and reopening


def test_withdraw_needs_a_reason(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    response = act(client, form, "withdraw", comment="")
    assert error_summary(parse(response)) == [("Enter the reason for withdrawing the form", "#comment")]
    act(client, form, "withdraw", comment="Merged into another form")
    assert fresh(form).state is FormState.WITHDRAWN
    assert events(form)[-1].comment == "Merged into another form"


def test_spoc_reopens_a_lapsed_form_with_a_reason(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor)
    perform(form, "lapse", None)
    client = sign_in(people.spoc)
    assert act(client, form, "reopen", comment="").status_code == 400
    response = act(client, fresh(form), "reopen", comment="The officer was on leave; the answers are nearly ready.")
    assert "reopened" in banner(client.get(response.location))
    form = fresh(form)
    assert form.state is FormState.RETURNED and form.resubmit_by > local_today()


# Who may act


def test_an_action_not_offered_to_the_user_is_forbidden_on_get_and_post(people, sign_in):
    form = factories.submitted(people.officer, people.spoc)
    officer = sign_in(people.officer)
    for action in ("claim", "accept", "lapse", "withdraw"):
        assert officer.get(action_url(form, action)).status_code == 403
        assert act(officer, form, action).status_code == 403
    assert officer.get(action_url(form, "no_such_action")).status_code == 404
    assert sign_in(people.essex_officer).get(action_url(form, "claim")).status_code == 404
    assert sign_in(people.eastern_assessor).post(action_url(form, "claim")).status_code == 404
    assert fresh(form).state is FormState.SUBMITTED


def test_signed_out_people_are_sent_to_sign_in(people, client):
    form = factories.submitted(people.officer, people.spoc)
    response = client.get(action_url(form, "claim"))
    assert response.status_code == 302 and "/sign-in" in response.location
