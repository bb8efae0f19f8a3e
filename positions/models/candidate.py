"""Precomputed candidate facts: one row per employee, read by the candidate ranking.

The ranking's eligibility rules and score components need, per employee, the highest education,
the highest leadership training, the current definitive post's rung and TMT, and the months
served per rung (docs/domain.md §3.8). Computed from the placements on every request, they cost
several scans of all placements per ranking (≈ 1–2 s at 120,000 employees); stored here they are
columns of a one-to-one join. `positions.matching.features` keeps the rows in step with every
write (docs/architecture.md, "Precomputed candidate features") and proves it in tests.

The facts are stored so that they hold on any ranking date (`on`): the current post keeps its
TMT (`current_start`) and the query checks it against the date; `since_<rung>` is the earliest
TMT of a definitive post on that rung. Only `months_<rung>` (closed placements) counts the
placements that had started by `refreshed_on`, which the nightly refresh moves forward.
"""

from __future__ import annotations

from django.db import models

from .employee import Employee

RUNGS = range(6)  # positions.matching.career.LEVEL_LABELS: pelaksana 0 … JPT utama 5


class CandidateFeatures(models.Model):
    employee = models.OneToOneField(
        Employee, models.CASCADE, primary_key=True, related_name="candidate_features"
    )
    education_level = models.CharField("pendidikan tertinggi", max_length=2, blank=True)
    leadership_rank = models.PositiveSmallIntegerField(
        "pelatihan kepemimpinan tertinggi", default=0
    )
    current_level = models.PositiveSmallIntegerField("jenjang jabatan definitif", null=True)
    current_start = models.DateField("TMT jabatan definitif", null=True)
    current_is_jf = models.BooleanField("jabatan definitif fungsional", default=False)
    since_0 = models.DateField(null=True)
    since_1 = models.DateField(null=True)
    since_2 = models.DateField(null=True)
    since_3 = models.DateField(null=True)
    since_4 = models.DateField(null=True)
    since_5 = models.DateField(null=True)
    months_0 = models.IntegerField(default=0)
    months_1 = models.IntegerField(default=0)
    months_2 = models.IntegerField(default=0)
    months_3 = models.IntegerField(default=0)
    months_4 = models.IntegerField(default=0)
    months_5 = models.IntegerField(default=0)
    refreshed_on = models.DateField("dihitung pada")

    class Meta:
        verbose_name = "fitur kandidat"
        verbose_name_plural = "fitur kandidat"

    def __str__(self) -> str:
        return f"Fitur kandidat {self.employee_id}"
