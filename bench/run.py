"""One benchmark run: each backend, each size in turn on the same growing database."""

import secrets
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import text

from bench import dataset, storage
from bench.client import cookie_header, signed_in
from bench.config import bench_config
from bench.export import Export, measure_export
from bench.load import throughput
from bench.pages import LISTS, MEASURES, Timing, dashboards, time_pages
from tests.postgresql import Cluster
from triggerflow import create_app
from triggerflow.db import db
from triggerflow.synthetic.generator import Summary

SEED = 1
# Room for a national dashboard's sorts and hashes, as a production server would be given.
POSTGRESQL_SETTINGS = {"shared_buffers": "1GB", "work_mem": "64MB", "effective_cache_size": "8GB"}
# What wrk loads: the form page and the assessor's queue, both as the assessor.
LOADED = {"Form page": "/forms/{form}", "Assessor queue": "/"}


@dataclass(frozen=True)
class SizeResult:
    backend: str
    size: int
    generated: Summary | None
    lists: list[Timing]
    dashboards: list[Timing]
    measures: list[Timing]
    throughput: dict[str, float]
    export: Export
    storage: dict[str, float]  # bytes a form, by what they are spent on


@dataclass
class Run:
    sizes: list[int]
    backends: list[str]
    sqlite_up_to: int | None = None  # larger sizes are measured on PostgreSQL alone
    versions: dict[str, str] = field(default_factory=dict)
    results: list[SizeResult] = field(default_factory=list)

    def sizes_on(self, backend: str) -> list[int]:
        if backend != "sqlite" or self.sqlite_up_to is None:
            return self.sizes
        return [size for size in self.sizes if size <= self.sqlite_up_to]

    def measured(self, backend: str) -> list[int]:
        return [result.size for result in self.results if result.backend == backend]

    def so_far(self) -> "Run":
        """The sizes and databases measured until now, for a report written while the run goes on."""
        backends = [backend for backend in self.backends if self.measured(backend)]
        sizes = sorted({result.size for result in self.results})
        return Run(sizes, backends, self.sqlite_up_to, self.versions, self.results)


def run(
    sizes: list[int], backends: list[str], progress=print, sqlite_up_to: int | None = None, measured=lambda run: None
) -> Run:
    """Every size on every database; `measured` is called with the run after each size, so a long run
    leaves its figures so far behind if it is stopped."""
    found = Run(sorted(sizes), backends, sqlite_up_to)
    for backend in backends:
        with database(backend) as url:
            secret_key = secrets.token_hex(32)
            app = create_app(bench_config(url, secret_key))
            dataset.prepare(app)
            found.versions[backend] = _version(app)
            for size in found.sizes_on(backend):
                progress(f"{backend}: {size:,} forms")
                found.results.append(_measure(app, url, secret_key, backend, size, progress))
                measured(found)
    return found


def _measure(app, url: str, secret_key: str, backend: str, size: int, progress) -> SizeResult:
    generated = dataset.grow(app, size, SEED, date.today())
    people = dataset.people(app)
    progress("  pages")
    lists = time_pages(app, people, LISTS)
    pages = time_pages(app, people, dashboards(app))
    progress("  dashboard measures against their SQL")
    measures = time_pages(app, people, MEASURES, raw_sql=True)
    progress("  throughput under gunicorn")
    cookie = cookie_header(app, signed_in(app, people.assessor))
    rates = throughput(url, secret_key, cookie, {name: path.format(form=people.form) for name, path in LOADED.items()})
    progress("  CSV export")
    export = measure_export(url, secret_key, cookie_header(app, signed_in(app, people.admin)))
    return SizeResult(backend, size, generated, lists, pages, measures, rates, export, storage.per_form(app))


@contextmanager
def database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="triggerflow-bench-") as directory:
            yield f"sqlite:///{Path(directory) / 'bench.db'}"
        return
    cluster = Cluster(POSTGRESQL_SETTINGS).start()
    try:
        with _admin(cluster) as admin:
            admin.execute("CREATE DATABASE bench")
        yield cluster.url("bench")
    finally:
        cluster.stop()


@contextmanager
def _admin(cluster: Cluster):
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=cluster.port, user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        yield connection


def _version(app) -> str:
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            found = f"SQLite {sqlite3.sqlite_version}"
        else:
            found = "PostgreSQL " + db.session.scalar(text("SHOW server_version")).split()[0]
        db.engine.dispose()
    return found
