"""CSV streamed from the database in batches: memory stays flat however many rows there are.

The rows are read with yield_per (a server-side cursor on PostgreSQL) and each batch is
written out before the next is fetched. The security marking is the first line.
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from flask import Response, current_app, stream_with_context
from sqlalchemy import Select

from triggerflow.clocks.working_days import local_today
from triggerflow.db import db
from triggerflow.exports import audit
from triggerflow.models import User

BATCH = 500
# A cell starting with one of these could run as a formula in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_response(
    user: User, kind: str, headings: tuple[str, ...], query: Select, filters: dict[str, Any], via: str
) -> Response:
    record_id = audit.started(user, kind, filters, via)
    marking = current_app.config["SECURITY_MARKING"]
    response = Response(stream_with_context(lines(marking, headings, query, record_id)), mimetype="text/csv")
    name = f"triggerflow-{kind}-{local_today():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    response.export_recorded = True
    return response


def lines(marking: str, headings: tuple[str, ...], query: Select, record_id: int | None = None) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([marking])
    writer.writerow(headings)
    yield _drain(buffer)
    count = 0
    for batch in db.session.execute(query.execution_options(yield_per=BATCH)).partitions():
        writer.writerows([_cell(value) for value in row] for row in batch)
        count += len(batch)
        yield _drain(buffer)
    if record_id is not None:
        audit.finished(record_id, count)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _cell(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
