"""Lifecycle actions and return items over the API: what is refused, how, and who is recorded."""

from sqlalchemy import select

from tests import factories
from triggerflow.db import db
from triggerflow.models import FormEvent, ReturnItem, TriggerForm


def act(client, number: str, action: str, json=None):
    return client.post(f"/forms/{number}/actions/{action}", json=json, etag=client.etag(number))


def problem(response) -> dict:
    assert response.mimetype == "application/problem+json", response.get_data(as_text=True)[:300]
    return response.get_json()


def test_every_action_is_recorded_as_the_tokens_user(people, api):
    form = factories.complete_draft(people.officer)
    assert act(api(people.officer), form.number, "send_to_spoc").status_code == 200
    assert act(api(people.spoc), form.number, "submit").status_code == 200
    actors = db.session.scalars(
        select(FormEvent.actor_id).where(FormEvent.form_id == form.id).order_by(FormEvent.id)
    ).all()
    assert actors == [people.officer.id, people.officer.id, people.spoc.id]


def test_an_action_the_form_does_not_offer_now_is_a_conflict_listing_what_is_offered(people, api):
    form = factories.complete_draft(people.officer)
    refused = act(api(people.spoc), form.number, "submit")
    assert refused.status_code == 409
    assert problem(refused)["type"].endswith("/not-available")
    assert problem(refused)["available_actions"] == ["withdraw"]


def test_sending_an_incomplete_draft_lists_the_rules_that_block_it(people, api):
    form = factories.draft(people.officer, {"A": {"working_name": "Thin"}})
    refused = act(api(people.officer), form.number, "send_to_spoc")
    assert refused.status_code == 422
    body = problem(refused)
    assert body["type"].endswith("/requirements-not-met")
    assert {
        "rule_id": "C1",
        "severity": "hard",
        "section": "A",
        "field": "A.threat_type",
        "message": "Select the type of threat",
    } in body["findings"] or any(f["rule_id"] == "C1" for f in body["findings"])
    assert db.session.get(TriggerForm, form.id).state == "draft"


def test_a_reason_is_needed_to_send_a_draft_back_or_withdraw_it(people, api):
    form = factories.complete_draft(people.officer)
    act(api(people.officer), form.number, "send_to_spoc")
    refused = act(api(people.spoc), form.number, "spoc_return", {"comment": "   "})
    assert refused.status_code == 422
    assert problem(refused)["errors"] == [{"field": "comment", "detail": "Enter a reason"}]
    refused = act(api(people.spoc), form.number, "withdraw")
    assert problem(refused)["errors"] == [{"field": "comment", "detail": "Enter a reason"}]


def test_a_regional_manager_releasing_an_assessors_work_must_say_why(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    manager = api(people.regional_manager)
    refused = act(manager, form.number, "release")
    assert refused.status_code == 422
    assert problem(refused)["errors"] == [{"field": "comment", "detail": "Enter the reason for releasing the form"}]
    assert act(manager, form.number, "release", {"comment": "Aled is on leave."}).status_code == 200
    event = db.session.scalars(
        select(FormEvent).where(FormEvent.form_id == form.id).order_by(FormEvent.id.desc())
    ).first()
    assert (event.action, event.actor_id, event.comment) == ("release", people.regional_manager.id, "Aled is on leave.")


def test_a_reassigned_forms_history_reads_as_on_its_page(people, api):
    from triggerflow.workflow.routing import reassign

    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    reassign(form, people.regional_manager, people.assessor2, "Aled is on leave.", form.version)
    response = api(people.assessor2).get(f"/forms/{form.number}/events")
    assert response.status_code == 200
    latest = response.get_json()["events"][0]
    assert (latest["action"], latest["label"], latest["comment"]) == ("reassign", "Reassigned", "Aled is on leave.")


def test_a_rejection_needs_a_known_code_and_a_rationale(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = api(people.assessor)
    unknown = act(client, form.number, "reject", {"reason_code": "N9", "comment": "x" * 30})
    assert unknown.status_code == 422 and problem(unknown)["errors"][0]["pointer"] == "#/reason_code"
    short = act(client, form.number, "reject", {"reason_code": "N1", "comment": "Too thin."})
    assert short.status_code == 422
    assert problem(short)["errors"] == [
        {"field": "comment", "detail": "Enter the rationale for rejecting the form, in at least 20 characters"}
    ]
    duplicate = act(client, form.number, "reject", {"reason_code": "N6", "comment": "A duplicate of a known OCG."})
    assert problem(duplicate)["errors"][0]["field"] == "duplicate_reference"
    done = act(
        client,
        form.number,
        "reject",
        {"reason_code": "N6", "comment": "A duplicate of a known OCG.", "duplicate_reference": "APMIS-1234"},
    )
    assert done.status_code == 200
    assert done.get_json()["event"]["details"]["duplicate_reference"] == "APMIS-1234"


def test_the_acceptance_record_must_be_complete_and_its_owning_force_in_the_region(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    client = api(people.assessor)
    empty = act(client, form.number, "accept", {})
    assert empty.status_code == 422
    assert {"field": "phase", "detail": "Select the phase"} in problem(empty)["errors"]
    record = {
        "threat_type": "ocg",
        "primary_theme": "drugs_supply",
        "morile_harm": "40",
        "morile_likelihood": "3",
        "morile_risk": "120",
        "morile_confidence": "high",
        "morile_organisational_position": "Capacity gap",
        "morile_priority": "medium",
        "tier": 2,
        "management_level": "regional",
        "soc": "soc",
        "moderation_status": "moderated",
        "phase": "active",
        "morile_scores": [{"category": "financial", "score": "30", "confidence": "High"}],
    }
    elsewhere = act(client, form.number, "accept", record | {"owning_force": "ESS"})
    assert problem(elsewhere)["errors"][0]["pointer"] == "#/owning_force"
    accepted = act(client, form.number, "accept", record | {"owning_force": "WIL"})
    assert accepted.status_code == 200
    acceptance = accepted.get_json()["form"]["acceptance"]
    assert (acceptance["owning_force"]["code"], acceptance["tier"]) == ("WIL", 2)
    assert acceptance["morile_scores"] == [{"category": "financial", "score": "30", "confidence": "High"}]


def test_a_return_needs_items_and_the_force_sees_them_only_once_sent(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    assessor, officer = api(people.assessor), api(people.officer)
    empty = act(assessor, form.number, "return_to_force")
    assert problem(empty)["errors"] == [
        {"field": "items", "detail": "Add at least one return item before returning the form"}
    ]
    wrong_field = assessor.post(
        f"/forms/{form.number}/return-items",
        json={"section": "B", "field": "summary", "reason_code": "R02", "comment": "Hmm"},
    )
    assert problem(wrong_field)["errors"][0]["pointer"] == "#/field"
    first = assessor.post(
        f"/forms/{form.number}/return-items",
        json={"section": "B", "field": "subjects", "reason_code": "R02", "comment": "Who?"},
    )
    second = assessor.post(
        f"/forms/{form.number}/return-items", json={"section": "F", "reason_code": "R07", "comment": "Grade item 2."}
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert assessor.delete(f"/forms/{form.number}/return-items/{second.get_json()['id']}").status_code == 204
    assert db.session.scalar(select(ReturnItem.id).where(ReturnItem.id == second.get_json()["id"])) is None
    assert officer.get(f"/forms/{form.number}/return-items").get_json()["return_items"] == []
    assert officer.get(f"/forms/{form.number}/return-items/{first.get_json()['id']}").status_code == 404

    assert act(assessor, form.number, "return_to_force", {"resubmit_by": "2099-01-31"}).status_code == 200
    (item,) = officer.get(f"/forms/{form.number}/return-items").get_json()["return_items"]
    assert (item["section"], item["field"], item["status"]) == ("B", "subjects", "open")
    assert officer.get(f"/forms/{form.number}").get_json()["resubmit_by"] == "2099-01-31"


def test_an_action_on_a_stale_version_does_nothing(people, api):
    form = factories.complete_draft(people.officer)
    client = api(people.officer)
    stale = client.etag(form.number)
    assert (
        client.put(f"/forms/{form.number}/sections/H", json={"partner_agencies": "HMRC"}, etag=stale).status_code == 200
    )
    refused = client.post(f"/forms/{form.number}/actions/send_to_spoc", etag=stale)
    assert refused.status_code == 409 and problem(refused)["type"].endswith("/stale-version")
    assert db.session.get(TriggerForm, form.id).state == "draft"


def test_unknown_paths_and_methods_answer_in_problem_json(people, api):
    client = api(people.officer)
    assert problem(client.get("/no-such-thing"))["status"] == 404
    assert problem(client.get("/forms/not-a-number"))["status"] == 404
    wrong = client.call("PATCH", "/forms")
    assert problem(wrong)["status"] == 405 and set(wrong.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_too_many_requests_get_429_with_retry_after(app, people, api):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    client = api(people.officer)
    answers = [client.get("/me").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get("/me")
    assert problem(limited)["status"] == 429 and int(limited.headers["Retry-After"]) > 0
    assert api(people.spoc).get("/me").status_code == 200  # counted per token


def test_a_failure_inside_the_service_is_still_problem_json_and_never_an_html_page(app, people, api, monkeypatch):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production, where nothing re-raises to a debugger

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("triggerflow.api.routes.forms.forms_page", broken)
    response = api(people.officer).get("/forms")
    assert problem(response)["status"] == 500
    assert "database" not in response.get_data(as_text=True)
