"""Positions (jabatan), competencies and the workload analysis (ABK) behind kebutuhan.

`Placement` and `scopes_for` are imported inside the methods that use them: their modules import
this one."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.limits import FEEDBACK, LONG_TEXT, NOTE, max_length_check

from .org import OrgUnit, opd_name_of
from .reference import LEADERSHIP_BY_JENIS, STRUCTURAL_JENIS, EducationLevel, Golongan, today

if TYPE_CHECKING:
    from asnportal.models import User


class PositionQuerySet(models.QuerySet["Position"]):
    def active(self) -> PositionQuerySet:
        return self.filter(is_active=True)

    def with_opd(self) -> PositionQuerySet:
        """Annotate `opd_name`, the perangkat daerah of the post's unit."""
        return self.annotate(opd_name=opd_name_of("unit__path"))

    def search(self, query: str) -> PositionQuerySet:
        """Posts whose name, code, unit or perangkat daerah contains every word of `query`."""
        found = self
        for word in query.split()[:5]:
            found = found.filter(
                Q(name__icontains=word)
                | Q(code__icontains=word)
                | Q(unit__name__icontains=word)
                | Q(opd_name__icontains=word)
            )
        return found

    def visible_to(self, user: User) -> PositionQuerySet:
        from .scope import scopes_for

        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("unit__path"))

    def in_subtree(self, unit: OrgUnit) -> PositionQuerySet:
        # The subtree's unit ids first (the path prefix index), then the posts by unit id:
        # PostgreSQL otherwise scans every position of the province to join it with the units
        # (12 → 8 ms for the 1,173 posts of a province dinas; tests/perf/README.md).
        units = OrgUnit.objects.filter(path__startswith=unit.path).values("pk")
        return self.filter(unit__in=models.Subquery(units))

    def with_bezetting(self, on: dt.date | None = None) -> PositionQuerySet:
        """Annotate `bezetting`: definitive holders on a date (Plt/Plh do not fill a post).

        A correlated subquery rather than a JOIN + COUNT, so the annotation can be grouped
        and summed per unit without multiplying rows."""
        from .placement import Placement

        held = (
            Placement.objects.on(on or today())
            .filter(position=models.OuterRef("pk"), kind=Placement.Kind.DEFINITIF)
            .order_by()
            .values("position")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            bezetting=Coalesce(models.Subquery(held, output_field=models.IntegerField()), 0)
        )

    def vacant(self, on: dt.date | None = None) -> PositionQuerySet:
        # bezetting is the annotation of with_bezetting, which the stubs cannot see.
        return self.with_bezetting(on).filter(bezetting__lt=F("kebutuhan"))  # type: ignore[misc]

    def for_list(self) -> PositionQuerySet:
        return self.select_related("unit", "parent").with_bezetting().with_opd()


