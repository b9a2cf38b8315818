"""Drafting: editing every section of a trigger form and its repeating items."""

import pytest

from tests import factories
from tests.web.htmlpage import Element, error_summary, parse
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.workflow.errors import StaleForm


def flash_messages(doc: Element) -> list[str]:
    return [p.text for p in doc.find_all("p", class_="govuk-notification-banner__heading")]


def section_url(form, key: str, rest: str = "") -> str:
    return f"/forms/{form.number}/sections/{key}{rest}"


def reload(form):
    db.session.expire_all()
    return db.session.get(type(form), form.id)


# Saving sections


def test_an_officer_saves_a_section_with_fields_left_blank_and_sees_it_saved(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    doc = parse(client.get(section_url(form, "A")))
    assert doc.one("h1").text == "A. Threat identity"
    version = doc.one("input", name="version")["value"]

    response = client.post(
        section_url(form, "A"),
        data={"version": version, "working_name": "Harbour Lane", "summary": "", "next_step": "return"},
    )

    assert response.status_code == 302 and response.location.endswith(f"/forms/{form.number}")
    assert "Section A saved" in flash_messages(parse(client.get(response.location)))
    answers = reload(form).answers_for("A")
    assert answers["working_name"] == "Harbour Lane"
    assert answers["summary"] == "" and answers["threat_type"] == "" and answers["secondary_themes"] == []


def test_every_section_page_shows_its_fields_with_ids_the_checklist_links_to(people, sign_in):
    form = factories.complete_draft(people.officer)
    client = sign_in(people.officer)
    for key, field_id in [
        ("A", "threat_type"),
        ("A", "summary"),
        ("B", "subjects"),
        ("C", "offences"),
        ("C", "first_known"),
        ("D", "planning_cites"),
        ("E", "forces_affected"),
        ("F", "intelligence"),
        ("G", "harm_types"),
        ("H", "operation_running"),
        ("I", "no_source_material"),
    ]:
        doc = parse(client.get(section_url(form, key)))
        assert list(doc.find_all(id=field_id)), f"section {key} has no #{field_id}"


def test_a_saved_page_shows_the_stored_answers(people, sign_in):
    form = factories.complete_draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "A")))
    assert doc.one("input", name="working_name")["value"] == "Harbour Lane network"
    assert doc.one("input", id="threat_type").get("checked") is not None
    assert doc.one("option", value="county_lines").get("selected") is not None
    assert doc.one("option", value="").text == "Select primary SOC theme"


