"""Ratings, the BerAKHLAK values and the rules as data: the predikat matrix and the
distribution curve (seeded by a data migration, so a new regulation is a new set of rows)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from positions.models import Predikat

if TYPE_CHECKING:
    pass


REGULATION = "PermenPANRB 6/2022"


class Rating(models.TextChoices):
    """Rating hasil kerja / perilaku kerja (SIASN: 1 di atas, 2 sesuai, 3 di bawah)."""

    DIATAS = "diatas", "Di Atas Ekspektasi"
    SESUAI = "sesuai", "Sesuai Ekspektasi"
    DIBAWAH = "dibawah", "Di Bawah Ekspektasi"


class OrganisationPredikat(models.TextChoices):
    """Predikat kinerja organisasi (docs/domain.md §1.7): the choices of
    `OrganisationPerformance.predikat` and of the curve rules."""

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
        "predikat kinerja organisasi", max_length=20, choices=OrganisationPredikat.choices
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
        # Whole percentages when exact, else one decimal (70,4%): a rounded "70%" would read
        # as within a "paling banyak 70%" rule it breaks.
        hundred = share * 100
        pct = f"{hundred:.0f}%" if hundred == hundred.to_integral_value() else f"{hundred:.1f}%"
        pct = pct.replace(".", ",")
        if self.min_count is not None and n < self.min_count:
            return f"{self.description}: saat ini {n} orang."
        if total and self.max_share is not None and share > self.max_share:
            return f"{self.description}: saat ini {pct} ({n} dari {total})."
        if total and self.min_share is not None and share < self.min_share:
            return f"{self.description}: saat ini {pct} ({n} dari {total})."
        return None
