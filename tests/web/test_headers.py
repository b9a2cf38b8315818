"""Security headers: a strict content security policy, no framing, no sniffing, no caching of
anything behind sign-in, and HSTS in production only."""

import re

from config import ProductionConfig
from tests.web.htmlpage import parse
from triggerflow import create_app
from triggerflow.db import db


def policy(response) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    return dict(directives)


def test_a_signed_in_page_carries_every_security_header(people, sign_in):
    response = sign_in(people.officer).get("/")

    csp = policy(response)
    assert csp["default-src"] == "'self'" and csp["style-src"] == "'self'"
    assert re.fullmatch(r"'self' 'nonce-[\w-]{24}'", csp["script-src"])
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # not over plain http in development


def test_the_only_inline_script_carries_the_requests_nonce_and_nothing_is_styled_inline(people, sign_in):
    client = sign_in(people.officer)
    first, second = client.get("/"), client.get("/")
    page = parse(first)

    nonce = policy(first)["script-src"].split("'nonce-")[1].rstrip("'")
    inline = [script for script in page.find_all("script") if not script.get("src")]
    assert [script.get("nonce") for script in inline] == [nonce]
    assert page.find_all("style") == [] and not [e for e in page.find_all() if e.get("style") is not None]
    assert policy(second)["script-src"] != policy(first)["script-src"]  # a new nonce each time


def test_api_answers_and_error_pages_are_not_cached_either(people, client):
    for response in (client.get("/api/v1/me"), client.get("/no-such-page"), client.get("/sign-in")):
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert policy(response)["frame-ancestors"] == "'none'"


def test_static_files_may_be_cached(client):
    response = client.get("/static/images/favicon.svg")
    assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")


def test_production_tells_browsers_to_use_https_only(databases, tmp_path, monkeypatch):
    url = databases.create(tmp_path)

    class Production(ProductionConfig):
        SECRET_KEY = "a-long-random-production-secret-key-0123456789"
        SQLALCHEMY_DATABASE_URI = url

    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = create_app(Production)
    response = app.test_client().get("/sign-in", base_url="https://localhost")
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)

    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
