"""Seleksi terbuka of a JPT post (docs/domain.md §3.8): the daftar calon, the panitia seleksi,
the three names proposed to the PPK and the one the PPK chose, with the SK by which the chosen
candidate is placed. Every change is kept by django-simple-history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .employee import Employee
from .placement import Placement
from .position import Position

if TYPE_CHECKING:
    import datetime as dt

    from asnportal.models import User

JPT_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama")
PROPOSED_NAMES = 3  # PP 11/2017 Ps. 127(1): three names per post to the PPK
OPEN_STATUSES = ("persiapan", "diusulkan", "ditetapkan")


class JptSelectionQuerySet(models.QuerySet["JptSelection"]):
    def open(self) -> JptSelectionQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def visible_to(self, user: User) -> JptSelectionQuerySet:
        from .scope import scopes_for

        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("position__unit__path"))


class JptSelection(models.Model):
    class Method(models.TextChoices):
        TERBUKA = "terbuka", "Seleksi terbuka"
        SUKSESI = "suksesi", "Kelompok rencana suksesi"

    class Status(models.TextChoices):
        PERSIAPAN = "persiapan", "Persiapan (daftar calon dan panitia)"
        DIUSULKAN = "diusulkan", "Tiga nama diusulkan kepada PPK"
        DITETAPKAN = "ditetapkan", "Ditetapkan PPK"
        SELESAI = "selesai", "Selesai (pejabat ditempatkan)"
        DIBATALKAN = "dibatalkan", "Dibatalkan"

    position = models.ForeignKey(
        Position, models.PROTECT, related_name="selections", verbose_name="jabatan"
    )
    method = models.CharField(
        "cara pengisian", max_length=10, choices=Method.choices, default=Method.TERBUKA
    )
    status = models.CharField(
        "tahap", max_length=12, choices=Status.choices, default=Status.PERSIAPAN
    )
    announcement_number = models.CharField("nomor pengumuman", max_length=100, blank=True)
    opened_on = models.DateField("tanggal dibuka")
    # The panitia's berita acara that carries the three names.
    report_number = models.CharField("nomor berita acara panitia", max_length=100, blank=True)
    proposed_on = models.DateField("tanggal usulan kepada PPK", null=True, blank=True)
    chosen = models.ForeignKey(
        Employee,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="calon terpilih",
    )
    sk_number = models.CharField("nomor SK pengangkatan", max_length=100, blank=True)
    sk_date = models.DateField("tanggal SK", null=True, blank=True)
    tmt = models.DateField("TMT pelantikan", null=True, blank=True)
    placement = models.OneToOneField(
        Placement,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="selection",
        verbose_name="penempatan",
    )
    cancel_reason = models.CharField("alasan pembatalan", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = JptSelectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "seleksi JPT"
        verbose_name_plural = "seleksi JPT"
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["position"],
                condition=Q(status__in=OPEN_STATUSES),
                name="jpt_selection_one_open_per_position",
                violation_error_message="Jabatan ini sudah memiliki seleksi yang sedang berjalan.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=("ditetapkan", "selesai"))
                | (
                    Q(chosen__isnull=False, sk_date__isnull=False, tmt__isnull=False)
                    & ~Q(sk_number="")
                ),
                name="jpt_selection_decided_has_sk",
                violation_error_message="Penetapan PPK memerlukan calon terpilih dan SK.",
            ),
            models.CheckConstraint(
                condition=~Q(status="selesai") | Q(placement__isnull=False),
                name="jpt_selection_done_has_placement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.position} ({self.opened_on:%Y})"

    def get_absolute_url(self) -> str:
        return reverse("positions:selection_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class SelectionCandidate(models.Model):
    """One name of the daftar calon, with its ranking score when listed; `proposed_rank` 1–3
    for the three names proposed to the PPK."""

    class Source(models.TextChoices):
        PERINGKAT = "peringkat", "Peringkat kandidat"
        SUKSESI = "suksesi", "Kelompok rencana suksesi"

    selection = models.ForeignKey(
        JptSelection, models.CASCADE, related_name="candidates", verbose_name="seleksi"
    )
    employee = models.ForeignKey(Employee, models.PROTECT, related_name="+", verbose_name="pegawai")
    source = models.CharField("asal", max_length=10, choices=Source.choices)
    listed_rank = models.PositiveSmallIntegerField("urutan dalam daftar calon")
    score = models.DecimalField("skor saat didaftar", max_digits=5, decimal_places=1)
    proposed_rank = models.PositiveSmallIntegerField("urutan usulan", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "calon seleksi JPT"
        verbose_name_plural = "calon seleksi JPT"
        ordering = ["selection", "listed_rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["selection", "employee"], name="selection_candidate_unique"
            ),
            models.UniqueConstraint(
                fields=["selection", "proposed_rank"],
                condition=Q(proposed_rank__isnull=False),
                name="selection_candidate_proposed_rank_unique",
            ),
            models.CheckConstraint(
                condition=Q(proposed_rank__isnull=True)
                | Q(proposed_rank__gte=1, proposed_rank__lte=PROPOSED_NAMES),
                name="selection_candidate_proposed_rank_1_3",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.full_name} — {self.selection}"


class SelectionCommitteeMember(models.Model):
    """A member of the panitia seleksi (often from outside the instansi: a name, not an
    account)."""

    class Role(models.TextChoices):
        KETUA = "ketua", "Ketua"
        SEKRETARIS = "sekretaris", "Sekretaris"
        ANGGOTA = "anggota", "Anggota"

    class Unsur(models.TextChoices):
        INTERNAL = "internal", "Internal instansi"
        EKSTERNAL = "eksternal", "Eksternal"

    selection = models.ForeignKey(
        JptSelection, models.CASCADE, related_name="committee", verbose_name="seleksi"
    )
    name = models.CharField("nama", max_length=150)
    role = models.CharField("kedudukan", max_length=10, choices=Role.choices)
    unsur = models.CharField("unsur", max_length=10, choices=Unsur.choices)
    origin = models.CharField("jabatan/instansi asal", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "anggota panitia seleksi"
        verbose_name_plural = "anggota panitia seleksi"
        ordering = ["selection", "role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["selection"],
                condition=Q(role="ketua"),
                name="selection_committee_one_ketua",
                violation_error_message="Panitia seleksi hanya memiliki satu ketua.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


def jpt_placement_error(
    position: Position,
    employee: Employee,
    *,
    kind: str,
    selection: JptSelection | None,
    sk_number: str,
    sk_date: dt.date,
) -> str:
    """Why a placement may not be made ("" when it may): a definitive JPT placement needs the
    selection the PPK decided, for the chosen candidate, with its SK (docs/domain.md §3.8).
    Plt and Plh are not appointments and need none."""
    if kind != Placement.Kind.DEFINITIF or position.jenis not in JPT_JENIS:
        return ""
    if selection is None:
        return (
            "Jabatan pimpinan tinggi diisi melalui seleksi terbuka (atau kelompok rencana "
            "suksesi), tidak dengan penempatan langsung. Susun daftar calon dari halaman "
            "kandidat jabatan ini; penempatan dilakukan dari halaman seleksi setelah PPK "
            "menetapkan calon terpilih."
        )
    if selection.position_id != position.pk:
        return "Seleksi ini untuk jabatan lain."
    if selection.status != JptSelection.Status.DITETAPKAN:
        return "Seleksi ini belum ditetapkan PPK (atau sudah selesai/dibatalkan)."
    if selection.chosen_id != employee.pk:
        return "Pegawai ini bukan calon yang ditetapkan PPK dalam seleksi ini."
    if selection.sk_number != sk_number or selection.sk_date != sk_date:
        return "Nomor dan tanggal SK harus sama dengan SK penetapan dalam seleksi ini."
    return ""
