"""Questions that matter only for some answers: hidden until this page's answer calls for them, left
off when another section's answer rules them out, and never hiding or losing an answer typed."""

import json

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.db import db


def section_url(form, key: str, rest: str = "") -> str:
    return f"/forms/{form.number}/sections/{key}{rest}"


def reload(form):
    db.session.expire_all()
    return db.session.get(type(form), form.id)


def box(doc, name: str):
    return doc.one("div", id=f"conditional-{name}")


def kept_note(doc, name: str):
    return box(doc, name).one("p", class_="app-conditional__kept")


def test_the_county_line_waits_hidden_under_the_theme_until_county_lines_is_chosen(people, sign_in):
    form = factories.draft(people.officer, {"A": {"primary_theme": "drugs_supply"}})
    doc = parse(sign_in(people.officer).get(section_url(form, "A")))
    county_line = box(doc, "county_line")
    assert "app-conditional--hidden" in county_line.classes
    assert county_line["data-reveal-by"] == "primary_theme"
    assert json.loads(county_line["data-reveal-values"]) == ["county_lines"]
    # Still in the page: without the script, every question shows.
    assert county_line.one("input", name="county_line")


def test_a_question_whose_answer_calls_for_it_is_not_hidden(people, sign_in):
    form = factories.complete_draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "A")))
    assert "app-conditional--hidden" not in box(doc, "county_line").classes
    assert kept_note(doc, "county_line").get("hidden") is not None


def test_a_priority_individuals_form_does_not_ask_for_the_groups_organisation(people, sign_in):
    form = factories.draft(people.officer, {"A": {"threat_type": "priority_individual"}})
    doc = parse(sign_in(people.officer).get(section_url(form, "D")))
    assert not doc.find_all("textarea", name="planning")
    assert not doc.find_all("textarea", name="vulnerability_description")
    assert doc.one("textarea", name="capability_narrative")
    assert parse(sign_in(people.officer).get(section_url(form, "B"))).one("textarea", name="pi_rationale")


def test_a_form_with_no_type_yet_asks_every_types_questions(people, sign_in):
    form = factories.draft(people.officer)
    doc = parse(sign_in(people.officer).get(section_url(form, "D")))
    for name in ("planning", "capability_narrative", "vulnerability_description"):
        assert doc.one("textarea", name=name), name


def test_an_answer_that_no_longer_applies_stays_in_sight_and_is_kept_on_saving(people, sign_in):
    form = factories.complete_draft(people.officer)
    planning = form.answers_for("D")["planning"]
    client = sign_in(people.officer)
    client.post(
        section_url(form, "A"),
        data={**_section_a(form), "threat_type": "priority_individual", "version": reload(form).version},
    )

    doc = parse(client.get(section_url(form, "D")))
    assert doc.one("textarea", name="planning").text == planning
    assert kept_note(doc, "planning").get("hidden") is None
    assert "no criterion checks it" in kept_note(doc, "planning").text
    assert not any(li.text.startswith("Planning") for li in doc.find_all("li"))

    client.post(section_url(form, "D"), data={**_posted(doc), "version": reload(form).version})
    assert reload(form).answers_for("D")["planning"] == planning


def test_a_kept_answer_the_officer_clears_is_saved_cleared_and_its_question_goes(people, sign_in):
    form = factories.draft(
        people.officer,
        {"A": {"threat_type": "soc_vulnerability"}, "D": {"planning": "Meets the couriers at the unit on Fridays."}},
    )
    client = sign_in(people.officer)
    client.post(
        section_url(form, "D"),
        data={"version": form.version, "planning": "", "vulnerability_description": "A port with no checks at night."},
    )
    answers = reload(form).answers_for("D")
    assert answers["planning"] == "" and answers["vulnerability_description"] == "A port with no checks at night."
    assert not parse(client.get(section_url(form, "D"))).find_all("textarea", name="planning")


def test_saving_a_section_leaves_the_questions_it_did_not_ask_as_they_were(people, sign_in):
    form = factories.draft(people.officer, {"A": {"threat_type": "soc_vulnerability"}})
    sign_in(people.officer).post(
        section_url(form, "D"),
        data={"version": form.version, "vulnerability_description": "A port with no checks at night."},
    )
    assert set(reload(form).answers_for("D")) == {"vulnerability_description"}


def test_a_subjects_link_to_the_group_follows_the_role_and_the_type(people, sign_in):
    client = sign_in(people.officer)
    ocg = factories.draft(people.officer, {"A": {"threat_type": "ocg"}})
    link = box(parse(client.get(section_url(ocg, "B", "/items/new"))), "link_to_group")
    assert link["data-reveal-by"] == "role" and "principal" not in json.loads(link["data-reveal-values"])
    assert "" in json.loads(link["data-reveal-values"])  # until a role is chosen the link is asked for

    individual = factories.draft(people.officer, {"A": {"threat_type": "priority_individual"}})
    doc = parse(client.get(section_url(individual, "B", "/items/new")))
    assert not doc.find_all("textarea", name="link_to_group") and doc.one("input", name="surname")


def _section_a(form) -> dict:
    answers = form.answers_for("A")
    return {name: value for name, value in answers.items() if name != "master_list_searched_on"} | {
        "master_list_searched_on": answers["master_list_searched_on"].split("-")[::-1]
    }


def _posted(doc) -> dict:
    """What the page's form posts as it stands: every text box and ticked box."""
    data: dict = {}
    for area in doc.find_all("textarea"):
        data[area["name"]] = area.text
    for box_ in doc.find_all("input", type="checkbox"):
        if box_.get("checked") is not None:
            data.setdefault(box_["name"], []).append(box_["value"])
    return data
