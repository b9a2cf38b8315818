"""Portable SQL pieces the measures share: the same expression on SQLite and PostgreSQL."""
from sqlalchemy import Float, String, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Subquery

SECONDS_PER_DAY = 86400.0


class days_between(FunctionElement):
    """Days (with fractions) from the first timestamp to the second."""

    type = Float()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_sqlite(element, compiler, **kw):
    start, end = list(element.clauses)
    return f"(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    start, end = list(element.clauses)
    return (f"(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"
            f" / {SECONDS_PER_DAY})")


class year_month(FunctionElement):
    """'YYYY-MM' of a timestamp (stored in UTC)."""

    type = String()
    inherit_cache = True
    name = "year_month"


@compiles(year_month)
def _year_month_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """COUNT of the rows meeting `condition`, as an aggregate."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def percent(part: ColumnElement, whole: ColumnElement) -> ColumnElement[float]:
    """part / whole as a percentage; NULL when whole is 0 (a rate of nothing is not 0 %)."""
    return case((whole > 0, part * 100.0 / whole), else_=None)


def percentiles(source: Subquery, groups: list[str], value: str) -> Select:
    """n, median and 90th percentile of `value` per group, by the nearest-rank method.

    ROW_NUMBER and COUNT over the group rank each value; the median is the value ranked
    ceil(n / 2) and the 90th percentile the one ranked ceil(9n / 10). Integer division on
    both backends, so no PERCENTILE_CONT (PostgreSQL only) is needed.
    """
    partition = [source.c[g] for g in groups]
    ranked = select(
        *partition,
        source.c[value].label("v"),
        func.row_number().over(partition_by=partition or None, order_by=source.c[value]).label("rn"),
        func.count().over(partition_by=partition or None).label("n"),
    ).where(source.c[value].is_not(None)).subquery()
    keys = [ranked.c[g] for g in groups]
    return select(
        *keys,
        func.max(ranked.c.n).label("n"),
        func.max(case((ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.v))).label("median"),
        func.max(case((ranked.c.rn == (ranked.c.n * 9 + 9) // 10, ranked.c.v))).label("p90"),
    ).group_by(*keys)
