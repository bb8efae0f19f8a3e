"""Employees (pegawai) with their education, competencies and leadership training.

`Placement` and `scopes_for` are imported inside the methods that use them: their modules import
this one."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from positions.nip import parse_nip

from .org import OrgUnit, opd_name_of
from .position import LEVEL_RANGE, LEVEL_VALIDATORS, Competency, Position
from .reference import EducationLevel, Golongan, Leadership, Predikat, retirement_date, today

if TYPE_CHECKING:
    from asnportal.models import User

    from .placement import Placement


class EducationField(models.Model):
    code = models.CharField("kode", max_length=20, unique=True)
    name = models.CharField("program studi", max_length=150)
    group = models.CharField("rumpun", max_length=40, db_index=True)

    class Meta:
        verbose_name = "bidang pendidikan"
        verbose_name_plural = "bidang pendidikan"
        ordering = ["group", "name"]

    def __str__(self) -> str:
        return self.name


class EmployeeQuerySet(models.QuerySet["Employee"]):
    def visible_to(self, user: User) -> EmployeeQuerySet:
        """Self, the subtree a manager heads, and HR/pimpinan scopes."""
        from .placement import Placement
        from .scope import scopes_for

        if user.is_superuser:
            return self
        scopes = scopes_for(user)
        q = Q(user=user) | scopes.path_q("unit__path")
        if scopes.headed_position_ids:
            # Direct subordinates may sit outside the headed unit (e.g. the Sekda and the heads
            # of dinas): the penilai still sees them.
            subordinates = (
                Placement.objects.on(today())
                .filter(position__parent_id__in=scopes.headed_position_ids)
                .values("employee_id")
            )
            q |= Q(pk__in=subordinates)
        return self.filter(q)

    def active(self) -> EmployeeQuerySet:
        return self.filter(status=Employee.Status.AKTIF)

    def in_subtree(self, unit: OrgUnit) -> EmployeeQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def search(self, query: str) -> EmployeeQuerySet:
        query = query.strip()
        if not query:
            return self
        if query.isdigit():
            return self.filter(nip__startswith=query)
        return self.filter(name__icontains=query)

    def for_list(self) -> EmployeeQuerySet:
        from .placement import Placement

        current = Placement.objects.filter(
            employee=models.OuterRef("pk"), kind=Placement.Kind.DEFINITIF, end_date__isnull=True
        )
        return self.select_related("unit").annotate(
            position_name=models.Subquery(current.values("position__name")[:1]),
            position_jenjang=models.Subquery(current.values("position__jenjang")[:1]),
            opd_name=opd_name_of("unit__path"),
        )


class Employee(models.Model):
    class Kind(models.TextChoices):
        PNS = "pns", "PNS"
        CPNS = "cpns", "CPNS"
        PPPK = "pppk", "PPPK"

    class Gender(models.TextChoices):
        L = "L", "Laki-laki"
        P = "P", "Perempuan"

    class Status(models.TextChoices):
        AKTIF = "aktif", "Aktif"
        CLTN = "cltn", "Cuti di luar tanggungan negara"
        PENSIUN = "pensiun", "Pensiun"
        MUTASI_KELUAR = "mutasi_keluar", "Mutasi keluar"
        BERHENTI = "berhenti", "Diberhentikan"
        MENINGGAL = "meninggal", "Meninggal dunia"

    nip = models.CharField("NIP / NI PPPK", max_length=18, unique=True)
    name = models.CharField("nama (tanpa gelar)", max_length=150, db_index=True)
    gelar_depan = models.CharField("gelar depan", max_length=30, blank=True)
    gelar_belakang = models.CharField("gelar belakang", max_length=60, blank=True)
    kind = models.CharField("status kepegawaian", max_length=4, choices=Kind.choices)
    gender = models.CharField("jenis kelamin", max_length=1, choices=Gender.choices)
    birth_date = models.DateField("tanggal lahir")
    birth_place = models.CharField("tempat lahir", max_length=100, blank=True)
    golongan = models.CharField("golongan", max_length=3, choices=Golongan.choices)
    tmt_golongan = models.DateField("TMT golongan", null=True, blank=True)
    status = models.CharField(
        "status", max_length=15, choices=Status.choices, default=Status.AKTIF, db_index=True
    )
    # Unit kerja: kept by the placement services in step with the definitive placement, so
    # scoping is one indexed join; an employee without a placement yet still has a home unit.
    unit = models.ForeignKey(
        OrgUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name="unit kerja",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="employee",
        verbose_name="akun",
    )
    email = models.EmailField("email", blank=True)
    # Latest annual predikat, written by the performance app (and the history import) so the
    # register and candidate ranking can use it without importing that app.
    latest_predikat = models.CharField(
        "predikat kinerja terakhir", max_length=20, choices=Predikat.choices, blank=True
    )
    latest_predikat_year = models.PositiveSmallIntegerField("tahun predikat", null=True, blank=True)
    # PPPK have no BUP: they leave when the perjanjian kerja ends (docs/domain.md §4.5).
    contract_end = models.DateField(
        "akhir perjanjian kerja (PPPK)",
        null=True,
        blank=True,
        help_text="Hanya untuk PPPK: tanggal berakhirnya perjanjian kerja.",
    )

    objects = EmployeeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(nip__length=18), name="employee_nip_18_digits"),
            models.CheckConstraint(
                condition=Q(nip__regex=r"^[0-9]{18}$"),
                name="employee_nip_digits_only",
                violation_error_message="NIP / NI PPPK harus terdiri dari 18 angka.",
            ),
            models.CheckConstraint(
                condition=(Q(kind="pppk") & Q(golongan__startswith="P"))
                | (~Q(kind="pppk") & ~Q(golongan__startswith="P")),
                name="employee_golongan_matches_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind="pppk") | Q(contract_end__isnull=True),
                name="employee_contract_end_only_pppk",
                violation_error_message="Akhir perjanjian kerja hanya untuk PPPK.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.nip})"

    def get_absolute_url(self) -> str:
        return reverse("positions:employee_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        name = f"{self.gelar_depan} {self.name}".strip()
        return f"{name}, {self.gelar_belakang}" if self.gelar_belakang else name

    @property
    def golongan_short(self) -> str:
        return Golongan.short(self.golongan)

    @property
    def pangkat(self) -> str:
        return Golongan.pangkat(self.golongan)

    @property
    def position_title(self) -> str:
        """Current jabatan with jenjang, from the `for_list()` annotations."""
        name = getattr(self, "position_name", None) or ""
        jenjang = getattr(self, "position_jenjang", None)
        return f"{name} {Position.Jenjang(jenjang).label}" if jenjang else name

    @property
    def is_pppk(self) -> bool:
        return self.kind == self.Kind.PPPK

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.nip and self.kind:
            try:
                info = parse_nip(self.nip, pppk=self.is_pppk)
            except ValidationError as exc:
                errors["nip"] = exc.messages[0]
            else:
                if self.birth_date and self.birth_date != info.birth_date:
                    errors["birth_date"] = (
                        f"Tanggal lahir tidak sesuai dengan NIP (NIP menyatakan "
                        f"{info.birth_date:%d-%m-%Y})."
                    )
                if self.gender and self.gender != info.gender:
                    errors["gender"] = (
                        "Jenis kelamin tidak sesuai dengan digit ke-15 NIP "
                        f"({'1 = laki-laki' if info.gender == 'L' else '2 = perempuan'})."
                    )
        if self.contract_end and self.kind and not self.is_pppk:
            errors["contract_end"] = "Akhir perjanjian kerja hanya diisi untuk PPPK."
        if self.golongan and self.kind:
            if self.is_pppk and not self.golongan.startswith("P"):
                errors["golongan"] = "PPPK memakai golongan I–XVII, bukan golongan ruang PNS."
            if not self.is_pppk and self.golongan.startswith("P"):
                errors["golongan"] = (
                    "PNS/CPNS memakai golongan ruang (I/a–IV/e), bukan golongan PPPK."
                )
        if errors:
            raise ValidationError(errors)

    def exit_date(self, bup_age: int) -> dt.date:
        """The day the employee leaves service by age or contract (docs/domain.md §4.5).

        PNS/CPNS: TMT pensiun, the first of the month after reaching the post's BUP. PPPK have
        no BUP: the end of the perjanjian kerja, or, where it is not recorded, the age at which
        a PPPK contract ends, which follows the same table as BUP."""
        if self.is_pppk and self.contract_end:
            return self.contract_end
        return retirement_date(self.birth_date, bup_age)

    def definitive_placement(self, on: dt.date | None = None) -> Placement | None:
        from .placement import Placement

        return (
            self.placements.on(on or today())
            .filter(kind=Placement.Kind.DEFINITIF)
            .select_related("position__unit", "position__parent")
            .first()
        )

    def penilai(self, on: dt.date | None = None) -> Employee | None:
        """Pejabat penilai: holder (definitif, else Plt/Plh) of the parent position on a date.

        When that holder is the employee themself (a Sekretaris acting as Plt of the head
        post above them), the penilai is the holder of the next post up."""
        return self.superiors(on)[0]

    def atasan_penilai(self, on: dt.date | None = None) -> Employee | None:
        """The holder of the post above the penilai's post, with the same self-skip rule."""
        return self.superiors(on)[1]

    def superiors(
        self, on: dt.date | None = None, placement: Placement | None = None
    ) -> tuple[Employee | None, Employee | None]:
        """(penilai, atasan penilai) on a date, found in one walk up the post tree. Pass the
        definitive placement on that date when the caller already has it."""
        from .placement import Placement

        on = on or today()
        placement = placement or self.definitive_placement(on)
        if placement is None:
            return None, None
        position_id = placement.position.parent_id
        found: list[Employee | None] = []
        seen: set[int] = set()
        while position_id is not None and position_id not in seen and len(found) < 2:
            seen.add(position_id)
            holder = Placement.objects.holder_of(position_id, on)
            if holder is None:
                if not found:  # the direct superior post is vacant: no penilai, HR must act
                    return None, None
            elif holder.employee_id != self.pk and holder.employee not in found:
                found.append(holder.employee)
            if len(found) < 2:
                position_id = (
                    Position.objects.filter(pk=position_id)
                    .values_list("parent_id", flat=True)
                    .first()
                )
        found += [None, None]
        return found[0], found[1]


