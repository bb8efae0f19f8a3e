"""Query counts per page at province scale (issue 15: "query counts stay flat" as the data grows).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_curve_120000 \
        .venv/bin/python tests/perf/bench_queries.py [--runs 3] [--json out.json] [--skip-post]

Needs a `seed_demo --scale lampung [--employees N]` database; refuses any other whose name
does not contain "curve", "bench", "load" or "scale". Every page the load benchmark
(`tests/perf/bench_load.py`: `CAST`, `page_plan`, `resolve_targets`) visits is rendered in this
process through Django's test `Client`, for one login per role (the first of each role in
`CAST`), with the server's production-like settings (`SERVER_ENV`: DEBUG=0, …; ALLOWED_HOSTS
plus "testserver"; no CACHE_URL, so the per-process memory cache, unless BENCH_CACHE_URL names
one). htmx fragments are requested with `HX-Request: true`, with the URL their page names
(the candidate chain), as bench_load does; {emp}/{skp} are the first of bench_load's samples.

Per page and role: one warm-up, then `--runs` measured renders; it reports the HTTP status, the
number of SQL queries (`CaptureQueriesContext`, without the SAVEPOINT statements explained below)
and the median time (session + view + template, no HTTP, no WSGI server).

Nothing is kept: every render runs in its own transaction that is rolled back (the session
made by `force_login`, `last_login`, the session middleware's save). Inside it the views'
`transaction.atomic` blocks become savepoints; those SAVEPOINT/RELEASE statements are left out
of the count (production runs BEGIN/COMMIT instead, which Django does not log). The "ajukan
SKP (POST)" page is measured the same way: bench_load's `prepare_submissions` makes the
pegawai's draft SKP 2026 inside the transaction, the POST submits it, everything is rolled back
(only sequence counters advance); its `on_commit` callbacks (an email) are not run.
`--skip-post` leaves that page out. Not a pytest test.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SAFE_NAMES = ("curve", "bench", "load", "scale")
POST_PAGE = "ajukan SKP (POST)"


def _check_database() -> str:
    """The DATABASE_URL's database name, or exit unless it names a benchmark copy."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a province-scale database (seed_demo --scale lampung).")
    name = dj_database_url.parse(url)["NAME"] or ""
    if not any(word in name for word in SAFE_NAMES):
        sys.exit(f"Refusing to run on {name!r}: its name contains none of {', '.join(SAFE_NAMES)}.")
    return name


# Before bench_load is imported: its module sets these only where unset (setdefault).
DB_NAME = _check_database() if __name__ == "__main__" else ""
os.environ["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL", "")
from tests.perf import bench_load  # noqa: E402

os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"


def first_of_each_role() -> list[tuple[str, str]]:
    """(login, role) for the first login of each role in bench_load's CAST."""
    firsts: dict[str, tuple[str, str]] = {}
    for username, role in bench_load.CAST:
        firsts.setdefault(role, (username, role))
    return list(firsts.values())


def _count(queries: list[dict[str, Any]]) -> tuple[int, int]:
    """(queries, savepoint statements) among the captured ones."""
    savepoints = sum(
        1 for q in queries if re.match(r"\s*(RELEASE |ROLLBACK TO )?SAVEPOINT", q["sql"])
    )
    return len(queries) - savepoints, savepoints


