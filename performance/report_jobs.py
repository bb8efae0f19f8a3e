"""Yearly report jobs: start, fan out one task per employee, render, store, verify, finish.

The life of a job (docs/architecture.md, "A Celery job"):

    start_*_job ─on_commit─▶ prepare_report_job(job, run)
        creates one ReportDocument per employee (idempotent), then sends one
        render_report_document(doc, run) task per employee, in chunks over one connection
    render_report_document ─▶ render_document(doc, run)
        renders the PDF (performance.reports), stores it under a random name with a new
        verification code; a failure is recorded on the row with its reason
    the last document of a run claims the job (one conditional UPDATE) ─▶ finish_report_job
        renders the unit recap and writes the ZIP of every PDF plus the recap, then emails

Every step carries the job's `run`: a re-delivered task (acks_late, a killed worker) or a
task from an earlier run finds its work done or stale and returns without writing, so a
re-run never duplicates a document and a worker lost mid-job loses nothing.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import tempfile
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from core import spreadsheets
from positions.access import can_write_path
from positions.models import Employee, OrgUnit

from .models import (
    SKP,
    DocumentVerification,
    Evaluation,
    ReportDocument,
    ReportJob,
    report_file_path,
)

if TYPE_CHECKING:
    from asnportal.models import User

log = logging.getLogger(__name__)

# Crockford-style alphabet: no 0/O, 1/I/L, U — a code read aloud or typed from paper survives.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
SEND_CHUNK = 500


# --- starting ------------------------------------------------------------------------


def can_start_unit_job(user: User, unit: OrgUnit) -> bool:
    return can_write_path(user, unit.path)


def can_manage_job(user: User, job: ReportJob, *, rerun: bool = False) -> bool:
    """Re-running replaces documents others may hold: only whoever asked for the job.
    Resuming (re-sending pending work) is also open to HR who may write the job's unit."""
    if user.is_superuser or job.requested_by_id == user.pk:
        return True
    return not rerun and job.kind == ReportJob.Kind.UNIT and can_start_unit_job(user, job.unit)


def can_report_on(user: User, employee: Employee, year: int) -> bool:
    """The pegawai themself, their penilai (also for a past year's SKP) and HR/pimpinan in
    scope may render an employee's report."""
    if Employee.objects.visible_to(user).filter(pk=employee.pk).exists():
        return True
    return SKP.objects.visible_to(user).filter(employee=employee, year=year).exists()


def start_unit_job(user: User, unit: OrgUnit, year: int) -> ReportJob:
    if not can_start_unit_job(user, unit):
        raise PermissionDenied
    return _start(user, year, kind=ReportJob.Kind.UNIT, unit=unit)


def start_employee_job(user: User, employee: Employee, year: int) -> ReportJob:
    if not can_report_on(user, employee, year):
        raise PermissionDenied
    return _start(user, year, kind=ReportJob.Kind.EMPLOYEE, employee=employee)


def _start(user: User, year: int, **target: Any) -> ReportJob:
    """The job row (kind and unit or employee in `target`), queued once the row commits."""
    this_year = timezone.localdate().year
    if not 2022 <= year <= this_year:
        raise ValidationError(f"Tahun harus antara 2022 dan {this_year} (PermenPANRB 6/2022).")
    job = ReportJob.objects.create(year=year, requested_by=user, **target)
    _enqueue_prepare(job)
    return job


@transaction.atomic
def rerun_job(job: ReportJob) -> ReportJob:
    """Render everything again: a new run, every document back to pending. Files and codes
    are replaced in place when each document is rendered again — never duplicated."""
    job = ReportJob.objects.select_for_update().get(pk=job.pk)
    if job.is_active:
        raise ValidationError("Pekerjaan ini masih berjalan; tunggu sampai selesai.")
    job.run += 1
    job.state = ReportJob.State.QUEUED
    job.error = ""
    job.finished_at = None
    job.save(update_fields=["run", "state", "error", "finished_at"])
    job.documents.update(state=ReportDocument.State.PENDING, run=job.run, error="", attempts=0)
    _enqueue_prepare(job)
    return job


