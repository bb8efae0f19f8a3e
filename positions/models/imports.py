"""Excel import batches of employee workbooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from .org import OrgUnit

if TYPE_CHECKING:
    pass


# --- Excel import batches -------------------------------------------------------


class ImportBatchQuerySet(models.QuerySet["ImportBatch"]):
    def visible_to(self, user: Any) -> ImportBatchQuerySet:
        """A batch is visible to its uploader only: its rows are the uploader's workbook, so
        everyone else (HR of the same unit and a superuser included) gets 404."""
        return self.filter(created_by=user)


class ImportBatch(models.Model):
    """An uploaded employee workbook: parsed rows with their problems, committed all-or-nothing."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Pratinjau"
        QUEUED = "queued", "Sedang disimpan"
        COMMITTED = "committed", "Sudah disimpan"
        FAILED = "failed", "Gagal"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="import_batches",
        verbose_name="diunggah oleh",
    )
    created_at = models.DateTimeField("diunggah pada", auto_now_add=True)
    filename = models.CharField("nama berkas", max_length=255)
    unit = models.ForeignKey(
        OrgUnit, models.PROTECT, related_name="import_batches", verbose_name="lingkup unit"
    )
    rows = models.JSONField("baris", default=list)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    committed_at = models.DateTimeField("disimpan pada", null=True, blank=True)
    summary = models.JSONField("ringkasan", default=dict, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = "batch impor pegawai"
        verbose_name_plural = "batch impor pegawai"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="committed") | Q(committed_at__isnull=False),
                name="importbatch_committed_has_time",
                violation_error_message="Batch yang sudah disimpan wajib mencatat waktu simpan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.get("errors"))
