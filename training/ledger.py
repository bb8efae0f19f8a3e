"""The 20 JP ledger, its compliance report, the leadership training rule and the self-report
verification flow (docs/domain.md §5).

Only verified AND passed participations count (`Participation.objects.counted()`), by the
year of their end date. Dates of "today" are passed in explicitly so tests never mock the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Count, Q, Sum, Value

from core import spreadsheets
from positions.access import can_write_employee
from positions.models import (
    LEADERSHIP_RANK,
    STRUCTURAL_JENIS,
    Employee,
    LeadershipTraining,
    OrgUnit,
    Placement,
    scopes_for,
)

from .models import JP_TARGET, Participation, counted_jp_subquery, minutes_to_jp

if TYPE_CHECKING:
    from asnportal.models import User


# --- JP per employee -------------------------------------------------------------------


def counted_jp(employee: Employee, year: int) -> int:
    result = Participation.objects.counted().in_year(year).filter(employee=employee)
    return int(result.aggregate(total=Sum("jp"))["total"] or 0)


def not_counted_reason(participation: Participation) -> str:
    """Why a line of the year does not count ("" when it does)."""
    V, R = Participation.Verification, Participation.Result
    if participation.verification == V.PENDING:
        return "Menunggu verifikasi"
    if participation.verification == V.REJECTED:
        note = participation.verification_note.strip()
        return f"Ditolak: {note}" if note else "Ditolak"
    if participation.result == R.TIDAK_LULUS:
        return "Tidak lulus"
    if participation.result == R.PENDING:
        return "Belum ada hasil kelulusan"
    return ""


@dataclass
class LedgerLine:
    participation: Participation
    reason: str  # "" when counted


@dataclass
class Ledger:
    employee: Employee
    year: int
    counted: list[LedgerLine]
    not_counted: list[LedgerLine]
    target: int = JP_TARGET

    @property
    def total(self) -> int:
        return sum(line.participation.jp for line in self.counted)

    @property
    def shortfall(self) -> int:
        return max(self.target - self.total, 0)

    @property
    def percent(self) -> int:
        """Progress towards the target, capped at 100 (for the progress bar)."""
        return min(round(self.total * 100 / self.target), 100) if self.target else 100


def ledger_for(employee: Employee, year: int) -> Ledger:
    """All lines of an employee ending in the year, split into counted and not counted (1 query)."""
    rows = (
        Participation.objects.filter(employee=employee)
        .in_year(year)
        .select_related("event__program")
        .order_by("end_date", "pk")
    )
    counted: list[LedgerLine] = []
    other: list[LedgerLine] = []
    for p in rows:
        reason = not_counted_reason(p)
        (other if reason else counted).append(LedgerLine(p, reason))
    return Ledger(employee=employee, year=year, counted=counted, not_counted=other)


def recent_lines(employee: Employee, limit: int = 5) -> list[LedgerLine]:
    rows = (
        Participation.objects.filter(employee=employee)
        .select_related("event__program")
        .order_by("-end_date", "-pk")[:limit]
    )
    return [LedgerLine(p, not_counted_reason(p)) for p in rows]


# --- 20 JP compliance --------------------------------------------------------------------


def warning_from_month() -> int:
    return int(getattr(settings, "JP_WARNING_FROM_MONTH", 7))


@dataclass
class Compliance:
    unit: OrgUnit
    year: int
    active: int
    compliant: int
    below: Any  # QuerySet of employees below target, annotated jp/kurang, by shortfall
    warning: bool
    target: int = JP_TARGET

    @property
    def below_count(self) -> int:
        return self.active - self.compliant

    @property
    def share(self) -> float:
        """Share compliant in percent (0 when the subtree has no active employee)."""
        return round(self.compliant * 100 / self.active, 1) if self.active else 0.0


def employees_with_jp(unit: OrgUnit, year: int) -> models.QuerySet[Employee]:
    """Active employees of the subtree annotated with `jp` (counted JP in the year) and
    `kurang` (shortfall against 20 JP, never negative) in one query."""
    return (
        Employee.objects.active()
        .in_subtree(unit)
        .select_related("unit")
        .annotate(jp=counted_jp_subquery(year))
        .annotate(
            kurang=models.Case(
                models.When(jp__lt=JP_TARGET, then=Value(JP_TARGET) - models.F("jp")),
                default=Value(0),
                output_field=models.IntegerField(),
            )
        )
    )


def compliance(unit: OrgUnit, year: int, *, today: dt.date) -> Compliance:
    """Counts in one aggregate query; `below` is a lazy queryset the view paginates."""
    employees = employees_with_jp(unit, year)
    counts = employees.aggregate(
        active=Count("pk"), compliant=Count("pk", filter=Q(jp__gte=JP_TARGET))
    )
    below = employees.filter(jp__lt=JP_TARGET).order_by("-kurang", "name", "pk")
    warning = year == today.year and today.month >= warning_from_month()
    return Compliance(
        unit=unit,
        year=year,
        active=counts["active"],
        compliant=counts["compliant"],
        below=below,
        warning=warning,
    )


XLSX_CONTENT_TYPE = spreadsheets.XLSX_CONTENT_TYPE
XLSX_HEADERS = ["No", "Nama", "NIP", "Unit kerja", "JP", "Kurang", "Status"]


def compliance_workbook(unit: OrgUnit, year: int) -> bytes:
    """All active employees of the subtree with their counted JP and status (one query)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Kepatuhan JP {year}"
    spreadsheets.append_row(sheet, [f"Kepatuhan 20 JP tahun {year} — {unit.name}"])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([])
    sheet.append(XLSX_HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    rows = employees_with_jp(unit, year).order_by("unit__path", "name", "pk")
    for number, emp in enumerate(rows, start=1):
        status = "Memenuhi" if emp.jp >= JP_TARGET else "Belum memenuhi"
        unit_name = emp.unit.name if emp.unit else ""
        spreadsheets.append_row(
            sheet, [number, emp.full_name, emp.nip, unit_name, emp.jp, emp.kurang, status]
        )
    for letter, width in zip("ABCDEFG", (5, 36, 22, 40, 7, 8, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A4"
    return spreadsheets.workbook_bytes(workbook)


# --- Leadership training compliance -----------------------------------------------------


def grace_months() -> int:
    return int(getattr(settings, "LEADERSHIP_GRACE_MONTHS", 12))


@dataclass
class LeadershipGap:
    placement: Placement
    required: str  # Leadership code
    required_label: str
    held: str  # highest held leadership code, "" when none
    deadline: dt.date
    days_overdue: int  # 0 while in grace
    perangkat_daerah: OrgUnit | None


@dataclass
class UnitGapCount:
    unit: OrgUnit | None
    in_grace: int = 0
    overdue: int = 0


@dataclass
class LeadershipReport:
    unit: OrgUnit
    today: dt.date
    grace_months: int
    in_grace: list[LeadershipGap] = field(default_factory=list)
    overdue: list[LeadershipGap] = field(default_factory=list)
    per_unit: list[UnitGapCount] = field(default_factory=list)


def leadership_report(unit: OrgUnit, *, today: dt.date) -> LeadershipReport:
    """Today's definitive and Plt holders of structural posts in the subtree who lack the
    required leadership training (a higher one satisfies a lower requirement), split by
    whether TMT + grace months has passed. Three queries whatever the number of rows."""
    from positions.models import Leadership

    months = grace_months()
    placements = list(
        Placement.objects.on(today)
        .filter(
            kind__in=[Placement.Kind.DEFINITIF, Placement.Kind.PLT],
            position__jenis__in=STRUCTURAL_JENIS,
            position__unit__path__startswith=unit.path,
        )
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "position__kelas", "employee__name")
    )
    best: dict[int, int] = {}
    best_kind: dict[int, str] = {}
    trainings = LeadershipTraining.objects.filter(
        employee_id__in=[p.employee_id for p in placements]
    ).values_list("employee_id", "kind")
    for employee_id, kind in trainings:
        rank = LEADERSHIP_RANK.get(kind, 0)
        if rank > best.get(employee_id, 0):
            best[employee_id], best_kind[employee_id] = rank, kind
    # Perangkat daerah above or inside the subtree: a small reference list matched by path.
    dinas = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.PERANGKAT_DAERAH).only("name", "path"))

    def dinas_of(path: str) -> OrgUnit | None:
        return next((d for d in dinas if path.startswith(d.path)), None)

    report = LeadershipReport(unit=unit, today=today, grace_months=months)
    counts: dict[int | None, UnitGapCount] = {}
    labels = dict(Leadership.choices)
    for placement in placements:
        required = placement.position.required_leadership
        if not required or best.get(placement.employee_id, 0) >= LEADERSHIP_RANK[required]:
            continue
        deadline = placement.start_date + relativedelta(months=months)
        pd = dinas_of(placement.position.unit.path)
        gap = LeadershipGap(
            placement=placement,
            required=required,
            required_label=labels[required],
            held=best_kind.get(placement.employee_id, ""),
            deadline=deadline,
            days_overdue=max((today - deadline).days, 0),
            perangkat_daerah=pd,
        )
        count = counts.setdefault(pd.pk if pd else None, UnitGapCount(unit=pd))
        if deadline > today:
            report.in_grace.append(gap)
            count.in_grace += 1
        else:
            report.overdue.append(gap)
            count.overdue += 1
    report.overdue.sort(key=lambda g: -g.days_overdue)
    report.in_grace.sort(key=lambda g: g.deadline)
    report.per_unit = sorted(counts.values(), key=lambda c: c.unit.path if c.unit else "")
    return report


