"""Models of manajemen talenta (docs/domain.md §6): talent-grid calculations with the rule
and weights they used, jabatan kritikal, approved rencana suksesi with their history, and
planned moves that feed the vacancy forecast."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.timezone import localtime
from simple_history.models import HistoricalRecords

from positions.models import Employee, OrgUnit, Position, scopes_for

if TYPE_CHECKING:
    from asnportal.models import User


class Kinerja(models.TextChoices):
    """Kinerja axis of the 9-box (rows, top first)."""

    ATAS = "atas", "Di atas ekspektasi"
    SESUAI = "sesuai", "Sesuai ekspektasi"
    BAWAH = "bawah", "Di bawah ekspektasi"


class Potensial(models.TextChoices):
    """Potensial axis of the 9-box (columns, left = rendah)."""

    RENDAH = "rendah", "Rendah"
    MENENGAH = "menengah", "Menengah"
    TINGGI = "tinggi", "Tinggi"


# The KemenPANRB numbering of the Kotak Manajemen Talenta (docs/domain.md §6):
#   di atas   4 7 9
#   sesuai    2 5 8
#   di bawah  1 3 6        (columns: potensial rendah, menengah, tinggi)
KOTAK = {
    (Kinerja.ATAS, Potensial.RENDAH): 4,
    (Kinerja.ATAS, Potensial.MENENGAH): 7,
    (Kinerja.ATAS, Potensial.TINGGI): 9,
    (Kinerja.SESUAI, Potensial.RENDAH): 2,
    (Kinerja.SESUAI, Potensial.MENENGAH): 5,
    (Kinerja.SESUAI, Potensial.TINGGI): 8,
    (Kinerja.BAWAH, Potensial.RENDAH): 1,
    (Kinerja.BAWAH, Potensial.MENENGAH): 3,
    (Kinerja.BAWAH, Potensial.TINGGI): 6,
}
# Kotak 7, 8 and 9 form the kelompok rencana suksesi instansi (docs/domain.md §6).
SUCCESSION_KOTAK = (7, 8, 9)


class TalentRunQuerySet(models.QuerySet["TalentRun"]):
    def visible_to(self, user: User) -> TalentRunQuerySet:
        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("unit__path"))

    def covering(self, unit: OrgUnit) -> TalentRunQuerySet:
        """Finished runs over `unit` or one of its ancestors, newest first."""
        prefixes = OrgUnit.lineage_paths(unit.path)
        return self.filter(state=TalentRun.State.DONE, unit__path__in=prefixes).order_by(
            "-created_at", "-pk"
        )


class TalentRun(models.Model):
    """One calculation of the talent grid over a unit subtree, with the kinerja rule, the
    potensial weights and thresholds it used (so an old grid can always be explained)."""

    class State(models.TextChoices):
        PENDING = "pending", "Sedang dihitung"
        DONE = "done", "Selesai"
        FAILED = "failed", "Gagal"

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="+", verbose_name="unit")
    year = models.PositiveSmallIntegerField("tahun predikat terakhir")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="dihitung oleh"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Kinerja rule (the last two annual predikat).
    above_min_sangat_baik = models.PositiveSmallIntegerField(
        "jumlah 'Sangat Baik' untuk di atas ekspektasi", default=1
    )
    below_min_years = models.PositiveSmallIntegerField(
        "jumlah tahun di bawah 'Baik' untuk di bawah ekspektasi", default=1
    )
    single_year_counts = models.BooleanField(
        "satu tahun berpredikat sudah cukup untuk dipetakan", default=True
    )
    # Potensial weights (sum 100) and thresholds (score 0–100).
    weight_kompetensi = models.PositiveSmallIntegerField("bobot kompetensi (%)", default=50)
    weight_kualifikasi = models.PositiveSmallIntegerField("bobot kualifikasi (%)", default=20)
    weight_rekam_jejak = models.PositiveSmallIntegerField("bobot rekam jejak (%)", default=30)
    threshold_tinggi = models.PositiveSmallIntegerField("batas potensial tinggi", default=75)
    threshold_menengah = models.PositiveSmallIntegerField("batas potensial menengah", default=55)
    employee_count = models.PositiveIntegerField("pegawai dihitung", default=0)
    error = models.CharField(max_length=500, blank=True)

    objects = TalentRunQuerySet.as_manager()

    class Meta:
        verbose_name = "perhitungan talenta"
        verbose_name_plural = "perhitungan talenta"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight_kompetensi__lte=100)
                & Q(weight_kualifikasi__lte=100)
                & Q(weight_rekam_jejak__lte=100),
                name="talentrun_weights_at_most_100",
            ),
            models.CheckConstraint(
                condition=Q(
                    threshold_menengah__lt=models.F("threshold_tinggi"), threshold_tinggi__lte=100
                ),
                name="talentrun_thresholds_ordered",
                violation_error_message="Batas menengah harus di bawah batas tinggi (≤ 100).",
            ),
            models.CheckConstraint(
                condition=Q(above_min_sangat_baik__in=[1, 2], below_min_years__in=[1, 2]),
                name="talentrun_rule_counts_1_2",
            ),
        ]

    def __str__(self) -> str:
        return f"Perhitungan talenta {self.unit} ({localtime(self.created_at):%d-%m-%Y %H:%M})"

    @property
    def weights(self) -> dict[str, int]:
        return {
            "kompetensi": self.weight_kompetensi,
            "kualifikasi": self.weight_kualifikasi,
            "rekam_jejak": self.weight_rekam_jejak,
        }


class TalentResult(models.Model):
    """One employee's place in the grid of one run, with the figures that put them there."""

    run = models.ForeignKey(TalentRun, models.CASCADE, related_name="results")
    employee = models.ForeignKey(Employee, models.CASCADE, related_name="talent_results")
    # Copied from the employee's unit and post at calculation time: the grid filters by
    # subtree and jenis jabatan on this table alone.
    unit_path = models.CharField(max_length=255)
    position = models.ForeignKey(Position, models.SET_NULL, null=True, blank=True, related_name="+")
    jenis = models.CharField(max_length=20, choices=Position.Jenis.choices, blank=True)
    kinerja = models.CharField(max_length=6, choices=Kinerja.choices, blank=True)
    potensial = models.CharField(max_length=8, choices=Potensial.choices, blank=True)
    kotak = models.PositiveSmallIntegerField(null=True, blank=True)
    potential_score = models.PositiveSmallIntegerField(null=True, blank=True)
    score_kompetensi = models.PositiveSmallIntegerField(null=True, blank=True)
    score_kualifikasi = models.PositiveSmallIntegerField(null=True, blank=True)
    score_rekam_jejak = models.PositiveSmallIntegerField(null=True, blank=True)
    explanation = models.CharField("penjelasan", max_length=500)

    class Meta:
        verbose_name = "hasil pemetaan talenta"
        verbose_name_plural = "hasil pemetaan talenta"
        indexes = [
            models.Index(fields=["run", "kotak", "unit_path"], name="talentresult_run_kotak"),
            models.Index(
                fields=["run", "unit_path"],
                name="talentresult_run_path",
                opclasses=["", "varchar_pattern_ops"],
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["run", "employee"], name="talentresult_once_per_run"),
            models.CheckConstraint(
                condition=Q(kotak__isnull=True) | Q(kotak__gte=1, kotak__lte=9),
                name="talentresult_kotak_1_9",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: kotak {self.kotak or '-'}"


class CriticalPostQuerySet(models.QuerySet["CriticalPost"]):
    def visible_to(self, user: User) -> CriticalPostQuerySet:
        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("position__unit__path"))


class CriticalPost(models.Model):
    """A jabatan kritikal marked by HR (docs/domain.md §6): it gets a rencana suksesi."""

    position = models.OneToOneField(
        Position, models.CASCADE, related_name="critical", verbose_name="jabatan"
    )
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    objects = CriticalPostQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jabatan kritikal"
        verbose_name_plural = "jabatan kritikal"

    def __str__(self) -> str:
        return f"Jabatan kritikal: {self.position}"


class Readiness(models.TextChoices):
    SEKARANG = "sekarang", "Siap sekarang"
    SATU_DUA = "1_2", "Siap 1–2 tahun"
    LEBIH = "lebih", "Siap lebih dari 2 tahun"


class SuccessionPlan(models.Model):
    """An approved daftar suksesor of a critical post. A new approval adds a new version; the
    earlier ones stay as the history (the latest is in force)."""

    position = models.ForeignKey(Position, models.CASCADE, related_name="succession_plans")
    run = models.ForeignKey(TalentRun, models.SET_NULL, null=True, blank=True, related_name="+")
    version = models.PositiveSmallIntegerField("versi")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField("catatan", max_length=500, blank=True)

    class Meta:
        verbose_name = "rencana suksesi"
        verbose_name_plural = "rencana suksesi"
        ordering = ["position", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["position", "version"], name="succession_version_once"),
        ]

    def __str__(self) -> str:
        return f"Rencana suksesi {self.position} v{self.version}"


