"""The whole form history as CSV (the longest list: every event of every form), downloaded in a
process of its own: its peak memory and how soon it streams.

`python -m bench.export URL SECRET_KEY COOKIE` prints one JSON line; `measure_export` runs it.
The caller signs in and passes the session cookie: hashing a password (Argon2id, 64 MiB)
would otherwise set the process's peak memory before the download began.
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/downloads/download?kind=events"


@dataclass(frozen=True)
class Export:
    rows: int
    first_byte_ms: float
    first_row_ms: float
    seconds: float
    peak_mib: float  # the whole process at its largest: Python, the app and the download
    before_mib: float  # the process before the download started


def measure_export(url: str, secret_key: str, cookie: str) -> Export:
    result = subprocess.run(
        [sys.executable, "-m", "bench.export", url, secret_key, cookie],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    return Export(**json.loads(result.stdout.strip().splitlines()[-1]))


def _peak_mib() -> float:
    # The high-water mark of this process's own memory. Not getrusage's ru_maxrss: Linux carries
    # that across exec, so it would report the benchmark runner's peak (its data generation).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(url: str, secret_key: str, cookie: str) -> None:
    from bench.config import bench_config
    from triggerflow import create_app

    app = create_app(bench_config(url, secret_key))
    client = app.test_client()
    client.set_cookie(*cookie.split("=", 1))
    before = _peak_mib()
    started = time.perf_counter()
    response = client.get(PATH, buffered=False)
    first_byte = first_row = None
    lines = 0
    for chunk in response.iter_encoded():
        now = (time.perf_counter() - started) * 1000
        first_byte = first_byte if first_byte is not None else now
        lines += chunk.count(b"\n")
        if first_row is None and lines > 2:  # past the security marking and the headings
            first_row = now
    response.close()
    print(
        json.dumps(
            {
                "rows": lines - 2,
                "first_byte_ms": first_byte,
                "first_row_ms": first_row,
                "seconds": time.perf_counter() - started,
                "peak_mib": _peak_mib(),
                "before_mib": before,
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
