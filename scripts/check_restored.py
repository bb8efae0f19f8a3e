#!/usr/bin/env python
"""Helper of scripts/backup_restore_check.sh: prepare the source, then check the restore.

    check_restored.py prepare MANIFEST   # source database: add uploaded files, write MANIFEST
    check_restored.py verify MANIFEST    # restored database: compare, log in, open pages

DATABASE_URL and MEDIA_ROOT (read by asnportal/settings.py) say which database and which
media directory. The manifest holds the row count of every table, the SHA-256 of every file
under MEDIA_ROOT and the ids of the rows the page checks open. `verify` prints each
difference and exits 1 if there is any.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

DEMO_USER = "hr.bkd"
DEMO_PASSWORD = "Lampung#2026"  # the published demo login (README)
# Bytes that could not come from anywhere else: a restore that loses or alters them shows.
EVIDENCE = b"%PDF-1.4\n% bukti dukung uji pemulihan cadangan\n" + os.urandom(2048) + b"\n%%EOF\n"
CERTIFICATE = b"%PDF-1.4\n% sertifikat uji pemulihan cadangan\n" + os.urandom(2048) + b"\n%%EOF\n"


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            # Table names come from the database catalog, never from input.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def media_checksums() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def unused_nip(birth: str, tmt: str, gender: str) -> str:
    """A valid NIP (birth date, TMT CPNS, gender digit, sequence) no employee has yet."""
    from positions.models import Employee

    for seq in range(999, 0, -1):
        nip = f"{birth}{tmt}{gender}{seq:03d}"
        if not Employee.objects.filter(nip=nip).exists():
            return nip
    raise RuntimeError("no free NIP")


def new_pns(name: str, birth_date: str, tmt: str, gender: str, **extra: Any) -> Any:
    """A PNS (III/a) whose free NIP agrees with its birth date, TMT CPNS and gender."""
    from positions.models import Employee

    return Employee.objects.create(
        nip=unused_nip(birth_date.replace("-", ""), tmt, {"L": "1", "P": "2"}[gender]),
        name=name,
        kind=Employee.Kind.PNS,
        gender=gender,
        birth_date=birth_date,
        golongan="31",
        **extra,
    )


def prepare(manifest: Path) -> None:
    """Rows the demo data does not have: an uploaded bukti dukung, an uploaded certificate
    and an employee added after the seed, so files and fresh rows are part of the backup."""
    from performance.models import SKP, Realisation
    from positions.models import OrgUnit
    from training.models import Participation

    with transaction.atomic():
        realisation = Realisation.objects.select_related("evaluation__skp").order_by("pk").first()
        if realisation is None:
            sys.exit("seed_demo made no realisation: nothing to attach a bukti dukung to")
        realisation.evidence_name = "bukti-dukung-uji.pdf"
        realisation.evidence.save("bukti-dukung-uji.pdf", ContentFile(EVIDENCE), save=False)
        realisation.save(update_fields=["evidence", "evidence_name"])

        staff = realisation.evaluation.skp.employee
        participation = Participation.objects.create(
            employee=staff,
            title="Webinar uji pemulihan cadangan",
            category="seminar",
            method="jarak_jauh",
            start_date=realisation.evaluation.skp.period_start,
            end_date=realisation.evaluation.skp.period_start,
            jp=2,
            result=Participation.Result.LULUS,
            certificate_number="UJI/CADANGAN/1",
            certificate_name="sertifikat-uji.pdf",
            is_self_reported=True,
        )
        participation.certificate.save("sertifikat-uji.pdf", ContentFile(CERTIFICATE))

        new_pns("Pegawai Uji Cadangan", "1990-01-01", "201503", "L", unit=staff.unit)
    root = OrgUnit.objects.get_root_nodes().first()
    skp = SKP.objects.filter(employee=staff).order_by("pk").first()
    data = {
        "counts": table_counts(),
        "media": media_checksums(),
        "evidence": {"pk": realisation.pk, "sha256": hashlib.sha256(EVIDENCE).hexdigest()},
        "certificate": {
            "pk": participation.pk,
            "sha256": hashlib.sha256(CERTIFICATE).hexdigest(),
        },
        "skp": skp.pk,
        "root_unit": root.pk,
    }
    manifest.write_text(json.dumps(data, indent=1, sort_keys=True))
    tables = len(data["counts"])
    rows = sum(data["counts"].values())
    print(f"source: {tables} tables, {rows} rows, {len(data['media'])} media files")


def verify(manifest: Path) -> int:
    expected = json.loads(manifest.read_text())
    problems: list[str] = []

    # 1. Every table, every row (before logging in writes sessions and access logs).
    counts = table_counts()
    for table in sorted(set(expected["counts"]) | set(counts)):
        want, got = expected["counts"].get(table), counts.get(table)
        if want != got:
            problems.append(f"table {table}: {want} rows in the source, {got} restored")

    # 2. Every media file, byte for byte.
    media = media_checksums()
    for name in sorted(set(expected["media"]) | set(media)):
        if expected["media"].get(name) != media.get(name):
            problems.append(f"media file {name}: missing, extra or different after restore")

    # 3. New rows still get fresh ids: the sequences came back with the data.
    from positions.models import Employee

    class Rollback(Exception):
        pass

    top = Employee.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        with transaction.atomic():
            fresh = new_pns("Pegawai Baru Setelah Pemulihan", "1992-02-02", "201603", "P")
            if fresh.pk <= top:
                problems.append(f"sequence: new employee got id {fresh.pk}, not above {top}")
            raise Rollback
    except Rollback:
        pass
    except Exception as exc:  # an IntegrityError here means a stale sequence
        problems.append(f"sequence: inserting a new employee failed: {exc}")

    # 4. The portal works: the demo login, the key pages, the downloads.
    setup_test_environment()  # lets the test client's host through ALLOWED_HOSTS
    client = Client()
    pages: dict[str, str] = {}
    downloads: dict[str, str] = {}
    response = client.post(
        reverse("login"), {"username": DEMO_USER, "password": DEMO_PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    if response.status_code != 302 or "_auth_user_id" not in client.session:
        problems.append(f"login as {DEMO_USER}: HTTP {response.status_code}, not logged in")
    else:
        pages = {
            "dashboard": reverse("home:home"),
            "register": reverse("positions:employee_list"),
            "SKP": reverse("performance:skp_detail", args=[expected["skp"]]),
            "peta jabatan": reverse("positions:peta_jabatan", args=[expected["root_unit"]]),
        }
        for label, url in pages.items():
            status = client.get(url).status_code
            if status != 200:
                problems.append(f"page {label} ({url}): HTTP {status}")
        downloads = {
            "evidence": reverse("performance:evidence_download", args=[expected["evidence"]["pk"]]),
            "certificate": reverse(
                "training:certificate_download", args=[expected["certificate"]["pk"]]
            ),
        }
        for label, url in downloads.items():
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.status_code == 200 else b""
            response.close()
            if hashlib.sha256(body).hexdigest() != expected[label]["sha256"]:
                problems.append(
                    f"{label} download ({url}): HTTP {response.status_code}, "
                    "bytes differ from the uploaded file"
                )

    for problem in problems:
        print(f"RESTORE CHECK FAILED: {problem}", file=sys.stderr)
    if not problems:
        tables = len(counts)
        rows = sum(counts.values())
        print(
            f"restore: {tables} tables and {rows} rows as in the source, {len(media)} media "
            f"files identical, login and {len(pages) + len(downloads)} pages/downloads OK"
        )
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"prepare", "verify"}:
        print(__doc__, file=sys.stderr)
        return 2
    manifest = Path(argv[2])
    if argv[1] == "prepare":
        prepare(manifest)
        return 0
    return verify(manifest)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
