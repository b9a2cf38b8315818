"""The threat register over the API: the same lifecycle, rules and scope as its pages."""

from tests import factories
from triggerflow.threats.states import ThreatState


def problem(response) -> dict:
    assert response.mimetype == "application/problem+json", response.get_data(as_text=True)
    return response.get_json()


def test_a_spoc_takes_a_threat_from_lro_to_management_over_the_api(people, api):
    form = factories.accepted(people.officer, people.spoc, people.assessor)
    threat = factories.threat_of(form)
    spoc = api(people.spoc)
    read = spoc.get(f"/threats/{threat.id}")
    assert read.get_json()["available_actions"] == ["appoint_lro", "record_disruption"]
    etag = read.headers["ETag"]
    assert spoc.post(f"/threats/{threat.id}/actions/appoint_lro", json=factories.LRO).status_code == 428
    done = spoc.post(f"/threats/{threat.id}/actions/appoint_lro", json=factories.LRO, etag=etag)
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["threat"]["state"] == "lro_appointed"
    etag = done.headers["ETag"]
    refused = spoc.post(f"/threats/{threat.id}/actions/agree_plan", etag=etag)
    assert refused.status_code == 422
    assert problem(refused)["errors"][0]["field"] == "plan"
    for strand, description in factories.PLAN:
        added = spoc.post(
            f"/threats/{threat.id}/actions/add_plan_action",
            etag=etag,
            json={"strand": strand, "description": description, "owner": "DI Owner", "due_on": "2027-03-01"},
        )
        assert added.status_code == 200, added.get_json()
        etag = added.headers["ETag"]
    agreed = spoc.post(f"/threats/{threat.id}/actions/agree_plan", etag=etag)
    assert agreed.get_json()["threat"]["state"] == "plan_agreed"
    assert len(agreed.get_json()["threat"]["plan"]) == 4


def test_a_stale_etag_changes_nothing_and_the_wrong_action_is_a_conflict(people, api):
    threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
    spoc = api(people.spoc)
    stale = spoc.get(f"/threats/{threat.id}").headers["ETag"]
    spoc.post(f"/threats/{threat.id}/actions/appoint_lro", json=factories.LRO, etag=stale)
    again = spoc.post(f"/threats/{threat.id}/actions/change_lro", json=factories.LRO, etag=stale)
    assert again.status_code == 409 and problem(again)["type"].endswith("stale-version")
    assessor = api(people.assessor)
    etag = assessor.get(f"/threats/{threat.id}").headers["ETag"]
    conflict = assessor.post(f"/threats/{threat.id}/actions/start_management", etag=etag)
    assert conflict.status_code == 409 and "archive" in problem(conflict)["available_actions"]


def test_the_register_lists_a_forces_own_threats_and_the_regions_for_the_rocta(people, api):
    dorset = factories.accepted(people.officer, people.spoc, people.assessor, morile_priority="low")
    wilts = factories.accepted(people.wilts_officer, people.wilts_spoc, people.assessor, morile_priority="high")
    listed = api(people.assessor).get("/threats").get_json()["threats"]
    assert [t["form_number"] for t in listed] == [wilts.number, dorset.number]
    assert listed[0]["state"] == ThreatState.ACCEPTED.value and listed[0]["lro_name"] is None
    own = api(people.spoc).get("/threats").get_json()["threats"]
    assert [t["form_number"] for t in own] == [dorset.number]
    bad = api(people.spoc).get("/threats?status=everything")
    assert bad.status_code == 422
