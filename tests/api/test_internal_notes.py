"""Internal notes over the API: the ROCTA side lists and adds them; no force user's response ever holds one."""

import pytest
from werkzeug.routing import IntegerConverter

from tests.factories import under_assessment, user
from tests.internal_notes_canary import assert_no_internal_notes, noted_resubmission
from triggerflow.assessment.return_items import items_for
from triggerflow.db import db
from triggerflow.models import InternalNote, Role


@pytest.fixture
def noted(people):
    return noted_resubmission(people)


def notes_path(form) -> str:
    return f"/forms/{form.number}/notes"


def test_the_rocta_side_reads_the_notes_newest_first(noted, people, api):
    for person in (people.assessor, people.assessor2, people.regional_manager, people.national_manager, people.admin):
        response = api(person).get(notes_path(noted))
        assert response.status_code == 200
        notes = response.get_json()["notes"]
        assert [note["author"]["name"] for note in notes] == [people.regional_manager.name, people.assessor.name]
        assert "watch the deadline" in notes[0]["body"] and "about to move abroad" in notes[1]["body"]


def test_an_assessor_adds_a_note_and_a_blank_one_is_refused_in_words(people, api):
    form = under_assessment(people.officer, people.spoc, people.assessor)
    client = api(people.assessor)
    version = form.version

    blank = client.post(notes_path(form), json={"body": "   "})
    assert blank.status_code == 422
    assert blank.get_json()["errors"] == [{"field": "body", "detail": "Enter the note"}]

    added = client.post(notes_path(form), json={"body": "Similar to DOR-2025-0042; check for a duplicate."})
    assert added.status_code == 201
    assert added.get_json()["author"]["name"] == people.assessor.name
    stored = db.session.get(InternalNote, added.get_json()["id"])
    assert (stored.body, stored.author_id) == ("Similar to DOR-2025-0042; check for a duplicate.", people.assessor.id)
    db.session.refresh(form)
    assert form.version == version  # a note is not a change to the form


def test_force_users_are_refused_the_notes_by_role_or_by_how_they_stand_to_the_form(noted, people, api):
    for person in (
        people.officer,
        people.spoc,
        people.force_manager,
        user(Role.ASSESSOR, region_code="SW", force_code="DOR"),
    ):
        client = api(person)
        read = client.get(notes_path(noted))
        written = client.post(notes_path(noted), json={"body": "Trying to leave a note"})
        assert (read.status_code, written.status_code) == (403, 403), person
        assert_no_internal_notes(read.get_data(as_text=True))
    assert api(people.eastern_assessor).get(notes_path(noted)).status_code == 404
    assert api(people.admin).post(notes_path(noted), json={"body": "Admins read only"}).status_code == 403
    assert db.session.query(InternalNote).count() == 2


def _get_paths(app, form, item_id: int) -> list[str]:
    """Every GET the API offers, with this form's number, versions and return item filled in."""
    paths = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api.") or "GET" not in rule.methods:
            continue
        values = {}
        for name, converter in rule._converters.items():
            values[name] = (
                {"number": form.number, "sequence": 1}.get(name, item_id)
                if name != "item_id" or isinstance(converter, IntegerConverter)
                else None
            )
        if None in values.values():
            continue
        paths.append(app.url_map.bind("localhost").build(rule.endpoint, values).removeprefix("/api/v1"))
    return paths


def test_no_api_response_or_export_a_force_user_can_get_contains_an_internal_note(app, noted, people, api):
    (item, *_) = items_for(noted, include_pending=False)
    paths = _get_paths(app, noted, item.id)
    assert f"/forms/{noted.number}" in paths and "/exports/events.csv" in paths and notes_path(noted) in paths
    for person in (people.officer, people.spoc, people.force_manager):
        client = api(person)
        for path in paths:
            assert_no_internal_notes(client.get(path).get_data(as_text=True))


def test_no_download_page_export_a_force_user_can_get_contains_an_internal_note(noted, people, sign_in):
    from triggerflow.exports import KINDS

    for person in (people.officer, people.spoc, people.force_manager):
        client = sign_in(person)
        for kind in KINDS:
            response = client.get("/downloads/download", query_string={"kind": kind})
            assert response.status_code == 200 and response.mimetype == "text/csv"
            assert_no_internal_notes(response.get_data(as_text=True))
