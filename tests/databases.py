"""The databases the tests run on: a migrated, seeded template copied for every test.

SQLite (the default) copies a file. PostgreSQL (TRIGGERFLOW_TEST_DB=postgresql) runs a
throwaway cluster per test session (tests.postgresql).
"""

import itertools
import shutil

import flask_migrate

from config import TestConfig
from tests.postgresql import Cluster
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
            self.admin = psycopg.connect(
                host="127.0.0.1", port=self.cluster.port, user="postgres", dbname="postgres", autocommit=True
            )
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
