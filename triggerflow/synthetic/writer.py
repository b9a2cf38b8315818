"""Bulk writes: PostgreSQL's COPY, and on SQLite one INSERT executed over thousands of rows; never the ORM
row by row."""

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from triggerflow.models import (
    AcceptanceRecord,
    FormEvent,
    FormNumberCounter,
    FormSearchEntry,
    FormSnapshot,
    FormStay,
    ReturnItem,
    TriggerForm,
)
from triggerflow.models.returned_item import record_of
from triggerflow.search.document import document

BATCH = 5_000
SQLITE_CACHE_KIB = 512 * 1024


def write(
    connection: Connection,
    forms: list[dict],
    events: list[dict],
    stays: list[dict],
    items: list[dict],
    records: list[dict],
    snapshots: list[dict],
) -> None:
    if connection.dialect.name == "sqlite":
        # Index pages of a big table stay in memory instead of going back and forth to disk.
        connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    for table, rows in (
        (TriggerForm.__table__, forms),
        (FormEvent.__table__, events),
        (FormStay.__table__, stays),
        (ReturnItem.__table__, items),
        (AcceptanceRecord.__table__, records),
        (FormSnapshot.__table__, snapshots),
        (FormSearchEntry.__table__, _search_rows(forms, records)),
    ):
        bulk_insert(connection, table, rows)
    if forms and items:
        _record_returns(connection, min(f["id"] for f in forms), max(f["id"] for f in forms))
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size = -2000")  # SQLite's default, for whoever reuses it


def bulk_insert(connection: Connection, table: Table, rows: list[dict]) -> None:
    """The rows into the table: COPY on PostgreSQL, executemany on SQLite."""
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
        return
    # executemany: one prepared INSERT for the batch (sqlite3's C loop). Tried here and slower:
    # multi-row VALUES (compiling it costs more than it saves) and RETURNING-driven "insertmanyvalues".
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start : start + BATCH])


def _copy(connection: Connection, table: Table, rows: list[dict]) -> None:
    """COPY FROM STDIN: 5,000 forms' rows took 8.9 s against 11.5 s with psycopg's pipelined INSERTs. Each value goes
    through its column type's own conversion (JSON, enums, UTC datetimes), and a column a row leaves
    out takes its Python default, as an INSERT through SQLAlchemy would give it."""
    if not rows:
        return
    given = list(dict.fromkeys(name for row in rows for name in row))
    defaults = {
        column.name: column.default
        for column in table.columns
        if column.name not in given and column.default is not None
    }
    names = [*given, *defaults]
    convert = [table.c[name].type._cached_bind_processor(connection.dialect) for name in names]  # noqa: SLF001
    columns = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    with connection.connection.cursor() as cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:  # nosec B608 - names from the model
        for row in rows:
            values = [row.get(name) for name in given] + [_default(default) for default in defaults.values()]
            copy.write_row(
                [
                    value if process is None or value is None else process(value)
                    for value, process in zip(values, convert)
                ]
            )


def _default(default):
    return default.arg(None) if default.is_callable else default.arg


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
