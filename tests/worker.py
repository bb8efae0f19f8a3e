"""Real Redis and real `celery worker` processes for the integration tests.

REDIS_URL (as in CI) is used when set; otherwise a private redis-server starts on a free port.
With neither the tests fail: the worker path is never skipped."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("Neither REDIS_URL nor redis-server is available for the Celery worker test.")
    port = free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


class Worker:
    """One `celery -A asnportal worker` process (its own process group, so it can be killed
    with its pool children as a crash or an OOM kill would)."""

    def __init__(
        self, redis_url: str, queue: str, *, concurrency: int = 1, env: dict | None = None
    ):
        self.queue = queue
        self.name = f"{queue}-{time.monotonic_ns()}@{socket.gethostname()}"
        full_env = dict(
            os.environ,
            REDIS_URL=redis_url,
            CELERY_QUEUE=queue,
            DJANGO_SETTINGS_MODULE="asnportal.settings",
            **(env or {}),
        )
        full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "asnportal",
                "worker",
                "-Q",
                queue,
                f"--concurrency={concurrency}",
                "--loglevel=warning",
                "--without-gossip",
                "--without-mingle",
                "-n",
                self.name,
            ],
            cwd=ROOT,
            env=full_env,
            start_new_session=True,
        )
        self.client = Celery(broker=redis_url, backend=redis_url)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"Celery worker exited with code {self.proc.returncode}")
            if self.client.control.ping(destination=[self.name], timeout=1):
                return
        pytest.fail(f"Celery worker did not answer a ping within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL the worker and its pool: no warm shutdown, no acks, nothing flushed."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def share_media(settings, path) -> None:
    """Point this process's default storage at a directory a worker process also uses
    (the test settings keep files in memory, which another process cannot see)."""
    settings.MEDIA_ROOT = path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(path)},
        },
    }
