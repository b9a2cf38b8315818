"""A program walks a form through its whole life over the API, as each person in turn."""

from tests import factories
from tests.api.conftest import fill
from triggerflow.demo_content import complete_ocg_answers

RESPONSE = "We have added the missing identifiers for all three subjects, as asked."


def act(client, number: str, action: str, json=None):
    response = client.post(f"/forms/{number}/actions/{action}", json=json, etag=client.etag(number))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_a_form_goes_from_a_new_draft_through_a_return_to_acceptance(api, people):
    officer, spoc, assessor = api(people.officer), api(people.spoc), api(people.assessor)

    created = officer.post("/forms")
    assert created.status_code == 201
    number = created.get_json()["number"]
    assert created.headers["Location"] == f"/api/v1/forms/{number}"
    assert created.get_json()["state"] == "draft"

    fill(officer, number, complete_ocg_answers("DOR"))
    form = officer.get(f"/forms/{number}").get_json()
    assert form["completeness"]["can_send"] is True
    assert form["available_actions"] == ["send_to_spoc", "withdraw"]

    assert act(officer, number, "send_to_spoc")["form"]["state"] == "spoc_review"
    assert "submit" in spoc.get(f"/forms/{number}").get_json()["available_actions"]
    assert act(spoc, number, "submit")["form"]["state"] == "submitted"

    assert act(assessor, number, "claim")["form"]["state"] == "under_assessment"
    added = assessor.post(
        f"/forms/{number}/return-items",
        json={"section": "B", "reason_code": "R02", "comment": "Identify the third subject."},
    )
    assert added.status_code == 201 and added.get_json()["status"] == "pending"
    returned = act(assessor, number, "return_to_force")
    assert returned["form"]["state"] == "returned"

    (item,) = officer.get(f"/forms/{number}/return-items").get_json()["return_items"]
    assert (item["status"], item["comment"]) == ("open", "Identify the third subject.")
    answered = officer.put(
        f"/forms/{number}/return-items/{item['id']}/response", json={"response": RESPONSE}, etag=officer.etag(number)
    )
    assert answered.status_code == 200 and answered.get_json()["status"] == "responded"
    section_b = officer.get(f"/forms/{number}/sections/B").get_json()
    section_b["pi_rationale"] = "Amended after the return: all three subjects are now identified."
    del section_b["subjects"]
    assert officer.put(f"/forms/{number}/sections/B", json=section_b, etag=officer.etag(number)).status_code == 200

    resubmitted = act(spoc, number, "resubmit")["form"]
    assert (resubmitted["state"], resubmitted["round"]) == ("resubmitted", 2)
    assert act(assessor, number, "claim")["form"]["state"] == "under_assessment"
    closed = assessor.post(f"/forms/{number}/return-items/{item['id']}/close", json={}, etag=assessor.etag(number))
    assert closed.status_code == 200 and closed.get_json()["status"] == "closed"

    accepted = act(
        assessor,
        number,
        "accept",
        {
            "threat_type": "ocg",
            "primary_theme": "drugs_supply",
            "apmis_reference": "APMIS-77",
            "morile_harm": "40",
            "morile_likelihood": "3",
            "morile_risk": "120",
            "morile_confidence": "high",
            "morile_organisational_position": "Capacity gap",
            "morile_priority": "medium",
            "soc": "soc",
            "moderation_status": "moderated",
            "phase": "active",
            "tier": 3,
            "management_level": "force",
            "morile_scores": [{"category": "physical", "score": "64", "confidence": "Medium"}],
        },
    )
    assert accepted["form"]["state"] == "accepted"
    assert accepted["form"]["acceptance"]["tier"] == 3
    assert accepted["form"]["acceptance"]["owning_force"]["code"] == "DOR"

    events = officer.get(f"/forms/{number}/events").get_json()["events"]
    assert [(e["action"], e["actor"]["name"]) for e in reversed(events)] == [
        ("create", people.officer.name),
        ("send_to_spoc", people.officer.name),
        ("submit", people.spoc.name),
        ("claim", people.assessor.name),
        ("return_to_force", people.assessor.name),
        ("resubmit", people.spoc.name),
        ("claim", people.assessor.name),
        ("accept", people.assessor.name),
    ]
    versions = officer.get(f"/forms/{number}/versions").get_json()["versions"]
    assert [v["sequence"] for v in versions] == [1, 2]
    assert officer.get(f"/forms/{number}/versions/2").get_json()["answers"]["B"]["pi_rationale"].startswith("Amended")


def test_the_spoc_reads_back_the_draft_the_officer_sent_them(api, people):
    form = factories.complete_draft(people.officer)
    officer, spoc = api(people.officer), api(people.spoc)
    act(officer, form.number, "send_to_spoc")
    seen = spoc.get(f"/forms/{form.number}").get_json()
    assert seen["state"] == "spoc_review"
    assert seen["answers"]["A"]["working_name"] == form.working_name
    assert set(seen["available_actions"]) == {"spoc_return", "submit", "withdraw"}
