"""Whatever storable text a section or item holds comes back from the database exactly: every
script, emoji, markup, tabs and line breaks, up to each question's limit, on SQLite and PostgreSQL."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories, typed_input
from triggerflow.content import store
from triggerflow.content.sections import SECTIONS
from triggerflow.db import db
from triggerflow.input_text import clean
from triggerflow.models import TriggerForm

PROPERTIES = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
STORABLE = typed_input.text(10_000, typed_input.ANY_CHARACTERS).map(clean)


def read_back(app, form_id: int) -> dict:
    """The answers as another request reads them: a new session in its own app context."""
    with app.app_context():
        return db.session.get(TriggerForm, form_id).answers


@PROPERTIES
@given(key=st.sampled_from([s.key for s in SECTIONS]), data=st.data())
def test_any_storable_text_in_any_section_and_item_comes_back_exactly(key, data, app, people):
    form = factories.draft(people.officer)
    section = next(s for s in SECTIONS if s.key == key)
    values = {spec.name: data.draw(STORABLE) for spec in section.fields if typed_input.is_text(spec)}
    version = form.version

    store.save_section(form, key, values, people.officer, version)
    item_id = None
    if section.group:
        item = {spec.name: data.draw(STORABLE) for spec in section.group.fields if typed_input.is_text(spec)}
        item_id = store.save_item(form, key, None, item, people.officer, form.version)

    answers = read_back(app, form.id)[key]
    assert {name: answers[name] for name in values} == values
    if item_id:
        assert answers[section.group.key] == [{"id": item_id, **item}]
    assert form.version == version + (2 if section.group else 1)
