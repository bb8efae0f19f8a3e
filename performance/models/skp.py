"""Sasaran kinerja pegawai: the SKP with its RHK, IKI and expected behaviour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.limits import FEEDBACK, NOTE, SHORT_TEXT, max_length_check
from positions.models import Employee, Position, scopes_for

from .rules import BERAKHLAK_CHOICES

if TYPE_CHECKING:
    from asnportal.models import User


# --- SKP --------------------------------------------------------------------------


class SKPQuerySet(models.QuerySet["SKP"]):
    def visible_to(self, user: User) -> SKPQuerySet:
        """Own SKP, SKP the user rates (as penilai, or as holder of the penilai post), and
        SKP of employees in the user's scope."""
        if user.is_superuser:
            return self
        scopes = scopes_for(user)
        q = Q(employee__user=user) | Q(penilai__user=user)
        if scopes.headed_position_ids:
            q |= Q(penilai_position_id__in=scopes.headed_position_ids)
        # EXISTS, not `employee__in`: PostgreSQL would hash the user's whole visible set
        # (19,000 employees for a province HR) to test even a single SKP (~100 ms).
        visible = Employee.objects.visible_to(user).filter(pk=models.OuterRef("employee_id"))
        return self.filter(q | models.Exists(visible))

    def current(self) -> SKPQuerySet:
        return self.filter(superseded_at__isnull=True)

    def latest_current(self) -> SKP | None:
        """The current SKP whose period starts last: of an employee's year, the one of the
        post held last (a move inside the year splits the SKP, docs/domain.md §1.8)."""
        return self.current().order_by("-period_start").first()


