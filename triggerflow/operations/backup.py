"""Backing up and restoring the whole database, while the service runs.

SQLite goes through its online backup API, page by page from a consistent snapshot, so the
app may keep serving during either. PostgreSQL goes through pg_dump and pg_restore in their
custom format (docs/operations.md); the password travels in PGPASSWORD, never on a command line.
"""

import os
import shutil
import sqlite3
import subprocess  # nosec B404 - runs pg_dump and pg_restore only, with argument lists, no shell
from pathlib import Path

from sqlalchemy.engine import URL

from triggerflow.db import db


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def backup(path: Path) -> None:
    if path.exists():
        raise BackupError(f"{path} already exists: name a new file, so no earlier backup is overwritten")
    if _backend() == "sqlite":
        target = sqlite3.connect(path)
        try:
            with db.engine.connect() as connection:
                connection.connection.driver_connection.backup(target)
        finally:
            target.close()
    else:
        _run("pg_dump", "--format=custom", f"--file={path}")


def restore(path: Path) -> None:
    """Replace the database's contents with the backup's."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    db.session.remove()
    db.engine.dispose()  # this process's connections must not hold the tables the restore replaces
    if _backend() != "sqlite":
        _run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", str(path))
        return
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_is_ours(source)
        with db.engine.connect() as connection:
            source.backup(connection.connection.driver_connection)
    finally:
        source.close()


def _check_is_ours(source: sqlite3.Connection) -> None:
    try:
        found = source.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        found = None
    if found is None:
        raise BackupError("That file is not a TriggerFlow backup: it has no schema revision")


def _backend() -> str:
    return db.engine.url.get_backend_name()


def _run(program: str, *arguments: str) -> None:
    url: URL = db.engine.url
    executable = shutil.which(program, path=os.environ.get("PG_BIN"))  # PATH when PG_BIN is unset
    if executable is None:
        raise BackupError(f"{program} was not found: install the PostgreSQL client or set PG_BIN")
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ, **({"PGPASSWORD": url.password} if url.password else {})}
    result = subprocess.run(
        [executable, *arguments, f"--dbname={conninfo}"],  # nosec B603 - no shell; our arguments
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
