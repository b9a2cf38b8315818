"""Error pages in GOV.UK style that give nothing away; a failure of the service gives an incident
id the user can quote, which the log line with the traceback starts with; debug is never on in
production."""

import logging

import pytest

from config import ProductionConfig
from tests.web.htmlpage import parse
from triggerflow.access import ANY_ROLE, allow
from triggerflow.accounts import tokens


class Broken(Exception):
    """A fault in a view, standing in for any bug."""


@pytest.fixture
def broken_app(app):
    """A page and an API operation with a fault, answered as in production: a 500, not a test failure."""

    @allow(*ANY_ROLE)
    def fails():
        raise Broken("the ledger is upside down")

    app.add_url_rule("/fails", "fails", fails)
    app.add_url_rule("/api/v1/fails", "api.fails", fails)  # the "api." name makes it the API's
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


def test_a_missing_page_says_so_in_govuk_style(people, sign_in):
    response = sign_in(people.officer).get("/forms/DOR-2026-9999")
    page = parse(response)

    assert response.status_code == 404
    assert page.find("h1").text == "Page not found"
    assert "govuk-heading-l" in page.find("h1").classes


def test_a_wrong_method_is_refused_with_the_methods_allowed(people, sign_in):
    response = sign_in(people.officer).delete("/api-tokens/")

    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}
    assert parse(response).find("h1").text == "Sorry, there is a problem with your request"


def test_a_failure_shows_an_incident_id_that_the_log_line_with_the_traceback_starts_with(
    broken_app, people, sign_in, caplog
):
    response = sign_in(people.officer).get("/fails")
    page = parse(response)

    assert response.status_code == 500
    assert page.find("h1").text == "Sorry, there is a problem with the service"
    incident = page.find(id="incident").find("strong").text
    assert "upside down" not in page.text and "Traceback" not in page.text
    (logged,) = [r for r in caplog.records if r.levelno == logging.ERROR and incident in r.getMessage()]
    assert logged.getMessage() == f"Incident {incident}: Broken on GET /fails"
    assert "the ledger is upside down" in caplog.text and "Traceback" in caplog.text


def test_an_api_failure_answers_problem_json_with_its_incident_id(broken_app, people, caplog):
    token = tokens.issue(people.officer, "Errors", 30).secret
    response = broken_app.test_client().get("/api/v1/fails", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 500 and response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["detail"] == "Sorry, there is a problem with the service. Nothing was changed."
    assert f"Incident {problem['incident']}: Broken on GET /api/v1/fails" in caplog.text


def test_an_expired_or_forged_form_is_refused_and_nothing_is_saved(app, people, sign_in, security_log):
    client = sign_in(people.officer)
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/api-tokens/", data={"name": "Nightly import", "days": "90"})
    page = parse(response)

    assert response.status_code == 400
    assert page.find("h1").text == "Sorry, that page has expired"
    assert "Go back, reload the page and try again." in page.text
    (event,) = [e for e in security_log() if e["event"] == "validation.failed"]
    assert (event["kind"], event["path"], event["user"]) == ("csrf", "/api-tokens/", people.officer.email)


def test_production_refuses_to_start_in_debug_mode(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "a-long-random-production-secret-key-0123456789")
    monkeypatch.setenv("FLASK_DEBUG", "1")

    with pytest.raises(RuntimeError, match="never runs in debug mode"):
        ProductionConfig.validate()
