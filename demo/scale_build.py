"""`seed_demo --scale lampung [--employees N]`: the province-scale data (tests/perf/README.md,
"Data skala provinsi"), built per instansi by demo.scale_people, then each pillar's part and the
candidate features (positions/matching/features.py)."""

from __future__ import annotations

import time
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from core import figures
from demo import scale_org as scale_data
from demo.org_vocabulary import DEMO_PASSWORD
from demo.scale_people import InstansiBuilder
from demo.scale_structure import ScaleContext
from positions.matching import features


def build_scale(stdout: Any, employees: int | None, *, quiet_logins: bool) -> None:
    total = employees or scale_data.FULL_SCALE
    if total < 500:
        raise CommandError("--employees minimal 500 (16 instansi dengan strukturnya).")
    started = time.perf_counter()
    try:
        todo = scale_data.pending(scale_data.plan(total))
    except scale_data.ScaleDataRefused as exc:
        raise CommandError(str(exc)) from None
    if todo:
        stdout.write(f"Membangun data skala provinsi: {len(todo)} instansi.")
        writer = scale_data.RowWriter()
        password = make_password(DEMO_PASSWORD)  # hashed once, shared by every scale login
        context = ScaleContext.load(writer, password)
        for spec, n in todo:
            began = time.perf_counter()
            with transaction.atomic():
                counts = InstansiBuilder(spec, n, context).build()
            stdout.write(
                f"  {spec.name}: {counts['employee']:,} pegawai, {counts['unit']:,} unit, "
                f"{counts['position']:,} jabatan ({time.perf_counter() - began:.1f} s)"
            )
        get_user_model().objects.get_or_create(
            username="admin",
            defaults={
                "password": password,
                "first_name": "Superadmin",
                "is_staff": True,
                "is_superuser": True,
            },
        )
    else:
        stdout.write("Data kepegawaian skala provinsi sudah ada: tidak ada yang diubah.")
    # Each pillar builds its own part (demo.scale_performance, demo.scale_training).
    for app_label in ("performance", "training", "talent"):
        if apps.is_installed(app_label):
            call_command(f"seed_scale_{app_label}", stdout=stdout)
    began = time.perf_counter()
    written = features.refresh()
    figures.invalidate()
    stdout.write(f"Fitur kandidat: {written:,} pegawai ({time.perf_counter() - began:.1f} s).")
    if todo and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics for the benchmarks
    stdout.write(f"Data skala provinsi siap ({time.perf_counter() - started:.0f} s).")
    if not quiet_logins:
        _print_logins(stdout)


def _print_logins(stdout: Any) -> None:
    existing = set(get_user_model().objects.values_list("username", flat=True))
    stdout.write(f"Login skala provinsi (kata sandi semua: {DEMO_PASSWORD}):")
    for spec in scale_data.INSTANSI:
        names = [u for u, _ in scale_data.login_rows(spec) if u in existing]
        stdout.write(f"  {spec.short:<20} {'  '.join(names)}")
    stdout.write(
        "  (bkd./bkpsdm. pengelola kepegawaian; sekda. pimpinan baca saja; kabid. pejabat "
        "penilai; pegawai. staf yang dinilai kabid; admin superadmin)"
    )