# --- Self-reported development -------------------------------------------------------------


def jp_from(*, jp: int | None, minutes: int | None) -> int:
    """JP as entered, or converted from minutes (1 JP = 45 menit, rounded down)."""
    if minutes:
        return minutes_to_jp(minutes)
    return jp or 0


@transaction.atomic
def report_self_development(
    employee: Employee,
    *,
    title: str,
    category: str,
    method: str,
    start_date: dt.date,
    end_date: dt.date,
    jp: int,
    certificate_number: str = "",
    certificate: UploadedFile | None = None,
) -> Participation:
    """A pegawai's external activity, pending HR verification. The result is "lulus" when a
    certificate (number or file) is given — a certificate is proof of completion — else empty,
    and HR sets it on verification."""
    has_certificate = bool(certificate_number.strip() or certificate)
    participation = Participation(
        employee=employee,
        title=title,
        category=category,
        method=method,
        start_date=start_date,
        end_date=end_date,
        jp=jp,
        certificate_number=certificate_number.strip(),
        is_self_reported=True,
        verification=Participation.Verification.PENDING,
        result=Participation.Result.LULUS if has_certificate else Participation.Result.PENDING,
    )
    if certificate:
        participation.certificate_name = (certificate.name or "")[:200]
        participation.certificate.save(certificate.name or "sertifikat", certificate, save=False)
    participation.save()
    return participation