class Education(models.Model):
    employee = models.ForeignKey(
        Employee, models.CASCADE, related_name="educations", verbose_name="pegawai"
    )
    level = models.CharField("tingkat", max_length=2, choices=EducationLevel.choices)
    field = models.ForeignKey(
        EducationField,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="bidang/program studi",
    )
    institution = models.CharField("lembaga pendidikan", max_length=200, blank=True)
    graduation_year = models.PositiveSmallIntegerField("tahun lulus")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "riwayat pendidikan"
        verbose_name_plural = "riwayat pendidikan"
        ordering = ["-level", "-graduation_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "level", "field"], name="education_unique_per_level_field"
            ),
            # The upper bound (this year) moves with time, so it stays in clean().
            models.CheckConstraint(
                condition=Q(graduation_year__gte=1950),
                name="education_graduation_from_1950",
                violation_error_message="Tahun lulus tidak boleh sebelum 1950.",
            ),
        ]

    def __str__(self) -> str:
        field_name = f" {self.field}" if self.field_id else ""
        return f"{self.get_level_display()}{field_name} ({self.graduation_year})"

    def clean(self) -> None:
        year = today().year
        if self.graduation_year and not 1950 <= self.graduation_year <= year:
            raise ValidationError({"graduation_year": f"Tahun lulus harus antara 1950 dan {year}."})


