"""Every API write, sent generated and hostile JSON by someone allowed to make it: never a server
error, always problem+json when refused, and a refused write leaves the database as it was.

The writes come from app.url_map; each body is built from the member names its schema declares,
given any JSON at all (tests.hostile), or is not an object, or is not there. If-Match carries the
form's version as it is now, or one that is stale or mangled.
"""

import json
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.routing import IntegerConverter

from config import TestConfig
from tests import factories
from tests.databases import app_for
from tests.hostile import answer_item_ids, changed_tables, hostile_json, pick, snapshot
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow import create_app
from triggerflow.accounts import tokens
from triggerflow.db import db
from triggerflow.models import ReturnItem, TriggerForm

_APP = create_app(TestConfig)  # for collection only
WRITES = [
    rule
    for rule in _APP.url_map.iter_rules()
    if rule.endpoint.startswith("api.") and rule.methods & {"POST", "PUT", "DELETE"}
]
STATES = ("draft", "spoc_review", "submitted", "under_assessment", "returned")


@pytest.fixture(scope="module")
def site(databases, tmp_path_factory):
    url = databases.create(tmp_path_factory.mktemp("every-write"))
    app = app_for(url)
    app.config["API_RATE_LIMIT"] = "100000 per minute"  # not about rate limits
    with app.app_context():
        people = factories.people()
        cast = Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
        forms = [getattr(lifecycle, state)(cast).number for state in STATES]
        # Threats at the start of their lifecycle and part-way through it, for the register's writes.
        threats = [factories.threat_of(lifecycle.accepted(cast)).id, factories.planned_threat(people, "appoint_lro").id]
        secrets = {
            person.role: tokens.issue(person, "every write").secret
            for person in (people.officer, people.spoc, people.assessor, people.regional_manager, people.admin)
        }
        db.session.remove()
    yield SimpleNamespace(app=app, forms=forms, threats=threats, secrets=secrets, client=app.test_client())
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


def _method(rule) -> str:
    return next(iter(rule.methods & {"POST", "PUT", "DELETE"}))


def _url(site, rule, draw) -> tuple[str, TriggerForm | None]:
    values, form = {}, None
    if "number" in rule.arguments:
        form = db.session.scalar(select(TriggerForm).where(TriggerForm.number == pick(draw, site.forms)))
        values["number"] = form.number
    if "item_id" in rule.arguments:
        if isinstance(rule._converters["item_id"], IntegerConverter):
            found = list(db.session.scalars(select(ReturnItem.id).where(ReturnItem.form_id == form.id)))
            values["item_id"] = pick(draw, found + [2_147_483_647])
        else:
            values["item_id"] = pick(draw, answer_item_ids(form) + ["nothing"])
    if "threat_id" in rule.arguments:
        values["threat_id"] = pick(draw, site.threats + [2_147_483_647])
    return site.app.url_map.bind("localhost").build(rule.endpoint, values).removeprefix("/api/v1"), form


def _body(rule, draw) -> bytes | None:
    model = _APP.view_functions[rule.endpoint].api_operation.body
    names = sorted(model.model_fields) if model is not None else []
    members = st.dictionaries(st.sampled_from(names), hostile_json, max_size=len(names)) if names else st.just({})
    value = draw(st.one_of(st.none(), members, members, hostile_json))
    if value is None:
        return None
    return draw(st.sampled_from([json.dumps(value), json.dumps(value) + "}", "[" * 500 + "]" * 500]))


@pytest.mark.parametrize("rule", [pytest.param(rule, id=f"{_method(rule)} {rule.rule}") for rule in WRITES])
def test_no_write_breaks_the_api_and_a_refused_one_changes_nothing(site, rule):
    allowed = _APP.view_functions[rule.endpoint].allowed_roles
    people = [secret for role, secret in site.secrets.items() if role in allowed]

    @settings(max_examples=10, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def write(data):
        with site.app.app_context():
            path, form = _url(site, rule, data.draw)
            headers = {"Authorization": f"Bearer {pick(data.draw, people)}", "Content-Type": "application/json"}
            version = pick(data.draw, [form.version if form else 1, 0, "²", None])
            if version is not None:
                headers["If-Match"] = f'"{version}"'
            body = _body(rule, data.draw)
            before = snapshot()
            response = site.client.open(f"/api/v1{path}", method=_method(rule), data=body, headers=headers)
            assert response.status_code < 500, (path, body, response.get_json())
            if response.status_code >= 400:
                assert response.mimetype == "application/problem+json"
                assert changed_tables(before, snapshot()) == [], (path, response.status_code, body)

    write()