def pending_verifications_for(user: User) -> models.QuerySet[Participation]:
    """Pending self-reports of employees in the user's write (pengelola) scope, oldest first,
    without the user's own (nobody verifies their own report)."""
    base = Participation.objects.filter(
        is_self_reported=True, verification=Participation.Verification.PENDING
    ).exclude(employee__user=user)
    if not user.is_superuser:
        q = Q(pk__in=[])
        for path in scopes_for(user).write_paths:
            q |= Q(employee__unit__path__startswith=path)
        base = base.filter(q)
    return base.select_related("employee__unit").order_by("created_at", "pk")


def check_can_verify(user: User, participation: Participation) -> None:
    """A pegawai never verifies their own report; only HR with write scope verifies."""
    if participation.employee.user_id == user.pk:
        raise PermissionDenied("Anda tidak dapat memverifikasi laporan Anda sendiri.")
    if not can_write_employee(user, participation.employee):
        raise PermissionDenied


@transaction.atomic
def decide_self_report(
    participation: Participation, *, user: User, verify: bool, note: str = ""
) -> Participation:
    """Verify (counts from now on: verified + lulus) or reject (a note is required)."""
    check_can_verify(user, participation)
    locked = Participation.objects.select_for_update().get(pk=participation.pk)
    if locked.verification != Participation.Verification.PENDING or not locked.is_self_reported:
        raise ValidationError("Laporan ini sudah diputuskan sebelumnya.")
    note = note.strip()
    if verify:
        locked.verification = Participation.Verification.VERIFIED
        locked.result = Participation.Result.LULUS
    else:
        if not note:
            raise ValidationError({"note": "Catatan wajib diisi bila laporan ditolak."})
        locked.verification = Participation.Verification.REJECTED
    locked.verification_note = note
    locked.verified_by = user
    locked.save(update_fields=["verification", "result", "verification_note", "verified_by"])
    return locked
