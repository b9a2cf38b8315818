"""The live checklist: a section's answers as they stand are checked against the criteria, as saving
would leave them, and nothing is saved."""

import pytest

from tests import factories
from tests.hostile import changed_tables, snapshot
from tests.web.htmlpage import parse


def check_url(form, key: str) -> str:
    return f"/forms/{form.number}/sections/{key}/check"


def needs(doc) -> list[str]:
    return [li.text for li in doc.find_all("li")] or [doc.one("p", id="section-needs").text]


def test_the_check_counts_the_summary_as_typed_and_saves_nothing(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    before = snapshot()

    response = client.post(check_url(form, "A"), data={"version": form.version, "summary": "Harbour Lane " * 10})

    assert response.status_code == 200
    assert "The summary needs at least 200 characters (it has 129) (criterion C1)" in needs(parse(response))
    assert changed_tables(before, snapshot()) == []


def test_the_check_shows_what_saving_the_same_answers_shows(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    typed = {
        "version": form.version,
        "threat_type": "priority_individual",
        "primary_theme": "county_lines",
        "summary": "Runs the county line from the flat above the bakery on Harbour Lane. " * 2,
        "master_list_searched": "yes",
    }

    checked = needs(parse(client.post(check_url(form, "A"), data=typed)))
    client.post(f"/forms/{form.number}/sections/A", data=typed | {"next_step": "return"})
    saved = needs(parse(client.get(f"/forms/{form.number}/sections/A")).one("div", id="section-needs-region"))

    assert checked == saved
    assert "Enter the county line name or number (criterion C5)" in checked
    assert not any("Select the type of threat" in need for need in checked)


def test_a_section_that_meets_every_criterion_says_so(people, sign_in):
    form = factories.complete_draft(people.officer)
    response = sign_in(people.officer).post(
        check_url(form, "I"),
        data={"version": form.version, "security_marking": "OFFICIAL-SENSITIVE", "no_source_material": "y"},
    )
    assert needs(parse(response)) == ["This section meets every criterion that applies to it."]


def test_a_new_form_checked_lists_each_types_needs_marked_with_the_type(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(check_url(form, "D"), data={"version": form.version})
    found = needs(parse(response))
    assert (
        "Planning needs at least 150 characters (it has 0) (criterion C8, for Organised crime group (OCG) "
        "only)" in found
    )
    assert (
        "Select at least one capability indicator (criterion C9, for Organised crime group (OCG) or "
        "Priority individual only)" in found
    )


def test_answers_saving_would_refuse_are_not_checked(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    before = snapshot()
    for data in ({"threat_type": "gang"}, {"working_name": "x" * 201}, {"secondary_themes": ["fraud", "piracy"]}):
        response = client.post(check_url(form, "A"), data={"version": form.version, **data})
        assert response.status_code == 422, data
    assert changed_tables(before, snapshot()) == []


def test_a_body_over_the_limit_is_refused_before_it_is_read(people, sign_in, app):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    before = snapshot()
    response = client.post(check_url(form, "A"), data={"summary": "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)})
    assert response.status_code == 413
    assert changed_tables(before, snapshot()) == []


def test_a_check_without_the_pages_csrf_token_is_refused(app, people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(check_url(form, "A"), data={"version": form.version}).status_code == 400


@pytest.mark.parametrize(
    "who, status",
    [("officer2", 403), ("essex_officer", 404), ("wilts_spoc", 404), ("assessor", 403), ("force_manager", 403)],
)
def test_only_those_who_may_edit_the_form_may_check_it(people, sign_in, who, status):
    form = factories.draft(people.officer)
    response = sign_in(getattr(people, who)).post(check_url(form, "A"), data={"version": form.version})
    assert response.status_code == status


def test_a_spoc_of_the_same_force_may_check_a_draft(people, sign_in):
    form = factories.draft(people.officer)
    assert sign_in(people.spoc).post(check_url(form, "A"), data={"version": form.version}).status_code == 200


def test_a_submitted_form_cannot_be_checked_and_an_unknown_section_is_not_found(people, sign_in):
    submitted = factories.submitted(people.officer, people.spoc)
    draft = factories.draft(people.officer)
    client = sign_in(people.officer)
    assert client.post(check_url(submitted, "A"), data={"version": submitted.version}).status_code == 403
    assert client.post(check_url(draft, "Z"), data={"version": draft.version}).status_code == 404


def test_the_check_is_a_post_and_anonymous_callers_are_sent_to_sign_in(people, sign_in, client):
    form = factories.draft(people.officer)
    assert sign_in(people.officer).get(check_url(form, "A")).status_code == 405
    response = client.post(check_url(form, "A"), data={"version": form.version})
    assert response.status_code == 302 and "/sign-in" in response.location
