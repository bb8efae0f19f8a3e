"""PostgreSQL unreachable for 30 s under load, on a private cluster (tests/outages/conftest.py).

A real gunicorn (two worker processes) and a real Celery worker run against a database made
for this test on the private cluster, a report job is running and three clients keep asking
for pages. Then the cluster is shut down (fast: open sessions cut, their transactions rolled
back) for 30 s and started again. Pinned:
  - while it is down, every page answers the Indonesian 503 page with Retry-After, never a
    500, and /healthz answers 503 naming the database;
  - afterwards the same web and worker processes serve again, nobody restarts them;
  - the report job finishes, and no row or file is half-written (each document once, one
    current verification code each, every stored file referenced and every reference stored).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import requests

from tests.outages.seed_outage import PASSWORD, USERNAME
from tests.worker import ROOT, Worker, free_port

pytestmark = [pytest.mark.slow, pytest.mark.celery_worker]

OUTAGE_SECONDS = 30
N_EMPLOYEES = 5  # plus the kadis: six documents, enough for the outage to land mid-job
PAGES = ["/", "/kinerja/laporan/"]
DB_DOWN_TEXT = "Layanan basis data sedang tidak tersedia"


@dataclass
class Stack:
    base: str
    db_url: str
    job_id: int
    web: subprocess.Popen
    worker: Worker
    media: Path


@dataclass
class Hit:
    started: float
    ended: float
    path: str
    status: int | None
    text: str
    retry_after: str | None


@dataclass
class Load:
    hits: list[Hit] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def children(pid: int) -> set[int]:
    """The processes whose parent is pid (gunicorn's workers), from /proc: no `ps` needed."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid ...": comm may hold spaces, so split after the last ")".
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def wait_for(predicate, timeout: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def query(db_url: str, sql: str, *args) -> list[tuple]:
    with psycopg.connect(db_url, connect_timeout=3) as conn:
        return conn.execute(sql, args).fetchall()


def done_documents(stack: Stack) -> int:
    return query(
        stack.db_url,
        "SELECT count(*) FROM performance_reportdocument WHERE job_id = %s AND state = 'selesai'",
        stack.job_id,
    )[0][0]


def status_of(base: str, path: str, session: requests.Session | None = None) -> int | None:
    try:
        return (session or requests).get(base + path, timeout=10).status_code
    except requests.RequestException:
        return None


@pytest.fixture
def stack(private_postgres, private_redis, tmp_path):
    private_postgres.createdb("asnportal")
    media = tmp_path / "media"
    media.mkdir()
    db_url = private_postgres.url("asnportal")
    server_env = {
        "DATABASE_URL": db_url,
        "MEDIA_ROOT": str(media),
        "PORTAL_BASE_URL": "https://asn.example.go.id",
    }
    env = dict(
        os.environ,
        **server_env,
        DJANGO_SETTINGS_MODULE="tests.outages.server_settings",
        REDIS_URL=private_redis.url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    queue = f"asn-pg-{uuid.uuid4().hex[:8]}"
    # The web server and the worker start while the data is seeded (they need only the tables).
    seeding = subprocess.Popen(
        [sys.executable, "tests/outages/seed_outage.py", str(N_EMPLOYEES)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    web = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "asnportal.wsgi:application",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--timeout=60",
            "--graceful-timeout=5",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=dict(env, CELERY_QUEUE=queue),
        start_new_session=True,
    )
    worker = Worker(private_redis.url, queue, concurrency=2, env=server_env)
    base = f"http://127.0.0.1:{port}"
    try:
        seeded, _ = seeding.communicate(timeout=120)
        assert seeding.returncode == 0, "seeding the private database failed"
        job_id = int(seeded.split()[-1])
        wait_for(lambda: status_of(base, "/healthz") == 200, 60, "gunicorn to serve /healthz")
        worker.wait_ready()
        yield Stack(base, db_url, job_id, web, worker, media)
    finally:
        # The test is over: no graceful shutdown to wait for.
        for pid in (worker.proc.pid, web.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        worker.proc.wait(timeout=10)
        web.wait(timeout=10)
        if seeding.poll() is None:
            seeding.kill()
            seeding.wait(timeout=10)


def login(base: str) -> requests.Session:
    session = requests.Session()
    session.get(base + "/masuk/", timeout=10)
    response = session.post(
        base + "/masuk/",
        data={
            "username": USERNAME,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=30,
    )
    assert response.status_code == 200 and "sessionid" in session.cookies, response.text[:500]
    return session


def keep_asking(base: str, cookies, path: str, load: Load) -> None:
    session = requests.Session()
    if path != "/healthz":  # a load balancer's probe comes without a session
        session.cookies.update(cookies)
    while not load.stop.is_set():
        started = time.monotonic()
        try:
            response = session.get(base + path, timeout=20, allow_redirects=False)
            hit = Hit(
                started,
                time.monotonic(),
                path,
                response.status_code,
                response.text,
                response.headers.get("Retry-After"),
            )
        except requests.RequestException as exc:
            hit = Hit(started, time.monotonic(), path, None, repr(exc), None)
        load.hits.append(hit)
        time.sleep(0.3)


def assert_nothing_half_written(stack: Stack) -> None:
    db, job = stack.db_url, stack.job_id
    states = dict(
        query(
            db,
            "SELECT state, count(*) FROM performance_reportdocument WHERE job_id = %s"
            " GROUP BY state",
            job,
        )
    )
    assert states == {"selesai": N_EMPLOYEES + 1}, states
    # One verification code per document, and it is the current one: no document stored
    # twice, none stored without its code, no code left over from a rolled-back store.
    per_document = query(
        db,
        "SELECT d.id, count(v.id), count(v.id) FILTER (WHERE v.superseded_at IS NULL)"
        " FROM performance_reportdocument d"
        " LEFT JOIN performance_documentverification v ON v.document_id = d.id"
        " WHERE d.job_id = %s GROUP BY d.id",
        job,
    )
    assert all(total == current == 1 for _, total, current in per_document), per_document
    assert query(db, "SELECT count(*) FROM performance_documentverification")[0][0] == len(
        per_document
    )
    # Files: each reference is stored, and each stored file is referenced (a store that the
    # outage rolled back removed the PDF it had written).
    referenced = {
        name
        for (name,) in query(
            db,
            "SELECT file FROM performance_reportdocument WHERE job_id = %s"
            " UNION ALL SELECT recap FROM performance_reportjob WHERE id = %s"
            " UNION ALL SELECT archive FROM performance_reportjob WHERE id = %s",
            job,
            job,
            job,
        )
    }
    on_disk = {str(p.relative_to(stack.media)) for p in stack.media.rglob("*") if p.is_file()}
    assert "" not in referenced
    assert on_disk == referenced


def test_postgres_down_30_s_under_load_503_then_recovery_without_restart(stack, private_postgres):
    began = time.monotonic()
    session = login(stack.base)
    for path in PAGES:
        assert session.get(stack.base + path, timeout=30).status_code == 200
    web_workers = children(stack.web.pid)
    assert len(web_workers) == 2
    celery_pid = stack.worker.proc.pid

    stack.worker.client.send_task(
        "performance.prepare_report_job", args=(stack.job_id, 1), queue=stack.worker.queue
    )
    wait_for(lambda: done_documents(stack) >= 1, 120, "the first document")

    load = Load()
    threads = [
        threading.Thread(target=keep_asking, args=(stack.base, session.cookies, path, load))
        for path in [*PAGES, "/healthz"]
    ]
    for thread in threads:
        thread.start()
    try:
        done_before_stop = done_documents(stack)
        private_postgres.stop()
        down_at = time.monotonic()
        time.sleep(OUTAGE_SECONDS)
        up_from = time.monotonic()
        private_postgres.start()
        back_after = wait_for(
            lambda: status_of(stack.base, "/", session) == 200, 30, "pages to answer again"
        )
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(timeout=30)

    # --- while it was down ---
    assert done_before_stop < N_EMPLOYEES + 1, "the outage must land in the middle of the job"
    during = [h for h in load.hits if h.started >= down_at and h.ended <= up_from]
    pages = [h for h in during if h.path != "/healthz"]
    probes = [h for h in during if h.path == "/healthz"]
    assert len(pages) >= 20 and len(probes) >= 10, (len(pages), len(probes))
    for hit in pages:
        assert hit.status == 503, (hit.path, hit.status, hit.text[:300])
        assert DB_DOWN_TEXT in hit.text
        assert hit.retry_after == "30"
    for hit in probes:
        assert hit.status == 503, (hit.status, hit.text[:300])
        assert '"down": ["database"]' in hit.text
        assert "Basis data (PostgreSQL) tidak dapat dihubungi" in hit.text
    # Never a 500 and never a dropped connection, before, during or after.
    assert not [h for h in load.hits if h.status is None or (h.status >= 500 and h.status != 503)]

    # --- after: the same processes recover by themselves ---
    assert back_after < 10
    for path in PAGES:
        assert session.get(stack.base + path, timeout=30).status_code == 200
    health = requests.get(stack.base + "/healthz", timeout=10)
    assert health.status_code == 200 and health.json()["down"] == []
    assert stack.web.poll() is None and children(stack.web.pid) == web_workers
    assert stack.worker.proc.poll() is None and stack.worker.proc.pid == celery_pid

    job_done_after = wait_for(
        lambda: (
            query(
                stack.db_url, "SELECT state FROM performance_reportjob WHERE id = %s", stack.job_id
            )[0][0]
            == "selesai"
        ),
        120,
        "the report job to finish after the outage",
    )
    assert_nothing_half_written(stack)
    # The outage did cut work in progress: a document whose render had begun (its attempt
    # counted) when the server went down was rendered again afterwards, and still exists once.
    cut = query(
        stack.db_url,
        "SELECT count(*) FROM performance_reportdocument WHERE job_id = %s AND attempts > 1",
        stack.job_id,
    )[0][0]
    assert cut >= 1
    print(
        f"outage {OUTAGE_SECONDS} s; pages back {back_after:.1f} s after the restart; "
        f"{len(pages)} 503 pages, {len(probes)} 503 probes; job done {job_done_after:.0f} s"
        f" later; test body "
        f"{time.monotonic() - began:.0f} s"
    )
