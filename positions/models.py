"""Personnel core: organisation tree, positions, employees, placements and HR scopes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When, functions
from django.db.models.functions import Coalesce, Length
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from core.limits import FEEDBACK, LONG_TEXT, NOTE, max_length_check

from .nip import parse_nip

if TYPE_CHECKING:
    from asnportal.models import User

models.CharField.register_lookup(Length)


def today() -> dt.date:
    return timezone.localdate()


# --- Reference choices --------------------------------------------------------


class Golongan(models.TextChoices):
    """PNS golongan/ruang with SIASN ids (docs/domain.md §4.3) and PPPK golongan I–XVII.

    PNS ids sort in rank order, so "at or above a minimum" is a string comparison within PNS.
    """

    I_A = "11", "I/a – Juru Muda"
    I_B = "12", "I/b – Juru Muda Tingkat I"
    I_C = "13", "I/c – Juru"
    I_D = "14", "I/d – Juru Tingkat I"
    II_A = "21", "II/a – Pengatur Muda"
    II_B = "22", "II/b – Pengatur Muda Tingkat I"
    II_C = "23", "II/c – Pengatur"
    II_D = "24", "II/d – Pengatur Tingkat I"
    III_A = "31", "III/a – Penata Muda"
    III_B = "32", "III/b – Penata Muda Tingkat I"
    III_C = "33", "III/c – Penata"
    III_D = "34", "III/d – Penata Tingkat I"
    IV_A = "41", "IV/a – Pembina"
    IV_B = "42", "IV/b – Pembina Tingkat I"
    IV_C = "43", "IV/c – Pembina Utama Muda"
    IV_D = "44", "IV/d – Pembina Utama Madya"
    IV_E = "45", "IV/e – Pembina Utama"
    P_I = "P01", "PPPK I"
    P_II = "P02", "PPPK II"
    P_III = "P03", "PPPK III"
    P_IV = "P04", "PPPK IV"
    P_V = "P05", "PPPK V"
    P_VI = "P06", "PPPK VI"
    P_VII = "P07", "PPPK VII"
    P_VIII = "P08", "PPPK VIII"
    P_IX = "P09", "PPPK IX"
    P_X = "P10", "PPPK X"
    P_XI = "P11", "PPPK XI"
    P_XII = "P12", "PPPK XII"
    P_XIII = "P13", "PPPK XIII"
    P_XIV = "P14", "PPPK XIV"
    P_XV = "P15", "PPPK XV"
    P_XVI = "P16", "PPPK XVI"
    P_XVII = "P17", "PPPK XVII"

    @classmethod
    def short(cls, value: str) -> str:
        """'31' -> 'III/a', 'P09' -> 'IX' (as printed on documents)."""
        if not value:
            return ""
        label = str(cls(value).label)
        return label.split(" – ")[0] if not value.startswith("P") else label.removeprefix("PPPK ")

    @classmethod
    def pangkat(cls, value: str) -> str:
        if not value or value.startswith("P"):
            return ""
        return str(cls(value).label).split(" – ")[1]


class EducationLevel(models.TextChoices):
    """Tingkat pendidikan with BKN codes (docs/domain.md §4.4); codes sort by level."""

    SD = "05", "SD"
    SLTP = "10", "SLTP"
    SLTP_K = "12", "SLTP Kejuruan"
    SLTA = "15", "SLTA"
    SLTA_K = "17", "SLTA Kejuruan"
    SLTA_G = "18", "SLTA Keguruan"
    D1 = "20", "D-I"
    D2 = "25", "D-II"
    D3 = "30", "D-III"
    D4 = "35", "D-IV"
    S1 = "40", "S-1"
    S2 = "45", "S-2"
    S3 = "50", "S-3"


class Predikat(models.TextChoices):
    """Predikat kinerja pegawai (PermenPANRB 6/2022, docs/domain.md §1.6)."""

    SANGAT_BAIK = "sangat_baik", "Sangat Baik"
    BAIK = "baik", "Baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan", "Butuh Perbaikan"
    KURANG = "kurang", "Kurang/Misconduct"
    SANGAT_KURANG = "sangat_kurang", "Sangat Kurang"


class Leadership(models.TextChoices):
    """Pelatihan kepemimpinan (docs/domain.md §5); the old Diklatpim I–IV count as their
    successors."""

    PKP = "pkp", "PKP (Pelatihan Kepemimpinan Pengawas / Diklatpim IV)"
    PKA = "pka", "PKA (Pelatihan Kepemimpinan Administrator / Diklatpim III)"
    PKN_II = "pkn2", "PKN Tingkat II (Diklatpim II)"
    PKN_I = "pkn1", "PKN Tingkat I (Diklatpim I)"


# A higher leadership training satisfies a lower requirement.
LEADERSHIP_RANK = {Leadership.PKP: 1, Leadership.PKA: 2, Leadership.PKN_II: 3, Leadership.PKN_I: 4}
LEADERSHIP_BY_JENIS = {
    "pengawas": Leadership.PKP,
    "administrator": Leadership.PKA,
    "jpt_pratama": Leadership.PKN_II,
    "jpt_madya": Leadership.PKN_I,
    "jpt_utama": Leadership.PKN_I,
}

STRUCTURAL_JENIS = ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas")


# --- Organisation tree --------------------------------------------------------


def opd_name_of(path_lookup: str) -> models.Subquery:
    """The name of the perangkat daerah (the unit two levels from the root: root = instansi)
    above the outer row's unit, as an annotation; the root itself for the root's own rows."""
    return models.Subquery(
        OrgUnit.objects.filter(
            path=functions.Substr(models.OuterRef(path_lookup), 1, 2 * OrgUnit.steplen)
        ).values("name")[:1]
    )


class OrgUnitQuerySet(MP_NodeQuerySet):
    def active(self) -> OrgUnitQuerySet:
        return self.filter(closed_at__isnull=True)

    def with_opd(self) -> OrgUnitQuerySet:
        """Annotate `opd_name`: units of ~40 OPD share names (Sekretariat, Bidang Umum)."""
        return self.annotate(opd_name=opd_name_of("path"))

    def subtree_of(self, unit: OrgUnit) -> OrgUnitQuerySet:
        """The unit and all its descendants: one indexed prefix query on the path."""
        return self.filter(path__startswith=unit.path)

    def visible_to(self, user: User) -> OrgUnitQuerySet:
        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("path"))


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):  # type: ignore[misc]
    def get_queryset(self) -> OrgUnitQuerySet:
        return OrgUnitQuerySet(self.model, using=self._db).order_by("path")


class OrgUnit(MP_Node):
    class Kind(models.TextChoices):
        INSTANSI = "instansi", "Instansi"
        PERANGKAT_DAERAH = "perangkat_daerah", "Perangkat daerah"
        UNIT = "unit", "Unit (bidang/bagian)"
        SUB_UNIT = "sub_unit", "Sub-unit (subbidang/seksi/subbagian)"
        UPTD = "uptd", "UPTD"

    code = models.CharField("kode", max_length=40, unique=True)
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    closed_at = models.DateField("ditutup pada", null=True, blank=True)

    node_order_by = ["code"]
    objects = OrgUnitManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "unit organisasi"
        verbose_name_plural = "unit organisasi"
        indexes = [
            # LIKE 'prefix%' on the path must use an index under any collation.
            models.Index(
                fields=["path"], name="orgunit_path_prefix", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("positions:unit_detail", args=[self.pk])


# --- Positions ----------------------------------------------------------------


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
        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("unit__path"))

    def in_subtree(self, unit: OrgUnit) -> PositionQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def with_bezetting(self, on: dt.date | None = None) -> PositionQuerySet:
        """Annotate `bezetting`: definitive holders on a date (Plt/Plh do not fill a post).

        A correlated subquery rather than a JOIN + COUNT, so the annotation can be grouped
        and summed per unit without multiplying rows."""
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
        return self.with_bezetting(on).filter(bezetting__lt=F("kebutuhan"))

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
        "EducationField",
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

    def get_absolute_url(self) -> str:
        return reverse("positions:position_detail", args=[self.pk])

    @property
    def title(self) -> str:
        if self.jenis == self.Jenis.FUNGSIONAL and self.jenjang:
            return f"{self.name} {self.get_jenjang_display()}"
        return self.name

    @property
    def is_structural(self) -> bool:
        return self.jenis in STRUCTURAL_JENIS

    @property
    def required_leadership(self) -> str:
        """The leadership training a holder of this post must have ("" when none)."""
        return LEADERSHIP_BY_JENIS.get(self.jenis, "")

    @property
    def bup_age(self) -> int:
        """Batas usia pensiun by jabatan (PP 11/2017, docs/domain.md §4.5)."""
        if self.jenis in (self.Jenis.JPT_UTAMA, self.Jenis.JPT_MADYA, self.Jenis.JPT_PRATAMA):
            return 60
        if self.jenjang == self.Jenjang.AHLI_UTAMA:
            return 65
        if self.jenjang == self.Jenjang.AHLI_MADYA:
            return 60
        return 58

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


# --- Employees ----------------------------------------------------------------


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
        if self.golongan and self.kind:
            if self.is_pppk and not self.golongan.startswith("P"):
                errors["golongan"] = "PPPK memakai golongan I–XVII, bukan golongan ruang PNS."
            if not self.is_pppk and self.golongan.startswith("P"):
                errors["golongan"] = (
                    "PNS/CPNS memakai golongan ruang (I/a–IV/e), bukan golongan PPPK."
                )
        if errors:
            raise ValidationError(errors)

    def definitive_placement(self, on: dt.date | None = None) -> Placement | None:
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
        on = on or today()
        placement = placement or self.definitive_placement(on)
        if placement is None:
            return None, None
        position_id = placement.position.parent_id
        found: list[Employee] = []
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


# --- Placements ---------------------------------------------------------------


class PlacementQuerySet(models.QuerySet["Placement"]):
    def on(self, date: dt.date) -> PlacementQuerySet:
        """Placements in force on a date (TMT on or before it, not ended before it)."""
        return self.filter(start_date__lte=date).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )

    def open(self) -> PlacementQuerySet:
        return self.filter(end_date__isnull=True)

    def holder_of(self, position_id: int, on: dt.date) -> Placement | None:
        """Who holds a position on a date: the definitive holder, else Plt, else Plh."""
        rank = Case(
            When(kind=Placement.Kind.DEFINITIF, then=Value(0)),
            When(kind=Placement.Kind.PLT, then=Value(1)),
            default=Value(2),
        )
        return (
            self.on(on)
            .filter(position_id=position_id)
            .select_related("employee")
            .annotate(rank=rank)
            .order_by("rank", "-start_date")
            .first()
        )

    def visible_to(self, user: User) -> PlacementQuerySet:
        if user.is_superuser:
            return self
        return self.filter(employee__in=Employee.objects.visible_to(user))


class Placement(models.Model):
    class Kind(models.TextChoices):
        DEFINITIF = "definitif", "Definitif"
        PLT = "plt", "Pelaksana Tugas (Plt)"
        PLH = "plh", "Pelaksana Harian (Plh)"

    class EndReason(models.TextChoices):
        MUTASI = "mutasi", "Mutasi/promosi"
        PENSIUN = "pensiun", "Pensiun"
        MUTASI_KELUAR = "mutasi_keluar", "Mutasi keluar instansi"
        BERHENTI = "berhenti", "Diberhentikan"
        MENINGGAL = "meninggal", "Meninggal dunia"
        SELESAI = "selesai", "Penugasan selesai"

    employee = models.ForeignKey(
        Employee, models.PROTECT, related_name="placements", verbose_name="pegawai"
    )
    position = models.ForeignKey(
        Position, models.PROTECT, related_name="placements", verbose_name="jabatan"
    )
    kind = models.CharField("jenis penempatan", max_length=10, choices=Kind.choices)
    start_date = models.DateField("TMT")
    end_date = models.DateField("tanggal berakhir", null=True, blank=True)
    end_reason = models.CharField(
        "alasan berakhir", max_length=15, choices=EndReason.choices, blank=True
    )
    sk_number = models.CharField("nomor SK", max_length=100)
    sk_date = models.DateField("tanggal SK")
    # Copied from the position by the placement service: a partial unique index cannot join,
    # and "one open definitive holder" applies only to structural positions.
    is_structural = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlacementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "penempatan (riwayat jabatan)"
        verbose_name_plural = "penempatan (riwayat jabatan)"
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["position", "end_date"], name="placement_position_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(kind="definitif", end_date__isnull=True),
                name="placement_one_open_definitive_per_employee",
                violation_error_message="Pegawai ini sudah memiliki jabatan definitif yang aktif.",
            ),
            models.UniqueConstraint(
                fields=["position"],
                condition=Q(kind="definitif", end_date__isnull=True, is_structural=True),
                name="placement_one_definitive_holder_per_structural_position",
                violation_error_message="Jabatan struktural ini sudah memiliki pejabat definitif.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="placement_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=False) | Q(end_reason=""),
                name="placement_reason_only_when_ended",
                violation_error_message=(
                    "Alasan berakhir hanya diisi untuk penempatan yang sudah berakhir."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.name} — {self.position} ({self.get_kind_display()})"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


# --- HR scope -----------------------------------------------------------------


class HRScope(models.Model):
    """Grants a user a role over a unit subtree: pengelola (read/write) or pimpinan (read)."""

    class Role(models.TextChoices):
        PENGELOLA = "pengelola", "Pengelola kepegawaian"
        PIMPINAN = "pimpinan", "Pimpinan (baca saja)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="hr_scopes", verbose_name="pengguna"
    )
    unit = models.ForeignKey(
        OrgUnit, models.CASCADE, related_name="hr_scopes", verbose_name="unit (beserta bawahannya)"
    )
    role = models.CharField("peran", max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = "lingkup kepegawaian"
        verbose_name_plural = "lingkup kepegawaian"
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="hrscope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


# --- Scopes of a user ---------------------------------------------------------


@dataclass
class Scopes:
    """What a user may see, derived from data: HR scope records and the units they head. A
    superuser may write everywhere (`can_write_path`), without scope records."""

    write_paths: list[str] = field(default_factory=list)  # pengelola
    read_paths: list[str] = field(default_factory=list)  # pimpinan
    headed_paths: list[str] = field(default_factory=list)  # structural posts held today
    headed_position_ids: list[int] = field(default_factory=list)

    @property
    def all_paths(self) -> list[str]:
        return self.write_paths + self.read_paths + self.headed_paths

    def path_q(self, lookup: str) -> Q:
        """Q matching rows whose unit path lies in any scope; matches nothing when empty."""
        q = Q(pk__in=[])
        for path in _outermost(self.all_paths):
            q |= Q(**{f"{lookup}__startswith": path})
        return q

    superuser: bool = False

    def can_write_path(self, path: str) -> bool:
        return self.superuser or any(path.startswith(p) for p in self.write_paths)

    @property
    def is_hr(self) -> bool:
        return bool(self.write_paths)

    @property
    def is_pimpinan(self) -> bool:
        return bool(self.read_paths)

    @property
    def is_manager(self) -> bool:
        return bool(self.headed_paths)


def _outermost(paths: list[str]) -> list[str]:
    """Drop paths nested in another: fewer OR branches, same rows."""
    result: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(p) for p in result):
            result.append(path)
    return result


def scopes_for(user: User) -> Scopes:
    """Scopes of a user, computed once per user object (two queries) and cached on it."""
    cached = getattr(user, "_asn_scopes", None)
    if cached is not None:
        return cached
    scopes = Scopes(superuser=bool(getattr(user, "is_superuser", False)))
    if user.is_authenticated:
        for path, role in HRScope.objects.filter(user=user).values_list("unit__path", "role"):
            if role == HRScope.Role.PENGELOLA:
                scopes.write_paths.append(path)
            else:
                scopes.read_paths.append(path)
        headed = (
            Placement.objects.on(today())
            .filter(employee__user=user, position__jenis__in=STRUCTURAL_JENIS)
            .values_list("position__unit__path", "position_id")
        )
        for path, position_id in headed:
            scopes.headed_paths.append(path)
            scopes.headed_position_ids.append(position_id)
    user._asn_scopes = scopes  # type: ignore[union-attr]
    return scopes


def own_employee(user: User) -> Employee | None:
    """The employee record of a logged-in user (with its unit), or None: looked up once per
    user object and cached on it, like `scopes_for`."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_asn_employee"):
        user._asn_employee = (  # type: ignore[union-attr]
            Employee.objects.filter(user=user).select_related("unit").first()
        )
    return user._asn_employee  # type: ignore[union-attr]


