"""GET /api/v1/search: the search page's results as JSON, within the token holder's scope."""

from tests import factories
from tests.api.test_scope import is_problem
from tests.search.helpers import form_about


def test_a_token_finds_a_form_by_a_subjects_pnc_id(api, people):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    response = api(people.officer).get("/search", query_string={"q": "12/345678A"})
    assert response.status_code == 200
    found = response.get_json()
    assert [f["number"] for f in found["forms"]] == [form.number]
    assert (found["total"], found["page"], found["pages"]) == (1, 1, 1)


def test_another_force_and_a_region_that_was_not_sent_the_form_find_nothing(api, people):
    form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    for user in (people.wilts_officer, people.essex_spoc, people.assessor, people.eastern_assessor):
        assert api(user).get("/search", query_string={"q": "smith"}).get_json()["forms"] == [], user.email


def test_the_regions_assessor_finds_a_submitted_form_by_state_and_force(api, people):
    form = factories.submitted(people.officer, people.spoc)
    factories.submitted(people.wilts_officer, people.wilts_spoc)
    found = api(people.assessor).get("/search", query_string={"state": "submitted", "force": "DOR"}).get_json()
    assert [f["number"] for f in found["forms"]] == [form.number]
    assert api(people.eastern_assessor).get("/search", query_string={"q": form.number}).get_json()["total"] == 0


def test_bad_dates_and_pages_are_problems_that_say_which_parameter(api, people):
    client = api(people.officer)
    for args in (
        {"created_from": "2026-02-31"},
        {"created_to": "31/01/2026"},
        {"created_from": "0"},
        {"created_to": "2026-01-05T00:00"},
        {"page": "0"},
        {"q": "x" * 201},
        {"state": "nonsense"},
    ):
        response = client.get("/search", query_string=args)
        assert is_problem(response, 422), args
        assert next(iter(args)) in str(response.get_json()), args
