"""CSV exports: streamed in batches, the security marking first, within scope, and every one recorded."""

import csv
import io
import tracemalloc

import sqlalchemy.engine
from sqlalchemy import func, select

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.content import store
from triggerflow.db import db
from triggerflow.exports.stream import BATCH
from triggerflow.models import ExportRecord, FormEvent
from triggerflow.synthetic.generator import generate
from triggerflow.workflow.service import perform


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_a_large_export_is_streamed_a_batch_at_a_time_without_holding_every_row(people, api, monkeypatch):
    generate(2000, seed=5)
    total = db.session.scalar(select(func.count()).select_from(FormEvent))
    assert total > 10_000
    fetched = []
    real_partitions = sqlalchemy.engine.Result.partitions

    def counted(result, size=None):
        for batch in real_partitions(result, size):
            fetched.append(len(batch))
            yield batch

    monkeypatch.setattr(sqlalchemy.engine.Result, "partitions", counted)
    response = api(people.admin).get("/exports/events.csv", buffered=False)
    assert response.status_code == 200 and response.is_streamed and response.mimetype == "text/csv"

    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    chunks, sent, fetched_when_sent, held = [], 0, [], []
    for chunk in response.response:
        chunks.append(chunk.count(b"\r\n"))
        sent += len(chunk)
        fetched_when_sent.append(sum(fetched))
        held.append(tracemalloc.get_traced_memory()[0] - start)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    response.close()

    assert chunks[0] == 2 and sum(chunks) == total + 2  # the marking, the headings, then every event
    assert max(chunks[1:]) <= BATCH and len(chunks) > total // BATCH
    # Each chunk went out before the next batch was read: never more than a batch ahead.
    assert all(rows <= BATCH * n for n, rows in enumerate(fetched_when_sent[1:], start=1))
    # Memory stays flat from the second batch to the last, and never reaches the size of the file.
    assert max(held[2:]) - held[2] < sent / 10, held
    assert peak - start < sent * 0.8, (peak - start, sent)
    record = db.session.scalar(select(ExportRecord))
    assert (record.kind, record.via, record.rows, record.user_id) == ("events", "api", total, people.admin.id)
    assert record.finished_at is not None


def test_the_security_marking_comes_first_and_cells_cannot_run_as_formulas(people, api):
    form = factories.draft(people.officer, {"A": {"working_name": '=HYPERLINK("http://x","y")'}})
    response = api(people.officer).get("/exports/forms.csv")
    rows = rows_of(response)
    assert rows[0] == ["OFFICIAL-SENSITIVE"]
    assert rows[1][:4] == ["Form number", "Force code", "Force", "State"]
    assert rows[2][0] == form.number and rows[2][6] == '\'=HYPERLINK("http://x","y")'
    assert response.headers["Content-Disposition"].startswith('attachment; filename="triggerflow-forms-')


def test_an_export_holds_only_what_its_user_may_see_and_follows_the_filters(people, api):
    dorset = factories.complete_draft(people.officer)
    factories.complete_draft(people.wilts_officer)
    sent = factories.submitted(people.officer, people.spoc)
    numbers = [row[0] for row in rows_of(api(people.officer).get("/exports/forms.csv"))[2:]]
    assert sorted(numbers) == sorted([dorset.number, sent.number])
    drafts = rows_of(api(people.spoc).get("/exports/forms.csv?state=draft"))[2:]
    assert [row[0] for row in drafts] == [dorset.number]
    # The ROCTA sees forms once they are sent, from every force in its region.
    assert [row[0] for row in rows_of(api(people.assessor).get("/exports/forms.csv"))[2:]] == [sent.number]
    assert rows_of(api(people.eastern_assessor).get("/exports/forms.csv"))[2:] == []
    bad = api(people.officer).get("/exports/forms.csv?state=lost")
    assert bad.status_code == 422 and bad.get_json()["errors"][0]["parameter"].startswith("state")


def test_return_items_exported_are_the_ones_sent_never_an_assessors_drafts(people, api):
    form = factories.returned(people.officer, people.spoc, people.assessor, sections=("B",))
    rows = rows_of(api(people.officer).get("/exports/return-items.csv"))[2:]
    assert [(row[0], row[2], row[4], row[5]) for row in rows] == [(form.number, "B", "R02", "open")]


def test_accepted_threats_come_with_their_acceptance_record_for_the_soc_master_list(people, api):
    form = factories.under_assessment(people.officer, people.spoc, people.assessor)
    perform(form, "accept", people.assessor, record=factories.acceptance_record(form))
    factories.submitted(people.officer, people.spoc)
    rows = rows_of(api(people.regional_manager).get("/exports/accepted-threats.csv"))
    assert rows[1][:3] == ["TriggerFlow reference", "APMIS reference", "Threat name"]
    (row,) = rows[2:]
    named = dict(zip(rows[1], row))
    assert (named["TriggerFlow reference"], named["APMIS reference"], named["Tier"], named["Owning force code"]) == (
        form.number,
        "APMIS-1",
        "3",
        "DOR",
    )
    assert named["MoRiLE risk"] == "120" and named["Accepted by"] == people.assessor.name
    assert (named["SOC"], named["Moderation status"], named["Phase"], named["Register state"], named["LRO name"]) == (
        "soc",
        "moderated",
        "active",
        "accepted",
        "",
    )


def test_the_downloads_page_exports_the_chosen_list_and_records_it(people, sign_in):
    form = factories.draft(people.officer, {"A": {"working_name": "Harbour Lane"}})
    store.save_section(form, "A", {"primary_theme": "drugs_supply"}, people.officer, None)
    client = sign_in(people.officer)
    page = parse(client.get("/downloads/"))
    assert page.find("h1").text == "Downloads"
    assert [i["value"] for i in page.find_all("input", name="kind")] == [
        "forms",
        "events",
        "return-items",
        "accepted-threats",
    ]

    response = client.get("/downloads/download?kind=forms&state=draft&theme=drugs_supply")
    assert response.status_code == 200
    assert [row[0] for row in rows_of(response)] == ["OFFICIAL-SENSITIVE", "Form number", form.number]
    record = db.session.scalar(select(ExportRecord))
    assert (record.kind, record.via, record.filters, record.rows) == (
        "forms",
        "web",
        {"state": ["draft"], "theme": "drugs_supply"},
        1,
    )

    refused = client.get("/downloads/download?kind=secrets")
    assert refused.status_code == 400
    assert error_summary(parse(refused))[0][1] == "#kind"


def test_a_dashboard_table_downloaded_as_csv_is_recorded_too(people, sign_in):
    response = sign_in(people.regional_manager).get("/dashboards/acceptance.csv")
    assert response.status_code == 200
    record = db.session.scalar(select(ExportRecord))
    assert (record.kind, record.via, record.user_id) == ("dashboards.download", "web", people.regional_manager.id)
