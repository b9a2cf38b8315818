"""The search index: one row of words per form (models.FormSearchEntry) and the full-text index over it.

`refresh` runs inside the transaction that changes what a form is found by, so search never
shows a form by words it no longer holds. `rebuild` writes every row again (the migration and
`flask rebuild-search-index`). The full-text index is the database's own: an FTS5 table kept by
triggers on SQLite, a GIN index on the words' tsvector on PostgreSQL; the models do not describe
either, so schema comparisons leave them out (`include_name`).
"""

from sqlalchemy import Connection, delete, func, insert, select

from triggerflow.db import db
from triggerflow.models import AcceptanceRecord, FormSearchEntry, TriggerForm
from triggerflow.search.document import document

FULL_TEXT = "form_search_fts"
BATCH = 1_000

_SQLITE = (
    "CREATE VIRTUAL TABLE form_search_fts USING fts5(document, content='form_search', content_rowid='form_id')",
    """CREATE TRIGGER form_search_fts_insert AFTER INSERT ON form_search BEGIN
        INSERT INTO form_search_fts(rowid, document) VALUES (new.form_id, new.document); END""",
    """CREATE TRIGGER form_search_fts_delete AFTER DELETE ON form_search BEGIN
        INSERT INTO form_search_fts(form_search_fts, rowid, document) VALUES ('delete', old.form_id, old.document);
        END""",
    """CREATE TRIGGER form_search_fts_update AFTER UPDATE ON form_search BEGIN
        INSERT INTO form_search_fts(form_search_fts, rowid, document) VALUES ('delete', old.form_id, old.document);
        INSERT INTO form_search_fts(rowid, document) VALUES (new.form_id, new.document); END""",
)
_POSTGRESQL = ("CREATE INDEX form_search_fts ON form_search USING gin (to_tsvector('simple'::regconfig, document))",)
_DROP_SQLITE = (
    "DROP TRIGGER form_search_fts_insert",
    "DROP TRIGGER form_search_fts_delete",
    "DROP TRIGGER form_search_fts_update",
    "DROP TABLE form_search_fts",
)
_DROP_POSTGRESQL = ("DROP INDEX form_search_fts",)


def create_full_text(connection: Connection) -> None:
    for statement in _SQLITE if connection.dialect.name == "sqlite" else _POSTGRESQL:
        connection.exec_driver_sql(statement)


def drop_full_text(connection: Connection) -> None:
    for statement in _DROP_SQLITE if connection.dialect.name == "sqlite" else _DROP_POSTGRESQL:
        connection.exec_driver_sql(statement)


def include_name(name: str | None, type_: str, parent_names) -> bool:
    """For schema comparisons: the full-text index and FTS5's own tables are not in the models."""
    return not (name or "").startswith(FULL_TEXT)


def refresh(form: TriggerForm) -> None:
    """Write the form's words again, in the caller's transaction."""
    references = db.session.scalars(select(AcceptanceRecord.apmis_reference).where(AcceptanceRecord.form_id == form.id))
    words = document(form.number, form.answers or {}, references)
    entry = db.session.get(FormSearchEntry, form.id)
    if entry is None:
        db.session.add(FormSearchEntry(form_id=form.id, document=words))
    elif entry.document != words:
        entry.document = words


def rebuild(connection: Connection) -> int:
    """Write every form's words again; how many forms there are."""
    connection.execute(delete(FormSearchEntry))
    rows = connection.execute(
        select(TriggerForm.id, TriggerForm.number, TriggerForm.answers, AcceptanceRecord.apmis_reference)
        .outerjoin(AcceptanceRecord, AcceptanceRecord.form_id == TriggerForm.id)
        .order_by(TriggerForm.id)
    )
    while batch := rows.fetchmany(BATCH):
        connection.execute(
            insert(FormSearchEntry),
            [
                {"form_id": form_id, "document": document(number, answers or {}, [apmis])}
                for form_id, number, answers, apmis in batch
            ],
        )
    return connection.scalar(select(func.count()).select_from(FormSearchEntry))
