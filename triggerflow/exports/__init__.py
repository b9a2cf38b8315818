"""CSV exports of the lists a user may see, for the web page and the API alike."""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Response

from triggerflow.exports.stream import csv_response
from triggerflow.inputs.list_filters import EventExportQuery, FormFilterQuery
from triggerflow.models import ExportRecord, User
from triggerflow.queries import exports as queries


@dataclass(frozen=True)
class Kind:
    title: str
    description: str
    query: type[FormFilterQuery]
    build: Callable[[User, FormFilterQuery], queries.Export]


KINDS: dict[str, Kind] = {
    "forms": Kind(
        "Forms",
        "One row per form: its force, state, theme, dates and the people working on it.",
        FormFilterQuery,
        lambda user, q: queries.forms(user, q.filters()),
    ),
    "events": Kind(
        "Form history",
        "Every action taken on the forms, who took it and when, oldest first.",
        EventExportQuery,
        lambda user, q: queries.events(user, q.filters(), q.since, q.until),
    ),
    "return-items": Kind(
        "Return items",
        "What the ROCTA asked forces to put right, and their answers.",
        FormFilterQuery,
        lambda user, q: queries.return_items(user, q.filters()),
    ),
    "accepted-threats": Kind(
        "Accepted threats",
        "Accepted threats with their acceptance records, in a layout for loading onto the SOC master list.",
        FormFilterQuery,
        lambda user, q: queries.accepted_threats(user, q.filters()),
    ),
}


# CSV that other pages send is recorded under the page's endpoint (web.exports.routes).
_PAGES = {"dashboards.download": "Dashboard table", "dashboards.forms_csv": "Forms behind a dashboard figure"}


def describe(record: ExportRecord) -> str:
    """What was exported, as the administrators' exports page names it."""
    if record.kind in KINDS:
        return KINDS[record.kind].title
    title = _PAGES.get(record.kind, record.kind)
    key = (record.filters or {}).get("key")
    return f"{title}: {key}" if key else title


def export(user: User, key: str, query: FormFilterQuery, via: str) -> Response:
    headings, statement = KINDS[key].build(user, query)
    filters = query.model_dump(mode="json", exclude_none=True)
    return csv_response(user, key, headings, statement, filters, via)