class SuccessionCandidate(models.Model):
    plan = models.ForeignKey(SuccessionPlan, models.CASCADE, related_name="candidates")
    employee = models.ForeignKey(Employee, models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField("urutan")
    kotak = models.PositiveSmallIntegerField()
    readiness = models.CharField("kesiapan", max_length=10, choices=Readiness.choices)
    gaps = models.CharField("kekurangan", max_length=300, blank=True)

    class Meta:
        verbose_name = "suksesor"
        verbose_name_plural = "suksesor"
        ordering = ["plan", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "employee"], name="succession_candidate_once"),
            models.CheckConstraint(
                condition=Q(kotak__gte=1, kotak__lte=9), name="succession_candidate_kotak_1_9"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} ({self.get_readiness_display()})"


class PlannedMove(models.Model):
    """A planned move of a post's holder (mutasi/promosi terencana): the post falls vacant on
    `move_date` in the vacancy forecast."""

    employee = models.ForeignKey(
        Employee, models.CASCADE, related_name="planned_moves", verbose_name="pegawai"
    )
    position = models.ForeignKey(
        Position, models.CASCADE, related_name="planned_moves", verbose_name="jabatan ditinggalkan"
    )
    move_date = models.DateField("tanggal rencana")
    note = models.CharField("keterangan", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rencana mutasi"
        verbose_name_plural = "rencana mutasi"
        ordering = ["move_date"]

    def __str__(self) -> str:
        return f"{self.employee_id} meninggalkan {self.position_id} ({self.move_date})"
