"""Every upload endpoint receives every file of a generated hostile corpus (issue 14).

Each answers within 10 s with a clear refusal or a correct acceptance, the process grows less
than 200 MB over the whole run, and a refused upload writes no row. A guard test finds every
view that reads `request.FILES`, so a new upload endpoint must join this corpus.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import reverse

from core import spreadsheets
from performance.models import Indicator, RatingHistory, Realisation
from positions import importing
from positions.models import Competency, Employee, EmployeeCompetency, ImportBatch
from tests import hostile
from tests.factories import SKPFactory, TrainingEventFactory
from training import services as training_services
from training.models import Participation

YEAR = 2026
MAX_SECONDS = 10
MAX_GROWTH_MB = 200
# What a refusal says (one of these, in Indonesian, on the page).
REFUSALS = (
    "tidak sesuai dengan jenisnya",
    "tidak diizinkan",
    "kosong",
    "terlalu besar",
    "lebih dari",
    "makro",
    "skrip",
    "tidak lazim",
    "mengembang",
    "tidak dapat dibaca",
    "tidak ditemukan",
    "tidak berisi",
    "harus berformat Excel",
    "Unggah berkas Excel",
    "tidak memuat",
    "simpan ulang",
)


@dataclass(frozen=True)
class Sample:
    name: str
    content: bytes
    evidence_ok: bool = False  # a real PDF/XLSX/DOCX: fine as bukti dukung
    certificate_ok: bool = False  # a real PDF: fine as sertifikat


PLAIN_PDF = hostile.PDF + b"%" + b"x" * 200


@functools.cache
def corpus() -> list[Sample]:
    union = hostile.UNION_HEADER
    formulas = [["=1+1", '=HYPERLINK("http://x"&B2,"Klik")', "=A1"] for _ in range(3)]
    return [
        Sample("bom.xlsx", hostile.zip_bomb_xlsx()),
        Sample("100rb-baris.xlsx", hostile.xlsx(union, hostile.nip_rows(100_000)), True),
        Sample("1jt-baris.xlsx", hostile.xlsx(union, hostile.nip_rows(1_000_000))),
        Sample("judul-salah.xlsx", hostile.xlsx(["Foo", "Bar"], [["1", "2"]] * 3), True),
        Sample("rumus.xlsx", hostile.xlsx(union, formulas), True),
        Sample(
            "tanpa-ukuran.xlsx",
            hostile.xlsx(union, hostile.nip_rows(100_000), dimension=False),
            True,
        ),
        Sample("halaman.xlsx", hostile.HTML),
        Sample("halaman.docx", hostile.HTML),
        Sample("halaman.pdf", hostile.HTML),
        Sample("zip-html.docx", hostile.html_docx()),
        Sample("makro.docx", hostile.macro_docx()),
        Sample("skrip.pdf", hostile.PDF_JS),
        Sample("skrip-tersembunyi.pdf", hostile.pdf_with_hidden_js()),
        Sample("kosong.pdf", b""),
        Sample("kosong.xlsx", b""),
        Sample("besar.pdf", b"%PDF-1.4\n" + b"0" * (settings.EVIDENCE_MAX_BYTES + 1)),
        Sample("../../../etc/sertifikat.pdf", PLAIN_PDF, True, True),
        Sample("bukti\x07\x1b[2J.pdf", PLAIN_PDF, True, True),
    ]


@dataclass
class Endpoint:
    name: str
    post: Callable[[Sample], object]  # returns the response
    rows: Callable[[], tuple]  # what a refused upload must leave unchanged
    accepts: Callable[[Sample], bool]


@pytest.fixture
def endpoints(world, hr_dinkes, employee, manager) -> list[Endpoint]:
    hr, pegawai = Client(), Client()
    hr.force_login(hr_dinkes)
    pegawai.force_login(employee)
    Competency.objects.get_or_create(code="M.1", defaults={"name": "Integritas"})

    def imports(url: str) -> Callable[[Sample], object]:
        return lambda sample: hr.post(url, {"file": upload(sample)})

    def import_rows() -> tuple:
        return (
            Employee.objects.count(),
            ImportBatch.objects.count(),
            EmployeeCompetency.objects.count(),
            RatingHistory.objects.count(),
        )

    # Bukti dukung on the realisasi form of an approved SKP.
    skp = SKPFactory(
        employee=world.employee_emp, year=YEAR, approved=True, rhk_texts=("Asuhan keperawatan",)
    )
    indicator = Indicator.objects.get(rhk__skp=skp)
    evaluation_url = reverse("performance:evaluation", args=[skp.pk, "tw1"])

    def post_evidence(sample: Sample) -> object:
        data = {"action": "realisasi", f"value-{indicator.pk}": "2"}
        return pegawai.post(evaluation_url, {**data, f"file-{indicator.pk}": upload(sample)})

    def evidence_rows() -> tuple:
        return tuple(Realisation.objects.values_list("pk", "evidence", "evidence_name"))

    # Sertifikat on the results of a training event.
    event = TrainingEventFactory(
        program__code="P1", program__name="Keamanan Informasi", organiser_unit=world.dinkes
    )
    (participation,) = training_services.enrol_bulk(
        event, [world.colleague_emp], enrolled_by=hr_dinkes
    )
    results_url = reverse("training:event_results", args=[event.pk])

    def post_certificate(sample: Sample) -> object:
        Participation.objects.filter(pk=participation.pk).update(result="", certificate="")
        data = {
            "hasil-TOTAL_FORMS": "1",
            "hasil-INITIAL_FORMS": "1",
            "hasil-0-id": str(participation.pk),
            "hasil-0-result": "lulus",
            "hasil-0-certificate_number": "SRT/1",
            "hasil-0-certificate": upload(sample),
        }
        return hr.post(results_url, data)

    def certificate_rows() -> tuple:
        return tuple(Participation.objects.values_list("pk", "result", "certificate"))

    # Sertifikat of a self-reported development.
    def post_selfreport(sample: Sample) -> object:
        data = {
            "title": "Seminar Nasional Keperawatan",
            "category": "seminar",
            "method": "klasikal",
            "start_date": f"{YEAR}-03-02",
            "end_date": f"{YEAR}-03-03",
            "jp": "",
            "minutes": "900",
            "certificate_number": "SN/1",
            "certificate": upload(sample),
        }
        return pegawai.post(reverse("training:selfreport_create"), data)

    def selfreport_rows() -> tuple:
        return (Participation.objects.filter(is_self_reported=True).count(),)

    never = lambda sample: False  # noqa: E731 - no hostile file is a valid import
    return [
        Endpoint("impor pegawai", imports(reverse("positions:import_upload")), import_rows, never),
        Endpoint(
            "impor kompetensi",
            imports(reverse("training:assessment_import")),
            import_rows,
            never,
        ),
        Endpoint(
            "impor riwayat", imports(reverse("performance:history_import")), import_rows, never
        ),
        Endpoint("bukti dukung", post_evidence, evidence_rows, lambda s: s.evidence_ok),
        Endpoint("sertifikat", post_certificate, certificate_rows, lambda s: s.certificate_ok),
        Endpoint("laporan mandiri", post_selfreport, selfreport_rows, lambda s: s.certificate_ok),
    ]


def upload(sample: Sample) -> SimpleUploadedFile:
    return SimpleUploadedFile(sample.name, sample.content)


def _status_mb(field: str) -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{field}:")[1].split()[0]) / 1024  # kB


def reset_peak_rss() -> float:
    """Start a new peak (Linux: clear_refs 5 resets VmHWM); returns the RSS now."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    return _status_mb("VmHWM")


