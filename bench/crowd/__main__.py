"""`python -m bench.crowd [--people 50] [--minutes 5]`: the load test, written into docs/performance.md.

It starts a throwaway PostgreSQL, prepares the cast there, serves the app with `make serve` (gunicorn,
production settings), runs locust headless against it, and then replays every form's events.
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.config import bench_config
from bench.crowd import cast, verdict
from bench.load import wait_for
from bench.run import database
from tests.postgresql import free_port
from triggerflow import create_app
from triggerflow.db import utcnow

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.crowd", description=__doc__)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument(
        "--background-forms",
        type=int,
        default=10_000,
        help="synthetic forms with full histories before the people arrive",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args()
    casting = cast.Casting(
        args.people, drafts_each=int(args.minutes * 6) + 5, sent_each=5, background_forms=args.background_forms
    )
    with database("postgresql") as url, tempfile.TemporaryDirectory(prefix="triggerflow-load-") as work:
        secret_key = secrets.token_hex(32)
        environment = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secret_key, "TRIGGERFLOW_ENV": "production"}
        print(f"Preparing {args.people} people and {args.background_forms:,} forms of history", flush=True)
        app = create_app(bench_config(url, secret_key))  # the production settings, to prepare the cast
        cast_file = Path(work) / "cast.json"
        cast_file.write_text(json.dumps(cast.prepare(app, casting)), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            start_new_session=True,
            env={**environment, "PORT": str(port), "ACCESS_LOG": ""},
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", server)
            started, since = time.monotonic(), utcnow()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    str(Path(__file__).with_name("people.py")),
                    "--headless",
                    "--users",
                    str(sum(len(p) for p in json.loads(cast_file.read_text())["people"].values())),
                    "--spawn-rate",
                    "5",
                    "--run-time",
                    f"{int(args.minutes * 60)}s",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--csv",
                    str(Path(work) / "load"),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                env={**environment, "LOAD_CAST": str(cast_file)},
                check=False,
            )
            seconds = time.monotonic() - started
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=60)
        found = verdict.read(Path(work) / "load", app, args.people, seconds, since)
    verdict.write(found, args.output)
    print(verdict.summary(found))


if __name__ == "__main__":
    main()
