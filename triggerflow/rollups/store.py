"""Writing the rollups: `record` in the transaction of each move, `rebuild` from the events.

`record` works out the form's share again from its own rows (a few dozen at most) and adds the
difference from the share it last recorded, with an upsert, so concurrent moves of other forms
add to the same rows without losing a count. Rows that fall to nothing are removed, so a measure
never lists a force or an assessor with no figures.
"""

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from sqlalchemy import Connection, delete, inspect, select, true
from sqlalchemy.dialects import postgresql, sqlite

from triggerflow.bulk import bulk_insert
from triggerflow.db import db
from triggerflow.models import FormEvent, FormStay, ReturnedItem, Rollup, RollupShare, TriggerForm
from triggerflow.rollups.shares import ASSESSOR_ACTIONS, STAY_COLUMNS, Key, from_json, share, to_json

BATCH = 1_000
KEY = ("figure", "force_id", "day", "sent", "actor_id", "label", "number", "theme", "threat_type", "claimed_by")
_ROWS = {
    "events": (FormEvent, (FormEvent.action, FormEvent.at, FormEvent.actor_id), FormEvent.action.in_(ASSESSOR_ACTIONS)),
    "stays": (FormStay, tuple(getattr(FormStay, name) for name in STAY_COLUMNS), None),
    "reasons": (ReturnedItem, (ReturnedItem.returned_at, ReturnedItem.reason_code), None),
}


def record(form: TriggerForm) -> None:
    """Bring the rollups up to date with the form's move, in the caller's transaction."""
    rows = {
        name: [tuple(row[1:]) for row in db.session.execute(_select(name, model.form_id == form.id))]
        for name, (model, _, _) in _ROWS.items()
    }
    new = share(form, **rows)
    kept = db.session.get(RollupShare, form.id)
    old = from_json(kept.rows if kept else None)
    _add(db.session.connection(), {key: new[key] - old[key] for key in new.keys() | old.keys() if new[key] != old[key]})
    if kept is None:
        if new:
            db.session.add(RollupShare(form_id=form.id, rows=to_json(new)))
    else:
        kept.rows = to_json(new)


def refile(form: TriggerForm) -> None:
    """After an edit between moves, in its transaction: a form whose theme or threat type changed takes
    its counts with it, as a measure narrowed by them reads the form's theme and type now."""
    changed = inspect(form).attrs
    if changed.primary_theme.history.has_changes() or changed.threat_type.history.has_changes():
        record(form)


def _select(name: str, condition):
    model, columns, wanted = _ROWS[name]
    return select(model.form_id, *columns).where(condition, *([wanted] if wanted is not None else []))


def _add(connection: Connection, changes: dict[Key, int]) -> None:
    if not changes:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    # In key order, so two moves adding to the same rows take their locks in the same order.
    values = [dict(zip(KEY, key), count=n) for key, n in sorted(changes.items())]
    upsert = dialect.insert(Rollup).values(values)
    connection.execute(
        upsert.on_conflict_do_update(index_elements=list(KEY), set_={"count": Rollup.count + upsert.excluded.count})
    )
    fallen = [key for key, n in changes.items() if n < 0]
    if fallen:
        connection.execute(
            delete(Rollup).where(
                Rollup.count == 0,
                Rollup.figure.in_({k[0] for k in fallen}),
                Rollup.day.in_({k[2] for k in fallen}),
                Rollup.force_id.in_({k[1] for k in fallen}),
            )
        )


def rebuild(connection: Connection) -> int:
    """Replace every rollup with what the events, stays and returned items give now; how many rows."""
    connection.execute(delete(Rollup))
    connection.execute(delete(RollupShare))
    streaming = {"stream_results": True, "yield_per": BATCH}  # for these reads only, not the inserts
    forms = connection.execute(
        select(
            TriggerForm.id,
            TriggerForm.force_id,
            TriggerForm.state,
            TriggerForm.first_submitted_at,
            TriggerForm.primary_theme,
            TriggerForm.threat_type,
        ).order_by(TriggerForm.id),
        execution_options=streaming,
    )
    # Each table read once in form order, alongside the forms: one pass, whatever the size.
    streams = {
        name: _by_form(
            connection.execute(_select(name, true()).order_by(_ROWS[name][0].form_id), execution_options=streaming)
        )
        for name in _ROWS
    }
    heads = {name: next(stream, None) for name, stream in streams.items()}
    totals: Counter[Key] = Counter()
    shares = []
    for form in forms:
        counts = share(form, **{name: _rows_of(form.id, name, streams, heads) for name in streams})
        totals.update(counts)
        if counts:  # a draft never moved has none
            shares.append({"form_id": form.id, "rows": to_json(counts)})
        if len(shares) == BATCH:
            bulk_insert(connection, RollupShare.__table__, shares)
            shares = []
    bulk_insert(connection, RollupShare.__table__, shares)
    rows = [dict(zip(KEY, key), count=n) for key, n in totals.items() if n]
    bulk_insert(connection, Rollup.__table__, rows)
    return len(rows)


def _rows_of(form_id: int, name: str, streams: dict, heads: dict) -> list[tuple]:
    """The form's rows from one stream, moving its head on past them."""
    while heads[name] is not None and heads[name][0] < form_id:
        heads[name] = next(streams[name], None)  # rows of a form no longer there
    if heads[name] is None or heads[name][0] != form_id:
        return []
    found, heads[name] = heads[name][1], next(streams[name], None)
    return found


def _by_form(rows) -> Iterator[tuple[int, list[tuple]]]:
    """(form_id, its rows without the id), for rows in form order."""
    for form_id, group in groupby(rows, key=lambda row: row[0]):
        yield form_id, [tuple(row[1:]) for row in group]