def refusal(response) -> str:
    """The errors the page shows: form and formset errors and import row problems."""
    texts = []
    contexts = response.context if isinstance(response.context, list) else [response.context]
    values = [v for context in contexts for v in context.flatten().values()]
    for value in values:
        if isinstance(value, BaseForm) and value.errors:
            texts.append(str(value.errors))
        elif isinstance(value, BaseFormSet) and value.total_error_count():
            texts.append(str(value.errors) + str(value.non_form_errors()))
    if response.context.get("bad_rows"):
        texts.append(str([row.errors for row in response.context["bad_rows"]]))
    return " ".join(texts)


def test_every_upload_endpoint_answers_every_hostile_file(endpoints):
    samples = corpus()
    # The RSS before against the peak since: what the uploads took at their worst.
    before = reset_peak_rss()
    slow, wrong, slowest = [], [], (0.0, "")
    started_all = time.monotonic()
    for endpoint in endpoints:
        for sample in samples:
            rows = endpoint.rows()
            started = time.monotonic()
            response = endpoint.post(sample)
            seconds = time.monotonic() - started
            slowest = max(slowest, (seconds, f"{endpoint.name} / {sample.name!r}"))
            if seconds > MAX_SECONDS:
                slow.append(f"{endpoint.name} / {sample.name!r}: {seconds:.1f} s")
            if endpoint.accepts(sample):
                if response.status_code != 302:
                    wrong.append(f"{endpoint.name} refused {sample.name!r}")
                continue
            errors = refusal(response) if response.status_code == 200 else ""
            if not any(m in errors for m in REFUSALS):
                wrong.append(f"{endpoint.name} / {sample.name!r}: {response.status_code}")
            elif endpoint.rows() != rows:
                wrong.append(f"{endpoint.name} / {sample.name!r} wrote rows although refused")
    growth = peak_rss_mb() - before
    print(f"\n{len(endpoints)} endpoints x {len(samples)} files in ", end="")
    print(f"{time.monotonic() - started_all:.1f} s, RSS grew at most {growth:.0f} MB; ", end="")
    print(f"slowest {slowest[0]:.1f} s ({slowest[1]})")
    assert not slow, slow
    assert not wrong, wrong
    assert growth < MAX_GROWTH_MB