def test_save_and_continue_goes_to_the_next_section(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    response = client.post(
        section_url(form, "H"), data={"version": form.version, "operation_running": "no", "next_step": "continue"}
    )
    assert response.location.endswith(section_url(form, "I"))
    assert reload(form).answers_for("H")["operation_running"] == "no"


def test_the_declaration_is_stored_as_true_or_false(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    client.post(
        section_url(form, "I"),
        data={"version": form.version, "security_marking": "OFFICIAL", "no_source_material": "y"},
    )
    assert reload(form).answers_for("I") == {"security_marking": "OFFICIAL", "no_source_material": True}
    client.post(section_url(form, "I"), data={"version": reload(form).version, "security_marking": "OFFICIAL"})
    assert reload(form).answers_for("I")["no_source_material"] is False


def test_a_date_is_stored_as_an_iso_date(people, sign_in):
    form = factories.draft(people.officer)
    sign_in(people.officer).post(
        section_url(form, "C"),
        data={"version": form.version, "first_known": ["3", "2", "2025"], "most_recent": ["", "", ""]},
    )
    answers = reload(form).answers_for("C")
    assert answers["first_known"] == "2025-02-03" and answers["most_recent"] == ""


# Format errors


def test_an_invalid_date_keeps_what_was_typed_and_shows_the_govuk_error(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(
        section_url(form, "C"),
        data={"version": form.version, "first_known": ["31", "2", "2025"], "modus_operandi": "Runners by train"},
    )

    doc = parse(response)
    assert doc.one("title").text.startswith("Error:")
    assert ("The date the activity was first known must be a real date", "#first_known") in error_summary(doc)
    assert [doc.one("input", id=f"first_known-{part}")["value"] for part in ("day", "month", "year")] == [
        "31",
        "2",
        "2025",
    ]
    assert doc.one("textarea", name="modus_operandi").text == "Runners by train"
    assert reload(form).answers_for("C") == {}


def test_a_date_with_a_missing_part_says_which_part(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(
        section_url(form, "B", "/items/new"),
        data={"version": form.version, "surname": "Hallow", "date_of_birth": ["12", "", "81"]},
    )
    assert error_summary(parse(response)) == [("Date of birth must include a month", "#date_of_birth")]


def test_text_longer_than_its_limit_is_refused(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(
        section_url(form, "A"), data={"version": form.version, "working_name": "x" * 201}
    )
    assert error_summary(parse(response)) == [("Working name must be 200 characters or fewer", "#working_name")]
    assert reload(form).answers_for("A").get("working_name") is None


def test_a_value_outside_the_fixed_list_is_refused(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(
        section_url(form, "A"),
        data={"version": form.version, "threat_type": "gang", "secondary_themes": ["fraud", "piracy"]},
    )
    assert error_summary(parse(response)) == [
        ("Select from the options shown", "#threat_type"),
        ("Select from the options shown", "#secondary_themes"),
    ]
    assert reload(form).answers_for("A") == {}


# The checklist while editing


def test_the_section_page_lists_what_this_section_still_needs(people, sign_in):
    form = factories.draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "A")))
    needs = {a.text: a["href"] for a in doc.one("ul", id="section-needs-list").find_all("a")}
    assert needs["Select the type of threat"] == "#threat_type"
    assert needs["Select the primary SOC theme"] == "#primary_theme"


def test_a_returned_section_shows_the_rocta_comment(people, sign_in):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B",))
    client = sign_in(people.officer)
    inset = parse(client.get(section_url(form, "B"))).one("div", class_="govuk-inset-text")
    assert "Please improve section B." in inset.text
    assert not list(parse(client.get(section_url(form, "C"))).find_all("div", class_="govuk-inset-text"))


# Repeating items


def test_adding_changing_and_removing_a_subject_changes_the_form(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    assert "No subjects recorded yet." in parse(client.get(section_url(form, "B"))).one("div", id="subjects").text

    response = client.post(
        section_url(form, "B", "/items/new"),
        data={
            "version": form.version,
            "surname": "Hallow",
            "forename": "Dermot",
            "date_of_birth": ["12", "4", "1981"],
            "role": "principal",
            "identified": "yes",
        },
    )
    assert response.location.endswith(section_url(form, "B") + "#subjects")
    [subject] = reload(form).answers_for("B")["subjects"]
    assert subject | {"id": None} == {
        "id": None,
        "surname": "Hallow",
        "forename": "Dermot",
        "date_of_birth": "1981-04-12",
        "intelligence_id": "",
        "role": "principal",
        "identified": "yes",
        "link_to_group": "",
        "link_cites": [],
    }
    card = parse(client.get(section_url(form, "B"))).one("div", id=f"item-{subject['id']}")
    assert card.one("h3").text == "Subject 1: Dermot Hallow"
    assert [a.text for a in card.find_all("a")] == [
        "Change Subject 1: Dermot Hallow",
        "Remove Subject 1: Dermot Hallow",
    ]

    client.post(
        section_url(form, "B", f"/items/{subject['id']}"),
        data={
            "version": reload(form).version,
            "surname": "Hallow",
            "forename": "Dermot",
            "date_of_birth": ["12", "4", "1981"],
            "intelligence_id": "PNC 81/123456A",
            "role": "principal",
            "identified": "yes",
        },
    )
    assert reload(form).answers_for("B")["subjects"][0]["intelligence_id"] == "PNC 81/123456A"

    confirm = parse(client.get(section_url(form, "B", f"/items/{subject['id']}/remove")))
    assert confirm.one("h1").text == "Are you sure you want to remove Dermot Hallow?"
    assert confirm.one("button", class_="govuk-button--warning").text == "Yes, remove this subject"
    response = client.post(
        section_url(form, "B", f"/items/{subject['id']}/remove"), data={"version": reload(form).version}
    )
    assert "Dermot Hallow removed" in flash_messages(parse(client.get(response.location)))
    assert reload(form).answers_for("B")["subjects"] == []


def test_add_a_subject_saves_the_section_first(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(
        section_url(form, "B"),
        data={"version": form.version, "pi_rationale": "Controls supply across the county.", "next_step": "add"},
    )
    assert response.location.endswith(section_url(form, "B", "/items/new"))
    assert reload(form).answers_for("B")["pi_rationale"] == "Controls supply across the county."


def test_an_unknown_item_or_section_is_not_found(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    assert client.get(section_url(form, "B", "/items/nosuchitem")).status_code == 404
    assert client.get(section_url(form, "B", "/items/nosuchitem/remove")).status_code == 404
    assert client.get(section_url(form, "A", "/items/new")).status_code == 404
    assert client.get(section_url(form, "Z")).status_code == 404


def test_citations_list_the_forms_intelligence_items(people, sign_in):
    form = factories.complete_draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "D")))
    boxes = list(doc.find_all("input", name="planning_cites"))
    references = {item["id"]: item["reference"] for item in form.answers_for("F")["intelligence"]}
    assert [b["value"] for b in boxes] == list(references)
    labels = [doc.one("label", **{"for": b["id"]}).text for b in boxes]
    assert labels == ["DOR-INT-4101", "DOR-INT-4102", "DOR-INT-4103"]
    assert all(b.get("checked") is not None for b in boxes)


def test_citations_explain_where_to_add_intelligence_when_there_is_none(people, sign_in):
    form = factories.draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "D")))
    assert not list(doc.find_all("input", name="planning_cites"))
    assert "Add intelligence items in section F to cite them here." in doc.one("div", id="planning_cites-hint").text


