"""The search page: reached from the header, results in the GOV.UK pattern a page at a time,
filters whose bad dates get GOV.UK errors, and never a form outside the user's scope."""

from tests import factories
from tests.search.helpers import form_about
from tests.web.htmlpage import error_summary, parse


def search_page(client, **args):
    response = client.get("/search", query_string=args)
    assert response.status_code == 200
    return parse(response)


def results(page) -> list[str]:
    listed = page.find("ul", data_results="")
    return [li["data-number"] for li in listed.find_all("li")] if listed else []


def test_the_header_leads_to_the_search_box(people, sign_in):
    page = parse(sign_in(people.officer).get("/"))
    link = page.one("a", href="/search")
    assert link.text == "Search"
    box = search_page(sign_in(people.officer))
    assert box.one("form", role="search").find("input", name="q") is not None
    assert box.find("h2", id="results") is None


def test_an_officer_finds_a_form_by_a_subjects_pnc_id(people, sign_in):
    form = form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    page = search_page(sign_in(people.officer), q="12/345678A")
    assert page.one("h2", id="results").text == "1 form found"
    assert results(page) == [form.number]
    link = page.find("ul", data_results="").find("a")
    assert (link["href"], link.text) == (f"/forms/{form.number}", f"{form.number}: Operation Kestrel")
    assert page.find("input", name="q")["value"] == "12/345678A"


def test_nothing_found_says_so_and_what_to_try(people, sign_in):
    form_about(people.officer, "Operation Kestrel")
    page = search_page(sign_in(people.officer), q="heron")
    assert page.one("h2", id="results").text == "0 forms found"
    assert "There are no forms you can see that match" in page.one("main").text


def test_another_forces_officer_does_not_find_the_form(people, sign_in):
    form_about(people.officer, "Operation Kestrel", [("John", "Smith", "12/345678A")])
    assert results(search_page(sign_in(people.wilts_officer), q="12/345678A")) == []
    assert results(search_page(sign_in(people.wilts_officer), q="")) == []


def test_filters_by_state_and_force_narrow_the_results(people, sign_in):
    draft = form_about(people.officer, "Operation Kestrel")
    sent = factories.submitted(people.officer, people.spoc)
    wilts = factories.submitted(people.wilts_officer, people.wilts_spoc)
    client = sign_in(people.admin)
    assert results(search_page(client, state="draft")) == [draft.number]
    assert set(results(search_page(client, state="submitted"))) == {sent.number, wilts.number}
    assert results(search_page(client, state="submitted", force="WIL")) == [wilts.number]


def test_a_date_that_is_not_real_gets_a_govuk_error_and_no_results(people, sign_in):
    form_about(people.officer, "Operation Kestrel")
    client = sign_in(people.officer)
    response = client.get(
        "/search",
        query_string=[("q", "kestrel"), ("started_from", "31"), ("started_from", "2"), ("started_from", "2026")],
    )
    page = parse(response)
    assert response.status_code == 200
    assert error_summary(page) == [("The start date must be a real date", "#started_from-day")]
    assert page.find("h2", id="results") is None
    assert [i["value"] for i in page.find_all("input", name="started_from")] == ["31", "2", "2026"]


def test_an_end_date_before_the_start_date_is_refused(people, sign_in):
    response = sign_in(people.officer).get(
        "/search",
        query_string=[
            ("started_from", "2"),
            ("started_from", "3"),
            ("started_from", "2026"),
            ("started_to", "1"),
            ("started_to", "3"),
            ("started_to", "2026"),
        ],
    )
    assert error_summary(parse(response)) == [
        ("The end date must be the same as or after the start date", "#started_to-day")
    ]


def test_a_state_that_is_not_offered_gets_a_govuk_error(people, sign_in):
    page = search_page(sign_in(people.officer), state="nonsense")
    assert error_summary(page) == [("Select a state from the list", "#state")]


def test_results_come_in_pages(people, sign_in):
    forms = [form_about(people.officer, f"Operation Kestrel {n}") for n in range(21)]
    client = sign_in(people.officer)
    first = search_page(client, q="kestrel")
    assert first.one("h2", id="results").text == "21 forms found"
    assert len(results(first)) == 20
    next_link = first.one("div", class_="govuk-pagination__next").find("a")["href"]
    second = parse(client.get(next_link))
    assert len(results(second)) == 1
    assert set(results(first)) | set(results(second)) == {form.number for form in forms}
    assert search_page(client, q="kestrel", page="x").one("h2", id="results").text == "21 forms found"
