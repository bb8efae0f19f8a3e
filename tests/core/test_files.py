"""Stored files follow their rows (core/files.py): a replaced or deleted file leaves storage
when the transaction commits (also in a cascade), a rollback keeps it, and the storage check
(`manage.py check_files`) reports orphans and missing files, and 0 after all of this."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from core.files import check_storage, models_with_files, walk
from performance.models import Evaluation, Realisation, ReportDocument, ReportJob
from tests.performance.helpers import approved_skp, indicator_of, url  # noqa: F401  (approved_skp: a fixture)
from training.models import Participation

PDF = b"%PDF-1.7\n%bukti\n"


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    """A private, empty in-memory storage (the process-wide one collects other tests' files)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    assert list(walk(default_storage)) == []
    yield


def stored() -> list[str]:
    return sorted(walk(default_storage))


def test_every_file_field_is_covered() -> None:
    labels = {(m._meta.label, f.name) for m, fields in models_with_files() for f in fields}
    assert {
        ("performance.Realisation", "evidence"),
        ("performance.ReportJob", "recap"),
        ("performance.ReportJob", "archive"),
        ("performance.ReportDocument", "file"),
        ("training.Participation", "certificate"),
    } <= labels


def test_seven_replaced_uploads_leave_one_file(
    client_as,
    employee,
    approved_skp,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    ind = indicator_of(approved_skp)
    client = client_as(employee)
    for i in range(7):
        upload = SimpleUploadedFile(f"bukti-{i}.pdf", PDF + str(i).encode())
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url(approved_skp),
                {"action": "realisasi", f"value-{ind.pk}": "2", f"file-{ind.pk}": upload},
            )
        assert response.status_code == 302
    realisation = Realisation.objects.get(indicator=ind)
    assert realisation.evidence_name == "bukti-6.pdf"
    assert stored() == [realisation.evidence.name]
    assert default_storage.open(realisation.evidence.name).read() == PDF + b"6"
    assert check_storage().ok

    # Deleting the evaluation cascades to the realisation, and its file goes too.
    with django_capture_on_commit_callbacks(execute=True):
        Evaluation.objects.filter(pk=realisation.evaluation_id).delete()
    assert not Realisation.objects.filter(pk=realisation.pk).exists()
    assert stored() == []
    assert check_storage().ok


def _participation(world, name: str = "sertifikat.pdf") -> Participation:
    p = Participation(
        employee=world.employee_emp,
        title="Pelatihan luar",
        start_date=dt.date(2025, 3, 1),
        end_date=dt.date(2025, 3, 3),
        jp=20,
        is_self_reported=True,
    )
    p.certificate.save(name, ContentFile(PDF), save=False)
    p.save()
    return p


def test_rollback_keeps_the_file(world, django_capture_on_commit_callbacks) -> None:
    p = _participation(world)
    old = p.certificate.name
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            p.certificate.save("baru.pdf", ContentFile(PDF + b"2"), save=True)
            raise RuntimeError("boom")
        with pytest.raises(RuntimeError), transaction.atomic():
            Participation.objects.filter(pk=p.pk).delete()
            raise RuntimeError("boom")
    assert callbacks == []
    assert default_storage.exists(old)
    p.refresh_from_db()
    assert p.certificate.name == old
    # The file written by the rolled-back save is an orphan, and the check says so.
    report = check_storage()
    assert len(report.orphans) == 1 and report.orphans[0] != old
    default_storage.delete(report.orphans[0])
    assert check_storage().ok


def test_cleared_field_and_update_fields(world, django_capture_on_commit_callbacks) -> None:
    p = _participation(world)
    old = p.certificate.name
    with django_capture_on_commit_callbacks(execute=True):
        p.title = "Nama baru"
        p.save(update_fields=["title"])  # the file field is not written: nothing deleted
    assert default_storage.exists(old)
    with django_capture_on_commit_callbacks(execute=True):
        p.certificate = ""
        p.save()
    assert stored() == []
    assert check_storage().ok


def test_report_job_delete_cascades_to_documents_and_zip(
    world, hr_admin, django_capture_on_commit_callbacks
) -> None:
    job = ReportJob(kind=ReportJob.Kind.UNIT, unit=world.dinkes, year=2025, requested_by=hr_admin)
    job.recap.save("rekap.pdf", ContentFile(PDF), save=False)
    job.archive.save("arsip.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=False)
    job.save()
    doc = ReportDocument(job=job, employee=world.employee_emp)
    doc.file.save("laporan.pdf", ContentFile(PDF), save=False)
    doc.save()
    assert len(stored()) == 3 and check_storage().ok
    with django_capture_on_commit_callbacks(execute=True):
        job.delete()
    assert stored() == []


def test_check_files_command_reports_orphans_and_missing(world, capsys) -> None:
    call_command("check_files")  # empty storage, no rows: exit 0
    p = _participation(world)
    default_storage.save("bukti/2025/yatim.pdf", ContentFile(PDF))
    with pytest.raises(CommandError) as exc:
        call_command("check_files")
    assert exc.value.returncode == 1
    out = capsys.readouterr().out
    assert "yatim\tbukti/2025/yatim.pdf" in out and "1 berkas yatim, 0 berkas hilang" in out

    default_storage.delete("bukti/2025/yatim.pdf")
    default_storage.delete(p.certificate.name)  # bypassing the signals: the row now dangles
    with pytest.raises(CommandError):
        call_command("check_files")
    assert f"hilang\t{p.certificate.name}" in capsys.readouterr().out


def test_on_disk_storage_replacement_and_check(
    world, settings, tmp_path, django_capture_on_commit_callbacks
) -> None:
    """The production shape: FileSystemStorage under MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    with django_capture_on_commit_callbacks(execute=True):
        p = _participation(world)
    first = p.certificate.name
    with django_capture_on_commit_callbacks(execute=True):
        p.certificate.save("kedua.pdf", ContentFile(PDF + b"2"), save=True)
    on_disk = sorted(str(f.relative_to(tmp_path)) for f in tmp_path.rglob("*") if f.is_file())
    assert on_disk == [p.certificate.name] and first not in on_disk
    assert check_storage().ok
    (tmp_path / "sertifikat" / "yatim.pdf").write_bytes(PDF)
    assert check_storage().orphans == ["sertifikat/yatim.pdf"]
