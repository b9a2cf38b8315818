"""The API's rate limit holds across app servers: each counts in the one database they share."""

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from triggerflow.accounts import tokens
from triggerflow.db import db, utcnow
from triggerflow.models import RateLimitCounter

ROOT = Path(__file__).resolve().parents[2]
RATE = "4 per minute"


def _me(client, secret: str) -> int:
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code


def _another_server(app, secret: str, calls: int) -> list[int]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.api.another_server",
            app.config["SQLALCHEMY_DATABASE_URI"],
            secret,
            RATE,
            str(calls),
            utcnow().isoformat(),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [int(line) for line in result.stdout.split()]


def test_two_app_servers_on_one_database_count_a_token_against_one_limit(app, ctx, people):
    app.config["API_RATE_LIMIT"] = RATE
    secret = tokens.issue(people.officer, "Records system").secret
    here = app.test_client()
    assert [_me(here, secret) for _ in range(2)] == [200, 200]
    assert _another_server(app, secret, calls=3) == [200, 200, 429]
    assert _me(here, secret) == 429


def test_the_count_is_kept_in_the_database(app, ctx, people):
    app.config["API_RATE_LIMIT"] = RATE
    secret = tokens.issue(people.officer, "Records system").secret
    for _ in range(3):
        _me(app.test_client(), secret)
    assert db.session.scalars(select(RateLimitCounter.count)).all() == [3]