def render(
    client: Any, user: Any, target: Any, page: str, method: str, path: str
) -> tuple[int, int, int, float, bytes]:
    """One request in a transaction that is rolled back: (status, queries, savepoints, ms, body).

    For the POST page the draft SKP 2026 is made first (not counted) and the status is 0 when
    the redirect came but the SKP was not submitted (bench_load's error "SKP not submitted")."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with transaction.atomic():
        if method == "POST":
            bench_load.prepare_submissions({target.username: target})
            path = f"/kinerja/skp/{target.submit_skp_id}/ajukan/"
        client.force_login(user)
        headers = {"HX-Request": "true"} if page.endswith("(htmx)") else {}
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            if method == "POST":
                response = client.post(path, {})
            else:
                response = client.get(path, headers=headers)
            seconds = time.perf_counter() - started
        status = response.status_code
        if status >= 500 and getattr(response, "exc_info", None):
            traceback.print_exception(*response.exc_info, file=sys.stderr)
        if (
            method == "POST"
            and status < 400
            and not bench_load.reset_submission(target.submit_skp_id)
        ):
            status = 0
        body = b"" if response.streaming else response.content
        transaction.set_rollback(True)
    queries, savepoints = _count(captured.captured_queries)
    return status, queries, savepoints, seconds * 1000, body


def measure(
    targets: dict[str, Any], static_url: str, runs: int, skip: set[str]
) -> list[dict[str, Any]]:
    from django.test import Client

    from asnportal.models import User

    rows = []
    for target in targets.values():
        user = User.objects.get(username=target.username)
        client = Client(raise_request_exception=False)
        emp = (target.employee_ids or [0])[0]
        skp = (target.skp_ids or [0])[0]
        chain_url = ""
        for page, method, path in bench_load.page_plan(target, static_url):
            if page in skip:
                continue
            path = path.format(emp=emp, skp=skp)
            if page.startswith("kandidat: rantai") and chain_url:
                path = chain_url  # as the page's hx-get asks: with its top three
            cold = render(client, user, target, page, method, path)  # warm-up
            if page == "kandidat":
                found = bench_load.CHAIN_URL.search(cold[4])
                chain_url = html.unescape(found.group(1).decode()) if found else ""
            results = [render(client, user, target, page, method, path) for _ in range(runs)]
            statuses = sorted({r[0] for r in results})
            counts = sorted({r[1] for r in results})
            rows.append(
                {
                    "page": page,
                    "role": target.role,
                    "login": target.username,
                    "path": path if method == "GET" else "/kinerja/skp/<draft>/ajukan/",
                    "method": method,
                    "status": statuses[0] if len(statuses) == 1 else statuses,
                    "queries": counts[0] if len(counts) == 1 else counts,
                    "p50_ms": round(statistics.median(r[3] for r in results), 1),
                    "max_ms": round(max(r[3] for r in results), 1),
                    "cold_queries": cold[1],
                    "cold_ms": round(cold[3], 1),
                    "savepoints": max(r[2] for r in results),
                }
            )
            print(f"  {target.username:<22} {page:<40} {statuses} {counts}", file=sys.stderr)
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    print("| Page | Role | status | queries | p50 ms |")
    print("|---|---|---:|---:|---:|")
    for r in rows:
        status = r["status"] if isinstance(r["status"], int) else "/".join(map(str, r["status"]))
        queries = (
            r["queries"] if isinstance(r["queries"], int) else "/".join(map(str, r["queries"]))
        )
        print(f"| {r['page']} | {r['role']} | {status} | {queries} | {r['p50_ms']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="measured renders after one warm-up")
    parser.add_argument("--json", help="write the rows (and the data size) here")
    parser.add_argument("--skip", action="append", default=[], help="page name to leave out")
    parser.add_argument("--skip-post", action="store_true", help=f"leave out {POST_PAGE!r}")
    args = parser.parse_args()
    skip = set(args.skip) | ({POST_PAGE} if args.skip_post else set())

    env = {**os.environ, **bench_load.SERVER_ENV, "ALLOWED_HOSTS": os.environ["ALLOWED_HOSTS"]}
    env["CACHE_URL"] = os.environ["CACHE_URL"]
    static_root = Path(tempfile.mkdtemp(prefix="asn-bench-queries-static-"))
    try:
        # DEBUG=0 serves static files through the manifest: without it every page is a 500.
        bench_load._manage(
            "collectstatic", "--noinput", "-v", "0", env={**env, "STATIC_ROOT": str(static_root)}
        )
        os.environ["STATIC_ROOT"] = str(static_root)
        import django

        django.setup()
        from django.conf import settings
        from django.templatetags.static import static

        assert not settings.DEBUG and "testserver" in settings.ALLOWED_HOSTS  # nosec B101
        missing = [u for u, _ in first_of_each_role() if not _user_exists(u)]
        if missing:
            sys.exit(f"Missing logins {missing}: run bench_load.py once on a copy (ensure_cast).")
        bench_load.CAST = first_of_each_role()  # resolve_targets reads the module's CAST
        targets = bench_load.resolve_targets()
        size = bench_load.data_size()
        load_before = os.getloadavg()
        started = time.monotonic()
        rows = measure(targets, static("css/portal.css"), args.runs, skip)
        elapsed = time.monotonic() - started
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    print(f"database {DB_NAME}: " + ", ".join(f"{k} {v:,}" for k, v in size.items()))
    print(
        f"{args.runs} runs after one warm-up per page, in-process test Client, {elapsed:.0f} s; "
        f"load average before {load_before[0]:.2f} / {load_before[1]:.2f} / {load_before[2]:.2f}, "
        f"after {load_after[0]:.2f} / {load_after[1]:.2f} / {load_after[2]:.2f}\n"
    )
    print_table(rows)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "database": DB_NAME,
                    "args": vars(args),
                    "data": size,
                    "load_before": load_before,
                    "load_after": load_after,
                    "rows": rows,
                },
                indent=2,
            )
        )


def _user_exists(username: str) -> bool:
    from asnportal.models import User

    return User.objects.filter(username=username).exists()


if __name__ == "__main__":
    main()
