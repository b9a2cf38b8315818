"""The review, routing and administration revision applies to a database already holding people and forms."""

import flask_migrate
from sqlalchemy import text

from tests.databases import app_for
from triggerflow.db import db

BEFORE = "3366d02a8cf9"  # the revision before 0003_review_routing_administration
REVISION = "7b4d2e9a1c30"  # 0003_review_routing_administration


def test_existing_users_get_session_version_0_without_breaking_what_points_at_them(tmp_path):
    app = app_for(f"sqlite:///{tmp_path / 'populated.db'}")
    with app.app_context():
        flask_migrate.upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO regions (id, code, name) VALUES (1, 'SW', 'South West')"))
            connection.execute(
                text(
                    "INSERT INTO forces (id, code, name, region_id, spoc_gate) VALUES (1, 'DOR', 'Dorset Police', 1, 1)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO users (id, email, name, password_hash, role, force_id, region_id, "
                    "active, created_at) VALUES (1, 'o@x.uk', 'O', 'h', 'officer', 1, 1, 1, "
                    "'2026-01-01 00:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO api_tokens (user_id, name, prefix, token_hash, issued_via, "
                    "created_at, expires_at) VALUES (1, 't', 'p', 'h', 'web', '2026-01-01 00:00:00', "
                    "'2027-01-01 00:00:00')"
                )
            )
        flask_migrate.upgrade(revision=REVISION)
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT session_version FROM users")).scalar_one() == 0
            assert connection.execute(text("SELECT count(*) FROM api_tokens")).scalar_one() == 1
        # The sessions revision replaces session_version with the user_sessions table; the people stay.
        flask_migrate.upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(
                text("SELECT email, failed_sign_ins, two_factor_enrolled_at FROM users")
            ).one() == ("o@x.uk", 0, None)
            assert connection.execute(text("SELECT count(*) FROM api_tokens")).scalar_one() == 1
        db.engine.dispose()
