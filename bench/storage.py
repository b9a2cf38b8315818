"""What each form costs on disk, and what it is spent on: every table with its indexes (and, on
PostgreSQL, its TOAST), grouped, divided by the number of forms."""

from flask import Flask
from sqlalchemy import func, select, text

from triggerflow.db import db
from triggerflow.models import TriggerForm

GROUPS = {
    "trigger_forms": "Forms and their answers",
    "form_snapshots": "Snapshots (each version sent)",
    "form_events": "Events",
    "form_stays": "Stays",
    "form_search": "Search index",
    "return_items": "Return items",
    "returned_items": "Return items",
    "return_item_comments": "Return items",
    "acceptance_records": "Acceptance and threats",
    "threats": "Acceptance and threats",
    "threat_events": "Acceptance and threats",
    "plan_actions": "Acceptance and threats",
    "disruptions": "Acceptance and threats",
}
ROLLUPS = "Rollups"
OTHER = "Everything else"

_POSTGRESQL = text("""
    SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'""")
# dbstat counts every page; an index's pages are put down to the table it indexes, the FTS5 index's
# shadow tables (form_search_fts_data and the like) to the search index.
_SQLITE = text("""
    SELECT COALESCE(m.tbl_name, s.name), SUM(s.pgsize) FROM dbstat s
    LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1""")


def per_form(app: Flask) -> dict[str, float]:
    """Bytes a form, by what they are spent on, and "Total"."""
    with app.app_context():
        forms = db.session.scalar(select(func.count(TriggerForm.id))) or 1
        query = _POSTGRESQL if db.engine.dialect.name == "postgresql" else _SQLITE
        spent: dict[str, float] = {}
        for table, size in db.session.execute(query):
            group = _group(table)
            spent[group] = spent.get(group, 0) + (size or 0) / forms
    return {**dict(sorted(spent.items(), key=lambda item: -item[1])), "Total": sum(spent.values())}


def _group(table: str) -> str:
    if table.startswith("rollup"):
        return ROLLUPS
    if table.startswith("form_search"):
        return GROUPS["form_search"]
    return GROUPS.get(table, OTHER)
