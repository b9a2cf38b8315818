"""`flask backup` and `flask restore` on the database under test: SQLite through its online
backup API, PostgreSQL through pg_dump and pg_restore on the throwaway cluster."""

import pytest
from sqlalchemy import select, text

from tests import factories
from triggerflow.db import db
from triggerflow.models import TriggerForm


def flask(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def numbers() -> set[str]:
    return set(db.session.scalars(select(TriggerForm.number)))


def test_a_restore_puts_back_the_database_as_it_was_at_the_backup(app, people, tmp_path):
    kept = factories.submitted(people.officer, people.spoc)
    with db.engine.connect() as busy:  # the service is running: a connection is open and has read
        busy.execute(text("SELECT count(*) FROM trigger_forms"))
        backed_up = flask(app, "backup", str(tmp_path / "triggerflow.backup"))
    later = factories.draft(people.officer)

    restored = flask(app, "restore", "--yes", str(tmp_path / "triggerflow.backup"))

    assert backed_up.exit_code == 0 and "Backed up the database to" in backed_up.output
    assert restored.exit_code == 0, restored.output
    assert kept.number in numbers() and later.number not in numbers()
    assert flask(app, "verify-audit").exit_code == 0
    if db.engine.dialect.name == "postgresql":  # the append-only trigger came back with the tables
        with pytest.raises(Exception, match="append-only"), db.engine.begin() as connection:
            connection.execute(text("DELETE FROM form_events"))


def test_a_backup_never_overwrites_an_earlier_one(app, tmp_path):
    earlier = tmp_path / "monday.backup"
    earlier.write_bytes(b"Monday's backup")

    result = flask(app, "backup", str(earlier))

    assert result.exit_code == 1 and "already exists" in result.output
    assert earlier.read_bytes() == b"Monday's backup"


def test_a_restore_asks_first_and_refuses_a_file_that_is_not_a_backup(app, people, tmp_path):
    form = factories.draft(people.officer)
    stranger = tmp_path / "notes.txt"
    stranger.write_text("Not a database.")

    declined = app.test_cli_runner().invoke(args=["restore", str(stranger)], input="n\n")
    refused = flask(app, "restore", "--yes", str(stranger))

    assert declined.exit_code == 1 and "Replace everything in the database" in declined.output
    assert refused.exit_code == 1
    assert "not a TriggerFlow backup" in refused.output or "pg_restore failed" in refused.output
    assert form.number in numbers()