def test_forces_are_grouped_by_region_with_the_forms_own_region_first(people, sign_in):
    form = factories.draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "E")))
    legends = [legend.text for legend in doc.find_all("legend")]
    assert legends[:2] == ["Force areas affected", "South West Regional Organised Crime Unit"]
    assert doc.one("input", id="forces_affected")["value"] == "ASC"
    assert len(list(doc.find_all("input", name="forces_affected"))) == 44


# Conflicts


def test_a_stale_version_is_refused_and_what_was_typed_is_kept(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    version = parse(client.get(section_url(form, "A"))).one("input", name="version")["value"]
    store.save_section(form, "A", {"working_name": "Changed by the SPOC"}, people.spoc, None)

    response = client.post(section_url(form, "A"), data={"version": version, "working_name": "My typing"})

    assert response.status_code == 409
    doc = parse(response)
    assert error_summary(doc)[0] == (StaleForm.message, None)
    assert doc.one("input", name="working_name")["value"] == "My typing"
    assert reload(form).answers_for("A")["working_name"] == "Changed by the SPOC"


def test_a_stale_version_is_refused_when_removing_an_item(people, sign_in):
    form = factories.complete_draft(people.officer)
    subject = form.answers_for("B")["subjects"][0]
    client = sign_in(people.officer)
    version = form.version
    store.save_section(form, "B", {"pi_rationale": "Changed meanwhile"}, people.spoc, None)
    response = client.post(section_url(form, "B", f"/items/{subject['id']}/remove"), data={"version": version})
    assert response.status_code == 409
    assert error_summary(parse(response))[0][0] == StaleForm.message
    assert len(reload(form).answers_for("B")["subjects"]) == 3


def test_a_post_without_a_version_is_refused(people, sign_in):
    form = factories.draft(people.officer)
    response = sign_in(people.officer).post(section_url(form, "A"), data={"working_name": "No version"})
    assert response.status_code == 409
    assert reload(form).answers_for("A") == {}


# Who may edit


def test_a_spoc_of_the_same_force_can_edit_a_draft(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.spoc)
    assert client.get(section_url(form, "A")).status_code == 200
    client.post(section_url(form, "A"), data={"version": form.version, "working_name": "Checked by SPOC"})
    assert reload(form).answers_for("A")["working_name"] == "Checked by SPOC"


@pytest.mark.parametrize(
    "who, status",
    [("officer2", 403), ("essex_officer", 404), ("wilts_spoc", 404), ("assessor", 403), ("force_manager", 403)],
)
def test_people_who_may_not_edit_a_draft_cannot_open_its_sections(people, sign_in, who, status):
    form = factories.complete_draft(people.officer)
    subject = form.answers_for("B")["subjects"][0]["id"]
    client = sign_in(getattr(people, who))
    for url in (
        section_url(form, "A"),
        section_url(form, "B", "/items/new"),
        section_url(form, "B", f"/items/{subject}"),
        section_url(form, "B", f"/items/{subject}/remove"),
    ):
        assert client.get(url).status_code == status, url
        assert client.post(url, data={"version": form.version, "working_name": "x"}).status_code == status, url
    assert reload(form).answers_for("A")["working_name"] == "Harbour Lane network"


def test_a_submitted_form_cannot_be_edited(people, sign_in):
    form = factories.submitted(people.officer, people.spoc)
    client = sign_in(people.officer)
    assert client.get(section_url(form, "A")).status_code == 403
    assert client.post(section_url(form, "A"), data={"version": form.version}).status_code == 403


def test_anonymous_people_are_sent_to_sign_in(people, client):
    form = factories.draft(people.officer)
    response = client.get(section_url(form, "A"))
    assert response.status_code == 302 and "/sign-in" in response.location
