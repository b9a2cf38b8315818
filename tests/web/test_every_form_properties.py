"""Every web form, posted generated and hostile values by someone allowed to use it: never a server
error, and a refused post leaves the database exactly as it was.

The routes come from app.url_map, so a new form is covered the moment it exists. The URL's parts
are drawn from what exists (forms in each state, their items, people, sessions, tokens) and from
values no row has; the fields are those the page's own form shows, plus the version every editor
carries, each given text from tests.hostile, one value or several.
"""

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.routing import IntegerConverter

from config import TestConfig
from tests import factories
from tests.databases import app_for
from tests.hostile import answer_item_ids, changed_tables, hostile_text, pick, snapshot
from tests.web.htmlpage import parse
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow import create_app
from triggerflow.access import PUBLIC
from triggerflow.db import db
from triggerflow.models import ApiToken, Force, ReturnItem, TriggerForm, User, UserSession
from triggerflow.workflow.definition import ACTIONS

_APP = create_app(TestConfig)  # for collection only
# Signing out ends the very session the test posts with; signing in is refused by counting failures.
LEFT_OUT = {"auth.sign_out", "auth.sign_in", "auth.code"}
WEB_FORMS = [
    rule
    for rule in _APP.url_map.iter_rules()
    if "POST" in rule.methods and not rule.endpoint.startswith("api.") and rule.endpoint not in LEFT_OUT
]
FALLBACK_FIELDS = ("version", "confirm", "active", "reason", "comment")
STATES = ("draft", "spoc_review", "submitted", "under_assessment", "returned")


@pytest.fixture(scope="module")
def site(databases, tmp_path_factory):
    url = databases.create(tmp_path_factory.mktemp("every-form"))
    app = app_for(url)
    with app.app_context():
        people = factories.people()
        cast = Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
        forms = [getattr(lifecycle, state)(cast).number for state in STATES]
        users = {
            person.role: person.email
            for person in (people.officer, people.spoc, people.assessor, people.regional_manager, people.admin)
        }
        db.session.remove()
    clients = {}

    def client_for(email: str):
        if email not in clients:
            clients[email] = app.test_client()
            assert (
                clients[email].post("/sign-in", data={"email": email, "password": factories.PASSWORD}).status_code
                == 302
            )
        return clients[email]

    yield SimpleNamespace(app=app, forms=forms, users=users, client_for=client_for)
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


def _ids(model) -> list[int]:
    return list(db.session.scalars(select(model.id)))


def _int_values(name: str, form: TriggerForm | None) -> list[int]:
    tables = {"user_id": User, "session_id": UserSession, "force_id": Force, "token_id": ApiToken}
    if name == "item_id":
        found = list(db.session.scalars(select(ReturnItem.id).where(ReturnItem.form_id == form.id))) if form else []
    else:
        found = _ids(tables[name]) if name in tables else [1]
    return found + [2_147_483_647]


def _url(site, rule, draw) -> tuple[str, TriggerForm | None]:
    values, form = {}, None
    if "number" in rule.arguments:
        form = db.session.scalar(select(TriggerForm).where(TriggerForm.number == pick(draw, site.forms)))
        values["number"] = form.number
    for name in rule.arguments - {"number"}:
        converter = rule._converters[name]
        if isinstance(converter, IntegerConverter):
            values[name] = pick(draw, _int_values(name, form))
        elif name == "action":
            values[name] = pick(draw, sorted(ACTIONS) + ["nothing"])
        elif name == "key":
            values[name] = pick(draw, list("ABCDEFGHIZ"))
        elif name == "item_id":
            values[name] = pick(draw, (answer_item_ids(form) if form else []) + ["0", "nothing"])
        else:
            values[name] = pick(draw, ["x", "1"])
    return site.app.url_map.bind("localhost").build(rule.endpoint, values), form


def _field_names(client, path: str, rule) -> list[str]:
    if "GET" not in rule.methods:
        return list(FALLBACK_FIELDS)
    page = client.get(path)
    if page.status_code != 200:
        return list(FALLBACK_FIELDS)
    names = {
        element["name"]
        for tag in ("input", "select", "textarea")
        for element in parse(page).find_all(tag)
        if element.get("name") and element.get("type") != "submit"
    }
    return sorted(names)


def _refused(response) -> bool:
    return response.status_code >= 400 or (
        response.status_code == 200 and 'class="govuk-error-summary' in response.get_data(as_text=True)
    )


def _people_for(site, rule) -> list[str]:
    allowed = _APP.view_functions[rule.endpoint].allowed_roles
    return [email for role, email in site.users.items() if allowed == PUBLIC or role in allowed]


@pytest.mark.parametrize("rule", [pytest.param(rule, id=f"POST {rule.rule}") for rule in WEB_FORMS])
def test_no_post_to_any_form_breaks_it_and_a_refused_one_changes_nothing(site, rule):
    people = _people_for(site, rule)
    assert people, f"nobody may use {rule.endpoint}"

    @settings(max_examples=10, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def post(data):
        with site.app.app_context():
            client = site.client_for(pick(data.draw, people))
            path, form = _url(site, rule, data.draw)
            version = str(form.version) if form else "1"
            names = _field_names(client, path, rule)
            # The version goes with every post, as the pages send it: the form's own, or one mangled.
            sent = {"version": data.draw(st.sampled_from([version, version, "²", "99999999999999999999", "-1", ""]))}
            for _ in range(data.draw(st.integers(min_value=0, max_value=6))):
                sent[pick(data.draw, names)] = data.draw(
                    st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3), st.just(version))
                )
            before = snapshot()
            response = client.post(path, data=sent)
            assert response.status_code < 500, (path, sent)
            if _refused(response):
                assert changed_tables(before, snapshot()) == [], (path, response.status_code, sent)

    post()
