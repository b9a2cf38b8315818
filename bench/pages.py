"""Server time and SQL statements per page, in process, signed in as the person each page is for."""

from dataclasses import dataclass

from flask import Flask, url_for

from bench.client import signed_in
from bench.clock import Statements, median_ms, replay_ms
from bench.dataset import People
from triggerflow.db import db
from triggerflow.web.dashboards.routes import PAGES as DASHBOARD_ENDPOINTS
from triggerflow.web.dashboards.routes import TABLES


@dataclass(frozen=True)
class Page:
    name: str
    who: str  # a field of People
    path: str  # "{form}" stands for People.form


@dataclass(frozen=True)
class Timing:
    name: str
    ms: float
    statements: int
    sql_ms: float | None = None  # the same SELECTs through the database driver alone


LISTS = (
    Page("Assessor queue", "assessor", "/"),
    Page("Officer list", "officer", "/"),
    Page("SPOC queues", "spoc", "/"),
    Page("Forms list, national manager", "manager", "/"),
    Page("Form page", "assessor", "/forms/{form}"),
)
# One measure per dashboard table: its CSV download computes that table and nothing else.
MEASURES = tuple(Page(key, "manager", f"/dashboards/{key}.csv") for key in TABLES)


def dashboards(app: Flask) -> tuple[Page, ...]:
    """Every dashboard page, national manager's view, default filters (the last twelve months)."""
    with app.test_request_context():
        return tuple(
            Page(f"Dashboard: {label}", "manager", url_for(endpoint)) for endpoint, label in DASHBOARD_ENDPOINTS
        )


def time_pages(app: Flask, people: People, pages: tuple[Page, ...], raw_sql: bool = False) -> list[Timing]:
    with app.app_context():
        engine = db.engine
    clients = {who: signed_in(app, getattr(people, who)) for who in {page.who for page in pages}}
    found = []
    for page in pages:
        fetch = _fetcher(clients[page.who], page.path.format(form=people.form), page.who)
        with Statements(engine) as sent:
            fetch()
        found.append(
            Timing(page.name, median_ms(fetch), len(sent.sent), replay_ms(engine, sent.selects) if raw_sql else None)
        )
    return found


def _fetcher(client, path: str, who: str):
    def fetch():
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code} to {who}")

    return fetch
