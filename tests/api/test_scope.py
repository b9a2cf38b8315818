"""Every API route, whoever wrote it: a token first, then the role, then the form's scope.

Like the web's route sweep, the routes are read from the app, so a new API route is swept the
moment it exists: no token, a revoked or an expired one -> 401; a role the route does not
allow -> 403; a form in another force or region -> 404, the same as a form that does not exist.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from werkzeug.routing import IntegerConverter

from config import TestConfig
from tests import factories
from tests.api.conftest import ApiClient
from tests.databases import app_for
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow import create_app
from triggerflow.access import PUBLIC
from triggerflow.accounts import tokens
from triggerflow.assessment.return_items import items_for
from triggerflow.db import db, utcnow
from triggerflow.models import Role

_APP = create_app(TestConfig)  # for collection only: it never touches a database
ROUTES = [rule for rule in _APP.url_map.iter_rules() if rule.endpoint.startswith("api.")]


def roles_of(rule):
    return _APP.view_functions[rule.endpoint].allowed_roles


def methods(rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def cases(select=lambda rule: True) -> list:
    return [
        pytest.param(rule, method, id=f"{method} {rule.rule}")
        for rule in ROUTES
        if select(rule)
        for method in methods(rule)
    ]


@pytest.fixture(scope="module")
def site(databases, tmp_path_factory):
    """A returned Dorset form, tokens for people in and out of its scope, a revoked and an expired token."""
    url = databases.create(tmp_path_factory.mktemp("api-sweep"))
    app = app_for(url)
    with app.app_context():
        people = factories.people()
        form = lifecycle.returned(Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor))
        (item,) = items_for(form, include_pending=False)
        threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
        people.essex_manager = factories.user(Role.MANAGER, force_code="ESS")
        people.eastern_manager = factories.user(Role.MANAGER, region_code="EA")
        secret = {name: tokens.issue(user, "Sweep").secret for name, user in vars(people).items()}
        officer_email = people.officer.email
        revoked = tokens.issue(people.officer, "Revoked")
        tokens.revoke(revoked.token)
        expired = tokens.issue(people.officer, "Expired")
        expired.token.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        in_scope = {
            Role.OFFICER: "officer",
            Role.SPOC: "spoc",
            Role.ASSESSOR: "assessor",
            Role.MANAGER: "regional_manager",
            Role.ADMIN: "admin",
        }
        out_of_scope = {
            Role.OFFICER: ["wilts_officer", "essex_officer"],
            Role.SPOC: ["wilts_spoc", "essex_spoc"],
            Role.ASSESSOR: ["eastern_assessor"],
            Role.MANAGER: ["essex_manager", "eastern_manager"],
        }
        arguments = {
            "number": form.number,
            "sequence": 1,
            "return_item": item.id,
            "threat_id": threat.id,
            "answer_item": form.answers_for("B")["subjects"][0]["id"],
        }
        db.session.remove()
    client = app.test_client()
    yield SimpleNamespace(
        app=app,
        arguments=arguments,
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        client_for=lambda name: ApiClient(client, secret[name]),
        revoked=revoked.secret,
        expired=expired.secret,
        client=client,
        officer_email=officer_email,
    )
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


def path_of(site, rule) -> str:
    values = {}
    for name, converter in rule._converters.items():
        if name == "item_id":
            values[name] = site.arguments["return_item" if isinstance(converter, IntegerConverter) else "answer_item"]
        else:
            values[name] = site.arguments.get(name, 1)
    return site.app.url_map.bind("localhost").build(rule.endpoint, values).removeprefix("/api/v1")


def is_problem(response, status: int) -> bool:
    return response.status_code == status and response.mimetype == "application/problem+json"


@pytest.mark.parametrize("rule, method", cases(lambda rule: roles_of(rule) != PUBLIC))
def test_no_token_a_revoked_token_and_an_expired_token_all_get_401(site, rule, method):
    path = path_of(site, rule)
    anonymous = site.client.open(f"/api/v1{path}", method=method)
    assert is_problem(anonymous, 401) and anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    for secret in (site.revoked, site.expired, "tfp_not-a-real-token"):
        assert is_problem(ApiClient(site.client, secret).call(method, path), 401)


def test_a_signed_in_browser_session_does_not_stand_in_for_a_token(site):
    browser = site.app.test_client()
    assert (
        browser.post("/sign-in", data={"email": site.officer_email, "password": factories.PASSWORD}).status_code == 302
    )
    assert browser.get("/api-tokens/").status_code == 200
    assert is_problem(browser.get("/api/v1/forms"), 401)


@pytest.mark.parametrize("rule, method", cases(lambda rule: roles_of(rule) != PUBLIC and set(Role) - roles_of(rule)))
def test_people_whose_role_the_route_does_not_allow_get_403(site, rule, method):
    refused = {
        role.value: site.client_for(site.in_scope[role]).call(method, path_of(site, rule)).status_code
        for role in sorted(set(Role) - roles_of(rule))
    }
    assert set(refused.values()) == {403}, refused


@pytest.mark.parametrize("rule, method", cases(lambda rule: "number" in rule.arguments))
def test_people_outside_the_forms_force_or_region_get_404(site, rule, method):
    body = {"json": {}} if method in ("POST", "PUT") else {}  # a write with no body at all is refused first
    answers = {
        name: site.client_for(name).call(method, path_of(site, rule), **body).status_code
        for role in roles_of(rule) & set(site.out_of_scope)
        for name in site.out_of_scope[role]
    }
    assert answers and set(answers.values()) == {404}, answers


@pytest.mark.parametrize("rule, method", cases(lambda rule: "threat_id" in rule.arguments))
def test_people_outside_the_threats_owning_force_or_region_get_404(site, rule, method):
    body = {"json": {}} if method in ("POST", "PUT") else {}  # a write with no body at all is refused first
    answers = {
        name: site.client_for(name).call(method, path_of(site, rule), **body).status_code
        for role in roles_of(rule) & set(site.out_of_scope)
        for name in site.out_of_scope[role]
    }
    assert answers and set(answers.values()) == {404}, answers


@pytest.mark.parametrize(
    "rule, method",
    cases(lambda rule: ("number" in rule.arguments or "threat_id" in rule.arguments) and "GET" in rule.methods),
)
def test_people_inside_the_scope_can_read_what_they_may(site, rule, method):
    for role in roles_of(rule):
        response = site.client_for(site.in_scope[role]).call(method, path_of(site, rule))
        assert response.status_code == 200, (role, response.get_json())


def test_the_openapi_document_needs_no_token(site):
    response = site.client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.get_json()["openapi"] == "3.1.0"
