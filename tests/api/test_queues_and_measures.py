"""Each role's queues and the management measures over the API: the same figures as the pages."""

from tests import factories
from triggerflow.clocks.working_days import local_today
from triggerflow.queries.measures import MeasureScope, decisions
from triggerflow.queries.measures.scope import Filters
from triggerflow.workflow.service import perform


def test_a_spoc_reads_the_forms_awaiting_their_review(people, api):
    form = factories.complete_draft(people.officer)
    perform(form, "send_to_spoc", people.officer)
    queue = api(people.spoc).get("/queues/review").get_json()
    assert (queue["total"], queue["page"]) == (1, 1)
    assert queue["rows"][0]["number"] == form.number and queue["rows"][0]["days_with_spoc"] == 0
    assert api(people.officer).get("/queues/review").status_code == 403


def test_an_assessor_reads_the_regional_queue_of_new_forms(people, api):
    sent = factories.submitted(people.wilts_officer, people.wilts_spoc)
    rows = api(people.assessor).get("/queues/new").get_json()["rows"]
    assert [(row["number"], row["force_code"]) for row in rows] == [(sent.number, "WIL")]
    assert api(people.eastern_assessor).get("/queues/new").get_json()["rows"] == []


def test_the_form_list_pages_with_a_cursor_and_filters(people, api):
    numbers = [factories.draft(people.officer).number for _ in range(5)]
    client = api(people.officer)
    first = client.get("/forms?limit=2").get_json()
    second = client.get(f"/forms?limit=2&cursor={first['next_cursor']}").get_json()
    third = client.get(f"/forms?limit=2&cursor={second['next_cursor']}").get_json()
    listed = [f["number"] for page in (first, second, third) for f in page["forms"]]
    assert listed == list(reversed(numbers)) and third["next_cursor"] is None
    assert client.get("/forms?state=submitted").get_json()["forms"] == []
    assert client.get("/forms?cursor=rubbish").status_code == 422
    assert client.get("/forms?limit=1000").status_code == 422


def test_a_manager_reads_the_acceptance_measure_as_the_dashboard_computes_it(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    perform(form, "accept", people.assessor, record=factories.acceptance_record(form))
    response = api(people.regional_manager).get("/measures/acceptance")
    assert response.status_code == 200
    body = response.get_json()
    expected = decisions.by_force(MeasureScope(people.regional_manager, Filters.last_twelve_months(local_today())))
    assert [(row["code"], row["accepted"], row["acceptance_rate"]) for row in body["rows"]] == [
        (row.code, row.accepted, row.acceptance_rate) for row in expected
    ]
    assert ("DOR", 1, 100.0) in [(row["code"], row["accepted"], row["acceptance_rate"]) for row in body["rows"]]
    narrowed = api(people.regional_manager).get("/measures/acceptance?force=WIL").get_json()["rows"]
    assert all(row["code"] == "WIL" for row in narrowed)
    backwards = api(people.regional_manager).get("/measures/acceptance?start=2026-05-01&end=2026-01-01")
    assert backwards.status_code == 422


def test_every_measure_answers_for_a_national_manager(people, api):
    client = api(people.national_manager)
    paths = [path for path in client.get("/openapi.json").get_json()["paths"] if path.startswith("/api/v1/measures/")]
    assert len(paths) >= 12
    for path in paths:
        response = client.get(path.removeprefix("/api/v1"))
        assert response.status_code == 200, (path, response.get_json())
