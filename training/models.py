"""Pelatihan dan pengembangan kompetensi: catalog, events (angkatan) with sessions,
participations (riwayat pengembangan kompetensi) and the 20 JP/year ledger, development plans.

1 JP = 45 minutes (docs/domain.md §5). Only verified and passed participations count towards JP."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.limits import FEEDBACK, NOTE, max_length_check
from positions.models import Competency, Employee, OrgUnit, own_employee, scopes_for, today

if TYPE_CHECKING:
    from asnportal.models import User

JP_MINUTES = 45
JP_TARGET = 20


def minutes_to_jp(minutes: int) -> int:
    """Whole JP from minutes (1 JP = 45 minutes), rounded down: 900 minutes = 20 JP."""
    return math.floor(minutes / JP_MINUTES)


def counted_jp_subquery(year: int) -> Coalesce:
    """Counted JP (verified and lulus, ending in `year`) of the outer employee, as an
    annotation expression: 0 when none."""
    total = (
        Participation.objects.counted()
        .in_year(year)
        .filter(employee=OuterRef("pk"))
        .order_by()  # the model's default ordering would split the GROUP BY
        .values("employee")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=models.IntegerField()), Value(0))


class Category(models.TextChoices):
    PKN_I = "pkn1", "PKN Tingkat I"
    PKN_II = "pkn2", "PKN Tingkat II"
    PKA = "pka", "PKA (Kepemimpinan Administrator)"
    PKP = "pkp", "PKP (Kepemimpinan Pengawas)"
    LATSAR = "latsar", "Latsar CPNS"
    TEKNIS = "teknis", "Teknis"
    FUNGSIONAL = "fungsional", "Fungsional"
    MANAJERIAL = "manajerial", "Manajerial"
    SOSIAL_KULTURAL = "sosial_kultural", "Sosial kultural"
    SEMINAR = "seminar", "Seminar/konferensi/sarasehan"
    WORKSHOP = "workshop", "Workshop/lokakarya"
    KURSUS = "kursus", "Kursus/bimbingan teknis"


# Leadership categories map onto positions.Leadership codes (pkp, pka, pkn2, pkn1).
LEADERSHIP_CATEGORIES = {"pkp", "pka", "pkn2", "pkn1"}


class Method(models.TextChoices):
    """Klasikal, or a non-klasikal form (PerLAN 10/2018)."""

    KLASIKAL = "klasikal", "Klasikal"
    E_LEARNING = "e_learning", "Non-klasikal: e-learning"
    JARAK_JAUH = "jarak_jauh", "Non-klasikal: pelatihan jarak jauh"
    COACHING = "coaching", "Non-klasikal: coaching"
    MENTORING = "mentoring", "Non-klasikal: mentoring"
    MAGANG = "magang", "Non-klasikal: magang/praktik kerja"
    DETASERING = "detasering", "Non-klasikal: detasering"
    BELAJAR_MANDIRI = "belajar_mandiri", "Non-klasikal: belajar mandiri"
    KOMUNITAS = "komunitas", "Non-klasikal: komunitas belajar"
    PATOK_BANDING = "patok_banding", "Non-klasikal: patok banding"


class TrainingProgram(models.Model):
    code = models.CharField("kode", max_length=30, unique=True)
    name = models.CharField("nama pelatihan", max_length=200)
    category = models.CharField("kategori", max_length=20, choices=Category.choices)
    method = models.CharField("metode", max_length=20, choices=Method.choices)
    jp = models.PositiveSmallIntegerField("JP", validators=[MinValueValidator(1)])
    provider = models.CharField("penyelenggara", max_length=200)
    description = models.TextField("deskripsi", blank=True, max_length=FEEDBACK)
    is_active = models.BooleanField("aktif", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "program pelatihan"
        verbose_name_plural = "program pelatihan"
        ordering = ["category", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(jp__gte=1), name="program_jp_positive"),
            max_length_check("program_description_length", "description", FEEDBACK),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("training:program_detail", args=[self.pk])

    @property
    def is_leadership(self) -> bool:
        return self.category in LEADERSHIP_CATEGORIES


class ProgramCompetency(models.Model):
    """A competency the program develops, up to a target level."""

    program = models.ForeignKey(TrainingProgram, models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, models.PROTECT, related_name="+")
    target_level = models.PositiveSmallIntegerField(
        "level sasaran", validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["program", "competency"], name="program_competency_once"
            ),
            models.CheckConstraint(
                condition=Q(target_level__gte=1, target_level__lte=5), name="program_level_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} → {self.target_level}"


class TrainingEventQuerySet(models.QuerySet["TrainingEvent"]):
    def visible_to(self, user: User) -> TrainingEventQuerySet:
        """Events organised within the user's scope, events the user attends or asked to join,
        and events open to the user's instansi (see `open_to`)."""
        if user.is_superuser:
            return self
        employee = own_employee(user)
        q = scopes_for(user).path_q("organiser_unit__path")
        if employee is not None:
            q |= Q(
                Exists(Participation.objects.filter(event=OuterRef("pk"), employee=employee))
            ) | Q(Exists(JoinRequest.objects.filter(event=OuterRef("pk"), employee=employee)))
            q |= Q(pk__in=self.open_to(employee).values("pk"))
        return self.filter(q)

    def open_to(self, employee: Employee) -> TrainingEventQuerySet:
        """Events a pegawai may ask to join: not started yet, organised within the employee's
        instansi (the root of the organisation tree), with a seat left."""
        instansi_path = employee.unit.path[: OrgUnit.steplen]
        return (
            self.filter(
                start_date__gt=today(),
                organiser_unit__path__startswith=instansi_path,
            )
            .annotate(_taken=Count("participations", distinct=True))
            .filter(quota__gt=F("_taken"))
        )


