"""Bukti dukung: content must match the extension; downloads only through the view."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import validate_evidence
from performance.models import Realisation
from tests.performance.helpers import indicator_of, url


def _ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


GOOD = {
    "bukti.pdf": b"%PDF-1.7\n%test\n",
    "foto.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
    "foto.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 20,
    "foto.jpeg": b"\xff\xd8\xff\xe1" + b"\x00" * 20,
    "rekap.xlsx": _ooxml("xl/"),
    "laporan.docx": _ooxml("word/"),
}


@pytest.mark.parametrize("name", GOOD)
def test_each_allowed_type_is_accepted_by_content(name):
    validate_evidence(SimpleUploadedFile(name, GOOD[name]))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bukti.pdf", b"MZ\x90\x00\x03" + b"\x00" * 40),  # a renamed executable
        ("foto.png", b"%PDF-1.4 not a png"),
        ("rekap.xlsx", _ooxml("word/")),  # a docx renamed to xlsx
        ("rekap.xlsx", b"PK\x03\x04 broken zip"),
        ("program.exe", b"MZ\x90\x00"),
    ],
)
def test_dishonest_or_disallowed_files_are_refused(name, content):
    with pytest.raises(ValidationError):
        validate_evidence(SimpleUploadedFile(name, content))


def test_oversize_is_refused(settings):
    settings.EVIDENCE_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="terlalu besar"):
        validate_evidence(SimpleUploadedFile("bukti.pdf", b"%PDF-" + b"x" * 200))


def test_upload_stores_unguessable_name_and_downloads_with_original(
    client_as,
    employee,
    manager,
    outsider,
    approved_skp,
):
    ind = indicator_of(approved_skp)
    client = client_as(employee)
    upload = SimpleUploadedFile("Laporan Maret.pdf", GOOD["bukti.pdf"])
    response = client.post(
        url(approved_skp), {"action": "realisasi", f"value-{ind.pk}": "2", f"file-{ind.pk}": upload}
    )
    assert response.status_code == 302
    realisation = Realisation.objects.get(indicator=ind)
    assert realisation.evidence_name == "Laporan Maret.pdf"
    assert "Laporan" not in realisation.evidence.name
    download = reverse("performance:evidence_download", args=[realisation.pk])
    response = client_as(manager).get(download)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "Laporan Maret.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_as(outsider).get(download).status_code == 404


def test_renamed_executable_is_refused_on_the_page_and_nothing_is_written(
    client_as,
    employee,
    approved_skp,
):
    ind = indicator_of(approved_skp)
    upload = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00\x03" + b"\x00" * 40)
    response = client_as(employee).post(
        url(approved_skp), {"action": "realisasi", f"value-{ind.pk}": "2", f"file-{ind.pk}": upload}
    )
    assert response.status_code == 200
    assert "tidak sesuai dengan jenisnya" in response.content.decode()
    assert not Realisation.objects.exists()


def test_a_link_is_accepted_as_evidence(client_as, employee, approved_skp):
    ind = indicator_of(approved_skp)
    response = client_as(employee).post(
        url(approved_skp),
        {"action": "realisasi", f"link-{ind.pk}": "https://drive.example.go.id/bukti/1"},
    )
    assert response.status_code == 302
    assert Realisation.objects.get(indicator=ind).evidence_link.startswith("https://drive")
