"""Evaluasi kinerja per period, with realisations (and their evidence) and behaviour feedback."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.limits import FEEDBACK, NOTE, max_length_check
from positions.models import Employee, Predikat

from .rules import BERAKHLAK_CHOICES, Rating
from .skp import SKP, Indicator

if TYPE_CHECKING:
    pass


# --- Evaluation -------------------------------------------------------------------


class EvaluationQuerySet(models.QuerySet["Evaluation"]):
    def final_annual(self) -> EvaluationQuerySet:
        """The year's result: final akhir (TW IV) evaluations of current (not superseded)
        SKP revisions."""
        return self.filter(
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__superseded_at__isnull=True,
        )


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

    skp = models.ForeignKey(SKP, models.PROTECT, related_name="evaluations", verbose_name="SKP")
    period = models.CharField("periode", max_length=4, choices=Period.choices)
    status = models.CharField("status", max_length=6, choices=Status.choices, default=Status.DRAFT)
    rating_hasil = models.CharField(
        "rating hasil kerja", max_length=10, choices=Rating.choices, blank=True
    )
    rating_perilaku = models.CharField(
        "rating perilaku kerja", max_length=10, choices=Rating.choices, blank=True
    )
    predikat = models.CharField("predikat", max_length=20, choices=Predikat.choices, blank=True)
    umpan_balik = models.TextField("umpan balik umum", blank=True, max_length=FEEDBACK)
    finalised_by = models.ForeignKey(
        Employee,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="difinalkan oleh",
    )
    finalised_at = models.DateTimeField("difinalkan pada", null=True, blank=True)
    # Written by the penilai when finalising although some realisasi is missing; printed on
    # the evaluation document next to the ratings.
    finalise_note = models.CharField("catatan finalisasi", max_length=1000, blank=True)
    # When the pegawai told the penilai the realisasi and bukti dukung are ready.
    realisasi_sent_at = models.DateTimeField("realisasi dikirim pada", null=True, blank=True)
    # Optimistic lock: a second penilai tab saving a stale form is refused, not merged.
    version = models.PositiveIntegerField("versi", default=0)

    objects = EvaluationQuerySet.as_manager()
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
    def is_sent_draft(self) -> bool:
        """A draft whose realisasi the pegawai sent: it waits for the penilai."""
        return self.status == self.Status.DRAFT and self.realisasi_sent_at is not None

    @property
    def stage_label(self) -> str:
        """The status as the pegawai and penilai follow it ("Dikirim ke penilai" for a sent
        draft, which waits for the penilai, not for the pegawai)."""
        return "Dikirim ke penilai" if self.is_sent_draft else self.get_status_display()

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