class Position(models.Model):
    class Jenis(models.TextChoices):
        JPT_UTAMA = "jpt_utama", "JPT Utama"
        JPT_MADYA = "jpt_madya", "JPT Madya"
        JPT_PRATAMA = "jpt_pratama", "JPT Pratama"
        ADMINISTRATOR = "administrator", "Administrator"
        PENGAWAS = "pengawas", "Pengawas"
        PELAKSANA = "pelaksana", "Pelaksana"
        FUNGSIONAL = "fungsional", "Fungsional"

    class Jenjang(models.TextChoices):
        PEMULA = "pemula", "Pemula"
        TERAMPIL = "terampil", "Terampil"
        MAHIR = "mahir", "Mahir"
        PENYELIA = "penyelia", "Penyelia"
        AHLI_PERTAMA = "ahli_pertama", "Ahli Pertama"
        AHLI_MUDA = "ahli_muda", "Ahli Muda"
        AHLI_MADYA = "ahli_madya", "Ahli Madya"
        AHLI_UTAMA = "ahli_utama", "Ahli Utama"

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="positions", verbose_name="unit")
    code = models.CharField("kode", max_length=60, unique=True)
    name = models.CharField("nama jabatan", max_length=200)
    jenis = models.CharField("jenis jabatan", max_length=20, choices=Jenis.choices)
    jenjang = models.CharField("jenjang", max_length=20, choices=Jenjang.choices, blank=True)
    kelas = models.PositiveSmallIntegerField("kelas jabatan")
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="jabatan atasan",
    )
    kebutuhan = models.PositiveSmallIntegerField("kebutuhan (ABK)", default=1)
    is_active = models.BooleanField("aktif", default=True)
    # Anjab elements that matter for placement (Peraturan BKN 9/2022 Pasal 3).
    ikhtisar = models.TextField("ikhtisar jabatan", blank=True, max_length=FEEDBACK)
    uraian_tugas = models.TextField("uraian tugas", blank=True, max_length=LONG_TEXT)
    min_education_level = models.CharField(
        "pendidikan minimal", max_length=2, choices=EducationLevel.choices, blank=True
    )
    accepted_fields = models.ManyToManyField(
        "positions.EducationField",
        blank=True,
        related_name="+",
        verbose_name="bidang pendidikan yang sesuai",
    )
    min_golongan = models.CharField(
        "golongan minimal (PNS)",
        max_length=3,
        blank=True,
        choices=[(v, label) for v, label in Golongan.choices if not v.startswith("P")],
    )
    # Batas usia pensiun of the post (docs/domain.md §4.5), written by save() and by
    # positions.bup.refresh_bup_ages() from the rules and the FunctionalBup table, so every
    # reader (profile, ranking, forecast, dashboards) uses one stored number, also in SQL.
    bup_age = models.PositiveSmallIntegerField("BUP (tahun)", default=58, editable=False)

    objects = PositionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jabatan"
        verbose_name_plural = "jabatan"
        ordering = ["unit__path", "-kelas", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kelas__gte=1, kelas__lte=17), name="position_kelas_1_17"
            ),
            max_length_check("position_ikhtisar_length", "ikhtisar", FEEDBACK),
            max_length_check("position_uraian_tugas_length", "uraian_tugas", LONG_TEXT),
            models.CheckConstraint(
                condition=Q(jenis="fungsional") | Q(jenjang=""),
                name="position_jenjang_only_fungsional",
            ),
            models.CheckConstraint(
                condition=~Q(jenis="fungsional") | ~Q(jenjang=""),
                name="position_fungsional_has_jenjang",
            ),
            models.CheckConstraint(
                condition=~Q(jenis__in=STRUCTURAL_JENIS) | Q(kebutuhan=1),
                name="position_structural_kebutuhan_1",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="position_not_own_parent",
                violation_error_message="Jabatan tidak dapat menjadi atasan dirinya sendiri.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        from positions.bup import bup_age_for

        self.bup_age = bup_age_for(self.jenis, self.name, self.jenjang)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"jenis", "name", "jenjang"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "bup_age"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("positions:position_detail", args=[self.pk])

    @property
    def title(self) -> str:
        if self.jenis == self.Jenis.FUNGSIONAL and self.jenjang:
            # One dict for all posts (get_jenjang_display() builds one per call: a quarter of
            # the peta jabatan's CPU at 1,000 posts).
            return f"{self.name} {JENJANG_LABELS.get(self.jenjang, self.jenjang)}"
        return self.name

    @property
    def is_structural(self) -> bool:
        return self.jenis in STRUCTURAL_JENIS

    @property
    def required_leadership(self) -> str:
        """The leadership training a holder of this post must have ("" when none)."""
        return LEADERSHIP_BY_JENIS.get(self.jenis, "")

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.jenis == self.Jenis.FUNGSIONAL and not self.jenjang:
            errors["jenjang"] = "Jabatan fungsional wajib memiliki jenjang."
        if self.jenis != self.Jenis.FUNGSIONAL and self.jenjang:
            errors["jenjang"] = "Jenjang hanya untuk jabatan fungsional."
        if self.kelas is not None and not 1 <= self.kelas <= 17:
            errors["kelas"] = "Kelas jabatan harus antara 1 dan 17."
        if self.is_structural and self.kebutuhan != 1:
            errors["kebutuhan"] = "Jabatan struktural hanya memiliki satu pemangku (kebutuhan 1)."
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = "Jabatan tidak dapat menjadi atasan dirinya sendiri."
        if errors:
            raise ValidationError(errors)


JENJANG_LABELS: dict[str, str] = dict(Position.Jenjang.choices)


# --- Competencies -------------------------------------------------------------


class Competency(models.Model):
    """Kamus kompetensi (PermenPANRB 38/2017): teknis, manajerial M.1–M.8, sosial kultural."""

    class Kind(models.TextChoices):
        TEKNIS = "teknis", "Teknis"
        MANAJERIAL = "manajerial", "Manajerial"
        SOSIAL_KULTURAL = "sosial_kultural", "Sosial kultural"

    code = models.CharField("kode", max_length=20, unique=True)
    name = models.CharField("nama", max_length=150)
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    definition = models.TextField("definisi", blank=True, max_length=FEEDBACK)

    class Meta:
        verbose_name = "kompetensi"
        verbose_name_plural = "kompetensi"
        ordering = ["kind", "code"]
        constraints = [max_length_check("competency_definition_length", "definition", FEEDBACK)]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
LEVEL_RANGE = Q(level__gte=1, level__lte=5)


class CompetencyLevel(models.Model):
    competency = models.ForeignKey(Competency, models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField("level", validators=LEVEL_VALIDATORS)
    description = models.TextField("deskripsi", max_length=NOTE)

    class Meta:
        verbose_name = "level kompetensi"
        verbose_name_plural = "level kompetensi"
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_unique"),
            models.CheckConstraint(condition=LEVEL_RANGE, name="competency_level_1_5"),
            max_length_check("competency_level_description_length", "description", NOTE),
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} level {self.level}"


class PositionCompetency(models.Model):
    """A competency the position requires, with the level (standar kompetensi jabatan)."""

    position = models.ForeignKey(Position, models.CASCADE, related_name="required_competencies")
    competency = models.ForeignKey(Competency, models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(
        "level yang dipersyaratkan", validators=LEVEL_VALIDATORS
    )

    class Meta:
        verbose_name = "kompetensi yang dipersyaratkan"
        verbose_name_plural = "kompetensi yang dipersyaratkan"
        ordering = ["competency__kind", "competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["position", "competency"],
                name="position_competency_unique",
                violation_error_message="Kompetensi ini sudah dipersyaratkan untuk jabatan ini.",
            ),
            models.CheckConstraint(condition=LEVEL_RANGE, name="position_competency_level_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.competency} ≥ {self.level}"


# --- ABK ----------------------------------------------------------------------


class WorkloadTask(models.Model):
    """One row of the analisis beban kerja of a position (Form A, docs/domain.md §3.6)."""

    position = models.ForeignKey(Position, models.CASCADE, related_name="workload_tasks")
    description = models.CharField("uraian tugas", max_length=300)
    satuan_hasil = models.CharField("satuan hasil", max_length=60)
    volume = models.DecimalField(
        "volume per tahun", max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    norma_waktu = models.DecimalField(
        "norma waktu (menit)", max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tugas ABK"
        verbose_name_plural = "tugas ABK"
        ordering = ["position", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(volume__gte=0, norma_waktu__gte=0), name="workload_non_negative"
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def minutes(self) -> Decimal:
        return self.volume * self.norma_waktu


def kebutuhan_from_minutes(total_minutes: Decimal, jam_kerja_efektif: int) -> int:
    """Kebutuhan pegawai = ceil(Σ volume × norma waktu ÷ jam kerja efektif)."""
    if total_minutes <= 0:
        return 0
    return math.ceil(total_minutes / Decimal(jam_kerja_efektif))


class FunctionalBup(models.Model):
    """BUP of a jabatan fungsional set by its own law or by jenjang (docs/domain.md §4.5).

    A row names a JF (``name``, as the post's name is written, e.g. "Guru"), a jenjang, or
    both; blank means "every". The most specific row wins: name and jenjang, then name, then
    jenjang. Posts not covered keep the rule of PP 11/2017 Ps. 239 (JPT 60, others 58).
    HR edits the table (Kepegawaian → Tabel BUP); every edit re-stamps the posts it covers."""

    name = models.CharField(
        "nama jabatan fungsional",
        max_length=200,
        blank=True,
        help_text='Ditulis seperti nama jabatan, mis. "Guru". Kosong: semua jabatan fungsional.',
    )
    jenjang = models.CharField(
        "jenjang",
        max_length=20,
        choices=Position.Jenjang.choices,
        blank=True,
        help_text="Kosong: semua jenjang.",
    )
    bup_age = models.PositiveSmallIntegerField(
        "BUP (tahun)", validators=[MinValueValidator(50), MaxValueValidator(75)]
    )
    legal_basis = models.CharField("dasar hukum", max_length=200)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "BUP jabatan fungsional"
        verbose_name_plural = "BUP jabatan fungsional"
        ordering = ["name", "jenjang"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("name"),
                "jenjang",
                name="functionalbup_unique_name_jenjang",
                violation_error_message="Aturan BUP untuk jabatan dan jenjang ini sudah ada.",
            ),
            models.CheckConstraint(
                condition=Q(bup_age__gte=50, bup_age__lte=75),
                name="functionalbup_age_50_75",
                violation_error_message="BUP harus antara 50 dan 75 tahun.",
            ),
            models.CheckConstraint(
                condition=~Q(name="", jenjang=""),
                name="functionalbup_names_something",
                violation_error_message="Isi nama jabatan fungsional, jenjang, atau keduanya.",
            ),
        ]

    def __str__(self) -> str:
        who = self.name or "Semua JF"
        jenjang = f" {self.get_jenjang_display()}" if self.jenjang else ""
        return f"{who}{jenjang}: {self.bup_age} tahun"
