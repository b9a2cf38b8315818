"""The administrators' exports page: who exported what, when, and how many rows."""

from datetime import timedelta

from sqlalchemy import select

from tests import factories
from tests.api.conftest import ApiClient
from tests.web.htmlpage import parse
from triggerflow.accounts import tokens
from triggerflow.db import db
from triggerflow.exports import audit
from triggerflow.models import ExportRecord
from triggerflow.queries.admin import PAGE_SIZE


def rows_of(page) -> list[dict[str, str]]:
    table = page.find("table", id="exports")
    headings = [th.text for th in table.find("thead").find_all("th")]
    return [dict(zip(headings, (td.text for td in tr.find_all("td")))) for tr in table.find("tbody").find_all("tr")]


def test_the_exports_page_lists_web_and_api_downloads_newest_first(app, people, sign_in):
    factories.draft(people.officer, {"A": {"working_name": "Harbour Lane"}})
    sign_in(people.officer).get("/downloads/download?kind=forms&state=draft").get_data()
    ApiClient(app.test_client(), tokens.issue(people.spoc, "Nightly").secret).get("/exports/events.csv").get_data()
    sign_in(people.regional_manager).get("/dashboards/acceptance.csv")

    client = sign_in(people.admin)
    link = parse(client.get("/admin/")).find(id="main-content").find("a", href="/admin/exports")
    assert link.text == "Exports"
    page = parse(client.get(link["href"]))
    assert page.find("h1").text == "Exports"
    rows = rows_of(page)
    assert [row["What"] for row in rows] == ["Dashboard table: acceptance", "Form history", "Forms"]
    assert [row["How"] for row in rows] == ["Web page", "API", "Web page"]
    assert rows[2]["Who"] == f"{people.officer.name} {people.officer.email}"
    assert rows[2]["Filters"] == "state: draft" and rows[2]["Rows"] == "1"
    assert rows[1]["Rows"] == "1"  # the history of the one draft: its start
    assert rows[0]["Who"].startswith(people.regional_manager.name)


def test_an_export_that_stopped_part_way_says_so(people, sign_in):
    audit.started(people.officer, "forms", {}, "api")
    (row,) = rows_of(parse(sign_in(people.admin).get("/admin/exports")))
    assert row["Rows"] == "Not finished" and row["Filters"] == "None"


def test_the_exports_page_is_paginated(people, sign_in):
    for _ in range(PAGE_SIZE + 1):
        audit.started(people.officer, "forms", {}, "web", rows=3)
    oldest = db.session.scalar(select(ExportRecord).order_by(ExportRecord.id))
    oldest.at -= timedelta(days=1)
    oldest.rows = 7
    db.session.commit()
    client = sign_in(people.admin)
    first = parse(client.get("/admin/exports"))
    assert len(rows_of(first)) == PAGE_SIZE
    assert first.find("nav", class_="govuk-pagination").find("a", rel="next")["href"] == "/admin/exports?page=2"
    (last,) = rows_of(parse(client.get("/admin/exports?page=2")))
    assert last["Rows"] == "7"


def test_only_administrators_see_the_exports(people, sign_in):
    for person in (people.officer, people.assessor, people.regional_manager, people.national_manager):
        assert sign_in(person).get("/admin/exports").status_code == 403
