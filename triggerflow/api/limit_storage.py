"""Rate-limit counts in the database, so every app server and worker counts against one limit.

A storage for the `limits` library (which flask-limiter counts with) under the URI scheme
`triggerflow+db://`: one row per caller and limit, holding the count of the current fixed
window and when it ends. A hit is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING, atomic
on SQLite and PostgreSQL alike, in its own transaction so it counts even if the request fails.
"""

from datetime import datetime, timedelta
from typing import ClassVar

from limits.storage import Storage
from sqlalchemy import case, delete, func, literal, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from triggerflow.db import UTCDateTime, db, utcnow
from triggerflow.models import RateLimitCounter

SCHEME = "triggerflow+db"
_counters = RateLimitCounter.__table__


class DatabaseStorage(Storage):
    STORAGE_SCHEME: ClassVar[list[str]] = [SCHEME]

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = utcnow()
        ends = literal(now + timedelta(seconds=expiry), UTCDateTime())
        insert = postgresql_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
        statement = insert(_counters).values(key=key, count=amount, expires_at=ends)
        over = _counters.c.expires_at <= literal(now, UTCDateTime())
        statement = statement.on_conflict_do_update(
            index_elements=["key"],
            set_={
                "count": case((over, amount), else_=_counters.c.count + amount),
                "expires_at": case((over, ends), else_=_counters.c.expires_at),
            },
        ).returning(_counters.c.count)
        with db.engine.begin() as connection:
            return connection.scalar(statement)

    def get(self, key: str) -> int:
        with db.engine.connect() as connection:
            return connection.scalar(
                select(func.coalesce(func.max(_counters.c.count), 0)).where(
                    _counters.c.key == key, _counters.c.expires_at > utcnow()
                )
            )

    def get_expiry(self, key: str) -> float:
        with db.engine.connect() as connection:
            ends: datetime | None = connection.scalar(select(_counters.c.expires_at).where(_counters.c.key == key))
        return (ends or utcnow()).timestamp()

    def check(self) -> bool:
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with db.engine.begin() as connection:
            return connection.execute(delete(_counters)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(delete(_counters).where(_counters.c.key == key))
