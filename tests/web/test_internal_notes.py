"""Internal notes: the ROCTA's own notes on a form, which no force page ever shows."""

import pytest

from config import TestConfig
from tests.factories import under_assessment
from tests.internal_notes_canary import assert_no_internal_notes, noted_resubmission
from tests.web.htmlpage import error_summary, parse
from triggerflow import create_app
from triggerflow.assessment.notes import add_note
from triggerflow.assessment.return_items import items_for
from triggerflow.content.sections import SECTIONS
from triggerflow.models import Role
from triggerflow.queries.internal_notes import NotesForbidden, notes_for
from triggerflow.workflow.definition import ACTIONS
from triggerflow.workflow.errors import ActionNotAllowed

_APP = create_app(TestConfig)  # to read the routes only
GET_RULES = [
    rule
    for rule in _APP.url_map.iter_rules()  # pages, not files
    if "GET" in rule.methods and rule.endpoint not in ("static", "assets.favicon") and not rule.rule.startswith("/api/")
]


@pytest.fixture
def noted(people):
    return noted_resubmission(people)


def urls_for(form) -> list[str]:
    """Every page a person could open about this form (and every page without arguments)."""
    item_ids = [item.id for item in items_for(form, include_pending=False)]
    values = {
        "number": [form.number],
        "sequence": [1, 2],
        "item_id": item_ids,
        "key": [s.key for s in SECTIONS],
        "action": list(ACTIONS),
    }
    urls = []
    for rule in GET_RULES:
        if not set(rule.arguments) <= set(values):
            continue
        combos = [{}]
        for name in rule.arguments:
            combos = [{**combo, name: value} for combo in combos for value in values[name]]
        with _APP.test_request_context():
            urls += [_APP.url_for(rule.endpoint, **combo) for combo in combos]
    return urls


def test_no_page_a_force_user_can_open_contains_an_internal_note(noted, people, sign_in):
    urls = urls_for(noted)
    assert f"/forms/{noted.number}" in urls and f"/forms/{noted.number}/changes" in urls
    for person in (people.officer, people.spoc, people.force_manager):
        client = sign_in(person)
        for url in urls:
            response = client.get(url)
            assert_no_internal_notes(response.get_data(as_text=True))
        assert parse(client.get(f"/forms/{noted.number}")).find(id="internal-notes") is None


def test_the_assessor_and_the_regional_manager_read_the_notes_newest_first(noted, people, sign_in):
    for person in (people.assessor, people.assessor2, people.regional_manager, people.national_manager, people.admin):
        section = parse(sign_in(person).get(f"/forms/{noted.number}")).find(id="internal-notes")
        notes = [entry.text for entry in section.find_all("li")]
        assert len(notes) == 2 and "watch the deadline" in notes[0] and "about to move abroad" in notes[1]
        assert "The force never sees these notes." in section.text


def test_an_assessor_from_the_forms_own_force_does_not_see_the_notes(noted, people, sign_in):
    from tests.factories import user

    home_force_assessor = user(Role.ASSESSOR, region_code="SW", force_code="DOR")
    page = sign_in(home_force_assessor).get(f"/forms/{noted.number}")
    assert page.status_code == 200
    assert_no_internal_notes(page.get_data(as_text=True))


def test_notes_for_refuses_every_force_user(noted, people):
    for person in (people.officer, people.spoc, people.force_manager, people.wilts_spoc):
        with pytest.raises(NotesForbidden):
            notes_for(noted, person)
    assert len(notes_for(noted, people.assessor)) == 2


def test_an_assessor_adds_a_note_from_the_form_page(people, sign_in):
    form = under_assessment(people.officer, people.spoc, people.assessor)
    client = sign_in(people.assessor)
    link = parse(client.get(f"/forms/{form.number}")).find(id="internal-notes").find("a")
    assert link["href"] == f"/forms/{form.number}/notes/new"

    refused = client.post(link["href"], data={"body": "  "})
    assert refused.status_code == 400
    assert error_summary(parse(refused)) == [("Enter the note", "#body")]

    response = client.post(link["href"], data={"body": "Similar to DOR-2025-0042; check for a duplicate."})
    assert response.location.endswith(f"/forms/{form.number}#internal-notes")
    notes = parse(client.get(response.location)).find(id="internal-notes")
    assert "Similar to DOR-2025-0042; check for a duplicate." in notes.text


def test_force_users_and_other_regions_cannot_add_notes(people, sign_in):
    form = under_assessment(people.officer, people.spoc, people.assessor)
    assert sign_in(people.officer).post(f"/forms/{form.number}/notes/new", data={"body": "x"}).status_code == 403
    assert sign_in(people.eastern_assessor).get(f"/forms/{form.number}/notes/new").status_code == 404
    with pytest.raises(ActionNotAllowed):
        add_note(form, people.spoc, "A note")
