"""Private Redis and PostgreSQL servers that a test may stop and restart.

The machine's shared services (PostgreSQL on 5432, Redis on 6379) serve the rest of the suite
and are never touched here: every server below runs on a free port, in its own temporary
directory, and is stopped with the test. A missing binary fails the test with the package to
install (`scripts/system_deps.sh --test` installs them); nothing is skipped."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.asnportal.report_worker_helpers import (  # noqa: F401  (fixtures of the job tests)
    shared_media,
    unit_job,
)
from tests.worker import free_port


def wait_port(port: int, *, up: bool, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    pytest.fail(f"port {port} did not go {'up' if up else 'down'} within {timeout:.0f} s")


class PrivateRedis:
    """A redis-server on a free port with its own data directory. Configured like the
    production image (redis:7 defaults): RDB snapshots, written on a clean shutdown, so a
    restart keeps the queued tasks as it does in production."""

    def __init__(self, directory: Path):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is missing: run scripts/system_deps.sh --test")
        self.binary = binary
        self.dir = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.dir),
                "--dbfilename",
                "dump.rdb",
                "--logfile",
                str(self.dir / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_port(self.port, up=True)

    def stop(self) -> None:
        """SIGTERM: Redis saves its snapshot and exits, as `docker restart` would do."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        wait_port(self.port, up=False)

    def restart(self, *, down_for: float = 0) -> None:
        self.stop()
        time.sleep(down_for)
        self.start()


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    directory = tmp_path / "redis"
    directory.mkdir()
    server = PrivateRedis(directory)
    server.start()
    try:
        yield server
    finally:
        if server.proc is not None and server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait(timeout=10)


def postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]  # the newest installed major version
    which = shutil.which(name)
    if which is None:
        pytest.fail(
            f"PostgreSQL server binary {name!r} is missing (looked in /usr/lib/postgresql/*/bin"
            " and PATH): run scripts/system_deps.sh --test"
        )
    return which


class PrivateCluster:
    """A PostgreSQL cluster made with initdb in a temporary directory, on a free port. The
    server refuses to run as root, so as root it runs as the `postgres` OS user."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.data = directory / "data"
        self.log = directory / "server.log"
        self.port = free_port()
        self.pg_ctl = postgres_bin("pg_ctl")
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(directory, "postgres", "postgres")
        subprocess.run(
            [
                *self.as_user,
                postgres_bin("initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.as_user, self.pg_ctl, "-D", str(self.data), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir}"
            " -c fsync=off -c max_connections=50"
        )
        self._ctl("-l", str(self.log), "-o", options, "-w", "-t", "30", "start")

    def stop(self) -> None:
        """Fast shutdown: open sessions are cut and their transactions rolled back, as on a
        crash of the database host or a restart by the operator."""
        self._ctl("-m", "fast", "-w", "-t", "30", "stop")

    def createdb(self, name: str) -> None:
        subprocess.run(
            [
                postgres_bin("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                name,
            ],
            check=True,
        )


@pytest.fixture
def private_postgres() -> Iterator[PrivateCluster]:
    # Not tmp_path: the postgres user must be able to reach the directory (pytest's tmp
    # directories are private to the user who runs the tests).
    directory = Path(tempfile.mkdtemp(prefix="asn-outage-pg-"))
    directory.chmod(0o755)
    cluster = PrivateCluster(directory)
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            subprocess.run(
                [
                    *cluster.as_user,
                    cluster.pg_ctl,
                    "-D",
                    str(cluster.data),
                    "-m",
                    "immediate",
                    "stop",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=30,
            )
        finally:
            shutil.rmtree(directory, ignore_errors=True)