class SKP(models.Model):
    class Pendekatan(models.TextChoices):
        KUANTITATIF = "kuantitatif", "Kuantitatif"
        KUALITATIF = "kualitatif", "Kualitatif"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        DISETUJUI = "disetujui", "Disetujui"

    employee = models.ForeignKey(
        Employee, models.PROTECT, related_name="skps", verbose_name="pegawai"
    )
    year = models.PositiveSmallIntegerField("tahun")
    period_start = models.DateField("awal periode")
    period_end = models.DateField("akhir periode")
    pendekatan = models.CharField(max_length=12, choices=Pendekatan.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    # Derived from placements at the period's start (Plt/Plh respected) and refreshed on
    # submit; the penilai *post* is kept so whoever holds it (definitif, Plt, Plh) may act.
    position = models.ForeignKey(Position, models.PROTECT, related_name="+", verbose_name="jabatan")
    penilai = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="skps_to_rate"
    )
    penilai_position = models.ForeignKey(
        Position,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="jabatan pejabat penilai",
    )
    atasan_penilai = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_note = models.TextField("catatan pengembalian", blank=True, max_length=NOTE)
    submitted_at = models.DateTimeField("diajukan pada", null=True, blank=True)
    approved_at = models.DateTimeField("disetujui pada", null=True, blank=True)
    approved_by = models.ForeignKey(
        Employee,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="disetujui oleh",
    )
    revision = models.PositiveSmallIntegerField("revisi", default=1)
    superseded_by = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name="digantikan oleh",
    )
    # Set before the next revision is inserted, so "one current SKP per period" holds
    # at every statement (the partial unique index keys on it).
    superseded_at = models.DateTimeField("digantikan pada", null=True, blank=True)
    # Identity of pegawai, penilai and atasan penilai frozen at approval (name, NIP,
    # pangkat/gol, jabatan, unit): documents print these, not today's data.
    snapshot = models.JSONField("identitas saat disetujui", default=dict, blank=True)
    dukungan_sumber_daya = models.TextField("dukungan sumber daya", blank=True, max_length=FEEDBACK)
    skema_pertanggungjawaban = models.TextField(
        "skema pertanggungjawaban", blank=True, max_length=FEEDBACK
    )
    konsekuensi = models.TextField("konsekuensi", blank=True, max_length=FEEDBACK)
    created_at = models.DateTimeField("dibuat pada", auto_now_add=True)

    objects = SKPQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "SKP"
        verbose_name_plural = "SKP"
        ordering = ["-year", "-period_start"]
        constraints = [
            max_length_check("skp_return_note_length", "return_note", NOTE),
            max_length_check("skp_dukungan_length", "dukungan_sumber_daya", FEEDBACK),
            max_length_check("skp_skema_length", "skema_pertanggungjawaban", FEEDBACK),
            max_length_check("skp_konsekuensi_length", "konsekuensi", FEEDBACK),
            models.UniqueConstraint(
                fields=["employee", "period_start"],
                condition=Q(superseded_at__isnull=True),
                name="skp_one_current_per_period",
                violation_error_message="Pegawai sudah memiliki SKP untuk periode ini.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="skp_period_order"
            ),
            models.CheckConstraint(
                condition=Q(period_start__year=models.F("year"), period_end__year=models.F("year")),
                name="skp_period_in_year",
                violation_error_message="Periode SKP harus berada di dalam tahun SKP.",
            ),
            models.CheckConstraint(
                condition=Q(revision__gte=1),
                name="skp_revision_from_1",
                violation_error_message="Nomor revisi SKP dimulai dari 1.",
            ),
            models.CheckConstraint(
                condition=Q(superseded_by__isnull=True) | Q(superseded_at__isnull=False),
                name="skp_superseded_has_time",
                violation_error_message="SKP yang digantikan revisi wajib mencatat waktunya.",
            ),
        ]

    def __str__(self) -> str:
        return f"SKP {self.year} {self.employee.name} (rev. {self.revision})"

    def get_absolute_url(self) -> str:
        return reverse("performance:skp_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.DIKEMBALIKAN)

    @property
    def is_jpt(self) -> bool:
        return self.position.jenis in ("jpt_utama", "jpt_madya", "jpt_pratama")


class RHK(models.Model):
    """Rencana hasil kerja. A utama RHK names the penilai's RHK it intervenes (cascade)."""

    class Jenis(models.TextChoices):
        UTAMA = "utama", "Utama"
        TAMBAHAN = "tambahan", "Tambahan"

    class Perspektif(models.TextChoices):
        PENERIMA_LAYANAN = "penerima_layanan", "Penerima Layanan"
        PROSES_BISNIS = "proses_bisnis", "Proses Bisnis"
        PENGUATAN_INTERNAL = "penguatan_internal", "Penguatan Internal"
        # The fourth perspektif of the JPT form (docs/domain.md §1.3, §1.10a).
        ANGGARAN = "anggaran", "Anggaran"

    skp = models.ForeignKey(SKP, models.CASCADE, related_name="rhks")
    jenis = models.CharField(max_length=10, choices=Jenis.choices, default=Jenis.UTAMA)
    text = models.TextField("rencana hasil kerja", max_length=SHORT_TEXT)
    parent_rhk = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name="RHK pimpinan yang diintervensi",
    )
    perspektif = models.CharField(max_length=20, choices=Perspektif.choices, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "RHK"
        verbose_name_plural = "RHK"
        # Utama before tambahan ("utama" > "tambahan", hence descending; a Case expression
        # breaks ordering through relations), then in the order they were added.
        ordering = ["skp", "-jenis", "order", "pk"]
        constraints = [max_length_check("rhk_text_length", "text", SHORT_TEXT)]

    def __str__(self) -> str:
        return self.text[:80]


class Indicator(models.Model):
    """Indikator kinerja individu (IKI) of an RHK, one per aspek, with its target."""

    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", "Kuantitas"
        KUALITAS = "kualitas", "Kualitas"
        WAKTU = "waktu", "Waktu"
        BIAYA = "biaya", "Biaya"

    rhk = models.ForeignKey(RHK, models.CASCADE, related_name="indicators")
    aspek = models.CharField(max_length=10, choices=Aspek.choices)
    text = models.TextField("indikator kinerja individu", max_length=SHORT_TEXT)
    target_value = models.DecimalField(
        "target", max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_satuan = models.CharField("satuan", max_length=60, blank=True)
    target_text = models.CharField("target (kualitatif)", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "IKI"
        verbose_name_plural = "IKI"
        ordering = ["rhk", "pk"]
        constraints = [
            max_length_check("indicator_text_length", "text", SHORT_TEXT),
            models.UniqueConstraint(
                fields=["rhk", "aspek"],
                name="indicator_once_per_aspek",
                violation_error_message="RHK ini sudah memiliki IKI untuk aspek tersebut.",
            ),
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
                name="indicator_target_non_negative",
                violation_error_message="Target IKI tidak boleh negatif.",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def target_display(self) -> str:
        if self.target_value is not None:
            value = f"{self.target_value:f}".rstrip("0").rstrip(".")
            return f"{value} {self.target_satuan}".strip()
        return self.target_text


class BehaviourExpectation(models.Model):
    """Ekspektasi khusus pimpinan per BerAKHLAK value, written by the penilai."""

    skp = models.ForeignKey(SKP, models.CASCADE, related_name="expectations")
    value = models.CharField("nilai", max_length=30, choices=BERAKHLAK_CHOICES)
    ekspektasi = models.TextField("ekspektasi khusus pimpinan", blank=True, max_length=NOTE)

    class Meta:
        verbose_name = "ekspektasi perilaku"
        verbose_name_plural = "ekspektasi perilaku"
        constraints = [
            max_length_check("expectation_ekspektasi_length", "ekspektasi", NOTE),
            models.UniqueConstraint(fields=["skp", "value"], name="expectation_once_per_value"),
        ]

    def __str__(self) -> str:
        return self.get_value_display()
