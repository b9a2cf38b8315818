"""A chunk of synthetic forms written in bulk (triggerflow.bulk), with the returns' records, form-number counters
and sequences brought up to date after them."""

from sqlalchemy import Connection, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from triggerflow.bulk import bulk_insert
from triggerflow.models import (
    AcceptanceRecord,
    FormEvent,
    FormNumberCounter,
    FormSearchEntry,
    FormSnapshot,
    FormStay,
    ReturnItem,
    RollupShare,
    TriggerForm,
)
from triggerflow.models.returned_item import record_of
from triggerflow.search.document import document
from triggerflow.synthetic.batch import Batch

SQLITE_CACHE_KIB = 512 * 1024


def write(connection: Connection, batch: Batch) -> None:
    forms, records = batch.forms, batch.records
    if connection.dialect.name == "sqlite":
        # Index pages of a big table stay in memory instead of going back and forth to disk.
        connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    for table, rows in (
        (TriggerForm.__table__, forms),
        (FormEvent.__table__, batch.events),
        (FormStay.__table__, batch.stays),
        (ReturnItem.__table__, batch.items),
        (AcceptanceRecord.__table__, records),
        (FormSnapshot.__table__, batch.snapshots),
        (FormSearchEntry.__table__, _search_rows(forms, records)),
        (RollupShare.__table__, batch.shares),
    ):
        bulk_insert(connection, table, rows)
    if forms and batch.items:
        _record_returns(connection, min(f["id"] for f in forms), max(f["id"] for f in forms))
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default, for whoever reuses it


def _search_rows(forms: list[dict], records: list[dict]) -> list[dict]:
    apmis = {record["form_id"]: record.get("apmis_reference") for record in records}
    return [
        {"form_id": form["id"], "document": document(form["number"], form["answers"], [apmis.get(form["id"])])}
        for form in forms
    ]


def _record_returns(connection: Connection, first_id: int, last_id: int) -> None:
    """Each return's record of its items (models.returned_item): synthetic items go out with one return each."""
    connection.execute(record_of(ReturnItem.form_id.between(first_id, last_id), ReturnItem.returned_at.is_not(None)))


def next_form_id(connection: Connection) -> int:
    return (connection.scalar(select(func.max(TriggerForm.id))) or 0) + 1


def counters(connection: Connection) -> dict[tuple[int, int], int]:
    return {
        (force_id, year): last
        for force_id, year, last in connection.execute(
            select(FormNumberCounter.force_id, FormNumberCounter.year, FormNumberCounter.last_number)
        )
    }


def save_counters(connection: Connection, numbers: dict[tuple[int, int], int]) -> None:
    """Move each force's form-number counter past the numbers the synthetic forms took."""
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    for (force_id, year), last in sorted(numbers.items()):
        statement = dialect_insert(FormNumberCounter).values(force_id=force_id, year=year, last_number=last)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["force_id", "year"], set_={"last_number": statement.excluded.last_number}
            )
        )


def resync_sequences(connection: Connection) -> None:
    """Form ids were given explicitly; PostgreSQL's sequence must learn where they ended."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('trigger_forms', 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM trigger_forms))"
            )
        )
