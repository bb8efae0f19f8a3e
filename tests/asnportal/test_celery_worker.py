"""A real Celery worker process against Redis: the production path, not eager mode.

REDIS_URL (as in CI) is used when set; otherwise the test starts a private redis-server on a
free port. With neither available the test fails: the worker path is never skipped."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery import Celery

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.celery_worker


def _free_port() -> int:
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
    port = _free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def celery_worker(redis_url: str) -> Iterator[tuple[Celery, str]]:
    """Start `celery worker` on a private queue; yield a client app and the queue name."""
    queue = f"asn-test-{uuid.uuid4().hex[:8]}"
    env = dict(os.environ, REDIS_URL=redis_url, DJANGO_SETTINGS_MODULE="asnportal.settings")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "asnportal",
            "worker",
            "-Q",
            queue,
            "--concurrency=1",
            "--loglevel=warning",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"{queue}@%h",
        ],
        cwd=ROOT,
        env=env,
    )
    client = Celery(broker=redis_url, backend=redis_url)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                pytest.fail(f"Celery worker exited with code {worker.returncode}")
            if client.control.ping(destination=[f"{queue}@{socket.gethostname()}"], timeout=1):
                break
        else:
            pytest.fail("Celery worker did not answer a ping within 60 s")
        yield client, queue
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_real_worker_runs_a_task_sent_through_redis(celery_worker):
    client, queue = celery_worker
    result = client.send_task("asnportal.ping", queue=queue)
    assert result.get(timeout=30) == "pong"


def test_tasks_are_acknowledged_late_and_requeued_on_worker_loss():
    from asnportal.celery import app

    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit
