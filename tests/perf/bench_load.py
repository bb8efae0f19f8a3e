"""Load benchmark (issue 7): 20 concurrent users against gunicorn on the province-scale data.

    .venv/bin/python tests/perf/bench_load.py [--users 20] [--duration 90] [--warmup 20] \
        [--workers 4] [--think 1.0] [--skip PAGE] [--json out.json]
    .venv/bin/python tests/perf/bench_load.py --solo 3     # service time, no concurrency

Uses a *copy* of the province-scale database (`seed_demo --scale lampung`, see README
"Data skala provinsi"): DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/asnportal_load;
when that database is missing it is created with `CREATE DATABASE … TEMPLATE asnportal_scale`
(needs no open connection to asnportal_scale). The script migrates the copy (so new indexes are
there), never touches asnportal_scale itself and refuses to run on it.

Then it
1. collects static files into a temporary STATIC_ROOT (WhiteNoise, compressed manifest),
2. starts gunicorn (`asnportal.wsgi`, sync workers) with production-like settings: DEBUG=0,
   a SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT/SESSION_COOKIE_SECURE/
   CSRF_COOKIE_SECURE=0 (plain HTTP on loopback), no REDIS_URL (Celery eager), django-axes on
   (the logins are correct, so it never locks),
3. prepares the SKP-submission scenario: for each simulated pegawai a draft SKP 2026 (made with
   `services.create_skp`) with one utama RHK cascaded from an approved SKP 2026 of their kabid
   (made here too) and one IKI, so "ajukan" passes every check of `services.submit_skp`,
4. runs `--users` threads, each its own cookie session logged in through the real login form
   (CSRF token from the page), looping over a role mix (HR BKD, HR kabupaten/kota, pimpinan,
   penilai, pegawai) with a random pause of 0.5–1.5 × `--think` seconds between pages (htmx
   fragments follow their page at once, with the URL the page names, as a browser does);
   every loop also fetches /healthz (one `SELECT 1`, no session, no template: the baseline
   Django view) and one static file through WhiteNoise,
5. discards the first `--warmup` seconds and reports per page (and role) count, p50, p95, max,
   errors and p50 ÷ p50(/healthz); then removes the SKP 2026 rows it created.

`--solo ROUNDS` runs the 17 distinct logins one after another instead, without pauses: a
warm-up round, then ROUNDS recorded rounds of each loop (what a page costs without queueing).

The home page `/` (issue 11) is reported per role: "home: pegawai", "home: penilai (kepala
bidang)", "home: HR kabupaten/kota", "home: HR provinsi (BKD)", "home: pimpinan kabupaten/kota
(sekda)", "home: pimpinan provinsi (sekda.lampung)". Before the server starts, the script makes
sure every login of the cast exists with what its role needs (`ensure_cast`, idempotent) and
renders each login's home page in-process (`--home-queries RUNS`, default 5): query count and
time, `--verbose` adds its five slowest queries. `--only home` keeps only the home pages (and
the baselines) in the loops; `--template NAME` (or BENCH_TEMPLATE_DB) names the
province-scale database to copy.

An error is a status other than 2xx/3xx, an exception (timeout, refused), a login that did
not stick, or an "ajukan" that left the SKP unsubmitted. Not a pytest test.
"""

from __future__ import annotations

import argparse
import html
import http.client
import http.cookies
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/asnportal_load"
# The province-scale database the copy is made from; `--template NAME` (or BENCH_TEMPLATE_DB)
# names another build of `seed_demo --scale lampung` (e.g. one helper's own).
TEMPLATE_DB = os.environ.get("BENCH_TEMPLATE_DB", "asnportal_scale")
PASSWORD = "Lampung#2026"
SECRET_KEY = "load-benchmark-only-secret-key-not-used-anywhere-else-0123456789abcdef"
SKP_YEAR = 2026

os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ["DJANGO_SETTINGS_MODULE"] = "asnportal.settings"
# The same production-like settings as the server, for the set-up code in this process.
SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": SECRET_KEY,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "LOG_LEVEL": "WARNING",
    # The cache as in production (Redis, shared by the workers; emptied when the server
    # starts); BENCH_CACHE_URL="" keeps the per-process memory cache.
    "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14"),
}
for _key, _value in SERVER_ENV.items():
    os.environ.setdefault(_key, _value)
os.environ.pop("REDIS_URL", None)  # Celery eager: /healthz must not wait for a broker

# The 20 users: (login, role). Several sessions may share one login (HR BKD).
KABS = ["lampungtengah", "bandarlampung", "lampungtimur", "lampungselatan"]
CAST = (
    [("bkd.lampung", "hr_bkd")] * 4
    + [(f"bkpsdm.{kab}", "hr_kab") for kab in KABS]
    + [(f"sekda.{kab}", "pimpinan") for kab in ["lampung", "lampungtengah", "bandarlampung"]]
    + [(f"kabid.{kab}", "penilai") for kab in ["lampung", *KABS[:3]]]
    + [(f"pegawai.{kab}", "pegawai") for kab in ["lampung", *KABS]]
)

# The home page `/` (issue 11) as each role sees it: one page name per role (and scope), so
# the report gives each its own p50/p95. The province's sekda also heads the Setda, so their
# home has the pegawai and penilai sections above the pimpinan dashboard.
HOME_PAGES = {
    "pegawai": "home: pegawai",
    "penilai": "home: penilai (kepala bidang)",
    "hr_kab": "home: HR kabupaten/kota",
    "hr_bkd": "home: HR provinsi (BKD)",
    "pimpinan_kab": "home: pimpinan kabupaten/kota (sekda)",
    "pimpinan": "home: pimpinan provinsi (sekda.lampung)",
}


def home_page(username: str, role: str) -> str:
    if role == "pimpinan" and username != "sekda.lampung":
        return HOME_PAGES["pimpinan_kab"]
    return HOME_PAGES[role]


# --- Database ---------------------------------------------------------------------------


def _ensure_copy(url: str, template: str = TEMPLATE_DB) -> None:
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    if cfg["NAME"] == template:
        sys.exit(f"Refusing to run on {template} itself: use a copy (default asnportal_load).")
    conninfo = {
        "host": cfg["HOST"] or "127.0.0.1",
        "port": cfg["PORT"] or 5432,
        "user": cfg["USER"] or "postgres",
        "dbname": "postgres",
    }
    with psycopg.connect(**conninfo, autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]
        ).fetchone():
            started = time.monotonic()
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}" TEMPLATE "{template}"')
            print(f"created {cfg['NAME']} from {template} in {time.monotonic() - started:.0f} s")
    # Planner statistics travel with the template; a build resumed after an interruption may
    # have none (seed_demo runs ANALYZE only when it built the kepegawaian part), and without
    # them PostgreSQL picks nested loops that take seconds.
    with psycopg.connect(**{**conninfo, "dbname": cfg["NAME"]}, autocommit=True) as conn:
        stats = "SELECT 1 FROM pg_stats WHERE schemaname = 'public' LIMIT 1"
        if not conn.execute(stats).fetchone():
            started = time.monotonic()
            conn.execute("ANALYZE")
            print(f"ANALYZE {cfg['NAME']} (no statistics): {time.monotonic() - started:.0f} s")


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


# --- Targets: which pages each role visits ----------------------------------------------


@dataclass
class Target:
    """Everything one login's loop needs, resolved once with the ORM."""

    username: str
    role: str
    opd_id: int | None = None  # unit for peta jabatan, kurva, kepatuhan, register filter
    position_id: int | None = None  # candidate page
    employee_ids: list[int] = field(default_factory=list)  # profiles
    skp_ids: list[int] = field(default_factory=list)  # SKP pages (2025, approved)
    submit_skp_id: int | None = None  # pegawai: the draft SKP 2026 to submit


def _disdik(root: Any) -> Any:
    from positions.models import OrgUnit

    return OrgUnit.objects.get(
        path__startswith=root.path, depth=root.depth + 1, name__istartswith="Dinas Pendidikan"
    )


def _vacant_jf(unit: Any) -> int:
    from positions.models import Position

    return (
        Position.objects.active()
        .in_subtree(unit)
        .vacant()
        .filter(jenis=Position.Jenis.FUNGSIONAL)
        .order_by("-kebutuhan", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def _sample(queryset: Any, n: int = 40) -> list[int]:
    ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:5000])
    return random.Random(7).sample(ids, min(n, len(ids)))


def ensure_cast() -> list[str]:
    """Every login of CAST with what its role needs, made where missing (idempotent: a no-op
    on a complete `seed_demo --scale lampung`, which makes these logins): HR = pengelola of the
    instansi root, pimpinan = the Sekda's holder with a pimpinan scope of the root, penilai = a
    kepala bidang with staff, pegawai = one of that kabid's staff. Returns what was made."""
    from django.contrib.auth import get_user_model

    from demo.scale_org import INSTANSI
    from positions.models import Employee, HRScope, OrgUnit, Placement, today

    user_model = get_user_model()
    specs = {spec.slug: spec for spec in INSTANSI}
    made: list[str] = []
    holders = Placement.objects.on(today()).filter(kind=Placement.Kind.DEFINITIF)

    def login(username: str, employee: Employee | None) -> Any:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(username=username, first_name=employee.name if employee else "")
            user.set_password(PASSWORD)
            user.save()
            made.append(f"user {username}")
        if employee is not None and employee.user_id is None:
            Employee.objects.filter(pk=employee.pk).update(user=user)
            made.append(f"{username} = {employee.name}")
        return user

    for username, role in dict(CAST).items():
        spec = specs[username.split(".", 1)[1]]
        root = OrgUnit.objects.get(code=spec.code, depth=1)
        exists = user_model.objects.filter(username=username).exists()
        if role in ("hr_bkd", "hr_kab"):
            user, scope_role = login(username, None), HRScope.Role.PENGELOLA
        elif role == "pimpinan":
            sekda = None
            if not exists:
                sekda = holders.filter(
                    position__unit__path__startswith=root.path, position__code__endswith=".SEKDA"
                ).first()
            user = login(username, sekda.employee if sekda else None)
            scope_role = HRScope.Role.PIMPINAN
        else:
            person = None
            if not exists and role == "penilai":
                # The first kepala bidang (by unit) whose staff posts are held.
                person = (
                    holders.filter(
                        position__unit__path__startswith=root.path,
                        position__jenis="administrator",
                        position__children__placements__end_date__isnull=True,
                        position__children__jenis__in=["fungsional", "pelaksana"],
                    )
                    .order_by("position__unit__path", "pk")
                    .first()
                )
            elif not exists:
                kabid = Employee.objects.get(user__username=f"kabid.{spec.slug}")
                person = holders.filter(
                    position__parent__placements__employee=kabid,
                    position__parent__placements__end_date__isnull=True,
                    position__jenis__in=["fungsional", "pelaksana"],
                    employee__user__isnull=True,
                ).first()
            login(username, person.employee if person else None)
            continue
        _, created = HRScope.objects.get_or_create(user=user, unit=root, role=scope_role)
        if created:
            made.append(f"{username}: {scope_role} of {root.name}")
    return made


def resolve_targets() -> dict[str, Target]:
    from asnportal.models import User
    from performance.models import SKP
    from positions.models import Employee, HRScope, OrgUnit, scopes_for

    targets: dict[str, Target] = {}
    for username, role in dict(CAST).items():
        user = User.objects.get(username=username)
        target = Target(username, role)
        if role in ("hr_bkd", "hr_kab", "pimpinan"):
            root = OrgUnit.objects.get(pk=HRScope.objects.filter(user=user).first().unit_id)
            opd = _disdik(root)
            target.opd_id = opd.pk
            target.position_id = _vacant_jf(opd)
            in_opd = Employee.objects.active().in_subtree(opd)
            target.employee_ids = _sample(in_opd)
            target.skp_ids = _sample(SKP.objects.filter(year=2025, employee__in=in_opd))
        elif role == "penilai":
            scopes = scopes_for(user)
            unit = OrgUnit.objects.get(path=scopes.headed_paths[0])
            target.opd_id = unit.pk
            me = Employee.objects.get(user=user)
            target.employee_ids = _sample(Employee.objects.active().in_subtree(unit))
            target.skp_ids = _sample(SKP.objects.filter(year=2025, penilai=me))
        else:
            me = Employee.objects.get(user=user)
            target.employee_ids = [me.pk]
            target.skp_ids = list(
                SKP.objects.filter(year=2025, employee=me).values_list("pk", flat=True)
            )
        targets[username] = target
    return targets


def prepare_submissions(targets: dict[str, Target]) -> list[int]:
    """A draft SKP 2026 per pegawai whose only obstacle to submission is the click; returns
    the pks of every SKP created (for the clean-up)."""
    import datetime as dt

    from django.db import transaction

    from performance import services
    from performance.models import RHK, SKP, Indicator
    from positions.models import Employee

    created: list[int] = []

    def rhk_with_iki(skp: SKP, text: str, parent: RHK | None = None) -> RHK:
        rhk = RHK.objects.create(skp=skp, jenis=RHK.Jenis.UTAMA, text=text, parent_rhk=parent)
        Indicator.objects.create(
            rhk=rhk,
            aspek=Indicator.Aspek.KUANTITAS,
            text=f"Jumlah {text.lower()}",
            target_value=12,
            target_satuan="dokumen",
        )
        return rhk

    with transaction.atomic():
        for target in targets.values():
            if target.role != "pegawai":
                continue
            me = Employee.objects.get(user__username=target.username)
            SKP.objects.filter(employee=me, year=SKP_YEAR).delete()
            skp = services.create_skp(me, year=SKP_YEAR, pendekatan=SKP.Pendekatan.KUANTITATIF)
            kabid = skp.penilai
            boss = SKP.objects.current().filter(employee=kabid, year=SKP_YEAR).first()
            if boss is None:
                boss = services.create_skp(
                    kabid, year=SKP_YEAR, pendekatan=SKP.Pendekatan.KUANTITATIF
                )
                rhk_with_iki(boss, "Terlaksananya pelayanan kesehatan rujukan")
                SKP.objects.filter(pk=boss.pk).update(
                    status=SKP.Status.DISETUJUI,
                    approved_at=dt.datetime(2026, 1, 15, tzinfo=dt.UTC),
                )
                created.append(boss.pk)
            parent = boss.rhks.filter(jenis=RHK.Jenis.UTAMA).first()
            rhk_with_iki(skp, "Terlaksananya asuhan keperawatan pasien rujukan", parent)
            created.append(skp.pk)
            target.submit_skp_id = skp.pk
    return created


def reset_submission(skp_id: int) -> bool:
    """Back to draft after a timed "ajukan"; True if the POST had really submitted it."""
    from performance.models import SKP

    return bool(
        SKP.objects.filter(pk=skp_id, status=SKP.Status.DIAJUKAN).update(
            status=SKP.Status.DRAFT, submitted_at=None
        )
    )


def clean_up(created: list[int]) -> None:
    from performance.models import RHK, SKP, BehaviourExpectation, Indicator

    # Children first: RHK.parent_rhk links the pegawai's RHK to the kabid's.
    Indicator.objects.filter(rhk__skp__in=created).delete()
    RHK.objects.filter(skp__in=created, parent_rhk__isnull=False).delete()
    RHK.objects.filter(skp__in=created).delete()
    BehaviourExpectation.objects.filter(skp__in=created).delete()
    SKP.objects.filter(pk__in=created).delete()
    SKP.history.filter(id__in=created).delete()


# --- HTTP client --------------------------------------------------------------------------


class Session:
    """One browser: cookies, no redirects followed, a new connection per request (gunicorn's
    sync workers close it anyway)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, *, htmx: bool = False
    ) -> tuple[int, dict[str, str], bytes]:
        headers = {"Host": "127.0.0.1", "User-Agent": "bench_load"}
        if htmx:
            headers["HX-Request"] = "true"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            for raw in response.headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(raw)
                for key, morsel in cookie.items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            return response.status, dict(response.headers.items()), data
        finally:
            conn.close()

    def login(self, username: str) -> None:
        status, _, login_page = self.request("GET", "/masuk/")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)
        if status != 200 or not match:
            raise RuntimeError(f"login page: {status}")
        form = {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": username,
            "password": PASSWORD,
            "next": "/",
        }
        status, _, _ = self.request("POST", "/masuk/", form)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {username} failed: {status}")


# --- The simulated users ------------------------------------------------------------------


CHAIN_URL = re.compile(rb'hx-get="(/jabatan/\d+/kandidat/rantai/[^"]*)"')
# The profile page and the two fragments a browser then requests through htmx.
PROFILE = [
    ("employee profile", "GET", "/pegawai/{emp}/"),
    ("profile: JP summary (htmx)", "GET", "/pelatihan/pegawai/{emp}/ringkasan/"),
    ("profile: SKP history (htmx)", "GET", "/kinerja/pegawai/{emp}/riwayat/"),
]


def page_plan(target: Target, static_url: str) -> list[tuple[str, str, str]]:
    """(page name, method, path) for one loop of this role; {emp}/{skp} picked per request."""
    pages: list[tuple[str, str, str]] = [
        ("baseline /healthz", "GET", "/healthz"),
        ("baseline static (WhiteNoise)", "GET", static_url),
        (home_page(target.username, target.role), "GET", "/"),
    ]
    opd = target.opd_id
    if target.role in ("hr_bkd", "hr_kab", "pimpinan", "penilai"):
        pages += [
            ("register: search", "GET", "/pegawai/?q=sari"),
            ("register: filter", "GET", f"/pegawai/?unit={opd}&jenis=fungsional&golongan=33"),
            *PROFILE,
            ("peta jabatan (HTML)", "GET", f"/unit/{opd}/peta-jabatan/"),
            ("SKP page", "GET", "/kinerja/skp/{skp}/"),
            ("kurva / predikat unit", "GET", f"/kinerja/kurva/?unit={opd}&tahun=2025"),
            ("kepatuhan JP", "GET", f"/pelatihan/kepatuhan/?unit={opd}"),
        ]
    if target.role in ("hr_bkd", "hr_kab", "pimpinan"):
        # Manajemen talenta and the registers of issue 13, over the login's whole scope.
        pages += [
            ("talenta: peta 9 kotak", "GET", "/talenta/"),
            ("talenta: proyeksi kekosongan", "GET", "/talenta/proyeksi/"),
            ("sistem merit", "GET", "/talenta/sistem-merit/"),
            ("DUK (OPD)", "GET", f"/laporan/duk/?unit={opd}"),
        ]
        pages.append(("kandidat", "GET", f"/jabatan/{target.position_id}/kandidat/"))
        pages.append(
            ("kandidat: rantai (htmx)", "GET", f"/jabatan/{target.position_id}/kandidat/rantai/")
        )
    if target.role == "pegawai":
        pages += [
            *PROFILE,
            ("SKP page", "GET", "/kinerja/skp/{skp}/"),
            ("ajukan SKP (POST)", "POST", f"/kinerja/skp/{target.submit_skp_id}/ajukan/"),
        ]
    return pages


@dataclass
class Sample:
    page: str
    role: str
    started: float
    seconds: float
    ok: bool
    detail: str = ""


class User(threading.Thread):
    def __init__(
        self,
        index: int,
        target: Target,
        port: int,
        static_url: str,
        stop_at: float,
        think: float,
        samples: list[Sample],
        lock: threading.Lock,
        skip_pages: set[str],
        rounds: int = 0,
        only: tuple[str, ...] = (),
    ) -> None:
        super().__init__(name=f"user-{index}-{target.username}", daemon=True)
        self.target = target
        self.session = Session(port)
        self.rng = random.Random(index)
        self.plan = [
            p
            for p in page_plan(target, static_url)
            if p[0] not in skip_pages and (not only or p[0].startswith(("baseline", *only)))
        ]
        self.stop_at = stop_at
        self.think = think
        self.samples = samples
        self.lock = lock
        self.login_error = ""
        # --solo: one warm-up round, then `rounds` recorded rounds, instead of a time limit.
        self.rounds = rounds

    def _record(self, page: str, started: float, seconds: float, ok: bool, detail: str) -> None:
        sample = Sample(page, self.target.role, started, seconds, ok, detail)
        with self.lock:
            self.samples.append(sample)

    def run(self) -> None:
        from django.db import connection

        try:
            self.session.login(self.target.username)
        except Exception as exc:
            self.login_error = str(exc)
            return
        step = 0 if self.rounds else self.rng.randrange(len(self.plan))  # not in step
        last = (self.rounds + 1) * len(self.plan) if self.rounds else None
        emp = self.rng.choice(self.target.employee_ids or [0])
        chain_url = ""
        try:
            while time.monotonic() < self.stop_at and (last is None or step < last):
                warm = self.rounds and step < len(self.plan)
                page, method, path = self.plan[step % len(self.plan)]
                step += 1
                if page == "employee profile":  # its fragments then ask for the same person
                    emp = self.rng.choice(self.target.employee_ids or [0])
                path = path.format(emp=emp, skp=self.rng.choice(self.target.skp_ids or [0]))
                if page.startswith("kandidat: rantai") and chain_url:
                    path = chain_url  # as the page's hx-get asks: with its top three
                started = time.monotonic()
                try:
                    if method == "POST":
                        status, _, _ = self.session.request("POST", path, {})
                    else:
                        htmx = page.endswith("(htmx)")
                        status, _, body = self.session.request("GET", path, htmx=htmx)
                        if page == "kandidat":
                            found = CHAIN_URL.search(body)
                            chain_url = html.unescape(found.group(1).decode()) if found else ""
                except Exception as exc:
                    seconds = time.monotonic() - started
                    if not warm:
                        self._record(page, started, seconds, False, type(exc).__name__)
                else:
                    seconds = time.monotonic() - started
                    ok, detail = 200 <= status < 400, f"HTTP {status}"
                    if method == "POST" and ok and not reset_submission(self.target.submit_skp_id):
                        # The redirect came, but the checks refused: not a submission.
                        ok, detail = False, "SKP not submitted"
                    if not warm:
                        self._record(page, started, seconds, ok, "" if ok else detail)
                # A browser requests a page's htmx fragments right away; people pause.
                if not self.plan[step % len(self.plan)][0].endswith("(htmx)"):
                    time.sleep(self.think * self.rng.uniform(0.5, 1.5))
        finally:
            connection.close()


# --- Server -------------------------------------------------------------------------------


def start_gunicorn(
    port: int,
    workers: int,
    static_root: Path,
    log: Path,
    *,
    worker_class: str = "sync",
    threads: int = 1,
) -> subprocess.Popen:
    env = {**os.environ, **SERVER_ENV, "STATIC_ROOT": str(static_root)}
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "asnportal.wsgi",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        worker_class,
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "120",
        "--backlog",
        "256",
    ]
    print("$", " ".join(command))
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _, _ = Session(port).request("GET", "/healthz")
            if status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            sys.exit(f"gunicorn exited; see {log}")
        time.sleep(0.5)
    process.terminate()
    sys.exit(f"gunicorn did not answer /healthz in 60 s; see {log}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# --- Report -------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarise(samples: list[Sample], key: Any) -> list[dict[str, Any]]:
    groups: dict[Any, list[Sample]] = defaultdict(list)
    for sample in samples:
        groups[key(sample)].append(sample)
    baseline = [s.seconds for s in samples if s.page == "baseline /healthz" and s.ok]
    base_p50 = statistics.median(baseline) if baseline else float("nan")
    rows = []
    for name, group in groups.items():
        times = [s.seconds * 1000 for s in group if s.ok] or [float("nan")]
        errors = [s for s in group if not s.ok]
        p50 = statistics.median(times)
        rows.append(
            {
                "page": name,
                "count": len(group),
                "p50_ms": round(p50, 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1),
                "errors": len(errors),
                "error_kinds": sorted({e.detail for e in errors}),
                "ratio": round(p50 / (base_p50 * 1000), 1) if baseline else None,
            }
        )
    plan = [p for p, _, _ in page_plan(Target("", "hr_bkd"), "")]
    order = [*plan[:2], *HOME_PAGES.values(), *plan[3:], "ajukan SKP (POST)"]
    rows.sort(key=lambda r: (order.index(r["page"][0]) if r["page"][0] in order else 99, r["page"]))
    return rows


def print_table(rows: list[dict[str, Any]], title: str) -> None:
    print(f"\n{title}")
    print("| Page | Role | n | p50 ms | p95 ms | max ms | errors | p50 ÷ /healthz p50 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        page, role = r["page"]
        errors = str(r["errors"]) + (f" ({', '.join(r['error_kinds'])})" if r["errors"] else "")
        print(
            f"| {page} | {role} | {r['count']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
            f"{r['max_ms']:.0f} | {errors} | {r['ratio']} |"
        )


def data_size() -> dict[str, int]:
    from performance.models import RHK, SKP
    from positions.models import Employee, OrgUnit, Position
    from training.models import Participation

    return {
        "employees": Employee.objects.count(),
        "units": OrgUnit.objects.count(),
        "positions": Position.objects.count(),
        "skp": SKP.objects.count(),
        "rhk": RHK.objects.count(),
        "participations": Participation.objects.count(),
    }


def home_queries(targets: dict[str, Target], runs: int = 5) -> list[dict[str, Any]]:
    """Each login's home page rendered in this process (Django's test client, the same
    settings as the server, no HTTP): the query count and its median time over `runs` after
    one warm-up, and the five slowest queries of the last run (to find what to fix)."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from asnportal.models import User as UserModel

    rows = []
    for target in targets.values():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(UserModel.objects.get(username=target.username))
        assert client.get("/").status_code == 200  # nosec B101  # warm-up; a 500 stops here
        times, counts = [], set()
        for _ in range(runs):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                status = client.get("/").status_code
                times.append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise RuntimeError(f"home of {target.username}: HTTP {status}")
            counts.add(len(queries))
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:5]
        rows.append(
            {
                "page": home_page(target.username, target.role),
                "login": target.username,
                "queries": sorted(counts),
                "median_ms": round(statistics.median(times)),
                "max_ms": round(max(times)),
                "slowest": [(round(float(q["time"]) * 1000), q["sql"][:300]) for q in slowest],
            }
        )
    return rows


def print_home_queries(rows: list[dict[str, Any]], verbose: bool) -> None:
    print("\nHome pages in-process (test client, session + render, no HTTP)")
    print("| Page | Login | queries | median ms | max ms |")
    print("|---|---|---:|---:|---:|")
    for r in rows:
        counts = "/".join(str(n) for n in r["queries"])
        print(f"| {r['page']} | {r['login']} | {counts} | {r['median_ms']} | {r['max_ms']} |")
    if verbose:
        for r in rows:
            print(f"\n{r['login']}: slowest queries of the last run")
            for ms, sql in r["slowest"]:
                print(f"  {ms:>5} ms  {sql}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=len(CAST))
    parser.add_argument("--duration", type=int, default=90, help="measured seconds")
    parser.add_argument("--warmup", type=int, default=20, help="seconds discarded first")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--worker-class", default="sync", choices=["sync", "gthread"], help="gunicorn's"
    )
    parser.add_argument("--threads", type=int, default=1, help="per worker (gthread)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause, seconds")
    parser.add_argument("--skip", action="append", default=[], help="page name to leave out")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PREFIX",
        help="keep only the pages whose name starts with PREFIX (e.g. --only home); "
        "the baselines stay",
    )
    parser.add_argument(
        "--template",
        default=TEMPLATE_DB,
        help="the province-scale database to copy when DATABASE_URL's is missing",
    )
    parser.add_argument(
        "--home-queries",
        type=int,
        default=5,
        metavar="RUNS",
        help="render each login's home page RUNS times in-process first and report its query "
        "count and time (0: skip)",
    )
    parser.add_argument("--verbose", action="store_true", help="print the slowest home queries")
    parser.add_argument("--json", help="write the samples summary here")
    parser.add_argument(
        "--solo",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="instead: one login at a time, no pause, a warm-up round then ROUNDS rounds "
        "(service time without queueing)",
    )
    args = parser.parse_args()

    url = os.environ["DATABASE_URL"]
    _ensure_copy(url, args.template)
    env = {**os.environ, **SERVER_ENV}
    _manage("migrate", "--noinput", "-v", "0", env=env)
    static_root = Path(tempfile.mkdtemp(prefix="asn-bench-static-"))
    _manage("collectstatic", "--noinput", "-v", "0", env={**env, "STATIC_ROOT": str(static_root)})

    import django

    os.environ["STATIC_ROOT"] = str(static_root)  # the in-process home renders need the manifest
    django.setup()
    from django.db import connection

    made = ensure_cast()
    if made:
        print("made for the cast:", "; ".join(made))
    targets = resolve_targets()
    created = prepare_submissions(targets)
    size = data_size()
    home_rows: list[dict[str, Any]] = []
    if args.home_queries:
        try:
            home_rows = home_queries(targets, args.home_queries)
        except BaseException:
            clean_up(created)
            raise
    connection.close()

    log = Path(tempfile.gettempdir()) / f"bench_load_gunicorn_{args.port}.log"
    if SERVER_ENV["CACHE_URL"]:
        import redis

        redis.Redis.from_url(SERVER_ENV["CACHE_URL"]).flushdb()
    server = start_gunicorn(
        args.port,
        args.workers,
        static_root,
        log,
        worker_class=args.worker_class,
        threads=args.threads,
    )
    samples: list[Sample] = []
    try:
        _, _, login_page = Session(args.port).request("GET", "/masuk/")
        css = re.search(rb'href="(/static/css/portal\.[0-9a-f]+\.css)"', login_page)
        static_url = css.group(1)
        load_before = os.getloadavg()
        started = time.monotonic()
        stop_at = started + args.warmup + args.duration
        lock = threading.Lock()
        cast = (CAST * (args.users // len(CAST) + 1))[: args.users]
        if args.solo:
            cast, stop_at = list(dict(CAST).items()), float("inf")
        users = [
            User(
                i,
                targets[name],
                args.port,
                static_url.decode(),
                stop_at,
                0.0 if args.solo else args.think,
                samples,
                lock,
                set(args.skip),
                rounds=args.solo,
                only=tuple(args.only),
            )
            for i, (name, _) in enumerate(cast)
        ]
        for user in users:
            user.start()
            if args.solo:
                user.join()
        for user in users:
            user.join()
        load_after = os.getloadavg()
        elapsed = time.monotonic() - started
    finally:
        stop(server)
        shutil.rmtree(static_root, ignore_errors=True)
        clean_up(created)
        connection.close()

    failed_logins = [u.target.username + ": " + u.login_error for u in users if u.login_error]
    if args.solo:
        measured = samples
        print(
            f"\nsolo: {len(users)} logins one after another, no pause, {args.workers} gunicorn "
            f"{args.worker_class} workers × {args.threads} threads, {args.solo} rounds after "
            f"one warm-up round: {len(measured)} requests in {elapsed:.0f} s"
        )
    else:
        measured = [s for s in samples if s.started >= started + args.warmup]
        print(
            f"\n{args.users} users, {args.workers} gunicorn {args.worker_class} workers × "
            f"{args.threads} threads, think "
            f"{args.think * 0.5:.1f}–{args.think * 1.5:.1f} s, warm-up {args.warmup} s, "
            f"measured {args.duration} s: {len(measured)} requests "
            f"({len(measured) / args.duration:.1f}/s)"
        )
    print(
        f"load average before {load_before[0]:.2f} / {load_before[1]:.2f} / "
        f"{load_before[2]:.2f}, after {load_after[0]:.2f} / {load_after[1]:.2f} / "
        f"{load_after[2]:.2f}"
    )
    print("data:", ", ".join(f"{k} {v:,}" for k, v in size.items()))
    if failed_logins:
        print("FAILED LOGINS:", failed_logins)
    by_page_role = summarise(measured, lambda s: (s.page, s.role))
    by_page = summarise(measured, lambda s: (s.page, "all"))
    if home_rows:
        print_home_queries(home_rows, args.verbose)
    print_table(by_page, "Per page (all roles)")
    print_table(by_page_role, "Per page and role")
    print(f"\ngunicorn log: {log}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "args": vars(args),
                    "load_before": load_before,
                    "load_after": load_after,
                    "data": size,
                    "requests": len(measured),
                    "by_page": by_page,
                    "by_page_role": by_page_role,
                    "home_queries": home_rows,
                },
                indent=2,
                default=str,
            )
        )


if __name__ == "__main__":
    main()
