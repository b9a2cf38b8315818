"""Any answer typed into any section or item editor: a saved draft or a clear error, never a
server error, and never lost text (saved exactly, or shown back exactly with the error)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories, typed_input
from tests.web.htmlpage import error_summary, parse
from triggerflow.content.sections import SECTIONS
from triggerflow.db import db
from triggerflow.input_text import clean
from triggerflow.queries.reference import forces_by_region, regions
from triggerflow.web.globals import intelligence_references

EDITORS = [(section.key, False) for section in SECTIONS] + [(s.key, True) for s in SECTIONS if s.group]
PROPERTIES = settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def options(spec, form) -> list[str]:
    """The values the question offers on this form's page."""
    if spec.kind == "citations":
        return list(intelligence_references(form.answers or {}))
    if spec.kind == "forces":
        return [code for code, _, _ in forces_by_region(form.force.region_id)]
    if spec.kind == "regions":
        return [code for code, _ in regions()]
    return [value for value, _ in spec.choices or []]


def shown_back(page, spec) -> str:
    """The text a question's box holds on the page, exactly."""
    box = page.find("textarea", name=spec.name)
    if box is not None:
        return "".join(child for child in box.children if isinstance(child, str))
    return page.find("input", name=spec.name)["value"]


@pytest.fixture
def draft(people):
    """A draft with an intelligence item, so citations have something to cite."""
    return factories.draft(people.officer, {"F": {"intelligence": [{"reference": "INT-1", "date": "2026-01-05"}]}})


@pytest.mark.parametrize("key, item", EDITORS, ids=[f"{k}{' item' if i else ''}" for k, i in EDITORS])
@PROPERTIES
@given(data=st.data())
def test_any_answer_is_saved_exactly_or_shown_back_with_a_clear_error(key, item, data, people, sign_in, draft):
    client = sign_in(people.officer)
    db.session.expire_all()
    section = next(s for s in SECTIONS if s.key == key)
    specs = section.group.fields if item else section.fields
    offered = {spec.name: options(spec, draft) for spec in specs}
    values = {spec.name: data.draw(typed_input.typed(spec, offered[spec.name]), label=spec.name) for spec in specs}
    path = f"/forms/{draft.number}/sections/{key}" + ("/items/new" if item else "")
    items_before = len(draft.answers_for(key).get(section.group.key) or []) if item else 0

    response = client.post(path, data=typed_input.posted(specs, values, draft.version))

    assert response.status_code in (200, 302), response.status_code
    if any(typed_input.must_be_refused(s, values[s.name], offered[s.name]) for s in specs):
        assert response.status_code == 200
    if all(typed_input.must_be_saved(s, values[s.name], offered[s.name]) for s in specs):
        assert response.status_code == 302
    db.session.expire_all()
    if response.status_code == 302:
        saved = draft.answers_for(key)
        if item:
            assert len(saved[section.group.key]) == items_before + 1
            saved = saved[section.group.key][-1]
        assert {s.name: saved[s.name] for s in specs} == {s.name: typed_input.stored(s, values[s.name]) for s in specs}
        assert client.get(f"/forms/{draft.number}").status_code == 200
    else:
        page = parse(response)
        assert error_summary(page)
        for spec in filter(typed_input.is_text, specs):
            assert shown_back(page, spec) == clean(values[spec.name])
