"""On the database under test (SQLite, or PostgreSQL with TRIGGERFLOW_TEST_DB=postgresql) the
migrations build exactly what the models describe, and go down and up again cleanly."""

import flask_migrate
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from triggerflow.db import db
from triggerflow.search.index import include_name


def _schema_differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name, "compare_server_default": True}
        )
        return compare_metadata(context, db.metadata)


def test_the_migrated_schema_matches_the_models(ctx):
    assert _schema_differences() == []


def test_the_migrations_go_down_to_nothing_and_up_again(ctx):
    flask_migrate.downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    flask_migrate.upgrade()
    assert "trigger_forms" in inspect(db.engine).get_table_names()
    assert _schema_differences() == []
