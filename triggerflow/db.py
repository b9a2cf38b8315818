"""The declarative base, the request-scoped session, one way to commit, and shared column types."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, Executable, MetaData, Result, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.types import TypeDecorator

from triggerflow.workflow.errors import StaleForm

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Objects stay readable after commit: views redirect straight after, and nothing reads them stale.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


class PkModel(db.Model):
    """A table keyed by a surrogate integer `id`, as most are.

    sort_order keeps `id` the first column, where each table declared it before it was inherited
    from here, so the schema the migrations built is unchanged.
    """

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)


# JSONB on PostgreSQL (indexable, compact); JSON text elsewhere.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def read(statement: Executable, params: dict[str, Any] | None = None) -> Result[Any]:
    """A SELECT's plain rows, run on the session's connection, for reads that need no ORM objects.

    The ORM's work around each statement and row (entities, the identity map) costs more than
    running a short indexed SELECT; the rows here are plain tuples. What the session holds unsaved
    is flushed first, as the ORM would, so the rows agree with it."""
    db.session.flush()
    return db.session.connection().execute(statement, params or {})


def utcnow() -> datetime:
    """Now, in UTC: the one place the app reads the wall clock (today's date is clocks.working_days.local_today).
    tests/test_house_rules.py keeps it so, and the tests move this clock with time-machine."""
    return datetime.now(UTC)


@contextmanager
def transaction() -> Iterator[None]:
    """Commit what the block changes, or roll all of it back if anything goes wrong: the only commit in the app.

    A row saved over a newer version of itself (optimistic locking), or one another request inserted
    first (a unique key), is refused as StaleForm: someone else changed it since the page was read.
    """
    try:
        yield
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        raise StaleForm() from None
    except BaseException:
        db.session.rollback()
        raise


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, returns aware UTC, on every backend alike."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


@event.listens_for(Engine, "connect")
def _set_up_connection(dbapi_connection, connection_record):
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        # SQLite ignores foreign keys unless asked on every connection.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
    elif type(dbapi_connection).__module__.startswith("psycopg"):
        # PostgreSQL compiles a plan whose estimated cost is high enough to machine code first: a national
        # dashboard's at 100,000 forms was, and the compiling was half its time, for a query that reads
        # rows from an index. Set outside a transaction, so that it lasts as long as the connection.
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        cursor = dbapi_connection.cursor()
        cursor.execute("SET jit = off")
        cursor.close()
        dbapi_connection.autocommit = autocommit
