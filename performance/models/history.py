"""Organisation performance (predikat kinerja organisasi) and imported rating history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from positions.models import Employee, OrgUnit, Predikat

from .rules import OrganisationPredikat, Rating

if TYPE_CHECKING:
    pass


# --- Organisation performance and history ------------------------------------------


class OrganisationPerformance(models.Model):
    """Predikat kinerja organisasi of a unit for a year, set by HR; closing the year locks
    the annual predikat of the unit's employees."""

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="performances")
    year = models.PositiveSmallIntegerField("tahun")
    predikat = models.CharField(max_length=20, choices=OrganisationPredikat.choices)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kinerja organisasi"
        verbose_name_plural = "kinerja organisasi"
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="org_performance_once_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_predikat_display()}"


class RatingHistory(models.Model):
    """Imported results of earlier years: 2022+ ratings and predikat, before 2022 nilai SKP
    and sebutan (PP 46/2011, PP 30/2019; docs/domain.md §2)."""

    class Regime(models.TextChoices):
        PP46 = "pp46", "PP 46/2011"
        PP30 = "pp30", "PP 30/2019"
        PERMENPAN6 = "permenpan6", "PermenPANRB 6/2022"

    employee = models.ForeignKey(Employee, models.CASCADE, related_name="rating_history")
    year = models.PositiveSmallIntegerField("tahun")
    regime = models.CharField(max_length=12, choices=Regime.choices)
    rating_hasil = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    rating_perilaku = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    nilai_skp = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    sebutan = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = "riwayat penilaian kinerja"
        verbose_name_plural = "riwayat penilaian kinerja"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "year"], name="rating_history_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} {self.year}"
