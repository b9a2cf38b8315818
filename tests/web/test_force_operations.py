"""A force's operations register: recorded with or without a trigger form, and on the dashboards
until an accepted threat stands behind it."""

from datetime import timedelta

from sqlalchemy import func, select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from tests.workflow import lifecycle
from triggerflow.db import db, utcnow
from triggerflow.models import ForceOperation
from triggerflow.workflow.service import perform


def record(client, **fields):
    started = fields.pop("started_on", utcnow().date() - timedelta(days=40))
    data = {
        "name": "Op Kestrel",
        "target": "The Harbour Lane group",
        "form_number": "",
        "started_on": [str(started.day), str(started.month), str(started.year)] if started else ["", "", ""],
        **fields,
    }
    return client.post("/operations/new", data=data)


def register_rows(client) -> list[str]:
    found = parse(client.get("/operations/")).find("table", data_table="force-operations")
    return [tr.text for tr in found.find("tbody").find_all("tr")] if found else []


def overview_operations(client) -> list[str]:
    table = parse(client.get("/dashboards/")).find("table", data_table="registered-operations")
    return [tr.find("th").text for tr in table.find("tbody").find_all("tr")] if table else []


def test_an_officer_records_an_operation_with_no_trigger_form_and_the_overview_shows_it(people, sign_in):
    officer = sign_in(people.officer)
    response = record(officer)
    assert response.status_code == 302
    (row,) = register_rows(officer)
    assert row.startswith("Op Kestrel The Harbour Lane group") and row.endswith("No trigger form")
    assert "40" in row  # days running

    assert overview_operations(sign_in(people.regional_manager)) == ["Op Kestrel"]
    assert overview_operations(sign_in(people.spoc)) == ["Op Kestrel"]
    assert overview_operations(sign_in(people.wilts_spoc)) == []
    assert register_rows(sign_in(people.wilts_officer)) == []


def test_an_operation_leaves_the_dashboards_once_its_threat_is_accepted(people, sign_in):
    cast = lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
    form = lifecycle.under_assessment(cast)
    officer = sign_in(people.officer)
    assert record(officer, form_number=form.number.lower()).status_code == 302
    manager = sign_in(people.regional_manager)
    assert overview_operations(manager) == ["Op Kestrel"]
    perform(form, "accept", people.assessor, record=factories.acceptance_record(form))
    assert overview_operations(manager) == []
    assert f"{form.number} (Accepted)" in register_rows(officer)[0]


def test_bad_input_is_named_keeps_what_was_typed_and_records_nothing(people, sign_in):
    officer = sign_in(people.officer)
    wilts_form = factories.draft(people.wilts_officer)

    response = record(officer, name="", target="", started_on=None)
    assert response.status_code == 400
    assert [text for text, _ in error_summary(parse(response))] == [
        "Enter the name of the operation",
        "Enter the date the operation started",
        "Enter who or what the operation targets",
    ]

    response = record(officer, started_on=utcnow().date() + timedelta(days=2), form_number=wilts_form.number)
    assert response.status_code == 422
    page = parse(response)
    assert [text for text, _ in error_summary(page)] == [
        "The start date must be today or in the past",
        f"Enter the number of a trigger form from your force, like DOR-{utcnow().year}-0001",
    ]
    assert page.find("input", id="name")["value"] == "Op Kestrel"
    assert db.session.scalar(select(func.count()).select_from(ForceOperation)) == 0


def test_only_officers_and_spocs_record_and_managers_only_read(people, sign_in):
    assert sign_in(people.force_manager).get("/operations/").status_code == 200
    assert sign_in(people.force_manager).get("/operations/new").status_code == 403
    assert sign_in(people.assessor).get("/operations/").status_code == 403
    assert sign_in(people.spoc).get("/operations/new").status_code == 200
