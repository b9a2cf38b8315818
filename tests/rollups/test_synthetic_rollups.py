"""Synthetic data counts its rollups in memory as it draws the forms: what it writes, into empty
rollups or onto rollups already there, equals what the rebuild works out from the events."""

from datetime import date

from sqlalchemy import select

from triggerflow.db import db
from triggerflow.models import Rollup, RollupShare
from triggerflow.rollups import store
from triggerflow.synthetic import generate


def rollups():
    counts = db.session.execute(select(*(getattr(Rollup, name) for name in store.KEY), Rollup.count)).all()
    shares = db.session.execute(select(RollupShare.form_id, RollupShare.rows)).all()
    return sorted(map(tuple, counts)), sorted(map(tuple, shares))


def rebuilt():
    with db.engine.begin() as connection:
        store.rebuild(connection)
    return rollups()


def test_generated_rollups_equal_those_rebuilt_from_the_events(ctx):
    generate(250, seed=4, until=date(2026, 6, 30))
    loaded = rollups()
    assert len(loaded[0]) > 2000 and len(loaded[1]) > 200
    assert loaded == rebuilt()


def test_rollups_generated_onto_others_add_to_them_as_a_rebuild_would(ctx):
    generate(150, seed=4, until=date(2026, 6, 30))
    generate(150, seed=5, until=date(2026, 6, 30))
    added = rollups()
    assert len(added[1]) > 250
    assert added == rebuilt()
