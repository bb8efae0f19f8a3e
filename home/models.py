from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from positions.models import Employee, OrgUnit, Placement, scopes_for, today

if TYPE_CHECKING:
    from asnportal.models import User

TITLE_MAX_LENGTH = 120
BODY_MAX_LENGTH = 600  # a short notice on a home page, not a circular letter
# Posts whose holder leads an instansi or perangkat daerah (sekda, kepala dinas, kepala badan).
LEADER_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama")


def leader_paths(user: User) -> list[str]:
    """Unit subtrees the user may address pengumuman to: the HR scopes (pengelola and
    pimpinan) and the units of the leadership posts (JPT) the user holds today."""
    if user.is_superuser:
        return list(OrgUnit.get_root_nodes().values_list("path", flat=True))
    scopes = scopes_for(user)
    paths = scopes.write_paths + scopes.read_paths
    if scopes.headed_position_ids:
        paths += list(
            Placement.objects.on(today())
            .filter(employee__user=user, position__jenis__in=LEADER_JENIS)
            .values_list("position__unit__path", flat=True)
        )
    return paths


class AnnouncementQuerySet(models.QuerySet["Announcement"]):
    def visible_to(self, user: User) -> AnnouncementQuerySet:
        """Pengumuman addressed to a subtree that holds the user's own unit, that overlaps
        one of the user's scopes (HR, pimpinan, headed units), or that the user wrote."""
        if user.is_superuser:
            return self
        own_unit_inside = Employee.objects.filter(
            user=user, unit__path__startswith=OuterRef("unit__path")
        )
        q = Q(author=user) | Exists(own_unit_inside)
        scopes = scopes_for(user)
        for path in scopes.all_paths:
            q |= Q(unit__path__startswith=path) | Q(unit__path__in=OrgUnit.lineage_paths(path))
        return self.filter(q)

    def current(self, on: dt.date | None = None) -> AnnouncementQuerySet:
        on = on or today()
        return self.filter(starts_on__lte=on, ends_on__gte=on)

    def editable_by(self, user: User) -> AnnouncementQuerySet:
        """The author's own; a pengelola kepegawaian also edits those inside their scope."""
        if user.is_superuser:
            return self
        q = Q(author=user)
        for path in scopes_for(user).write_paths:
            q |= Q(unit__path__startswith=path)
        return self.filter(q)


def can_edit_announcement(user: User, announcement: Announcement) -> bool:
    """The write rule of `get_object_for` for a pengumuman: `editable_by`, for one row."""
    return Announcement.objects.editable_by(user).filter(pk=announcement.pk).exists()


class Announcement(models.Model):
    """Pengumuman: a short notice from leadership or HR to everyone in a unit subtree,
    shown on their home page between `starts_on` and `ends_on`."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="announcements",
        verbose_name="penulis",
    )
    unit = models.ForeignKey(
        OrgUnit,
        models.PROTECT,
        related_name="announcements",
        verbose_name="ditujukan kepada (unit beserta bawahannya)",
    )
    title = models.CharField("judul", max_length=TITLE_MAX_LENGTH)
    body = models.CharField("isi", max_length=BODY_MAX_LENGTH)
    starts_on = models.DateField("berlaku mulai")
    ends_on = models.DateField("berlaku sampai")
    created_at = models.DateTimeField("dibuat pada", auto_now_add=True)
    updated_at = models.DateTimeField("diubah pada", auto_now=True)

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = "pengumuman"
        verbose_name_plural = "pengumuman"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="announcement_period_order",
                violation_error_message="Tanggal selesai tidak boleh sebelum tanggal mulai.",
            ),
        ]
        indexes = [models.Index(fields=["ends_on", "starts_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("home:announcement_edit", args=[self.pk])

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or today()
        return self.starts_on <= on <= self.ends_on