def retirement_date(birth_date: dt.date, bup_age: int) -> dt.date:
    """TMT pensiun: the first day of the month after the employee reaches BUP (§4.5)."""
    year = birth_date.year + bup_age
    month = birth_date.month + 1
    if month == 13:
        year, month = year + 1, 1
    return dt.date(year, month, 1)


# --- Excel import batches -------------------------------------------------------


class ImportBatch(models.Model):
    """An uploaded employee workbook: parsed rows with their problems, committed all-or-nothing."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Pratinjau"
        QUEUED = "queued", "Sedang disimpan"
        COMMITTED = "committed", "Sudah disimpan"
        FAILED = "failed", "Gagal"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="import_batches",
        verbose_name="diunggah oleh",
    )
    created_at = models.DateTimeField("diunggah pada", auto_now_add=True)
    filename = models.CharField("nama berkas", max_length=255)
    unit = models.ForeignKey(
        OrgUnit, models.PROTECT, related_name="import_batches", verbose_name="lingkup unit"
    )
    rows = models.JSONField("baris", default=list)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PREVIEW
    )
    committed_at = models.DateTimeField("disimpan pada", null=True, blank=True)
    summary = models.JSONField("ringkasan", default=dict, blank=True)

    class Meta:
        verbose_name = "batch impor pegawai"
        verbose_name_plural = "batch impor pegawai"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="committed") | Q(committed_at__isnull=False),
                name="importbatch_committed_has_time",
                violation_error_message="Batch yang sudah disimpan wajib mencatat waktu simpan.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.get("errors"))