class TrainingEvent(models.Model):
    """An angkatan (batch) of a program, organised by a unit, with a quota."""

    program = models.ForeignKey(TrainingProgram, models.PROTECT, related_name="events")
    name = models.CharField("angkatan", max_length=100)
    start_date = models.DateField("mulai")
    end_date = models.DateField("selesai")
    place = models.CharField("tempat", max_length=200, blank=True)
    is_online = models.BooleanField("daring", default=False)
    organiser_unit = models.ForeignKey(
        OrgUnit, models.PROTECT, related_name="training_events", verbose_name="unit penyelenggara"
    )
    quota = models.PositiveSmallIntegerField("kuota", validators=[MinValueValidator(1)])

    objects = TrainingEventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "angkatan pelatihan"
        verbose_name_plural = "angkatan pelatihan"
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="event_dates_in_order"
            ),
            models.CheckConstraint(condition=Q(quota__gte=1), name="event_quota_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.program.name} — {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("training:event_detail", args=[self.pk])


class Session(models.Model):
    event = models.ForeignKey(TrainingEvent, models.CASCADE, related_name="sessions")
    date = models.DateField("tanggal")
    start_time = models.TimeField("mulai")
    end_time = models.TimeField("selesai")
    topic = models.CharField("materi", max_length=200)

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="session_times_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.topic}"


class ParticipationQuerySet(models.QuerySet["Participation"]):
    def counted(self) -> ParticipationQuerySet:
        """Rows that count towards JP: verified and passed."""
        return self.filter(
            verification=Participation.Verification.VERIFIED, result=Participation.Result.LULUS
        )

    def in_year(self, year: int) -> ParticipationQuerySet:
        return self.filter(end_date__year=year)

    def visible_to(self, user: User) -> ParticipationQuerySet:
        if user.is_superuser:
            return self
        # EXISTS, not `employee__in`: see `SKPQuerySet.visible_to`.
        visible = Employee.objects.visible_to(user).filter(pk=OuterRef("employee_id"))
        return self.filter(Exists(visible))


def certificate_path(instance: Participation, filename: str) -> str:
    from core.uploads import random_storage_name

    return random_storage_name(f"sertifikat/{instance.end_date:%Y}", filename)


class Participation(models.Model):
    """Riwayat pengembangan kompetensi: an enrolment in an event, or a self-reported external
    activity (event empty, title given) that HR verifies before it counts."""

    class Result(models.TextChoices):
        PENDING = "", "Belum ada hasil"
        LULUS = "lulus", "Lulus"
        TIDAK_LULUS = "tidak_lulus", "Tidak lulus"

    class Verification(models.TextChoices):
        PENDING = "pending", "Menunggu verifikasi"
        VERIFIED = "verified", "Terverifikasi"
        REJECTED = "rejected", "Ditolak"

    employee = models.ForeignKey(
        Employee, models.PROTECT, related_name="participations", verbose_name="pegawai"
    )
    event = models.ForeignKey(
        TrainingEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name="angkatan",
    )
    title = models.CharField("nama kegiatan", max_length=200, blank=True)
    method = models.CharField("bentuk", max_length=20, choices=Method.choices, blank=True)
    category = models.CharField("kategori", max_length=20, choices=Category.choices, blank=True)
    start_date = models.DateField("mulai")
    end_date = models.DateField("selesai")
    jp = models.PositiveSmallIntegerField("JP")
    result = models.CharField("hasil", max_length=12, choices=Result.choices, blank=True)
    certificate_number = models.CharField("nomor sertifikat", max_length=100, blank=True)
    certificate = models.FileField("sertifikat", upload_to=certificate_path, blank=True)
    certificate_name = models.CharField("nama berkas sertifikat", max_length=200, blank=True)
    is_self_reported = models.BooleanField("dilaporkan sendiri", default=False)
    verification = models.CharField(
        "verifikasi", max_length=10, choices=Verification.choices, default=Verification.PENDING
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diverifikasi oleh",
    )
    verification_note = models.TextField("catatan verifikasi", blank=True, max_length=NOTE)
    created_at = models.DateTimeField("dicatat pada", auto_now_add=True)

    objects = ParticipationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "riwayat pengembangan kompetensi"
        verbose_name_plural = "riwayat pengembangan kompetensi"
        ordering = ["-end_date"]
        constraints = [
            max_length_check("participation_note_length", "verification_note", NOTE),
            models.UniqueConstraint(
                fields=["employee", "event"],
                condition=Q(event__isnull=False),
                name="participation_once_per_event",
                violation_error_message="Pegawai sudah terdaftar di angkatan ini.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="participation_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(event__isnull=False) | ~Q(title=""),
                name="participation_event_or_title",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} — {self.display_title}"

    @property
    def display_title(self) -> str:
        return str(self.event) if self.event_id else self.title

    @property
    def counts(self) -> bool:
        return self.verification == self.Verification.VERIFIED and self.result == self.Result.LULUS


class JoinRequest(models.Model):
    """A pegawai asks to join an event (angkatan); the event's pengelola approves (the pegawai
    is then enrolled, taking a seat) or declines with a note."""

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", "Menunggu persetujuan"
        DISETUJUI = "disetujui", "Disetujui"
        DITOLAK = "ditolak", "Ditolak"
        DIBATALKAN = "dibatalkan", "Dibatalkan pegawai"

    employee = models.ForeignKey(Employee, models.CASCADE, related_name="join_requests")
    event = models.ForeignKey(TrainingEvent, models.CASCADE, related_name="join_requests")
    reason = models.CharField("alasan mengikuti", max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DIAJUKAN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField("catatan", max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "permohonan ikut pelatihan"
        verbose_name_plural = "permohonan ikut pelatihan"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "event"],
                condition=Q(status="diajukan"),
                name="join_request_one_pending",
                violation_error_message="Permohonan ikut angkatan ini sudah diajukan.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["diajukan", "dibatalkan"]) | Q(decided_at__isnull=False),
                name="join_request_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} → {self.event}"


class Attendance(models.Model):
    participation = models.ForeignKey(Participation, models.CASCADE, related_name="attendance")
    session = models.ForeignKey(Session, models.CASCADE, related_name="attendance")
    present = models.BooleanField("hadir", default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "session"], name="attendance_once_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} — {'hadir' if self.present else 'tidak hadir'}"


class DevelopmentPlanQuerySet(models.QuerySet["DevelopmentPlan"]):
    def visible_to(self, user: User) -> DevelopmentPlanQuerySet:
        """Plans of units within the user's scope (HR, pimpinan, the units a manager heads)."""
        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("unit__path"))


class DevelopmentPlan(models.Model):
    """Rencana pengembangan kompetensi of a unit for a year, built from the needs analysis."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        APPROVED = "approved", "Disetujui"

    unit = models.ForeignKey(OrgUnit, models.PROTECT, related_name="development_plans")
    year = models.PositiveSmallIntegerField("tahun")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    objects = DevelopmentPlanQuerySet.as_manager()

    class Meta:
        verbose_name = "rencana pengembangan"
        verbose_name_plural = "rencana pengembangan"
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="plan_once_per_unit_year"),
            models.CheckConstraint(
                condition=~Q(status="approved")
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="plan_approved_has_approver",
                violation_error_message=(
                    "Rencana yang disetujui wajib mencatat penyetuju dan waktunya."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Rencana pengembangan {self.unit} {self.year}"


class PlanItem(models.Model):
    plan = models.ForeignKey(DevelopmentPlan, models.CASCADE, related_name="items")
    employee = models.ForeignKey(Employee, models.PROTECT, related_name="plan_items")
    program = models.ForeignKey(TrainingProgram, models.PROTECT, related_name="plan_items")
    reason = models.CharField("alasan", max_length=300)
    priority = models.PositiveSmallIntegerField("prioritas", default=1)

    class Meta:
        ordering = ["program", "priority"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "employee", "program"], name="plan_item_once"),
            models.CheckConstraint(
                condition=Q(priority__gte=1),
                name="plan_item_priority_from_1",
                violation_error_message="Prioritas dimulai dari 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} — {self.program}"
