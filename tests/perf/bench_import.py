"""Benchmark: a kabupaten's whole register, 20,000 employees, through the employee import.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_bench_import \
        .venv/bin/python tests/perf/bench_import.py [--rows 20000]

(or DATABASE_URL=sqlite:////tmp/asnportal_bench_import.sqlite3). Creates and migrates the
database if needed, empties the register, builds a kabupaten of 25 perangkat daerah with 400
posts, writes a 20,000-row template workbook with openpyxl (half placed on a post, half by unit
code), then times the three steps a user goes through with the Django test client: upload
(the upload gate, parsing and checking every row, the preview batch), the first preview page,
and the all-or-nothing commit. Prints the times and the peak RSS of the process.

Not a pytest test; refuses a database whose name does not contain "bench".
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings_test")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-used-anywhere-else-0123456789")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from asnportal.models import User  # noqa: E402
from positions import importing  # noqa: E402
from positions.models import Employee, ImportBatch, OrgUnit, Placement, Position  # noqa: E402
from tests.factories import make_nip  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_kabupaten() -> tuple[OrgUnit, list[Position]]:
    Placement.objects.all().delete()
    ImportBatch.objects.all().delete()
    Employee.objects.all().delete()
    Position.objects.all().delete()
    OrgUnit.objects.all().delete()
    root = OrgUnit.objects.add_root(
        {"code": "KAB", "name": "Pemerintah Kabupaten Bench", "kind": OrgUnit.Kind.INSTANSI}
    )
    positions = []
    for d in range(25):
        root.refresh_from_db()
        dinas = OrgUnit.objects.add_child(
            root, {"code": f"D{d:02d}", "name": f"Dinas {d}", "kind": "perangkat_daerah"}
        )
        for p in range(16):
            positions.append(
                Position.objects.create(
                    unit=dinas,
                    code=f"JF-{d:02d}-{p:02d}",
                    name=f"Pengadministrasi Umum {d}-{p}",
                    jenis=Position.Jenis.PELAKSANA,
                    kelas=7,
                    kebutuhan=200,
                )
            )
    return root, positions


def workbook(rows: int, positions: list[Position]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(importing.SHEET_NAME)
    sheet.append([c.header for c in importing.COLUMNS])
    for n in range(rows):
        birth = dt.date(1970, 1, 1) + dt.timedelta(days=n % 9000)
        gender = "L" if n % 2 else "P"
        row = {
            "nip": make_nip(birth, gender=gender, seq=n),
            "name": f"Pegawai Kabupaten {n}",
            "gelar_belakang": "S.Kom.",
            "kind": "PNS",
            "gender": gender,
            "birth_place": "Metro",
            "birth_date": birth,
            "golongan": "III/a",
            "tmt_golongan": "01-04-2020",
            "email": f"pegawai{n}@example.go.id",
        }
        position = positions[n % len(positions)]
        if n % 2:
            row.update(
                position_code=position.code,
                tmt_jabatan="02-01-2024",
                sk_number=f"800/{n}/2023",
                sk_date="20-12-2023",
            )
        else:
            row["unit_code"] = position.unit.code
        sheet.append([row.get(c.key, "") for c in importing.COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    name = str(settings.DATABASES["default"]["NAME"])
    if "bench" not in name:
        sys.exit(f"Refusing to write to {name!r}: the database name must contain 'bench'.")
    setup_test_environment()  # response.context for the error messages
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    _, positions = build_kabupaten()
    user, _ = User.objects.get_or_create(username="bench-admin", is_superuser=True)
    content = workbook(args.rows, positions)
    size = len(content) / 1048576
    print(f"{connection.vendor}: {args.rows:,} rows, file {size:.1f} MB", flush=True)

    client = Client()
    client.force_login(user)
    started = time.monotonic()
    response = client.post(
        reverse("positions:import_upload"),
        {"file": SimpleUploadedFile("pegawai.xlsx", content)},
    )
    upload_s = time.monotonic() - started
    assert response.status_code == 302, response.context["form"].errors
    batch = ImportBatch.objects.latest("pk")
    assert batch.summary["errors"] == 0, [r["errors"] for r in batch.rows if r["errors"]][:3]
    print(f"upload + check {upload_s:.1f} s (peak RSS {peak_mb():.0f} MB)", flush=True)

    started = time.monotonic()
    response = client.get(reverse("positions:import_preview", args=[batch.pk]))
    preview_s = time.monotonic() - started
    assert response.status_code == 200
    print(f"preview page {preview_s:.1f} s", flush=True)

    started = time.monotonic()
    response = client.post(reverse("positions:import_commit", args=[batch.pk]))
    commit_s = time.monotonic() - started
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED, batch.summary
    print(
        f"upload + check {upload_s:.1f} s, preview page {preview_s:.1f} s, "
        f"commit {commit_s:.1f} s; employees {Employee.objects.count():,}, "
        f"placements {Placement.objects.count():,}; peak RSS {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
