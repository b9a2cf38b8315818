"""Every route in app.url_map, whoever wrote it: deny by default, sign-in first, roles, then scope.

The routes are read from the app at collection time, so a new route is swept the moment it
exists. Web pages sign people in with a session cookie; a blueprint marked
`authenticates_itself` (the API) takes a bearer token instead and answers 401 where a page
would send the visitor to sign in. URL arguments are built from their names (a real form's
number, a real item id...); an argument this file has never seen gets a placeholder by its
converter, which is enough for the checks made before a view runs.
"""

from types import SimpleNamespace

import pytest
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.routing import IntegerConverter

from config import TestConfig
from tests import factories
from tests.databases import app_for
from tests.workflow import lifecycle
from tests.workflow.lifecycle import Cast
from triggerflow import create_app
from triggerflow.access import PUBLIC
from triggerflow.assessment.return_items import items_for
from triggerflow.db import db
from triggerflow.models import Role

_APP = create_app(TestConfig)  # for collection only: it never touches a database
ROUTES = [rule for rule in _APP.url_map.iter_rules() if rule.endpoint != "static"]


def methods(rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def allowed_roles(rule):
    return getattr(_APP.view_functions[rule.endpoint], "allowed_roles", None)


def by_token(rule) -> bool:
    blueprint = _APP.blueprints.get(rule.endpoint.rpartition(".")[0])
    return getattr(blueprint, "authenticates_itself", False)


def cases(select) -> list:
    """(rule, method) for every method of every route that `select` picks."""
    return [
        pytest.param(rule, method, id=f"{method} {rule.rule}")
        for rule in ROUTES
        if select(rule)
        for method in methods(rule)
    ]


@pytest.fixture(scope="module")
def site(databases, tmp_path_factory):
    """A returned Dorset form (snapshot 1, one open return item) and people in and out of its scope."""
    url = databases.create(tmp_path_factory.mktemp("sweep"))
    app = app_for(url)
    app.config["API_RATE_LIMIT"] = "100000 per minute"  # the sweep is not about rate limits
    with app.app_context():
        people = factories.people()
        form = lifecycle.returned(Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor))
        (item,) = items_for(form, include_pending=False)
        threat = factories.threat_of(factories.accepted(people.officer, people.spoc, people.assessor))
        in_scope = {
            Role.OFFICER: people.officer,
            Role.SPOC: people.spoc,
            Role.ASSESSOR: people.assessor,
            Role.MANAGER: people.regional_manager,
            Role.ADMIN: people.admin,
        }
        out_of_scope = {
            Role.OFFICER: [people.wilts_officer, people.essex_officer],
            Role.SPOC: [people.wilts_spoc, people.essex_spoc],
            Role.ASSESSOR: [people.eastern_assessor],
            Role.MANAGER: [
                factories.user(Role.MANAGER, force_code="ESS"),
                factories.user(Role.MANAGER, region_code="EA"),
            ],
        }
        arguments = {
            "number": form.number,
            "key": "B",
            "action": "claim",
            "sequence": 1,
            "filename": "images/favicon.svg",
            "answer_item": form.answers_for("B")["subjects"][0]["id"],
            "return_item": item.id,
            "threat_id": threat.id,
        }
        everyone = [*in_scope.values(), *(u for users in out_of_scope.values() for u in users)]
        tokens = {u.email: _token(u) for u in everyone} if any(by_token(r) for r in ROUTES) else {}
        emails = {
            "in": {role: u.email for role, u in in_scope.items()},
            "out": {role: [u.email for u in users] for role, users in out_of_scope.items()},
        }
        db.session.remove()
    clients = {}

    def client_for(email: str):
        if email not in clients:
            clients[email] = app.test_client()
            response = clients[email].post("/sign-in", data={"email": email, "password": factories.PASSWORD})
            assert response.status_code == 302, f"{email} could not sign in"
        return clients[email]

    yield SimpleNamespace(app=app, arguments=arguments, emails=emails, tokens=tokens, client_for=client_for)
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


def _token(user) -> str:
    from triggerflow.accounts import tokens

    return tokens.issue(user, "route sweep").secret


def url(site, rule) -> str:
    values = {}
    for name in rule.arguments:
        converter = rule._converters[name]
        if name == "item_id":
            values[name] = site.arguments["return_item" if isinstance(converter, IntegerConverter) else "answer_item"]
        elif name in site.arguments:
            values[name] = site.arguments[name]
        else:
            values[name] = 1 if isinstance(converter, IntegerConverter) else "x"
    return site.app.url_map.bind("localhost").build(rule.endpoint, values, method=None)


