"""A throwaway PostgreSQL cluster, for the tests and the benchmarks.

initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user; the
cluster lives in a temporary directory, listens on a free local port, trusts local
connections, skips fsync, and is stopped with `-m immediate`. PG_BIN points at other binaries.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin_dir() -> Path:
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `apt-get install -y postgresql` or set PG_BIN")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self, settings: dict[str, str] | None = None) -> None:
        """`settings` are further server settings (`-c name=value`), e.g. memory for a benchmark."""
        self.settings = settings or {}
        self.bin = _bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="triggerflow-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command: str) -> None:
        prefix = ("runuser", "-u", "postgres", "--") if self._as_postgres else ()
        result = subprocess.run((*prefix, *command), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")

    def start(self) -> "Cluster":
        try:
            self._run(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
                "--locale",
                "C",
            )
            self._start_server()
        except BaseException:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        return self

    def _start_server(self, attempts: int = 3) -> None:
        # The free port may be taken between probing and listening (another worker): try another.
        for attempt in range(attempts):
            options = (
                f"-k {self.dir} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off"
            )
            options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
            try:
                self._run(
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.dir / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "start",
                )
                return
            except RuntimeError:
                if attempt == attempts - 1:
                    raise
                self.port = free_port()

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
