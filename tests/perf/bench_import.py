"""Benchmark: a kabupaten's whole register, 20,000 employees, through the employee import.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_bench_import \
        .venv/bin/python tests/perf/bench_import.py [--rows 20000]

(or DATABASE_URL=sqlite:////tmp/asnportal_bench_import.sqlite3). Creates and migrates the
database if needed, empties the register, builds a kabupaten of 25 perangkat daerah with 400
posts, writes a 20,000-row template workbook with openpyxl (half placed on a post, half by unit
code), then times the three steps a user goes through with the Django test client: upload
(the upload gate, parsing and checking every row, the preview batch), the first preview page,
and the all-or-nothing commit (the Celery task `positions.commit_import_batch`: eager, inside
the commit request, without REDIS_URL; with REDIS_URL and a running worker the request only
queues it and the script waits for the batch to be saved). A second round imports the same
employees again with a new golongan and, for the placed half, a move to the next post
(definitive placements closed the day before the new TMT). Prints the times, the load
average and the peak RSS of the process.

Not a pytest test; refuses a database whose name does not contain "bench".
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import resource
import sys
import time
import zipfile
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


def workbook(rows: int, positions: list[Position], *, moves: bool = False) -> bytes:
    """The kabupaten's sheet; `moves`: the next year's sheet (III/b, the placed half on the
    next post from 02-01-2025)."""
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
            "golongan": "III/b" if moves else "III/a",
            "tmt_golongan": "01-04-2024" if moves else "01-04-2020",
            "email": f"pegawai{n}@example.go.id",
        }
        position = positions[(n + moves) % len(positions)]
        if n % 2:
            row.update(
                position_code=position.code,
                tmt_jabatan="02-01-2025" if moves else "02-01-2024",
                sk_number=f"800/{n}/2024" if moves else f"800/{n}/2023",
                sk_date="20-12-2024" if moves else "20-12-2023",
            )
        else:
            row["unit_code"] = position.unit.code
        sheet.append([row.get(c.key, "") for c in importing.COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>'
)


def shared_strings(content: bytes) -> bytes:
    """The workbook with its text in a shared-string table, as Excel and LibreOffice save
    it (openpyxl writes every string inline, which openpyxl also reads several times slower)."""
    table: dict[bytes, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = table.setdefault(match[2], len(table))
        return b'<c r="' + match[1] + b'" t="s"><v>' + str(index).encode() + b"</v></c>"

    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = INLINE.sub(shared, data)
            elif name == "[Content_Types].xml":
                part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}" />'
                data = data.replace(b"</Types>", part.encode() + b"</Types>")
            elif name == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rIdSst" />'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(name, data)
        items = b"".join(b"<si><t>" + text + b"</t></si>" for text in table)
        target.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="'
            + str(len(table)).encode()
            + b'">'
            + items
            + b"</sst>",
        )
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument(
        "--shared-strings",
        action="store_true",
        help="store the text as Excel does (a shared-string table) instead of openpyxl's inline",
    )
    args = parser.parse_args()
    excel = shared_strings if args.shared_strings else (lambda content: content)
    name = str(settings.DATABASES["default"]["NAME"])
    if "bench" not in name:
        sys.exit(f"Refusing to write to {name!r}: the database name must contain 'bench'.")
    setup_test_environment()  # response.context for the error messages
    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    _, positions = build_kabupaten()
    user, _ = User.objects.get_or_create(username="bench-admin", is_superuser=True)
    content = excel(workbook(args.rows, positions))
    size = len(content) / 1048576
    strings = "shared strings" if args.shared_strings else "inline strings"
    print(f"{connection.vendor}: {args.rows:,} rows, file {size:.1f} MB, {strings}", flush=True)

    client = Client()
    client.force_login(user)
    first = run_import(client, content, "new register")
    assert (first["created"], first["placed"]) == (args.rows, args.rows // 2), first
    second = run_import(client, excel(workbook(args.rows, positions, moves=True)), "moves")
    assert (second["updated"], second["placed"]) == (args.rows, args.rows // 2), second
    open_definitive = Placement.objects.open().filter(kind=Placement.Kind.DEFINITIF)
    assert open_definitive.count() == args.rows // 2
    assert Placement.objects.filter(end_date=dt.date(2025, 1, 1)).count() == args.rows // 2
    print(
        f"employees {Employee.objects.count():,}, placements {Placement.objects.count():,}; "
        f"load average {load()}; peak RSS {peak_mb():.0f} MB"
    )


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def run_import(client: Client, content: bytes, label: str) -> dict[str, int]:
    print(f"-- {label}: load average {load()}", flush=True)
    started = time.monotonic()
    response = client.post(
        reverse("positions:import_upload"),
        {"file": SimpleUploadedFile("pegawai.xlsx", content)},
    )
    upload_s = time.monotonic() - started
    assert response.status_code == 302, response.context["form"].errors
    batch = ImportBatch.objects.defer("rows").latest("pk")
    assert batch.summary["errors"] == 0, batch.summary
    print(f"upload + check {upload_s:.1f} s (peak RSS {peak_mb():.0f} MB)", flush=True)

    started = time.monotonic()
    response = client.get(reverse("positions:import_preview", args=[batch.pk]))
    preview_s = time.monotonic() - started
    assert response.status_code == 200
    print(f"preview page {preview_s:.1f} s", flush=True)

    started = time.monotonic()
    response = client.post(reverse("positions:import_commit", args=[batch.pk]))
    request_s = time.monotonic() - started
    assert response.status_code == 302
    batch.refresh_from_db(fields=["status"])
    while batch.status == ImportBatch.Status.QUEUED and time.monotonic() - started < 1800:
        time.sleep(0.5)  # a worker saves it (REDIS_URL set)
        batch.refresh_from_db(fields=["status"])
    saved_s = time.monotonic() - started
    batch.refresh_from_db(fields=["status", "summary"])
    assert batch.status == ImportBatch.Status.COMMITTED, batch.summary
    print(
        f"upload + check {upload_s:.1f} s, preview page {preview_s:.1f} s, commit request "
        f"{request_s:.1f} s, saved after {saved_s:.1f} s; load average {load()}",
        flush=True,
    )
    return batch.summary


if __name__ == "__main__":
    main()
