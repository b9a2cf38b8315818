"""Markup typed into any text field, comment or response is shown as the text it is, on every page
that shows it, and never runs."""

import pytest

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.assessment.notes import add_note
from triggerflow.assessment.return_items import add_pending, items_for, respond
from triggerflow.content import store
from triggerflow.content.sections import SECTIONS
from triggerflow.demo_content import complete_ocg_answers
from triggerflow.workflow.service import perform

RAW = ("<script>alert(", "<img src=x onerror", "<b>")


def markup(where: str) -> str:
    return f'<script>alert("{where}")</script><img src=x onerror=alert(1)> & <b>bold</b>'


# Answers the criteria read as numbers: markup after them would stop the form being sent.
NUMBERS = {"victims_count", "financial_harm"}


def with_markup(answers: dict) -> dict:
    """Every text answer, the items' too, with markup after it (so the criteria still pass)."""
    for section in SECTIONS:
        values = answers.setdefault(section.key, {})
        for spec in section.fields:
            if spec.kind in ("text", "textarea") and spec.name not in NUMBERS:
                values[spec.name] = f"{values.get(spec.name) or ''} {markup(f'{section.key}.{spec.name}')}".strip()
        for n, item in enumerate(values.get(section.group.key, []) if section.group else []):
            for spec in section.group.fields:
                if spec.kind in ("text", "textarea"):
                    item[spec.name] = f"{item.get(spec.name) or ''} {markup(f'{section.key}.{n}.{spec.name}')}".strip()
    return answers


def assert_shown_as_text(response, *expected: str) -> None:
    assert response.status_code == 200, response.request.path
    html = response.get_data(as_text=True)
    assert not [raw for raw in RAW if raw in html], response.request.path
    page = parse(response)
    assert not [script for script in page.find_all("script") if "alert(" in script.text]
    for text in expected:
        assert text in page.text, (response.request.path, text)


@pytest.fixture
def marked_form(people):
    """A form whose every answer carries markup, returned with a marked-up item, answered, and resubmitted."""
    form = factories.draft(people.officer, with_markup(complete_ocg_answers("DOR")))
    perform(form, "send_to_spoc", people.officer)
    perform(form, "spoc_return", people.spoc, comment=markup("spoc_return"))
    perform(form, "send_to_spoc", people.officer)
    perform(form, "submit", people.spoc)
    perform(form, "claim", people.assessor)
    add_note(form, people.assessor, markup("note"))
    add_pending(form, people.assessor, section="A", reason_code="R99", comment=markup("return_item"))
    perform(form, "return_to_force", people.assessor)
    respond(form, items_for(form, include_pending=False)[0], people.officer, markup("response"), None)
    store.save_section(form, "A", {"county_line": markup("amended")}, people.officer, None)
    return form


def test_every_answer_shows_as_text_on_the_form_and_its_editors(people, sign_in, marked_form):
    officer = sign_in(people.officer)
    number = marked_form.number
    every_answer = [
        markup(f"{s.key}.{spec.name}")
        for s in SECTIONS
        for spec in s.fields
        if spec.kind in ("text", "textarea") and spec.name not in {"county_line", *NUMBERS}
    ]

    assert_shown_as_text(officer.get(f"/forms/{number}/content"), *every_answer, markup("amended"))
    assert_shown_as_text(
        officer.get(f"/forms/{number}"), markup("return_item"), markup("response"), markup("spoc_return")
    )
    assert_shown_as_text(officer.get("/"))
    for section in SECTIONS:
        assert_shown_as_text(officer.get(f"/forms/{number}/sections/{section.key}"))
        for item in marked_form.answers_for(section.key).get(section.group.key, []) if section.group else []:
            assert_shown_as_text(officer.get(f"/forms/{number}/sections/{section.key}/items/{item['id']}"))
            assert_shown_as_text(officer.get(f"/forms/{number}/sections/{section.key}/items/{item['id']}/remove"))
    assert_shown_as_text(officer.get(f"/forms/{number}/versions/1"), markup("A.summary"))


def test_comments_notes_and_changes_show_as_text_to_the_assessor(people, sign_in, marked_form):
    perform(marked_form, "resubmit", people.spoc)
    perform(marked_form, "claim", people.assessor)
    assessor = sign_in(people.assessor)
    number = marked_form.number

    assert_shown_as_text(assessor.get(f"/forms/{number}"), markup("note"), markup("return_item"))
    assert_shown_as_text(assessor.get(f"/forms/{number}/changes"), markup("amended"), markup("response"))
    assert_shown_as_text(assessor.get("/"))
    assert_shown_as_text(sign_in(people.spoc).get("/mail"))