def resume_job(job: ReportJob) -> int:
    """Send the still-pending documents of the current run again (after a broker restart
    lost queued messages, say). Harmless when they are in flight: rendering is idempotent."""
    if job.state == ReportJob.State.QUEUED:
        _enqueue_prepare(job)
        return 0
    if job.state == ReportJob.State.FINISHING:
        transaction.on_commit(lambda: send_finish(job.pk, job.run))
        return 0
    if job.state != ReportJob.State.RUNNING:
        raise ValidationError("Hanya pekerjaan yang sedang berjalan yang dapat dilanjutkan.")
    pending = list(
        job.documents.filter(state=ReportDocument.State.PENDING).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: _send_documents(pending, job.run))
    if not pending:
        _maybe_finish(job.pk, job.run)
    return len(pending)


def _enqueue_prepare(job: ReportJob) -> None:
    from . import tasks

    job_id, run = job.pk, job.run
    transaction.on_commit(lambda: tasks.prepare_report_job.delay(job_id, run))


# --- preparing: one document row per employee, then one task each ----------------------


def job_employee_ids(job: ReportJob) -> list[int]:
    if job.kind == ReportJob.Kind.EMPLOYEE:
        return [job.employee_id]
    return list(
        Employee.objects.active()
        .filter(unit__path__startswith=job.unit.path)
        .order_by("unit__path", "name", "pk")
        .values_list("pk", flat=True)
    )


