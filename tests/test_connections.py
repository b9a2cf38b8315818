"""What every new database connection is set up with (triggerflow.db)."""

from sqlalchemy import text

from triggerflow.db import db

SETTING = {"sqlite": ("PRAGMA foreign_keys", 1), "postgresql": ("SHOW jit", "off")}


def test_each_connection_keeps_its_setting_after_a_transaction_is_rolled_back(app):
    """A setting made inside the connection's first transaction would be undone by its rollback."""
    with app.app_context():
        db.engine.dispose()  # a new connection, set up afresh
        query, expected = SETTING[db.engine.dialect.name]
        with db.engine.connect() as connection:
            connection.rollback()
            assert connection.scalar(text(query)) == expected