def test_accepted_files_get_a_random_storage_name_and_a_clean_display_name(endpoints):
    evidence = next(e for e in endpoints if e.name == "bukti dukung")
    for sample in corpus()[-2:]:
        assert evidence.post(sample).status_code == 302
        realisation = Realisation.objects.get()
        stored = realisation.evidence.name
        assert re.fullmatch(rf"bukti/{YEAR}/[0-9a-f]{{32}}\.pdf", stored), stored
        assert realisation.evidence_name in ("sertifikat.pdf", "bukti[2J.pdf")
        assert all(ch.isprintable() for ch in realisation.evidence_name)


# --- Guard: every view that reads request.FILES is an endpoint above ------------------------

KNOWN_UPLOAD_CODE = {
    ("positions/views_import.py", "import_upload"),
    ("training/views_needs.py", "assessment_import"),
    ("performance/views_eval.py", "history_import"),
    ("performance/views_eval.py", "_build_forms"),  # realisasi form of the evaluation page
    ("training/views.py", "event_results"),
    ("training/views_ledger.py", "selfreport_create"),
}


def _functions_reading_files() -> set[tuple[str, str]]:
    root = Path(settings.BASE_DIR)
    found = set()
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "node_modules/")) or "/migrations/" in relative:
            continue
        source = path.read_text(encoding="utf-8")
        if "FILES" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                isinstance(n, ast.Attribute) and n.attr == "FILES" for n in ast.walk(node)
            ):
                found.add((relative, node.name))
    return found


def test_the_corpus_covers_every_view_that_reads_uploaded_files():
    assert _functions_reading_files() == KNOWN_UPLOAD_CODE


# --- Row problems: the page shows the first 200, the full list is a download ----------------


@pytest.mark.parametrize(
    ("url_name", "header", "row"),
    [
        (
            "training:assessment_import",
            ["NIP", "Kode kompetensi", "Level", "Tanggal penilaian"],
            ["X.9", 3, "10-02-2025"],
        ),
        (
            "performance:history_import",
            hostile.UNION_HEADER[:1] + hostile.UNION_HEADER[9:],
            [2023, "Sesuai Ekspektasi", "Sesuai Ekspektasi", "", "", ""],
        ),
    ],
)
def test_many_bad_rows_give_a_bounded_page_and_the_full_list(
    client_as, hr_dinkes, world, url_name, header, row
):
    rows = [[f"19990101202001{n:04d}", *row] for n in range(400)]
    client = client_as(hr_dinkes)
    url = reverse(url_name)
    sample = Sample("masalah.xlsx", hostile.xlsx(header, rows))
    response = client.post(url, {"file": upload(sample)})
    assert response.status_code == 200
    assert len(response.context["bad_rows"]) == 200
    assert response.context["bad_count"] == 400
    page = response.content.decode()
    assert "Unduh daftar lengkap (400 baris, .xlsx)" in page
    assert len(page) < 300_000
    token = response.context["report_token"]
    download = client.get(url, {"galat": token})
    assert download["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    problems = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.values)[1:]
    assert {line for line, _, _ in problems} == set(range(2, 402))
    assert "tidak terdaftar" in problems[0][2]
    # An unknown or expired token: the page again, with a message.
    again = client.get(url, {"galat": "x" * 22})
    assert again.status_code == 200
    assert "kedaluwarsa" in again.content.decode()


def test_employee_import_problems_download_as_a_workbook(client_as, hr_dinkes, world):
    header = [c.header for c in importing.COLUMNS]
    rows = [[f"12{n}", f"Pegawai {n}", "PNS", "L"] for n in range(3)]
    client = client_as(hr_dinkes)
    sample = Sample("pegawai.xlsx", hostile.xlsx(header, rows))
    response = client.post(reverse("positions:import_upload"), {"file": upload(sample)})
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    download = client.get(reverse("positions:import_preview", args=[batch.pk]), {"galat": "1"})
    assert download["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    problems = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.values)[1:]
    assert {(line, nip) for line, nip, _ in problems} == {(2, "120"), (3, "121"), (4, "122")}
    assert not Employee.objects.filter(name__startswith="Pegawai ").exists()
