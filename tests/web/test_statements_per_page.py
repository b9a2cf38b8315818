"""The SQL statements each main page sends: at most eleven, and as many with ten times the forms.

A page whose statement count grew with the data would be querying once per row (an N+1);
time is not asserted here (make bench measures it).
"""

import pytest
from flask import url_for

from bench.clock import Statements
from tests import factories
from triggerflow.clocks.working_days import local_today
from triggerflow.db import db
from triggerflow.synthetic.generator import generate
from triggerflow.web.dashboards.routes import PAGES as DASHBOARDS

# A form page also lists possible duplicates and, on a form ever accepted, its threats: one more each.
MOST = 11
MAIN_PAGES = [
    ("assessor", "/"),
    ("officer", "/"),
    ("spoc", "/"),
    ("national_manager", "/"),
    ("assessor", "/forms/{form}"),
    ("officer", "/forms/{form}"),
]


def _statements(client, path: str) -> int:
    with Statements(db.engine) as sent:
        assert client.get(path).status_code == 200
    return len(sent.sent)


@pytest.fixture
def counted(app, ctx, people, sign_in):
    """counted() -> {(who, path): statements} for every main page and dashboard, as things stand."""
    held = factories.under_assessment(people.officer, people.spoc, people.assessor)
    with app.test_request_context():
        pages = MAIN_PAGES + [("national_manager", url_for(endpoint)) for endpoint, _ in DASHBOARDS]
    clients = {who: sign_in(getattr(people, who)) for who, _ in pages}

    def count() -> dict[tuple[str, str], int]:
        found = {(who, path): _statements(clients[who], path.format(form=held.number)) for who, path in pages}
        # The requests' reads leave this test's session in an open transaction, as no real request
        # outlives its response; ended here, because generating onto rollups rebuilds their index and
        # so waits for every reader of the table, this session included.
        db.session.rollback()
        return found

    count()  # what a server reads once and keeps (the forces' names), as its first requests would
    return count


def test_each_main_page_sends_at_most_eleven_statements_however_many_forms_there_are(ctx, people, counted):
    generate(40, seed=1, until=local_today())
    for _ in range(3):
        factories.draft(people.officer)
    before = counted()

    generate(400, seed=2, until=local_today())
    for _ in range(30):  # past one page of the officer's own forms
        factories.draft(people.officer)
    after = counted()

    assert after == before
    assert {page: n for page, n in after.items() if n > MOST} == {}
