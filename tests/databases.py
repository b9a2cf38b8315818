"""The databases the tests run on: a migrated, seeded template copied for every test.

SQLite (the default) copies a file. PostgreSQL (TRIGGERFLOW_TEST_DB=postgresql) runs a
throwaway cluster per test session: initdb and pg_ctl refuse to run as root, so as root they
run as the `postgres` user; the cluster lives in a temporary directory, listens on a free
local port, trusts local connections, skips fsync, and is stopped with `-m immediate`.
"""
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import flask_migrate

from config import TestConfig
from triggerflow import create_app
from triggerflow.db import db
from triggerflow.reference_data import seed_reference_data


def app_for(url: str):
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = url

    return create_app(Config)


def migrate_and_seed(url: str) -> None:
    """Build the schema the way production does (Alembic), then load regions and forces."""
    app = app_for(url)
    with app.app_context():
        flask_migrate.upgrade()
        seed_reference_data()
        db.engine.dispose()


class SQLiteDatabases:
    def __init__(self, directory) -> None:
        self.template = directory / "template.db"
        migrate_and_seed(f"sqlite:///{self.template}")

    def create(self, tmp_path) -> str:
        path = tmp_path / "triggerflow.db"
        shutil.copy(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        """The file goes with the test's tmp_path."""

    def close(self) -> None:
        """Nothing is running."""


class PostgreSQLDatabases:
    TEMPLATE = "triggerflow_template"

    def __init__(self) -> None:
        import psycopg

        self.cluster = Cluster().start()
        try:
            self.admin = psycopg.connect(host="127.0.0.1", port=self.cluster.port, user="postgres",
                                         dbname="postgres", autocommit=True)
            self.admin.execute(f"CREATE DATABASE {self.TEMPLATE}")
            migrate_and_seed(self.cluster.url(self.TEMPLATE))
        except BaseException:
            self.cluster.stop()  # a failed set-up must not leave a server running
            raise
        self.names = (f"test_{n}" for n in itertools.count(1))

    def create(self, tmp_path) -> str:
        name = next(self.names)
        # FILE_COPY beats PostgreSQL 15's default WAL_LOG for a small template.
        self.admin.execute(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE} STRATEGY FILE_COPY")
        return self.cluster.url(name)

    def drop(self, url: str) -> None:
        self.admin.execute(f"DROP DATABASE {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def close(self) -> None:
        self.admin.close()
        self.cluster.stop()


def _bin_dir() -> Path:
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `apt-get install -y postgresql` or set PG_BIN")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="triggerflow-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        prefix = ("runuser", "-u", "postgres", "--") if self._as_postgres else ()
        result = subprocess.run((*prefix, *command), capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")

    def start(self) -> "Cluster":
        try:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                      "--no-sync", "-E", "UTF8", "--locale", "C")
            self._start_server()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        return self

    def _start_server(self, attempts: int = 3) -> None:
        # The free port may be taken between probing and listening (another worker): try another.
        for attempt in range(attempts):
            options = (f"-k {self.dir} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off")
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "server.log"),
                          "-o", options, "-w", "start")
                return
            except RuntimeError:
                if attempt == attempts - 1:
                    raise
                self.port = _free_port()

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