# --- Competencies and leadership training -------------------------------------


class EmployeeCompetency(models.Model):
    """An assessed competency level of an employee; the latest assessment counts."""

    employee = models.ForeignKey(Employee, models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField("level", validators=LEVEL_VALIDATORS)
    assessed_on = models.DateField("tanggal penilaian")
    source = models.CharField("sumber", max_length=100, default="Assessment center")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kompetensi pegawai"
        verbose_name_plural = "kompetensi pegawai"
        ordering = ["competency__code", "-assessed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "competency", "assessed_on"],
                name="employee_competency_once_per_day",
            ),
            models.CheckConstraint(condition=LEVEL_RANGE, name="employee_competency_level_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} level {self.level} ({self.assessed_on:%Y})"


class LeadershipTraining(models.Model):
    """Riwayat pelatihan kepemimpinan (SIASN rw-diklat struktural)."""

    employee = models.ForeignKey(Employee, models.CASCADE, related_name="leadership_trainings")
    kind = models.CharField("pelatihan", max_length=5, choices=Leadership.choices)
    year = models.PositiveSmallIntegerField("tahun")
    certificate_number = models.CharField("nomor sertifikat", max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "pelatihan kepemimpinan"
        verbose_name_plural = "pelatihan kepemimpinan"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "kind"], name="leadership_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.year})"