def call(site, rule, method: str, email: str | None = None, *, cookie_only: bool = False):
    """The request as `email` makes it: by session cookie on the web, by bearer token on the API."""
    if email is None:
        return site.app.test_client().open(url(site, rule), method=method)
    if by_token(rule) and not cookie_only:
        body = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
        return site.app.test_client().open(
            url(site, rule), method=method, headers={"Authorization": f"Bearer {site.tokens[email]}"}, **body
        )
    return site.client_for(email).open(url(site, rule), method=method)


def rule_for(path: str):
    return next(rule for rule in ROUTES if rule.rule == path)


def test_the_sweep_found_routes():
    assert {"forms.overview", "home.index", "auth.sign_in"} <= {rule.endpoint for rule in ROUTES}


def test_every_view_says_who_may_use_it():
    unmarked = [rule.endpoint for rule in ROUTES if allowed_roles(rule) is None]
    assert unmarked == []


def test_only_sign_in_assets_and_the_health_check_are_public_on_the_web():
    public = {rule.endpoint for rule in ROUTES if allowed_roles(rule) == PUBLIC and not by_token(rule)}
    # auth.code is the second step of signing in: it sends anyone without a half-finished sign-in back to the first.
    # The organisation's sign-in (OpenID Connect) is signing in too: choosing the provider, going there, coming back.
    assert public == {
        "auth.sign_in",
        "auth.code",
        "assets.govuk_asset",
        "assets.favicon",
        "health.healthz",
        "organisation_sign_in.choose",
        "organisation_sign_in.start",
        "organisation_sign_in.callback",
    }


@pytest.mark.parametrize("rule, method", cases(lambda rule: allowed_roles(rule) != PUBLIC and not by_token(rule)))
def test_anonymous_visitors_are_sent_to_sign_in(site, rule, method):
    response = call(site, rule, method)
    assert response.status_code == 302
    assert response.location.startswith("/sign-in?next=")


@pytest.mark.parametrize("rule, method", cases(lambda rule: allowed_roles(rule) != PUBLIC and by_token(rule)))
def test_api_calls_without_a_token_get_401_even_from_a_signed_in_browser(site, rule, method):
    signed_in = site.emails["in"][Role.ADMIN]
    answers = (call(site, rule, method).status_code, call(site, rule, method, signed_in, cookie_only=True).status_code)
    assert answers == (401, 401)


def test_public_pages_open_without_signing_in(site):
    client = site.app.test_client()
    assert client.get("/sign-in").status_code == 200
    assert client.get(url(site, rule_for("/assets/<path:filename>"))).status_code == 200
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")


def _forbids_a_role(rule) -> bool:
    roles = allowed_roles(rule)
    return roles not in (None, PUBLIC) and bool(set(Role) - roles)


@pytest.mark.parametrize("rule, method", cases(_forbids_a_role))
def test_people_whose_role_the_view_does_not_allow_get_403(site, rule, method):
    answers = {
        role.value: call(site, rule, method, site.emails["in"][role]).status_code
        for role in sorted(set(Role) - allowed_roles(rule))
    }
    assert set(answers.values()) == {403}, answers


@pytest.mark.parametrize("rule, method", cases(lambda rule: "number" in rule.arguments))
def test_people_outside_the_forms_force_or_region_get_404(site, rule, method):
    answers = {
        email: call(site, rule, method, email).status_code
        for role in sorted(allowed_roles(rule) & set(site.emails["out"]))
        for email in site.emails["out"][role]
    }
    if 501 in answers.values():
        pytest.skip(f"{rule.endpoint} is not written yet")
    assert answers and set(answers.values()) == {404}, answers


@pytest.mark.parametrize("rule, method", cases(lambda rule: "threat_id" in rule.arguments))
def test_people_outside_the_threats_owning_force_or_region_get_404(site, rule, method):
    answers = {
        email: call(site, rule, method, email).status_code
        for role in sorted(allowed_roles(rule) & set(site.emails["out"]))
        for email in site.emails["out"][role]
    }
    assert answers and set(answers.values()) == {404}, answers


def test_people_inside_the_scope_can_open_the_form_the_sweep_uses(site):
    for role in (Role.OFFICER, Role.SPOC, Role.ASSESSOR, Role.MANAGER, Role.ADMIN):
        client = site.client_for(site.emails["in"][role])
        assert client.get(f"/forms/{site.arguments['number']}").status_code == 200, role


@pytest.mark.parametrize("rule, method", cases(lambda rule: "GET" not in methods(rule)))
def test_routes_without_get_refuse_it(site, rule, method):
    target = url(site, rule)
    try:
        # /forms/new is also /forms/<number> with the number "new": then GET is that page's business.
        endpoint, _ = site.app.url_map.bind("localhost").match(target, method="GET")
    except MethodNotAllowed:
        endpoint = None
    signed_in = site.client_for(site.emails["in"][Role.OFFICER])
    answers = (site.app.test_client().get(target).status_code, signed_in.get(target).status_code)
    assert endpoint != rule.endpoint
    assert endpoint is not None or answers == (405, 405)
