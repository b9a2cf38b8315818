"""The API takes text by the same rule as the pages (triggerflow.input_text)."""

from tests import factories
from tests.test_input_text import largest_real_section
from triggerflow.db import db


def test_the_api_applies_the_same_rule_to_json_bodies(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)

    response = client.put(
        f"/forms/{form.number}/sections/A",
        json={"working_name": "Operation\x00 Elm\ud800\x0b"},
        etag=client.etag(form.number),
    )

    assert response.status_code == 200
    assert response.get_json()["working_name"] == "Operation Elm"
    db.session.expire_all()
    assert form.answers_for("A")["working_name"] == "Operation Elm"


def test_the_largest_real_section_is_not_too_large_for_the_api(people, api):
    form = factories.draft(people.officer)
    client = api(people.officer)
    boxes = largest_real_section()

    response = client.put(f"/forms/{form.number}/sections/C", json=boxes, etag=client.etag(form.number))

    assert response.status_code == 200
    db.session.expire_all()
    assert {name: form.answers_for("C")[name] for name in boxes} == boxes
