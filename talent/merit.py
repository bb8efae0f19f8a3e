"""The measurable part of the sistem merit (PP 11/2017 Ps. 134(2), docs/domain.md §3.8).

KASN scores the sistem merit from evidence the portal does not hold (kode etik, gaji,
perlindungan, pengadaan); its numeric bands are not published. This module computes only the
indicators the portal's data can show, each with its numerator, denominator, the records
behind it and what data would raise it. It never adds them into one score.

Each indicator is one or two aggregate queries over the unit subtree, whatever its size.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from performance.models import SKP, CurveRule, Evaluation, OrganisationPerformance
from positions.models import (
    STRUCTURAL_JENIS,
    Employee,
    JptSelection,
    OrgUnit,
    Placement,
    Position,
    PositionCompetency,
    WorkloadTask,
)
from training.models import PlanItem

from .models import CriticalPost, Readiness, SuccessionCandidate, SuccessionPlan

RECENT_YEARS = 3  # placements into structural posts looked at by the selection indicator


@dataclass
class Indicator:
    key: str
    label: str
    basis: str  # the letter of Ps. 134(2) it measures
    numerator: int
    denominator: int
    unit_word: str  # what is counted ("jabatan", "pegawai", ...)
    raise_by: str  # what data would raise it
    detail_label: str  # the list behind the figure

    @property
    def missing(self) -> int:
        return self.denominator - self.numerator

    @property
    def percent(self) -> int | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator)


def _positions(unit: OrgUnit) -> QuerySet[Position]:
    return Position.objects.active().filter(unit__path__startswith=unit.path)


def _employees(unit: OrgUnit) -> QuerySet[Employee]:
    return Employee.objects.active().filter(unit__path__startswith=unit.path)


# --- The records behind each indicator (the ones that do not meet it yet) -------------------


def positions_without_standard(unit: OrgUnit) -> QuerySet[Position]:
    has = PositionCompetency.objects.filter(position=OuterRef("pk"))
    return _positions(unit).filter(~Exists(has)).select_related("unit").order_by("unit__path")


def positions_without_abk(unit: OrgUnit) -> QuerySet[Position]:
    has = WorkloadTask.objects.filter(position=OuterRef("pk"))
    return (
        _positions(unit)
        .exclude(jenis__in=STRUCTURAL_JENIS)  # ABK sets the kebutuhan of JF and pelaksana
        .filter(~Exists(has))
        .select_related("unit")
        .order_by("unit__path")
    )


def _recent_structural(unit: OrgUnit, on: dt.date) -> QuerySet[Placement]:
    since = dt.date(on.year - RECENT_YEARS, 1, 1)
    return Placement.objects.filter(
        kind=Placement.Kind.DEFINITIF,
        position__jenis__in=STRUCTURAL_JENIS,
        position__unit__path__startswith=unit.path,
        start_date__gte=since,
        start_date__lte=on,
    )


def _through_merit() -> Q:
    """A placement made with the SK of a seleksi terbuka, or of someone on an approved
    succession list of that post before the TMT."""
    selected = JptSelection.objects.filter(placement=OuterRef("pk"))
    planned = SuccessionCandidate.objects.filter(
        employee=OuterRef("employee"),
        plan__position=OuterRef("position"),
        plan__approved_at__date__lte=OuterRef("start_date"),
    )
    return Q(Exists(selected)) | Q(Exists(planned))


def placements_without_merit(unit: OrgUnit, on: dt.date) -> QuerySet[Placement]:
    return (
        _recent_structural(unit, on)
        .exclude(_through_merit())
        .select_related("employee", "position__unit")
        .order_by("-start_date")
    )


def employees_without_skp(unit: OrgUnit, year: int) -> QuerySet[Employee]:
    approved = SKP.objects.current().filter(
        employee=OuterRef("pk"), year=year, status=SKP.Status.DISETUJUI
    )
    return _employees(unit).filter(~Exists(approved)).select_related("unit").order_by("name")


def _rated(unit: OrgUnit, year: int) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(
        period=Evaluation.Period.TW4,
        status=Evaluation.Status.FINAL,
        skp__year=year,
        skp__superseded_at__isnull=True,
        skp__employee__unit__path__startswith=unit.path,
    ).exclude(predikat="")


def rated_without_plan(unit: OrgUnit, year: int) -> QuerySet[Employee]:
    """Employees finally rated for `year` with no item in a development plan of the next year
    (the plan that follows from that evaluation)."""
    rated = _rated(unit, year).values("skp__employee_id")
    planned = PlanItem.objects.filter(employee=OuterRef("pk"), plan__year=year + 1)
    return (
        Employee.objects.filter(pk__in=rated)
        .filter(~Exists(planned))
        .select_related("unit")
        .order_by("name")
    )


def critical_without_ready_successor(unit: OrgUnit) -> QuerySet[Position]:
    latest = SuccessionPlan.objects.filter(position=OuterRef(OuterRef("position"))).order_by(
        "-version"
    )
    ready = SuccessionCandidate.objects.filter(
        plan=latest.values("pk")[:1], readiness=Readiness.SEKARANG
    )
    critical = CriticalPost.objects.filter(position__unit__path__startswith=unit.path)
    lacking = critical.filter(~Exists(ready)).values("position_id")
    return Position.objects.filter(pk__in=lacking).select_related("unit").order_by("unit__path")


# --- Curve compliance per perangkat daerah --------------------------------------------------


def curve_results(unit: OrgUnit, year: int) -> list[tuple[OrgUnit, list[str]]]:
    """Each unit of the subtree with a predikat kinerja organisasi for `year` and the curve
    violations of its final annual predikat (three queries)."""
    orgs = list(
        OrganisationPerformance.objects.filter(
            unit__path__startswith=unit.path, year=year
        ).select_related("unit")
    )
    if not orgs:
        return []
    paths = sorted((o.unit.path for o in orgs), key=len, reverse=True)
    counts: dict[str, Counter[str]] = {p: Counter() for p in paths}
    best: dict[int, tuple[tuple[int, dt.date], str, str]] = {}
    rows = _rated(unit, year).values_list(
        "skp__employee_id",
        "skp__period_start",
        "skp__period_end",
        "predikat",
        "skp__position__unit__path",
    )
    for employee_id, start, end, predikat, path in rows:
        key = ((end - start).days + 1, start)  # the SKP covering most of the year decides
        if employee_id not in best or key > best[employee_id][0]:
            best[employee_id] = (key, predikat, path)
    for _, predikat, path in best.values():
        for org_path in paths:  # the innermost unit with its own predikat organisasi
            if path.startswith(org_path):
                counts[org_path][predikat] += 1
                break
    rules: dict[str, list[CurveRule]] = {}
    for rule in CurveRule.objects.all():
        rules.setdefault(rule.org_predikat, []).append(rule)
    results = []
    for org in sorted(orgs, key=lambda o: o.unit.path):
        found = counts[org.unit.path]
        if not sum(found.values()):
            continue
        violations = [v for r in rules.get(org.predikat, []) if (v := r.violation(found))]
        results.append((org.unit, violations))
    return results


# --- The page -------------------------------------------------------------------------------


def indicators(unit: OrgUnit, year: int, rated_year: int | None, on: dt.date) -> list[Indicator]:
    positions = _positions(unit)
    n_positions = positions.count()
    functional = positions.exclude(jenis__in=STRUCTURAL_JENIS).count()
    recent = _recent_structural(unit, on)
    n_recent = recent.count()
    employees = _employees(unit).count()
    curve = curve_results(unit, rated_year) if rated_year else []
    n_rated = (
        _rated(unit, rated_year).values("skp__employee_id").distinct().count() if rated_year else 0
    )
    n_critical = CriticalPost.objects.filter(position__unit__path__startswith=unit.path).count()
    return [
        Indicator(
            "standar-kompetensi",
            "Jabatan yang memiliki standar kompetensi",
            "Ps. 134 ayat (2) huruf a",
            n_positions - positions_without_standard(unit).count(),
            n_positions,
            "jabatan",
            "Isi standar kompetensi teknis, manajerial dan sosial kultural setiap jabatan "
            "(Jabatan → Kompetensi).",
            "Jabatan tanpa standar kompetensi",
        ),
        Indicator(
            "abk",
            "Jabatan fungsional dan pelaksana dengan analisis beban kerja",
            "Ps. 134 ayat (2) huruf b",
            functional - positions_without_abk(unit).count(),
            functional,
            "jabatan",
            "Isi uraian tugas, hasil kerja, waktu dan volume setiap jabatan (Jabatan → ABK): "
            "kebutuhan pegawai lalu dihitung dari beban kerja.",
            "Jabatan tanpa ABK",
        ),
        Indicator(
            "seleksi",
            f"Pengisian jabatan struktural {RECENT_YEARS} tahun terakhir melalui seleksi "
            "terbuka atau rencana suksesi",
            "Ps. 134 ayat (2) huruf c dan d",
            n_recent - placements_without_merit(unit, on).count(),
            n_recent,
            "penempatan",
            "Catat seleksi terbuka JPT (Kepegawaian → Seleksi terbuka JPT) dan setujui daftar "
            "suksesi jabatan kritikal sebelum penempatan.",
            "Penempatan struktural tanpa seleksi atau suksesi",
        ),
        Indicator(
            "skp",
            f"Pegawai dengan SKP {year} disetujui",
            "Ps. 134 ayat (2) huruf e",
            employees - employees_without_skp(unit, year).count(),
            employees,
            "pegawai",
            "Setiap pegawai menyusun SKP dan pejabat penilai menyetujuinya (Kinerja → SKP).",
            f"Pegawai tanpa SKP {year} yang disetujui",
        ),
        Indicator(
            "kurva",
            f"Unit yang distribusi predikat {rated_year or '—'} sesuai kurva",
            "Ps. 134 ayat (2) huruf e",
            sum(1 for _, v in curve if not v),
            len(curve),
            "unit",
            "Tetapkan predikat kinerja organisasi dan selesaikan evaluasi akhir tahun; "
            "distribusi predikat pegawai mengikuti kurva PermenPANRB 6/2022.",
            "Unit yang tidak sesuai kurva",
        ),
        Indicator(
            "pengembangan",
            f"Pegawai yang dinilai {rated_year or '—'} dan masuk rencana pengembangan "
            f"{rated_year + 1 if rated_year else '—'}",
            "Ps. 134 ayat (2) huruf g",
            n_rated - (rated_without_plan(unit, rated_year).count() if rated_year else 0),
            n_rated,
            "pegawai",
            "Susun rencana pengembangan tahun berikutnya dari analisis kebutuhan "
            "(Pengembangan → Analisis kebutuhan), yang membaca hasil evaluasi kinerja.",
            "Pegawai yang dinilai tanpa rencana pengembangan",
        ),
        Indicator(
            "suksesi",
            "Jabatan kritikal dengan suksesor siap sekarang",
            "Ps. 134 ayat (2) huruf d",
            n_critical - critical_without_ready_successor(unit).count(),
            n_critical,
            "jabatan",
            "Tandai jabatan kritikal, hitung peta talenta, setujui daftar suksesi, dan tutup "
            "kekurangan calon lewat rencana pengembangan (Manajemen talenta → Rencana suksesi).",
            "Jabatan kritikal tanpa suksesor siap",
        ),
    ]


def detail_title(key: str, year: int, rated_year: int | None) -> str:
    return {
        "standar-kompetensi": "Jabatan tanpa standar kompetensi",
        "abk": "Jabatan fungsional dan pelaksana tanpa ABK",
        "seleksi": f"Penempatan struktural {RECENT_YEARS} tahun terakhir tanpa seleksi atau "
        "suksesi",
        "skp": f"Pegawai tanpa SKP {year} yang disetujui",
        "kurva": f"Unit yang distribusi predikat {rated_year or '—'} tidak sesuai kurva",
        "pengembangan": f"Pegawai yang dinilai {rated_year or '—'} tanpa rencana pengembangan",
        "suksesi": "Jabatan kritikal tanpa suksesor siap sekarang",
    }.get(key, "")


def detail_rows(
    key: str, unit: OrgUnit, year: int, rated_year: int | None, on: dt.date
) -> QuerySet[Any] | list[Any] | None:
    """The records behind indicator `key` that do not meet it; None for an unknown key."""
    lists: dict[str, Callable[[], Any]] = {
        "standar-kompetensi": lambda: positions_without_standard(unit),
        "abk": lambda: positions_without_abk(unit),
        "seleksi": lambda: placements_without_merit(unit, on),
        "skp": lambda: employees_without_skp(unit, year),
        "kurva": lambda: [
            (u, v) for u, v in (curve_results(unit, rated_year) if rated_year else []) if v
        ],
        "pengembangan": lambda: (
            rated_without_plan(unit, rated_year) if rated_year else Employee.objects.none()
        ),
        "suksesi": lambda: critical_without_ready_successor(unit),
    }
    found = lists.get(key)
    return found() if found else None
