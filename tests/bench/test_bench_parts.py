"""The load test reads pages as a browser posts them and keeps its figures beside `make bench`'s; the
benchmark tells what a form costs on disk."""

import importlib
import sys
from pathlib import Path

from werkzeug.test import Client

from bench import report, storage
from bench.crowd import page, verdict
from bench.export import Export
from bench.load import HELLO_PATH
from bench.pages import Timing
from bench.run import Run, SizeResult
from tests.factories import complete_draft
from triggerflow.db import db
from triggerflow.synthetic.generator import Summary


def test_a_section_page_posts_back_what_it_shows_with_a_dates_three_boxes(sign_in, people):
    form = complete_draft(people.officer)
    shown = sign_in(people.officer).get(f"/forms/{form.number}/sections/A").get_data(as_text=True)

    posted = page.main_form(shown)

    assert posted.fields["working_name"] == form.answers_for("A")["working_name"]
    assert posted.fields["master_list_searched_on"] == [
        str(part) for part in _day_month_year(form.answers_for("A")["master_list_searched_on"])
    ]
    assert posted.fields["version"] == str(form.version)


def test_a_one_click_action_is_read_off_the_form_page(sign_in, people):
    form = complete_draft(people.officer)
    shown = sign_in(people.officer).get(f"/forms/{form.number}").get_data(as_text=True)

    assert page.has_action(shown, form.number, "send_to_spoc")
    assert not page.has_action(shown, form.number, "accept")
    assert page.form_numbers(f'<a href="/forms/{form.number}">x</a><a href="/forms/{form.number}">y</a>') == [
        form.number
    ]


def test_the_load_tests_section_replaces_its_last_one_and_survives_a_benchmark_report(tmp_path: Path):
    path = tmp_path / "performance.md"
    path.write_text("# Performance\n", encoding="utf-8")
    first = verdict.Found(50, 300, [verdict.Page("Home", 10, 0, 12, 40)], 2, [], 100, 20, [])
    verdict.write(first, path)
    verdict.write(verdict.Found(50, 300, [verdict.Page("Home", 99, 0, 12, 40)], 2, [], 100, 20, []), path)

    text = path.read_text(encoding="utf-8")
    assert text.count(verdict.START) == 1
    assert "| Home | 99 |" in text and "| Home | 10 |" not in text
    assert verdict.section_in(path)[1].startswith(verdict.START)


def _day_month_year(value: str) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in value.split("-"))
    return day, month, year


def test_storage_a_form_is_every_tables_bytes_grouped_and_divided_by_the_forms(app, people):
    for _ in range(2):
        complete_draft(people.officer)
    db.session.commit()

    spent = storage.per_form(app)

    assert spent["Forms and their answers"] > 0 and spent["Events"] > 0
    assert spent["Total"] == sum(value for group, value in spent.items() if group != "Total")


def test_the_report_puts_every_size_side_by_side_with_a_dash_where_sqlite_stopped(tmp_path: Path):
    found = Run([10_000, 1_000_000], ["sqlite", "postgresql"], sqlite_up_to=100_000)
    found.versions = {"sqlite": "SQLite 3.40.1", "postgresql": "PostgreSQL 15.18"}
    for backend in found.backends:
        for size in found.sizes_on(backend):
            found.results.append(_measured(backend, size, ms=size / 1000))
    path = tmp_path / "performance.md"

    report.write(found, path)

    text = path.read_text(encoding="utf-8")
    sqlite, postgresql = text.split("## PostgreSQL")[0], text.split("## PostgreSQL")[1]
    assert found.sizes_on("sqlite") == [10_000]
    assert "| Form page | 10.0 (4) | – | |" in sqlite
    assert "| Form page | 10.0 (4) | 1,000.0 (4) | ×100.0 (linear) |" in postgresql
    assert "| Snapshots | 2.0 | – | |" in sqlite and "| Snapshots | 2.0 | 2.0 | |" in postgresql
    assert "sqlite (10,000 forms) | postgresql (1,000,000 forms)" in text


def test_a_report_written_during_a_run_shows_only_what_has_been_measured(tmp_path: Path):
    found = Run([10_000, 100_000, 1_000_000], ["sqlite", "postgresql"], sqlite_up_to=100_000)
    found.versions = {"sqlite": "SQLite 3.40.1", "postgresql": "PostgreSQL 15.18"}
    found.results = [_measured("sqlite", 10_000, ms=10), _measured("sqlite", 100_000, ms=20)]
    path = tmp_path / "performance.md"

    report.write(found.so_far(), path)
    text = path.read_text(encoding="utf-8")
    assert "10,000, 100,000 forms on SQLite, grown in place" in text
    assert "## PostgreSQL" not in text and "1,000,000" not in text

    found.results.append(_measured("postgresql", 10_000, ms=30))
    report.write(found.so_far(), path)
    text = path.read_text(encoding="utf-8")
    assert "10,000, 100,000 forms on SQLite; 10,000 forms on PostgreSQL" in text
    assert "sqlite (100,000 forms) | postgresql (10,000 forms)" in text
    assert "| Form page | 30.0 (4) | – | |" in text.split("## PostgreSQL")[1]


def test_the_benchmark_server_answers_hello_world_from_a_bare_app_beside_triggerflow(app, monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.setenv("BENCH_SECRET_KEY", "k" * 64)
    served = (
        importlib.reload(sys.modules["bench.wsgi"])
        if "bench.wsgi" in sys.modules
        else importlib.import_module("bench.wsgi")
    )
    client = Client(served.app)

    hello = client.get(HELLO_PATH)
    page = client.get("/sign-in")

    assert (hello.status_code, hello.get_data(as_text=True)) == (200, "Hello, world")
    assert "Content-Security-Policy" not in hello.headers  # none of TriggerFlow's work around a request
    assert page.status_code == 200 and "Content-Security-Policy" in page.headers


def _measured(backend: str, size: int, ms: float) -> SizeResult:
    return SizeResult(
        backend,
        size,
        Summary(size, size * 6, size // 2, 1.0),
        [Timing("Form page", ms, 4)],
        [Timing("Dashboard: Overview", ms, 9)],
        [Timing("assessors", ms, 5, sql_ms=ms)],
        {"hello-world": 1000.0, "Form page": 400.0},
        Export(size * 6, 30.0, 31.0, 5.0, 100.0, 90.0),
        {"Snapshots": 2000.0, "Total": 2000.0},
    )
