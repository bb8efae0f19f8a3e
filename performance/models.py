"""Pengelolaan kinerja (PermenPANRB 6/2022): SKP, RHK and IKI, evaluations, predikat and the
distribution curve. The predikat matrix and the curve rules are data (seeded by a data
migration), not if/elif chains, so a new regulation is a new set of rows."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.limits import FEEDBACK, NOTE, SHORT_TEXT, SYSTEM_ERROR, max_length_check
from positions.models import Employee, OrgUnit, Position, Predikat, scopes_for

if TYPE_CHECKING:
    from asnportal.models import User

REGULATION = "PermenPANRB 6/2022"


class Rating(models.TextChoices):
    """Rating hasil kerja / perilaku kerja (SIASN: 1 di atas, 2 sesuai, 3 di bawah)."""

    DIATAS = "diatas", "Di Atas Ekspektasi"
    SESUAI = "sesuai", "Sesuai Ekspektasi"
    DIBAWAH = "dibawah", "Di Bawah Ekspektasi"


class PredikatOrganisasi(models.TextChoices):
    ISTIMEWA = "istimewa", "Istimewa"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


# The 7 BerAKHLAK core values with their panduan perilaku (SE MenPANRB 20/2021,
# docs/domain.md §1.4).
BERAKHLAK = [
    (
        "berorientasi_pelayanan",
        "Berorientasi Pelayanan",
        [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    ),
    (
        "akuntabel",
        "Akuntabel",
        [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan "
            "efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    ),
    (
        "kompeten",
        "Kompeten",
        [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    ),
    (
        "harmonis",
        "Harmonis",
        [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    ),
    (
        "loyal",
        "Loyal",
        [
            "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta "
            "pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ],
    ),
    (
        "adaptif",
        "Adaptif",
        [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
    ),
    (
        "kolaboratif",
        "Kolaboratif",
        [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ],
    ),
]
BERAKHLAK_CHOICES = [(code, label) for code, label, _ in BERAKHLAK]
PANDUAN = {code: guides for code, _, guides in BERAKHLAK}


# --- Rules as data --------------------------------------------------------------


class PredikatRule(models.Model):
    """One cell of the kuadran kinerja: (rating hasil, rating perilaku) -> predikat."""

    regulation = models.CharField("regulasi", max_length=60, default=REGULATION)
    rating_hasil = models.CharField("rating hasil kerja", max_length=10, choices=Rating.choices)
    rating_perilaku = models.CharField("rating perilaku", max_length=10, choices=Rating.choices)
    predikat = models.CharField("predikat", max_length=20, choices=Predikat.choices)

    class Meta:
        verbose_name = "aturan predikat (kuadran kinerja)"
        verbose_name_plural = "aturan predikat (kuadran kinerja)"
        constraints = [
            models.UniqueConstraint(
                fields=["regulation", "rating_hasil", "rating_perilaku"], name="predikat_rule_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rating_hasil} × {self.rating_perilaku} → {self.predikat}"


def predikat_for(rating_hasil: str, rating_perilaku: str, regulation: str = REGULATION) -> str:
    """Look the predikat up in the matrix table."""
    return PredikatRule.objects.values_list("predikat", flat=True).get(
        regulation=regulation, rating_hasil=rating_hasil, rating_perilaku=rating_perilaku
    )


class CurveRule(models.Model):
    """A rule of the kurva distribusi for one predikat kinerja organisasi (docs/domain.md §1.7):
    the share of the listed employee predikat must be at least / at most a value, or at
    least `min_count` people must have one of them."""

    regulation = models.CharField("regulasi", max_length=60, default=REGULATION)
    org_predikat = models.CharField(
        "predikat kinerja organisasi", max_length=20, choices=PredikatOrganisasi.choices
    )
    predikats = models.CharField("predikat pegawai (dipisah koma)", max_length=100)
    min_share = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    max_share = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    min_count = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.CharField("uraian", max_length=200)

    class Meta:
        verbose_name = "aturan kurva distribusi"
        verbose_name_plural = "aturan kurva distribusi"
        ordering = ["regulation", "org_predikat", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(min_share__isnull=True) | Q(min_share__gte=0, min_share__lte=1))
                & (Q(max_share__isnull=True) | Q(max_share__gte=0, max_share__lte=1)),
                name="curverule_shares_0_1",
                violation_error_message="Batas persentase kurva harus antara 0 dan 1.",
            ),
            models.CheckConstraint(
                condition=Q(min_share__isnull=False)
                | Q(max_share__isnull=False)
                | Q(min_count__isnull=False),
                name="curverule_has_bound",
                violation_error_message="Aturan kurva wajib memiliki batas persentase atau jumlah.",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def predikat_list(self) -> list[str]:
        return [p.strip() for p in self.predikats.split(",") if p.strip()]

    def violation(self, counts: dict[str, int]) -> str | None:
        """The violation in words for a distribution {predikat: count}, or None."""
        total = sum(counts.values())
        n = sum(counts.get(p, 0) for p in self.predikat_list)
        share = Decimal(n) / Decimal(total) if total else Decimal(0)
        pct = f"{share * 100:.0f}%"
        if self.min_count is not None and n < self.min_count:
            return f"{self.description}: saat ini {n} orang."
        if total and self.max_share is not None and share > self.max_share:
            return f"{self.description}: saat ini {pct} ({n} dari {total})."
        if total and self.min_share is not None and share < self.min_share:
            return f"{self.description}: saat ini {pct} ({n} dari {total})."
        return None


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
        q |= models.Exists(visible)
        return self.filter(q)

    def current(self) -> SKPQuerySet:
        return self.filter(superseded_at__isnull=True)


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
        Position, models.PROTECT, null=True, blank=True, related_name="+"
    )
    atasan_penilai = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_note = models.TextField("catatan pengembalian", blank=True, max_length=NOTE)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveSmallIntegerField("revisi", default=1)
    superseded_by = models.OneToOneField(
        "self", models.SET_NULL, null=True, blank=True, related_name="supersedes"
    )
    # Set before the next revision is inserted, so "one current SKP per period" holds
    # at every statement (the partial unique index keys on it).
    superseded_at = models.DateTimeField(null=True, blank=True)
    # Identity of pegawai, penilai and atasan penilai frozen at approval (name, NIP,
    # pangkat/gol, jabatan, unit): documents print these, not today's data.
    snapshot = models.JSONField(default=dict, blank=True)
    dukungan_sumber_daya = models.TextField("dukungan sumber daya", blank=True, max_length=FEEDBACK)
    skema_pertanggungjawaban = models.TextField(
        "skema pertanggungjawaban", blank=True, max_length=FEEDBACK
    )
    konsekuensi = models.TextField("konsekuensi", blank=True, max_length=FEEDBACK)
    created_at = models.DateTimeField(auto_now_add=True)

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


# --- Evaluation -------------------------------------------------------------------


class Evaluation(models.Model):
    """Evaluasi kinerja of one SKP for one period (triwulan I–III, IV = akhir/tahunan)."""

    class Period(models.TextChoices):
        TW1 = "tw1", "Triwulan I"
        TW2 = "tw2", "Triwulan II"
        TW3 = "tw3", "Triwulan III"
        TW4 = "tw4", "Triwulan IV / Akhir"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        FINAL = "final", "Final"

    skp = models.ForeignKey(SKP, models.PROTECT, related_name="evaluations")
    period = models.CharField(max_length=4, choices=Period.choices)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.DRAFT)
    rating_hasil = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    rating_perilaku = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    predikat = models.CharField(max_length=20, choices=Predikat.choices, blank=True)
    umpan_balik = models.TextField("umpan balik umum", blank=True, max_length=FEEDBACK)
    finalised_by = models.ForeignKey(
        Employee, models.PROTECT, null=True, blank=True, related_name="+"
    )
    finalised_at = models.DateTimeField(null=True, blank=True)
    # Written by the penilai when finalising although some realisasi is missing; printed on
    # the evaluation document next to the ratings.
    finalise_note = models.CharField("catatan finalisasi", max_length=1000, blank=True)
    # When the pegawai told the penilai the realisasi and bukti dukung are ready.
    realisasi_sent_at = models.DateTimeField("realisasi dikirim pada", null=True, blank=True)
    # Optimistic lock: a second penilai tab saving a stale form is refused, not merged.
    version = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "evaluasi kinerja"
        verbose_name_plural = "evaluasi kinerja"
        ordering = ["skp", "period"]
        constraints = [
            max_length_check("evaluation_umpan_balik_length", "umpan_balik", FEEDBACK),
            models.UniqueConstraint(fields=["skp", "period"], name="evaluation_once_per_period"),
            models.CheckConstraint(
                condition=~Q(status="final") | (~Q(rating_hasil="") & ~Q(predikat="")),
                name="evaluation_final_is_rated",
            ),
            models.CheckConstraint(
                condition=~Q(status="final") | ~Q(rating_perilaku=""),
                name="evaluation_final_has_perilaku",
                violation_error_message="Evaluasi final wajib memiliki rating perilaku kerja.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skp} — {self.get_period_display()}"

    def get_absolute_url(self) -> str:
        return reverse("performance:evaluation", args=[self.skp_id, self.period])

    @property
    def is_annual(self) -> bool:
        return self.period == self.Period.TW4


PERIODS_BY_SETTING = {
    "triwulan": [p.value for p in Evaluation.Period],
    # Only the annual evaluation when the instansi does not evaluate quarterly.
    "tahunan": [Evaluation.Period.TW4.value],
}


def evaluation_periods() -> list[str]:
    """The evaluation periods of this instansi (settings.EVALUATION_PERIODS)."""
    kind = getattr(settings, "EVALUATION_PERIODS", "triwulan")
    return PERIODS_BY_SETTING.get(kind, PERIODS_BY_SETTING["triwulan"])


def evidence_path(instance: Realisation, filename: str) -> str:
    """Unguessable storage name; the original name is kept on the row for downloads."""
    from core.uploads import random_storage_name

    return random_storage_name(f"bukti/{instance.evaluation.skp.year}", filename)


class Realisation(models.Model):
    evaluation = models.ForeignKey(Evaluation, models.CASCADE, related_name="realisations")
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="realisations")
    value = models.DecimalField("realisasi", max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField("realisasi (uraian)", blank=True, max_length=NOTE)
    evidence = models.FileField("bukti dukung", upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_link = models.URLField("tautan bukti dukung", blank=True)
    umpan_balik = models.TextField("umpan balik", blank=True, max_length=FEEDBACK)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        constraints = [
            max_length_check("realisation_text_length", "text", NOTE),
            max_length_check("realisation_umpan_balik_length", "umpan_balik", FEEDBACK),
            models.UniqueConstraint(
                fields=["evaluation", "indicator"], name="realisation_once_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="realisation_value_non_negative",
                violation_error_message="Nilai realisasi tidak boleh negatif.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.value or self.text}"

    @property
    def capaian(self) -> Decimal | None:
        """Realisasi ÷ target for quantitative indicators, as a percentage."""
        target = self.indicator.target_value
        if self.value is None or not target:
            return None
        return (self.value / target * 100).quantize(Decimal("0.1"))


class BehaviourFeedback(models.Model):
    evaluation = models.ForeignKey(Evaluation, models.CASCADE, related_name="behaviour_feedback")
    value = models.CharField("nilai", max_length=30, choices=BERAKHLAK_CHOICES)
    umpan_balik = models.TextField("umpan balik", blank=True, max_length=FEEDBACK)

    class Meta:
        constraints = [
            max_length_check("feedback_umpan_balik_length", "umpan_balik", FEEDBACK),
            models.UniqueConstraint(fields=["evaluation", "value"], name="feedback_once_per_value"),
        ]

    def __str__(self) -> str:
        return self.get_value_display()


# --- Organisation performance and history ------------------------------------------


class OrganisationPerformance(models.Model):
    """Predikat kinerja organisasi of a unit for a year, set by HR; closing the year locks
    the annual predikat of the unit's employees."""

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="performances")
    year = models.PositiveSmallIntegerField("tahun")
    predikat = models.CharField(max_length=20, choices=PredikatOrganisasi.choices)
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


