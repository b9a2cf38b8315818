"""Medians of repeated runs, and the SQL statements a piece of work sends to the database."""

import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUDGET_SECONDS = 4.0  # per figure: fewer repeats for slow work, never fewer than MIN_REPEATS
MIN_REPEATS, MAX_REPEATS = 3, 15
# Work slower than this is timed once after its warm-up: at a million forms a dashboard that reads every
# row takes many seconds, its noise is small beside that, and three repeats of each would take the run hours.
SLOW_SECONDS = 2.0


def median_ms(work: Callable[[], Any]) -> float:
    """The median of repeated runs after one warm-up run (which also sets how many to make)."""
    started = time.perf_counter()
    work()
    first = time.perf_counter() - started
    repeats = 1 if first > SLOW_SECONDS else max(MIN_REPEATS, min(MAX_REPEATS, int(BUDGET_SECONDS / max(first, 1e-6))))
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


class Statements:
    """Every statement sent through `engine` while in the `with` block, with its parameters."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sent: list[tuple[str, Any]] = []

    def _record(self, connection, cursor, statement, parameters, context, executemany) -> None:
        self.sent.append((statement, parameters))

    def __enter__(self) -> "Statements":
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)

    @property
    def selects(self) -> list[tuple[str, Any]]:
        return [
            (sql, parameters) for sql, parameters in self.sent if sql.lstrip().upper().startswith(("SELECT", "WITH"))
        ]


def replay_ms(engine: Engine, statements: list[tuple[str, Any]]) -> float:
    """Median time to run `statements` through the database driver alone, reading every row."""
    connection = engine.raw_connection()
    try:

        def run() -> None:
            cursor = connection.cursor()
            for sql, parameters in statements:
                cursor.execute(sql, parameters)
                cursor.fetchall()
            cursor.close()
            connection.rollback()

        return median_ms(run)
    finally:
        connection.close()
