"""Slowing guessers down: each account locks after repeated failures, for twice as long each further
time, and a network address with too many failures in a window waits.

Both are counted in the database with single UPDATE or upsert statements, so every worker
process sees the same counts and two failures at once are both counted.
"""

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, literal, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from triggerflow.db import UTCDateTime, db
from triggerflow.models import AddressFailures, User


def is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def count_failure(user: User, now: datetime) -> int | None:
    """Counts one more failure for the account; the minutes it is now locked for, or None."""
    failures = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_sign_ins=User.failed_sign_ins + 1)
        .returning(User.failed_sign_ins)
    ).scalar_one()
    beyond = failures - current_app.config["SIGN_IN_LOCKOUT_AFTER"]
    if beyond < 0:
        return None
    minutes = min(2**beyond, current_app.config["SIGN_IN_LOCKOUT_MAX_MINUTES"])
    user.locked_until = now + timedelta(minutes=minutes)
    return minutes


def reset(user: User) -> None:
    if user.failed_sign_ins or user.locked_until:
        user.failed_sign_ins, user.locked_until = 0, None


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["SIGN_IN_ADDRESS_WINDOW_MINUTES"])


def address_wait(address: str, now: datetime) -> int | None:
    """Minutes this address must wait before trying again, or None if it may try now."""
    row = db.session.get(AddressFailures, address, populate_existing=True)
    if row is None or row.failures < current_app.config["SIGN_IN_ADDRESS_FAILURES"]:
        return None
    remaining = row.window_started_at + _window() - now
    return -(-int(remaining.total_seconds()) // 60) if remaining > timedelta(0) else None


def count_address_failure(address: str, now: datetime) -> None:
    """One more failure from the address, in a fresh window if the last one has passed."""
    insert = postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    stale = AddressFailures.window_started_at <= now - _window()
    statement = insert(AddressFailures).values(address=address, window_started_at=now, failures=1)
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=[AddressFailures.address],
            set_={
                "failures": case((stale, 1), else_=AddressFailures.failures + 1),
                "window_started_at": case((stale, literal(now, UTCDateTime)), else_=AddressFailures.window_started_at),
            },
        )
    )
