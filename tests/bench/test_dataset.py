"""A benchmark database is left as a database in steady state is: with fresh statistics and, on
PostgreSQL, vacuumed, so the measures' index-only scans read no table pages."""

from datetime import date

from sqlalchemy import text

from bench import dataset
from triggerflow.db import db


def test_a_grown_database_has_statistics_and_on_postgresql_every_rollup_page_visible_to_all(app):
    dataset.grow(app, 20, seed=1, until=date(2026, 6, 1))
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            assert db.session.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'rollups'")) > 0
        else:
            pages, visible = db.session.execute(
                text("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'rollups'")
            ).one()
            assert 0 < pages == visible