def prepare_job(job_id: int, run: int) -> int:
    """Create the missing document rows and send one render task per pending document.
    Idempotent: rows are unique per (job, employee) and a re-sent task is a no-op."""
    job = ReportJob.objects.select_related("unit").filter(pk=job_id, run=run).first()
    if job is None or job.state not in (ReportJob.State.QUEUED, ReportJob.State.RUNNING):
        return 0
    # Only the missing rows (a redelivered prepare finds them all there). Not
    # ignore_conflicts: SQLite's INSERT OR IGNORE would also swallow other errors.
    existing = set(job.documents.values_list("employee_id", flat=True))
    ReportDocument.objects.bulk_create(
        [
            ReportDocument(job=job, employee_id=pk, run=run)
            for pk in job_employee_ids(job)
            if pk not in existing
        ],
        batch_size=2000,
    )
    total = job.documents.count()
    ReportJob.objects.filter(pk=job.pk, run=run).update(
        state=ReportJob.State.RUNNING, total=total, started_at=timezone.now()
    )
    pending = list(
        job.documents.filter(state=ReportDocument.State.PENDING, run=run)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _send_documents(pending, run)
    if not pending:
        _maybe_finish(job.pk, run)
    return len(pending)


def _send_documents(document_ids: list[int], run: int) -> None:
    """One task per document, sent in chunks through one broker connection."""
    from asnportal.celery import app

    from . import tasks

    for start in range(0, len(document_ids), SEND_CHUNK):
        chunk = document_ids[start : start + SEND_CHUNK]
        with app.producer_or_acquire() as producer:
            for pk in chunk:
                tasks.render_report_document.apply_async((pk, run), producer=producer)


# --- rendering one document -----------------------------------------------------------


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def verify_url(code: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("verify_code", args=[code])


def annual_evaluation(skp: SKP) -> Evaluation | None:
    return skp.evaluations.filter(period=Evaluation.Period.TW4, status="final").first()


def render_document(document_id: int, run: int) -> str:
    """Render and store one employee's report. Returns what happened ("done", "failed",
    "skipped"). Transient errors (database/broker connection) propagate for a retry;
    anything else is a failure of this document only, recorded with its reason."""
    from . import reports, signing

    doc = (
        ReportDocument.objects.select_related("job", "employee")
        .filter(pk=document_id, run=run, job__run=run)
        .first()
    )
    if doc is None:
        return "skipped"  # a stale task from an earlier run, or the job was deleted
    if doc.state != ReportDocument.State.PENDING:
        _maybe_finish(doc.job_id, run)  # re-delivered after it was stored
        return "skipped"
    ReportDocument.objects.filter(pk=doc.pk).update(attempts=F("attempts") + 1)
    year = doc.job.year
    skp = reports.report_skp(doc.employee_id, year)
    if skp is None:
        return fail_document(doc.pk, run, f"Belum ada SKP tahun {year} yang disetujui.")
    evaluation = annual_evaluation(skp)
    if evaluation is None:
        return fail_document(
            doc.pk, run, f"Evaluasi akhir (Triwulan IV) SKP {year} belum final: belum ada predikat."
        )
    code = new_code()
    pdf = reports.render_employee_report(
        skp.pk, verification_code=code, verify_url=verify_url(code)
    )
    # TTE: signed when a certificate is configured (the stored SHA-256 is the signed file's).
    pdf = signing.sign_report(pdf, skp)
    return store_document(doc.pk, run, pdf, code=code, skp=skp, predikat=evaluation.predikat)


def store_document(
    document_id: int, run: int, pdf: bytes, *, code: str, skp: SKP, predikat: str
) -> str:
    from django.core.files.storage import default_storage

    digest = hashlib.sha256(pdf).hexdigest()
    # Written before the row is locked (a slow disk must not hold the lock); removed again
    # if the row does not take it.
    new_name = default_storage.save(report_file_path(None, "laporan.pdf"), ContentFile(pdf))
    stored = False
    try:
        with transaction.atomic():
            doc = (
                ReportDocument.objects.select_for_update()
                .select_related("employee", "job")
                .get(pk=document_id)
            )
            if doc.run != run or doc.state != ReportDocument.State.PENDING:
                return "skipped"  # a duplicate delivery stored it first, or a newer run began
            old_name = doc.file.name
            now = timezone.now()
            DocumentVerification.objects.filter(
                employee=doc.employee, year=doc.job.year, superseded_at__isnull=True
            ).update(superseded_at=now)
            DocumentVerification.objects.create(
                code=code,
                document=doc,
                employee=doc.employee,
                year=doc.job.year,
                name=doc.employee.full_name,
                predikat=predikat,
                sha256=digest,
            )
            doc.file.name = new_name
            doc.state = ReportDocument.State.DONE
            doc.rendered_run = run
            doc.skp = skp
            doc.sha256 = digest
            doc.error = ""
            doc.rendered_at = now
            doc.save(
                update_fields=[
                    "file",
                    "state",
                    "rendered_run",
                    "skp",
                    "sha256",
                    "error",
                    "rendered_at",
                ]
            )
            transaction.on_commit(lambda: _delete_file(old_name))
            stored = True
    finally:
        if not stored:
            _delete_file(new_name)
    log.info("report document %s stored as %s", document_id, new_name)
    _maybe_finish(doc.job_id, run)
    return "done"


def fail_document(document_id: int, run: int, reason: str) -> str:
    updated = ReportDocument.objects.filter(
        pk=document_id, run=run, state=ReportDocument.State.PENDING
    ).update(state=ReportDocument.State.FAILED, error=reason[:1000])
    job_id = ReportDocument.objects.filter(pk=document_id).values_list("job_id", flat=True).first()
    if job_id is not None:
        _maybe_finish(job_id, run)
    return "failed" if updated else "skipped"


def _delete_file(name: str) -> None:
    from django.core.files.storage import default_storage

    if name:
        default_storage.delete(name)


# Publishing the finisher waits out a broker restart (about a minute) instead of giving up
# after kombu's default three quick tries: it is sent once per run, by the last document.
FINISH_PUBLISH_RETRY = {
    "max_retries": 30,
    "interval_start": 0,
    "interval_step": 1,
    "interval_max": 3,
}


def send_finish(job_id: int, run: int) -> None:
    from . import tasks

    tasks.finish_report_job.apply_async(
        (job_id, run), retry=True, retry_policy=FINISH_PUBLISH_RETRY
    )


def _send_claimed_finish(job_id: int, run: int) -> None:
    try:
        send_finish(job_id, run)
    except Exception:
        # The broker stayed away: give the claim back, so that the retried or redelivered
        # document task claims the job again and sends the finisher then. Without this the
        # job would stay "finishing" with no finisher on its way, for ever.
        ReportJob.objects.filter(pk=job_id, run=run, state=ReportJob.State.FINISHING).update(
            state=ReportJob.State.RUNNING
        )
        raise


def _maybe_finish(job_id: int, run: int) -> None:
    """The document that leaves none pending claims the job with one conditional UPDATE,
    so exactly one finish task is sent however many workers finish at the same moment."""
    if ReportDocument.objects.filter(
        job_id=job_id, run=run, state=ReportDocument.State.PENDING
    ).exists():
        return
    claimed = ReportJob.objects.filter(pk=job_id, run=run, state=ReportJob.State.RUNNING).update(
        state=ReportJob.State.FINISHING
    )
    if claimed:
        transaction.on_commit(lambda: _send_claimed_finish(job_id, run))


# --- finishing: recap + ZIP + email ------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a job's badge says: a finished job with failures is not shown as a success."""

    label: str
    css: str  # Bootstrap badge/alert colour: success, warning, danger, primary, secondary
    kind: str  # done | partial | failed | empty | active


def outcome(state: str, *, done: int, failed: int) -> Outcome:
    """ "Selesai" only when every document was printed; "Selesai dengan N gagal" when some
    failed; "Gagal" when none was printed (or the archive could not be written)."""
    if state == ReportJob.State.FAILED or (state == ReportJob.State.DONE and failed and not done):
        return Outcome("Gagal", "danger", "failed")
    if state == ReportJob.State.DONE:
        if failed:
            return Outcome(f"Selesai dengan {failed} gagal", "warning", "partial")
        if not done:
            return Outcome("Selesai: tidak ada pegawai", "secondary", "empty")
        return Outcome("Selesai", "success", "done")
    return Outcome(ReportJob.State(state).label, "primary", "active")


def expected_counts(unit: OrgUnit, year: int) -> dict[str, int]:
    """Before a unit job starts: how many active employees it covers and how many of them
    have an approved SKP of the year with a final akhir evaluation (the ones that can be
    printed; the others will be recorded as failed with their reason). Two queries."""
    finals = Evaluation.objects.filter(
        period=Evaluation.Period.TW4,
        status=Evaluation.Status.FINAL,
        skp__employee=OuterRef("pk"),
        skp__year=year,
        skp__status=SKP.Status.DISETUJUI,
        skp__superseded_at__isnull=True,
    )
    employees = Employee.objects.active().filter(unit__path__startswith=unit.path)
    return {
        "employees": employees.count(),
        "printable": employees.filter(Exists(finals)).count(),
    }


def finished_documents(job: ReportJob) -> QuerySet[ReportDocument]:
    """The job's printed documents in the ZIP's order, each downloadable on its own."""
    return (
        job.documents.filter(state=ReportDocument.State.DONE)
        .select_related("employee__unit")
        .order_by("employee__unit__path", "employee__name", "pk")
    )


def progress(job: ReportJob) -> dict[str, int]:
    counts = job.documents.aggregate(
        done=Count("pk", filter=Q(state=ReportDocument.State.DONE)),
        failed=Count("pk", filter=Q(state=ReportDocument.State.FAILED)),
    )
    total = job.total
    processed = counts["done"] + counts["failed"]
    percent = (
        100 if total == 0 and not job.is_active else int(processed * 100 / total) if total else 0
    )
    return {"total": total, "processed": processed, "percent": percent, **counts}


def finish_job(job_id: int, run: int) -> str:
    from . import reports

    job = (
        ReportJob.objects.select_related("unit", "employee", "requested_by")
        .filter(pk=job_id)
        .first()
    )
    if job is None or job.run != run or job.state != ReportJob.State.FINISHING:
        return "skipped"
    old_names = [job.recap.name, job.archive.name]
    if job.kind == ReportJob.Kind.UNIT:
        recap = reports.render_unit_recap(job.unit_id, job.year)
        job.recap.save("rekap.pdf", ContentFile(recap), save=False)
        _write_archive(job, recap)
    job.state = ReportJob.State.DONE
    job.finished_at = timezone.now()
    claimed = ReportJob.objects.filter(pk=job.pk, run=run, state=ReportJob.State.FINISHING).update(
        state=job.state, finished_at=job.finished_at, recap=job.recap.name, archive=job.archive.name
    )
    if not claimed:  # a duplicate finish already completed (or a re-run started meanwhile)
        _delete_file(job.recap.name)
        _delete_file(job.archive.name)
        return "skipped"
    for name in old_names:
        _delete_file(name)
    _notify_done(job)
    return "done"


def archive_member_name(doc: ReportDocument) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in doc.employee.name).strip("-")[:60]
    return f"{doc.employee.nip}-{safe}.pdf"


def _write_archive(job: ReportJob, recap: bytes) -> None:
    """Stream every stored PDF into a ZIP on disk (PDFs are already compressed: STORED),
    so memory stays flat for 100,000 documents."""
    from django.core.files.storage import default_storage

    docs = (
        job.documents.filter(state=ReportDocument.State.DONE)
        .select_related("employee")
        .order_by("employee__unit__path", "employee__name", "pk")
    )
    failed = job.documents.filter(state=ReportDocument.State.FAILED).select_related("employee")
    slug = "".join(ch if ch.isalnum() else "-" for ch in job.unit.name).strip("-")[:60]
    # Members dated when the archive is made (WIB), not zipfile's 1980-01-01 for a name.
    stamp = timezone.localtime().timetuple()[:6]

    def member(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.external_attr = 0o644 << 16  # readable once unpacked (writestr(name) gives 0o600)
        return info

    with tempfile.TemporaryFile() as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            zf.writestr(member(f"00-rekap-{job.year}-{slug}.pdf"), recap)
            for doc in docs.iterator(chunk_size=1000):
                with (
                    default_storage.open(doc.file.name, "rb") as src,
                    zf.open(member(archive_member_name(doc)), "w", force_zip64=True) as dst,
                ):
                    while block := src.read(1 << 20):
                        dst.write(block)
            lines = [[d.employee.nip, d.employee.full_name, d.error] for d in failed.iterator()]
            if lines:
                table = spreadsheets.csv_bytes([["NIP", "Nama", "Alasan"], *lines])
                zf.writestr(member("99-tidak-tercetak.csv"), table)
        tmp.seek(0)
        job.archive.save("laporan.zip", File(tmp), save=False)


def _notify_done(job: ReportJob) -> None:
    user = job.requested_by
    email = user.email or getattr(getattr(user, "employee", None), "email", "")
    if not email:
        return
    counts = progress(job)
    result = outcome(job.state, done=counts["done"], failed=counts["failed"])
    link = settings.PORTAL_BASE_URL.rstrip("/") + job.get_absolute_url()
    body = (
        f"Pekerjaan laporan evaluasi kinerja tahun {job.year} untuk {job.target_name}: "
        f"{result.label}.\n"
        f"Dokumen tersusun: {counts['done']} dari {counts['total']}; gagal: {counts['failed']}.\n"
        + ("Alasan setiap kegagalan tercantum di halaman pekerjaan.\n" if counts["failed"] else "")
        + f"\nBuka: {link}\n"
    )
    subject = (
        f"Laporan kinerja {job.year} siap diunduh"
        if result.kind == "done"
        else f"Laporan kinerja {job.year}: {result.label.lower()}"
    )
    send_mail(subject, body, None, [email], fail_silently=True)


def mark_job_failed(job_id: int, run: int, reason: str) -> None:
    ReportJob.objects.filter(pk=job_id, run=run).exclude(state=ReportJob.State.DONE).update(
        state=ReportJob.State.FAILED, error=reason[:2000], finished_at=timezone.now()
    )
