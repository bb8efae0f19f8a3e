"""Printing a large peta jabatan in the background (a province, a kabupaten, a big dinas)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.models import BackgroundJob

from .org import OrgUnit

if TYPE_CHECKING:
    from asnportal.models import User


def peta_file_path(instance: models.Model, filename: str) -> str:
    """Printed charts under unguessable names: served only through the scoped view."""
    from core.uploads import random_storage_name

    return random_storage_name("peta", filename)


class PetaJobQuerySet(models.QuerySet["PetaJob"]):
    def visible_to(self, user: User) -> PetaJobQuerySet:
        """Jobs the user asked for, and jobs on units whose peta the user may see (HR,
        pimpinan and heads of units in scope: the same scope as the peta page)."""
        if user.is_superuser:
            return self
        from .scope import scopes_for

        return self.filter(Q(requested_by=user) | scopes_for(user).path_q("unit__path"))


class PetaJob(BackgroundJob):
    """One request to print a unit's peta jabatan as a chart; `done`/`total` count printed
    sheets for the progress bar."""

    class State(models.TextChoices):
        QUEUED = "antri", "Menunggu"
        RUNNING = "berjalan", "Berjalan"
        DONE = "selesai", "Selesai"
        FAILED = "gagal", "Gagal"

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="+", verbose_name="unit")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="peta_jobs"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField("lembar", default=0)
    done = models.PositiveIntegerField("lembar tercetak", default=0)
    file = models.FileField(upload_to=peta_file_path, blank=True)

    objects = PetaJobQuerySet.as_manager()

    class Meta(BackgroundJob.Meta):
        verbose_name = "pekerjaan cetak peta jabatan"
        verbose_name_plural = "pekerjaan cetak peta jabatan"
        indexes = [models.Index(fields=["unit", "-created_at"])]

    def __str__(self) -> str:
        return f"Peta jabatan {self.unit.name}"

    def get_absolute_url(self) -> str:
        return reverse("positions:peta_job", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0
