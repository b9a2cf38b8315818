"""`python -m bench --cpu DATABASE_URL [--profile]`: a signed-in page's CPU time a request, beside hello-world's.

Each page is asked for in process through the WSGI call itself, its request built once, and timed on
the process's CPU clock, which other work on a shared machine moves less than the wall clock; it
still moves on a busy one, so the least of several rounds is reported and versions are compared in
runs taken in turn. A bare Flask hello-world is measured in the same rounds, so the
ratio says what share of a server's throughput the page could reach (a server adds the same cost to
both, so under gunicorn the share is a little higher). The people and the form are the demo data's
(`flask load-demo-data`) unless named; the form is the one with the most answers of those sent to the assessor's region.
"""

import cProfile
import gc
import io
import pstats
import secrets
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import Flask
from sqlalchemy import Text, cast, func, select
from werkzeug.test import EnvironBuilder

from bench.client import cookie_header, signed_in
from bench.config import bench_config
from triggerflow import create_app
from triggerflow.db import db
from triggerflow.demo import DEMO_PASSWORD
from triggerflow.models import Force, TriggerForm, User

ASSESSOR = "assessor.southwest@example.police.uk"
OPTIONS = ("who", "password", "form", "requests", "rounds", "profile")  # measure's, as the command line names them
WARM_UP = 20
PROFILE_LINES = 30


@dataclass(frozen=True)
class Figure:
    name: str
    ms: list[float]  # CPU ms a request, one figure a round

    @property
    def least(self) -> float:
        return min(self.ms)

    @property
    def median(self) -> float:
        return statistics.median(self.ms)


def measure(
    url: str,
    *,
    who: str = ASSESSOR,
    password: str = DEMO_PASSWORD,
    form: str | None = None,
    requests: int = 200,
    rounds: int = 5,
    profile: bool = False,
) -> list[Figure]:
    app = create_app(bench_config(url, secrets.token_hex(32)))
    gc.freeze()  # as a worker does once it has loaded the app (gunicorn.conf.py)
    cookie = cookie_header(app, signed_in(app, who, password))
    number = form or _fullest_form(app, who)
    calls = {
        "hello-world": _caller(hello_world(), "/", ""),
        "Assessor's home": _caller(app, "/", cookie),
        f"Form page ({number})": _caller(app, f"/forms/{number}", cookie),
    }
    for call in calls.values():
        for _ in range(WARM_UP):
            call()
    if profile:
        for name, call in calls.items():
            print(f"\n## {name}\n{_profiled(call, requests)}")
    found: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):  # in turns, so a change in the machine's state touches every figure alike
        for name, call in calls.items():
            found[name].append(_cpu_ms(call, requests))
    return [Figure(name, ms) for name, ms in found.items()]


def report(figures: list[Figure]) -> str:
    hello = figures[0]
    lines = [f"{'':24} {'least ms':>9} {'median ms':>10} {'× hello':>8} {'share':>6}"]
    for figure in figures:
        ratio = figure.least / hello.least
        lines.append(f"{figure.name:24} {figure.least:9.3f} {figure.median:10.3f} {ratio:8.1f} {1 / ratio:6.0%}")
    return "\n".join(lines)


def hello_world() -> Flask:
    app = Flask("hello")
    app.add_url_rule("/", "hello", lambda: "Hello, world")
    return app


def _caller(app: Flask, path: str, cookie: str) -> Callable[[], None]:
    environ = EnvironBuilder(path=path, headers={"Cookie": cookie} if cookie else {}).get_environ()

    def call() -> None:
        status: list[str] = []
        body = app(dict(environ), lambda answer, headers, exc_info=None: status.append(answer))
        _drain(body)
        if not status[0].startswith("200"):
            raise RuntimeError(f"{path} answered {status[0]}")

    return call


def _drain(body: Iterable[bytes]) -> None:
    try:
        for _ in body:
            pass
    finally:
        close = getattr(body, "close", None)
        if close:
            close()


def _cpu_ms(call: Callable[[], None], requests: int) -> float:
    started = time.process_time()
    for _ in range(requests):
        call()
    return (time.process_time() - started) * 1000 / requests


def _profiled(call: Callable[[], None], requests: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    out.write(f"{stats.total_calls / requests:,.0f} function calls a request\n")  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(PROFILE_LINES)
    stats.sort_stats("cumulative").print_stats(PROFILE_LINES)
    return out.getvalue()


def _fullest_form(app: Flask, email: str) -> str:
    with app.app_context():
        region_id = db.session.scalar(select(User.region_id).where(User.email == email))
        in_region = select(Force.id).where(Force.region_id == region_id)
        number = db.session.scalar(
            select(TriggerForm.number)
            .where(TriggerForm.force_id.in_(in_region), TriggerForm.first_submitted_at.is_not(None))
            .order_by(func.length(cast(TriggerForm.answers, Text)).desc(), TriggerForm.id)
            .limit(1)
        )
        db.engine.dispose()
    if number is None:
        raise RuntimeError(f"{email} has no region, or it has no forms: name one with --form")
    return number
