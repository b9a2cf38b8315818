"""The rollups of forms written in bulk (synthetic data), without reading the forms back.

Each form's day counts are worked out in memory from the rows about to be written, with the same
`day_share` a move uses, and added up over every form; the sum is spread and written once at the
end. The keys are per force, day and what a measure groups by, not per form, so the sum is far
smaller than the forms' shares laid end to end, and spreading it once costs a fraction of spreading
each form's. Into empty rollups the sum goes by COPY; onto rollups already there it is added through
a temporary table. On PostgreSQL the unique index is built again afterwards in both cases.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import (
    Column,
    Connection,
    Index,
    MetaData,
    Table,
    and_,
    delete,
    exists,
    insert,
    select,
    true,
    update,
)
from sqlalchemy.dialects import sqlite

from triggerflow.bulk import insert_tuples
from triggerflow.models import Rollup
from triggerflow.rollups.shares import ASSESSOR_ACTIONS, STAY_COLUMNS, Key, day_share, spread, to_json
from triggerflow.rollups.store import KEY

COLUMNS = [*KEY, "count"]
# Room to sort the rollups' unique index in memory when it is built after a load, not in files on disk.
INDEX_MEMORY = "1GB"


class Form(NamedTuple):
    """What a form's share reads of its row (rollups.shares.share)."""

    force_id: int
    state: str
    first_submitted_at: datetime | None
    primary_theme: str | None
    threat_type: str | None


class Tally:
    def __init__(self) -> None:
        self.days: Counter[Key] = Counter()

    def add(self, form: dict, events: list[dict], stays: list[dict], items: list[dict]) -> dict | None:
        """Count a form in from its rows as written; the row of its kept share, None when it has none
        (a draft never moved), as the rebuild keeps them."""
        row = Form(*(form[name] for name in Form._fields))
        counts = day_share(
            row,
            [(e["action"], e["at"], e["actor_id"]) for e in events if e["action"] in ASSESSOR_ACTIONS],
            [tuple(s[name] for name in STAY_COLUMNS) for s in stays],
            [(i["returned_at"], i["reason_code"]) for i in items if i["returned_at"] is not None],
        )
        if not counts:
            return None
        self.days.update(counts)
        return {"form_id": form["id"], "rows": to_json(counts)}

    def write(self, connection: Connection) -> None:
        """Add the counted forms to the rollups, in the caller's transaction."""
        if connection.scalar(select(Rollup.id).limit(1)) is None:
            _load(connection, self._rows())
        else:
            _upsert(connection, self._rows())

    def _rows(self) -> Iterator[tuple]:
        """The spread rows, a force at a time: a force's keys never spread into another's, and only one
        force's spread rows are held at once."""
        by_force: dict[int, Counter[Key]] = defaultdict(Counter)
        while self.days:
            key, count = self.days.popitem()
            by_force[key[1]][key] = count
        for force_id in sorted(by_force):
            for key, count in spread(by_force.pop(force_id)).items():
                yield (*key, count)


def _load(connection: Connection, rows: Iterator[tuple]) -> None:
    if connection.dialect.name != "postgresql":
        insert_tuples(connection, Rollup.__table__, COLUMNS, rows)
        return
    # Building the unique index from all the rows at once is faster than adding each row to it (a third
    # of the load's time at 20,000 forms). The table is locked until the transaction ends, as a bulk
    # load of this size would lock it anyway.
    unique = _unique()
    connection.execute(delete(Rollup))
    unique.drop(connection)
    insert_tuples(connection, Rollup.__table__, COLUMNS, rows)
    connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{INDEX_MEMORY}'")
    unique.create(connection)


def _upsert(connection: Connection, rows: Iterator[tuple]) -> None:
    """Rows added to those there, through a temporary table rather than a statement per thousand rows."""
    table = Rollup.__table__
    incoming = Table(
        "incoming_rollups",
        MetaData(),
        *(Column(name, table.c[name].type) for name in COLUMNS),
        prefixes=["TEMPORARY"],
    )
    incoming.create(connection)
    insert_tuples(connection, incoming, COLUMNS, rows)
    if connection.dialect.name == "postgresql":
        _merge(connection, incoming)
    else:
        # WHERE true: SQLite reads an upsert's SELECT unambiguously only with a WHERE.
        upsert = sqlite.insert(Rollup).from_select(COLUMNS, select(*incoming.c).where(true()))
        connection.execute(
            upsert.on_conflict_do_update(index_elements=list(KEY), set_={"count": Rollup.count + upsert.excluded.count})
        )
    incoming.drop(connection)


def _merge(connection: Connection, incoming: Table) -> None:
    """An upsert of millions of rows probes the unique index once a row and took longer than drawing the
    forms (over five minutes for 90,000 forms onto 10,000); joined as whole tables, with the index
    built again afterwards, the counts there are added to and the rest inserted in one pass each."""
    unique = _unique()
    connection.exec_driver_sql(f"ANALYZE {incoming.name}")  # so the planner joins rather than loops
    unique.drop(connection)
    table = Rollup.__table__
    same = and_(*(table.c[name] == incoming.c[name] for name in KEY))
    connection.execute(update(table).where(same).values(count=table.c.count + incoming.c.count))
    connection.execute(insert(table).from_select(COLUMNS, select(*incoming.c).where(~exists().where(same))))
    connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{INDEX_MEMORY}'")
    unique.create(connection)


def _unique() -> Index:
    return next(index for index in Rollup.__table__.indexes if index.unique)
