"""Daftar Urut Kepangkatan (DUK) and daftar nominatif of a unit subtree (docs/domain.md §3.8).

DUK (PP 15/1979; SE Kepala BAKN 03/SE/1980) lists the PNS of an instansi or unit in the order
of their standing:

1. pangkat (golongan ruang), higher first; within one golongan, the earlier TMT first;
2. jabatan: the rung of the post on the career ladder (JPT > administrator/ahli madya >
   pengawas/ahli muda > the rest), then its kelas jabatan, then the earlier TMT jabatan;
3. masa kerja: the earlier TMT CPNS (digits 9–14 of the NIP) first;
4. latihan jabatan: the higher leadership training (PKN I > PKN II > PKA > PKP) first, and of
   the same training the earlier year;
5. pendidikan: the higher level first;
6. usia: the older first.

Only PNS stand in the DUK (CPNS are not yet PNS; PPPK have no pangkat). The daftar nominatif
lists every active ASN (PNS, CPNS and PPPK) of the subtree by unit and jabatan.

Every key is computed in SQL (subqueries on the current definitive placement, the leadership
trainings and the educations), so a page of 50 is one query whatever the size of the unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr

from .models import (
    Education,
    EducationLevel,
    Employee,
    EmployeeQuerySet,
    Golongan,
    Leadership,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    retirement_date,
)

PDF_ROW_LIMIT = 1500  # a printed DUK beyond this is a job for the Excel file
PAGE_SIZE = 50

# The career ladder of docs/domain.md §3.8: a JF stands on the rung of its jenjang.
RUNG = Case(
    When(position__jenis="jpt_utama", then=Value(6)),
    When(position__jenis="jpt_madya", then=Value(5)),
    When(position__jenis="jpt_pratama", then=Value(4)),
    When(position__jenjang="ahli_utama", then=Value(4)),
    When(position__jenis="administrator", then=Value(3)),
    When(position__jenjang="ahli_madya", then=Value(3)),
    When(position__jenis="pengawas", then=Value(2)),
    When(position__jenjang="ahli_muda", then=Value(2)),
    default=Value(1),
    output_field=IntegerField(),
)
LEADERSHIP_ORDER = Case(
    When(kind=Leadership.PKN_I, then=Value(4)),
    When(kind=Leadership.PKN_II, then=Value(3)),
    When(kind=Leadership.PKA, then=Value(2)),
    When(kind=Leadership.PKP, then=Value(1)),
    default=Value(0),
    output_field=IntegerField(),
)


def _current(field: str, output: Any) -> Subquery:
    placement = (
        Placement.objects.filter(
            employee=OuterRef("pk"), kind=Placement.Kind.DEFINITIF, end_date__isnull=True
        )
        .annotate(rung=RUNG)
        .order_by("-start_date")
        .values(field)[:1]
    )
    return Subquery(placement, output_field=output)


def _leadership(field: str) -> Subquery:
    best = (
        LeadershipTraining.objects.filter(employee=OuterRef("pk"))
        .annotate(order=LEADERSHIP_ORDER)
        .order_by("-order", "year")
        .values(field)[:1]
    )
    return Subquery(best, output_field=IntegerField() if field != "kind" else CharField())


def _education() -> Subquery:
    best = Education.objects.filter(employee=OuterRef("pk")).order_by("-level").values("level")[:1]
    return Subquery(best, output_field=CharField())


def with_standing(employees: QuerySet[Employee]) -> QuerySet[Employee]:
    """Annotate what the DUK and the nominatif print and sort on."""
    return employees.select_related("unit").annotate(
        position_name=_current("position__name", CharField()),
        position_jenis=_current("position__jenis", CharField()),
        position_jenjang=_current("position__jenjang", CharField()),
        position_kelas=Coalesce(_current("position__kelas", IntegerField()), Value(0)),
        position_bup=Coalesce(_current("position__bup_age", IntegerField()), Value(58)),
        position_since=_current("start_date", DateField()),
        rung=Coalesce(_current("rung", IntegerField()), Value(0)),
        tmt_cpns=Substr("nip", 9, 6),
        leadership_order=Coalesce(_leadership("order"), Value(0)),
        leadership_kind=_leadership("kind"),
        leadership_year=_leadership("year"),
        education_level=_education(),
    )


def duk(units: Iterable[OrgUnit], employees: EmployeeQuerySet) -> QuerySet[Employee]:
    """The active PNS under `units`, in DUK order (the module docstring's six keys)."""
    pns = employees.active().filter(kind=Employee.Kind.PNS)
    # F() keys: the annotations of with_standing, missing values last.
    return with_standing(_under(pns, units)).order_by(
        F("golongan").desc(),
        F("tmt_golongan").asc(nulls_last=True),
        F("rung").desc(),
        F("position_kelas").desc(),
        F("position_since").asc(nulls_last=True),
        F("tmt_cpns").asc(nulls_last=True),
        F("leadership_order").desc(),
        F("leadership_year").asc(nulls_last=True),
        # A missing value stands last in every key, on SQLite as on PostgreSQL (whose DESC
        # would put NULL first).
        F("education_level").desc(nulls_last=True),
        F("birth_date").asc(),
        F("nip").asc(),
    )


def nominatif(units: Iterable[OrgUnit], employees: EmployeeQuerySet) -> QuerySet[Employee]:
    """Every active ASN under `units`, by unit, then jabatan rung and kelas, then name."""
    # rung and position_kelas are annotations of with_standing, unseen by the stubs.
    return with_standing(_under(employees.active(), units)).order_by(  # type: ignore[misc]
        "unit__path", "-rung", "-position_kelas", "name", "nip"
    )


def _under(employees: QuerySet[Employee], units: Iterable[OrgUnit]) -> QuerySet[Employee]:
    from django.db.models import Q

    q = Q(pk__in=[])
    for unit in units:
        q |= Q(unit__path__startswith=unit.path)
    return employees.filter(q)


def row(employee: Employee, on: dt.date) -> dict[str, Any]:
    """What one printed line says, from the annotations of `with_standing`."""
    e: Any = employee
    jenjang = Position.Jenjang(e.position_jenjang).label if e.position_jenjang else ""
    jabatan = f"{e.position_name} {jenjang}".strip() if e.position_name else "—"
    months = _months_between(_tmt_cpns(e.tmt_cpns), on) if not e.is_pppk else None
    level = EducationLevel(e.education_level).label if e.education_level else "—"
    leadership = Leadership(e.leadership_kind).label.split(" (")[0] if e.leadership_kind else ""
    exit_day = (
        e.contract_end
        if e.is_pppk and e.contract_end
        else retirement_date(e.birth_date, e.position_bup)
    )
    return {
        "employee": e,
        "nip": e.nip,
        "name": e.full_name,
        "kind": e.get_kind_display(),
        "golongan": Golongan.short(e.golongan),
        "pangkat": Golongan.pangkat(e.golongan),
        "tmt_golongan": e.tmt_golongan,
        "jabatan": jabatan,
        "tmt_jabatan": e.position_since,
        "unit": e.unit.name if e.unit else "",
        "masa_kerja": _years_months(months) if months is not None else "—",
        "leadership": f"{leadership} ({e.leadership_year})" if leadership else "—",
        "education": level,
        "birth_date": e.birth_date,
        "age": _age(e.birth_date, on),
        "exit_date": exit_day,
        "exit_label": "akhir perjanjian kerja" if e.is_pppk else "TMT pensiun",
    }


def _tmt_cpns(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), 1)
    except (TypeError, ValueError):
        return None


def _months_between(start: dt.date | None, end: dt.date) -> int | None:
    if start is None or start > end:
        return None
    return (end.year - start.year) * 12 + end.month - start.month


def _years_months(months: int) -> str:
    return f"{months // 12} th {months % 12} bl"


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
