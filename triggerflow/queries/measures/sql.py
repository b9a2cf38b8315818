"""Portable SQL pieces the measures share: the same expression on SQLite and PostgreSQL."""

from collections.abc import Callable

from sqlalchemy import Float, Integer, String, case, cast, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Subquery
from sqlalchemy.types import TypeEngine

SECONDS_PER_DAY = 86400.0


def portable_function(
    name: str, type_: TypeEngine, sqlite: Callable[..., str], postgresql: Callable[..., str]
) -> type[FunctionElement]:
    """A SQL function spelt `sqlite(*arguments)` on SQLite and `postgresql(*arguments)` on PostgreSQL,
    each given its arguments as compiled SQL text."""

    def spelt(spelling: Callable[..., str]):
        def compile_(element, compiler, **kw):
            return spelling(*(compiler.process(argument, **kw) for argument in element.clauses))

        return compile_

    function = type(name, (FunctionElement,), {"type": type_, "inherit_cache": True, "name": name})
    compiles(function)(spelt(sqlite))
    compiles(function, "postgresql")(spelt(postgresql))
    return function


# Days (with fractions) from the first timestamp to the second.
days_between = portable_function(
    "days_between",
    Float(),
    sqlite=lambda start, end: f"(julianday({end}) - julianday({start}))",
    postgresql=lambda start, end: f"(EXTRACT(EPOCH FROM ({end} - {start})) / {SECONDS_PER_DAY})",
)
# 'YYYY-MM' of a timestamp (stored in UTC).
year_month = portable_function(
    "year_month",
    String(),
    sqlite=lambda moment: f"strftime('%Y-%m', {moment})",
    postgresql=lambda moment: f"to_char({moment}, 'YYYY-MM')",
)


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """COUNT of the rows meeting `condition`, as an aggregate."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def sum_where(condition: ColumnElement[bool], weight: ColumnElement[int]) -> ColumnElement[int]:
    """SUM of `weight` over the rows meeting `condition`, as an aggregate."""
    return func.coalesce(func.sum(case((condition, weight), else_=0)), 0)


def percent(part: ColumnElement, whole: ColumnElement) -> ColumnElement[float]:
    """part / whole as a percentage; NULL when whole is 0 (a rate of nothing is not 0 %)."""
    return case((whole > 0, part * 100.0 / whole), else_=None)


def percentiles(source: Subquery, groups: list[str], value: str, weight: str | None = None) -> Select:
    """n, median and 90th percentile of `value` per group, by the nearest-rank method; each row of
    `source` counts once, or as many times as its `weight` column says.

    The median is the value ranked ceil(n / 2) and the 90th percentile the one ranked
    ceil(9n / 10). The values are counted per group first (working days take few distinct
    values), and a running total over those counts finds the ranks: only the small histogram
    is sorted, not every row. Integer division on both backends, so no PERCENTILE_CONT
    (PostgreSQL only) is needed.
    """
    keys = [source.c[g] for g in groups]
    # NULLs are left out of the small histogram, not the rows: a value computed per row is then
    # computed once, for its group, however the database inlines `source`.
    times = func.sum(source.c[weight]) if weight else func.count()
    counted = select(*keys, source.c[value].label("v"), times.label("c")).group_by(*keys, source.c[value]).subquery()
    partition = [counted.c[g] for g in groups] or None
    running = (
        select(
            *(counted.c[g] for g in groups),
            counted.c.v,
            # Cast: PostgreSQL's SUM of counts is NUMERIC, whose division would not be integer division.
            cast(
                func.sum(counted.c.c).over(partition_by=partition, order_by=counted.c.v, rows=(None, 0)), Integer
            ).label("upto"),
            cast(func.sum(counted.c.c).over(partition_by=partition), Integer).label("n"),
        )
        .where(counted.c.v.is_not(None))
        .subquery()
    )
    ranks = [running.c[g] for g in groups]
    return select(
        *ranks,
        func.max(running.c.n).label("n"),
        func.min(case((running.c.upto >= (running.c.n + 1) // 2, running.c.v))).label("median"),
        func.min(case((running.c.upto >= (running.c.n * 9 + 9) // 10, running.c.v))).label("p90"),
    ).group_by(*ranks)
