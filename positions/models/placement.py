"""Placements: who holds which position (definitif or Plt/Plh) and when."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from simple_history.models import HistoricalRecords

from .employee import Employee
from .position import Position

if TYPE_CHECKING:
    from asnportal.models import User


class PlacementQuerySet(models.QuerySet["Placement"]):
    def on(self, date: dt.date) -> PlacementQuerySet:
        """Placements in force on a date (TMT on or before it, not ended before it)."""
        return self.filter(start_date__lte=date).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )

    def open(self) -> PlacementQuerySet:
        return self.filter(end_date__isnull=True)

    def holder_of(self, position_id: int, on: dt.date) -> Placement | None:
        """Who holds a position on a date: the definitive holder, else Plt, else Plh."""
        rank = Case(
            When(kind=Placement.Kind.DEFINITIF, then=Value(0)),
            When(kind=Placement.Kind.PLT, then=Value(1)),
            default=Value(2),
        )
        return (
            self.on(on)
            .filter(position_id=position_id)
            .select_related("employee")
            .annotate(rank=rank)
            .order_by("rank", "-start_date")
            .first()
        )

    def visible_to(self, user: User) -> PlacementQuerySet:
        if user.is_superuser:
            return self
        # EXISTS, not `employee__in`: see `SKPQuerySet.visible_to`.
        visible = Employee.objects.visible_to(user).filter(pk=OuterRef("employee_id"))
        return self.filter(Exists(visible))


class Placement(models.Model):
    class Kind(models.TextChoices):
        DEFINITIF = "definitif", "Definitif"
        PLT = "plt", "Pelaksana Tugas (Plt)"
        PLH = "plh", "Pelaksana Harian (Plh)"

    class EndReason(models.TextChoices):
        MUTASI = "mutasi", "Mutasi/promosi"
        PENSIUN = "pensiun", "Pensiun"
        MUTASI_KELUAR = "mutasi_keluar", "Mutasi keluar instansi"
        BERHENTI = "berhenti", "Diberhentikan"
        MENINGGAL = "meninggal", "Meninggal dunia"
        SELESAI = "selesai", "Penugasan selesai"

    employee = models.ForeignKey(
        Employee, models.PROTECT, related_name="placements", verbose_name="pegawai"
    )
    position = models.ForeignKey(
        Position, models.PROTECT, related_name="placements", verbose_name="jabatan"
    )
    kind = models.CharField("jenis penempatan", max_length=10, choices=Kind.choices)
    start_date = models.DateField("TMT")
    end_date = models.DateField("tanggal berakhir", null=True, blank=True)
    end_reason = models.CharField(
        "alasan berakhir", max_length=15, choices=EndReason.choices, blank=True
    )
    sk_number = models.CharField("nomor SK", max_length=100)
    sk_date = models.DateField("tanggal SK")
    # Copied from the position by the placement service: a partial unique index cannot join,
    # and "one open definitive holder" applies only to structural positions.
    is_structural = models.BooleanField("jabatan struktural", default=False, editable=False)
    created_at = models.DateTimeField("dicatat pada", auto_now_add=True)

    objects = PlacementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penempatan (riwayat jabatan)"
        verbose_name_plural = "penempatan (riwayat jabatan)"
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["position", "end_date"], name="placement_position_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(kind="definitif", end_date__isnull=True),
                name="placement_one_open_definitive_per_employee",
                violation_error_message="Pegawai ini sudah memiliki jabatan definitif yang aktif.",
            ),
            models.UniqueConstraint(
                fields=["position"],
                condition=Q(kind="definitif", end_date__isnull=True, is_structural=True),
                name="placement_one_definitive_holder_per_structural_position",
                violation_error_message="Jabatan struktural ini sudah memiliki pejabat definitif.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="placement_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=False) | Q(end_reason=""),
                name="placement_reason_only_when_ended",
                violation_error_message=(
                    "Alasan berakhir hanya diisi untuk penempatan yang sudah berakhir."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} — {self.position} ({self.get_kind_display()})"

    @property
    def is_open(self) -> bool:
        return self.end_date is None
