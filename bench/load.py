"""Throughput under gunicorn (2 workers) with wrk on loopback, each page as a share of a bare Flask
hello-world served by the same server (bench.wsgi).

gunicorn runs with the production settings (gunicorn.conf.py) but for its two workers, which
are never replaced mid-run (a worker restarting costs the fastest route the most).

The targets take turns, several rounds, and each is the median of its rounds: wrk shares the
two cores with the server, so only ratios within one run mean anything.
"""

import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.postgresql import free_port

ROOT = Path(__file__).resolve().parent.parent
HELLO_MOUNT = "/bench/hello"  # where bench.wsgi mounts the bare hello-world
HELLO_PATH = HELLO_MOUNT + "/"
WORKERS = 2
ROUNDS = 3
SECONDS = 4
_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")


def throughput(url: str, secret_key: str, cookie: str, paths: dict[str, str]) -> dict[str, float]:
    """Requests a second for each named path, and for "hello-world"."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--max-requests",
            "0",
            "bench.wsgi:app",
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_DATABASE_URL": url, "BENCH_SECRET_KEY": secret_key},
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + HELLO_PATH, server)
        targets = {"hello-world": HELLO_PATH, **paths}
        rates: dict[str, list[float]] = {name: [] for name in targets}
        for _ in range(ROUNDS):
            for name, path in targets.items():
                rates[name].append(_wrk(base + path, cookie))
        return {name: statistics.median(found) for name, found in rates.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds} s")


def _wrk(url: str, cookie: str) -> float:
    result = subprocess.run(
        ["wrk", "-t2", "-c20", f"-d{SECONDS}s", "-H", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx" in result.stdout:
        raise RuntimeError(f"{url} answered errors under load:\n{result.stdout}")
    return float(_RATE.search(result.stdout).group(1))
