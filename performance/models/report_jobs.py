"""Yearly report jobs (PDF), their documents and document verification."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from core.limits import NOTE, max_length_check
from core.models import BackgroundJob
from positions.models import Employee, OrgUnit, Predikat, scopes_for

from .skp import SKP

if TYPE_CHECKING:
    from asnportal.models import User


# --- Yearly report jobs (PDF) ------------------------------------------------------


def report_file_path(instance: models.Model, filename: str) -> str:
    """Generated PDFs and ZIPs, under unguessable names."""
    from core.uploads import random_storage_name

    return random_storage_name("laporan", filename)


class ReportJobQuerySet(models.QuerySet["ReportJob"]):
    def visible_to(self, user: User) -> ReportJobQuerySet:
        """Jobs the user asked for, and unit jobs inside the user's HR/pimpinan scope."""
        if user.is_superuser:
            return self
        scopes = scopes_for(user)
        q = Q(requested_by=user)
        for path in scopes.write_paths + scopes.read_paths:
            q |= Q(kind=ReportJob.Kind.UNIT, unit__path__startswith=path)
        return self.filter(q)


class ReportJob(BackgroundJob):
    """One request for yearly evaluation reports: a unit subtree (HR) or one employee
    (the pegawai themself or their penilai)."""

    class Kind(models.TextChoices):
        UNIT = "unit", "Unit kerja"
        EMPLOYEE = "pegawai", "Pegawai"

    class State(models.TextChoices):
        QUEUED = "antri", "Menunggu"
        RUNNING = "berjalan", "Berjalan"
        FINISHING = "menyusun", "Menyusun arsip"
        DONE = "selesai", "Selesai"
        FAILED = "gagal", "Gagal"

    kind = models.CharField("jenis", max_length=8, choices=Kind.choices)
    unit = models.ForeignKey(
        OrgUnit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="unit"
    )
    employee = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="pegawai"
    )
    year = models.PositiveSmallIntegerField("tahun")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="report_jobs"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    recap = models.FileField(upload_to=report_file_path, blank=True)
    archive = models.FileField(upload_to=report_file_path, blank=True)

    objects = ReportJobQuerySet.as_manager()

    class Meta(BackgroundJob.Meta):
        verbose_name = "pekerjaan laporan"
        verbose_name_plural = "pekerjaan laporan"
        constraints = [
            *BackgroundJob.Meta.constraints,
            models.CheckConstraint(
                condition=(Q(kind="unit") & Q(unit__isnull=False) & Q(employee__isnull=True))
                | (Q(kind="pegawai") & Q(employee__isnull=False)),
                name="reportjob_target_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self) -> str:
        # reportjob_target_matches_kind: a unit job has a unit, a pegawai job an employee.
        target = self.unit.name if self.unit_id else self.employee.name  # type: ignore[union-attr]
        return f"Laporan {self.year} — {target}"

    def get_absolute_url(self) -> str:
        return reverse("performance:report_job", args=[self.pk])

    @property
    def target_name(self) -> str:
        return self.unit.name if self.kind == self.Kind.UNIT else self.employee.name  # type: ignore[union-attr]

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING, self.State.FINISHING)


class ReportDocumentQuerySet(models.QuerySet["ReportDocument"]):
    def visible_to(self, user: User) -> ReportDocumentQuerySet:
        """Own report, reports of employees the user rates or may see (HR/pimpinan scope),
        and every document of a job the user may see (the job's ZIP holds them all, so each
        PDF in it is downloadable on its own too)."""
        if user.is_superuser:
            return self
        # EXISTS, not `__in`: see `SKPQuerySet.visible_to`.
        return self.filter(
            Q(job__in=ReportJob.objects.visible_to(user))
            | Exists(Employee.objects.visible_to(user).filter(pk=OuterRef("employee_id")))
            | Exists(SKP.objects.visible_to(user).filter(pk=OuterRef("skp_id")))
        )


class ReportDocument(models.Model):
    """The report of one employee inside a job. (job, employee) is unique: a re-run replaces
    the file and the verification code of this row, it never adds a second document."""

    class State(models.TextChoices):
        PENDING = "antri", "Menunggu"
        DONE = "selesai", "Selesai"
        FAILED = "gagal", "Gagal"

    job = models.ForeignKey(ReportJob, models.CASCADE, related_name="documents")
    employee = models.ForeignKey(Employee, models.PROTECT, related_name="report_documents")
    skp = models.ForeignKey(SKP, models.PROTECT, null=True, blank=True, related_name="+")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    # The job run this row was last reset for, and the run its file was rendered in.
    run = models.PositiveIntegerField(default=1)
    rendered_run = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True, max_length=NOTE)
    file = models.FileField(upload_to=report_file_path, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    objects = ReportDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "dokumen laporan"
        verbose_name_plural = "dokumen laporan"
        ordering = ["job", "pk"]
        constraints = [
            max_length_check("reportdoc_error_length", "error", NOTE),
            models.UniqueConstraint(fields=["job", "employee"], name="reportdoc_once_per_job"),
            models.CheckConstraint(
                condition=~Q(state="selesai") | (~Q(file="") & ~Q(sha256="")),
                name="reportdoc_done_has_file",
            ),
        ]
        indexes = [models.Index(fields=["job", "state"])]

    def __str__(self) -> str:
        return f"{self.job} — {self.employee.name}"

    @property
    def filename(self) -> str:
        return f"evaluasi-kinerja-{self.job.year}-{self.employee.nip or self.employee_id}.pdf"


class DocumentVerification(models.Model):
    """What the public verification page may show about one rendered PDF: name, year,
    predikat and SHA-256 — nothing else. A re-rendered document gets a new code; the older
    codes of the same employee and year are marked superseded."""

    code = models.CharField("kode verifikasi", max_length=14, unique=True)
    document = models.ForeignKey(
        ReportDocument, models.SET_NULL, null=True, blank=True, related_name="verifications"
    )
    employee = models.ForeignKey(Employee, models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("tahun")
    name = models.CharField("nama", max_length=200)
    predikat = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    sha256 = models.CharField(max_length=64)
    issued_at = models.DateTimeField(auto_now_add=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "verifikasi dokumen"
        verbose_name_plural = "verifikasi dokumen"
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["employee", "year"])]

    def __str__(self) -> str:
        return f"{self.code} — {self.name} {self.year}"

    @property
    def is_valid(self) -> bool:
        return self.superseded_at is None
