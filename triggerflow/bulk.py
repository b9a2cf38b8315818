"""Writing many rows at once: PostgreSQL's COPY, and on SQLite one INSERT executed over thousands of rows;
never the ORM row by row. For synthetic data and rebuilds, which write tables by the hundred thousand."""

from collections.abc import Iterable

from sqlalchemy import Connection, Table, insert

BATCH = 5_000


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


def insert_tuples(connection: Connection, table: Table, names: list[str], rows: Iterable[tuple]) -> None:
    """Rows as tuples in the order of `names`, for columns whose values the driver takes as they are
    (numbers, text, dates, booleans): on PostgreSQL straight into COPY, without a dict and a type's
    conversion per value, which cost more than the COPY itself over millions of rollup rows."""
    if connection.dialect.name != "postgresql":
        bulk_insert(connection, table, [dict(zip(names, row)) for row in rows])
        return
    columns = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    with connection.connection.cursor() as cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:  # nosec B608 - names from the model
        for row in rows:
            copy.write_row(row)
