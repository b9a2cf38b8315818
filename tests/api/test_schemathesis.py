"""Schemathesis against the OpenAPI document: no server error, nothing undocumented, no broken schema.

Each operation gets a bounded number of generated requests (valid and invalid), sent through
WSGI with an officer's token; path parameters naming a form point at a real draft, and If-Match
carries its current version, so the requests reach the views and valid ones are saved. The document is read once, at
collection; each test's requests go to that test's own app and database.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from tests import factories
from tests.api.document import document_app
from triggerflow.accounts import tokens
from triggerflow.db import db
from triggerflow.models import Role, TriggerForm

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


class CurrentApp:
    """A WSGI app that hands each request to the app of the test running now."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


TARGET = CurrentApp(document_app())  # serves the document at collection
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", TARGET)


@pytest.fixture
def caller(app):
    """An officer's token and their complete draft, on this test's app."""
    app.config["API_RATE_LIMIT"] = "1000000 per minute"
    TARGET.app = app
    with app.app_context():
        officer = factories.user(Role.OFFICER, force_code="DOR")
        form = factories.complete_draft(officer)
        yield {"secret": tokens.issue(officer, "Schemathesis").secret, "number": form.number}


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_openapi_document(case, caller):
    if case.path_parameters and "number" in case.path_parameters:
        case.path_parameters["number"] = caller["number"]
        if case.headers and "If-Match" in case.headers:
            # The version as it is now, so valid changes are saved and their answers checked too.
            version = db.session.scalar(select(TriggerForm.version).where(TriggerForm.number == caller["number"]))
            case.headers["If-Match"] = f'"{version}"'
    case.call_and_validate(headers={"Authorization": f"Bearer {caller['secret']}"}, checks=CHECKS)
