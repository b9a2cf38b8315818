"""Any JSON a program sends as a section's or an item's answers: saved exactly as the web would
save it, or a 422 problem naming each member at fault; never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from tests import factories, typed_input
from triggerflow.content.sections import SECTIONS
from triggerflow.db import db
from triggerflow.input_text import clean

EDITORS = [(section.key, False) for section in SECTIONS] + [(s.key, True) for s in SECTIONS if s.group]
PROPERTIES = settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BOOLEAN = TypeAdapter(bool | None)
NOT_TEXT = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.just({"a": "b"}))


def sent(spec, options: list[str]) -> st.SearchStrategy:
    """A member's value: the right shape (lone surrogates included), null, or the wrong shape."""
    if typed_input.is_text(spec):
        right = typed_input.text(spec.max_length, typed_input.ANY_CHARACTERS)
    elif spec.kind in ("radios", "select"):
        right = st.sampled_from(options + [""])
    elif spec.is_list:
        right = st.lists(st.sampled_from(options) if options else st.text(max_size=5), max_size=3)
    elif spec.kind == "boolean":
        right = st.booleans()
    else:
        right = st.one_of(typed_input.DATES.map(lambda day: day.isoformat()), st.just(""))
    wrong = st.one_of(NOT_TEXT, st.text(typed_input.ANY_CHARACTERS, max_size=12), st.lists(NOT_TEXT, max_size=2))
    return st.one_of(right.map(lambda value: (True, value)), st.just((True, None)), wrong.map(lambda v: (False, v)))


def kept(spec, value):
    """What the API answers with (and stores) for a value it accepts."""
    if spec.is_list:  # a choice sent twice is kept once, as a box ticked twice on the page is
        return list(dict.fromkeys(clean(v) for v in value or []))
    if spec.kind == "boolean":
        return bool(BOOLEAN.validate_python(value))  # as the schema reads it: "yes" and 1 are true
    return clean(value or "").strip()


@pytest.mark.parametrize("key, item", EDITORS, ids=[f"{k}{' item' if i else ''}" for k, i in EDITORS])
@PROPERTIES
@given(data=st.data())
def test_any_json_answer_is_saved_exactly_or_refused_with_a_problem_naming_it(key, item, data, people, api):
    form = factories.draft(people.officer, {"F": {"intelligence": [{"reference": "INT-1"}]}})
    client = api(people.officer)
    section = next(s for s in SECTIONS if s.key == key)
    specs = section.group.fields if item else section.fields
    offered = {spec.name: [value for value, _ in spec.choices or []] for spec in specs}
    offered |= {
        spec.name: [i["id"] for i in form.answers_for("F")["intelligence"]]
        for spec in specs
        if spec.kind == "citations"
    }
    offered |= {spec.name: ["DOR", "WIL"] for spec in specs if spec.kind == "forces"}
    offered |= {spec.name: ["SW", "EA"] for spec in specs if spec.kind == "regions"}
    drawn = {spec.name: data.draw(sent(spec, offered[spec.name]), label=spec.name) for spec in specs}
    body = {name: value for name, (_, value) in drawn.items()}
    path = f"/forms/{form.number}/sections/{key}" + (f"/{section.group.key}" if item else "")

    response = client.call("POST" if item else "PUT", path, body, etag=client.etag(form.number))

    assert response.status_code in (200, 201, 422), response.get_json()
    well_formed = all(shape_ok for shape_ok, _ in drawn.values())
    texts = [(spec, body[spec.name]) for spec in specs if typed_input.is_text(spec)]
    within_limits = all(len(clean(value)) <= spec.max_length for spec, value in texts if isinstance(value, str))
    if well_formed and within_limits:
        assert response.status_code in (200, 201), response.get_json()
    if response.status_code == 422:
        problem = response.get_json()
        assert response.mimetype == "application/problem+json" and problem["errors"]
        assert all(error["pointer"].lstrip("#/").split("/")[0] in body for error in problem["errors"])
        return
    expected = {spec.name: kept(spec, body[spec.name]) for spec in specs}
    answered = response.get_json()
    assert {spec.name: answered[spec.name] for spec in specs} == expected
    db.session.expire_all()
    saved = form.answers_for(key)
    if item:
        saved = next(i for i in saved[section.group.key] if i["id"] == answered["id"])
    assert {spec.name: saved[spec.name] for spec in specs} == expected
