"""Form numbers: <FORCE CODE>-<YYYY>-<NNNN>, allocated atomically per force and year."""

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from triggerflow.db import db
from triggerflow.models import Force, FormNumberCounter


def next_form_number(force: Force, year: int) -> str:
    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    db.session.execute(
        insert(FormNumberCounter).values(force_id=force.id, year=year, last_number=0).on_conflict_do_nothing()
    )
    # One UPDATE ... RETURNING: concurrent requests each get their own number.
    number = db.session.execute(
        update(FormNumberCounter)
        .where(FormNumberCounter.force_id == force.id, FormNumberCounter.year == year)
        .values(last_number=FormNumberCounter.last_number + 1)
        .returning(FormNumberCounter.last_number)
    ).scalar_one()
    return f"{force.code}-{year}-{number:04d}"