class ReportJob(models.Model):
    """One request for yearly evaluation reports: a unit subtree (HR) or one employee
    (the pegawai themself or their penilai). `run` counts (re)starts: a task carries the run
    it was sent for, so a re-delivered or stale task never overwrites a newer result."""

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
    run = models.PositiveIntegerField(default=1)
    total = models.PositiveIntegerField(default=0)
    recap = models.FileField(upload_to=report_file_path, blank=True)
    archive = models.FileField(upload_to=report_file_path, blank=True)
    error = models.TextField(blank=True, max_length=SYSTEM_ERROR)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ReportJobQuerySet.as_manager()

    class Meta:
        verbose_name = "pekerjaan laporan"
        verbose_name_plural = "pekerjaan laporan"
        ordering = ["-created_at", "-pk"]
        constraints = [
            max_length_check("reportjob_error_length", "error", SYSTEM_ERROR),
            models.CheckConstraint(
                condition=(Q(kind="unit") & Q(unit__isnull=False) & Q(employee__isnull=True))
                | (Q(kind="pegawai") & Q(employee__isnull=False)),
                name="reportjob_target_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self) -> str:
        target = self.unit.name if self.unit_id else self.employee.name
        return f"Laporan {self.year} — {target}"

    def get_absolute_url(self) -> str:
        return reverse("performance:report_job", args=[self.pk])

    @property
    def target_name(self) -> str:
        return self.unit.name if self.kind == self.Kind.UNIT else self.employee.name

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING, self.State.FINISHING)


class ReportDocumentQuerySet(models.QuerySet["ReportDocument"]):
    def visible_to(self, user: User) -> ReportDocumentQuerySet:
        """Own report, reports of employees the user rates or may see (HR/pimpinan scope)."""
        if user.is_superuser:
            return self
        return self.filter(
            Q(employee__in=Employee.objects.visible_to(user))
            | Q(skp__in=SKP.objects.visible_to(user))
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
