"""Analisis kebutuhan pengembangan kompetensi, competency assessment import and development plans.

The analysis compares each employee's latest assessed competency levels with the levels their
current definitive position requires (PermenPANRB 38/2017), checks the leadership training the
position requires (PKP/PKA/PKN, DOMAIN §5) and the latest performance result, then recommends
active programs that develop what is missing. Everything is fetched in bulk (a fixed number of
queries for a whole unit subtree) and computed in Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import openpyxl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from openpyxl.styles import Font

from core import spreadsheets
from performance.models import Evaluation, Rating
from positions.models import (
    LEADERSHIP_RANK,
    Competency,
    Employee,
    EmployeeCompetency,
    LeadershipTraining,
    OrgUnit,
    Placement,
    Position,
    PositionCompetency,
    Predikat,
    scopes_for,
    today,
)

from .models import Category, DevelopmentPlan, PlanItem, ProgramCompetency, TrainingProgram

if TYPE_CHECKING:
    from asnportal.models import User

WEAK_PREDIKAT = {Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG}
# Weak performance is addressed by managerial and socio-cultural development (PerLAN 10/2018).
PERFORMANCE_CATEGORIES = {Category.MANAJERIAL, Category.SOSIAL_KULTURAL}
LEADERSHIP_SHORT = {"pkp": "PKP", "pka": "PKA", "pkn2": "PKN Tingkat II", "pkn1": "PKN Tingkat I"}
MAX_RECOMMENDATIONS = 3


def join_words(parts: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b dan c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} dan {parts[-1]}"


# --- The analysis ----------------------------------------------------------------------------


@dataclass
class Gap:
    competency: Competency
    required: int
    current: int | None  # None: never assessed, the whole required level is the gap

    @property
    def size(self) -> int:
        return self.required - (self.current or 0)

    @property
    def current_label(self) -> str:
        return "belum dinilai" if self.current is None else str(self.current)


@dataclass
class Recommendation:
    program: TrainingProgram
    gaps_covered: int = 0
    levels_covered: int = 0
    covers_leadership: bool = False
    covers_performance: bool = False
    reasons: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # short labels for the unit summary

    @property
    def reason(self) -> str:
        text = "; ".join(self.reasons)
        return text[:1].upper() + text[1:]

    @property
    def rank_key(self) -> tuple[int, int, int, int, str]:
        # A missing leadership training is a legal obligation of the post, so it goes first;
        # then the brief's order: gaps covered, gap levels covered, shorter JP.
        return (
            -int(self.covers_leadership),
            -self.gaps_covered,
            -self.levels_covered,
            self.program.jp,
            self.program.name,
        )


@dataclass
class EmployeeNeeds:
    employee: Employee
    position: Position | None
    gaps: list[Gap] = field(default_factory=list)
    missing_leadership: str = ""  # Leadership code the post requires and the employee lacks
    weak_predikat: str = ""
    predikat_year: int | None = None
    perilaku_below_year: int | None = None
    recommendations: list[Recommendation] = field(default_factory=list)

    @property
    def missing_leadership_label(self) -> str:
        return LEADERSHIP_SHORT.get(self.missing_leadership, "")

    @property
    def weak_performance(self) -> bool:
        return bool(self.weak_predikat or self.perilaku_below_year)

    @property
    def has_needs(self) -> bool:
        return bool(self.gaps or self.missing_leadership or self.weak_performance)

    @property
    def top(self) -> Recommendation | None:
        return self.recommendations[0] if self.recommendations else None

    def performance_reasons(self) -> list[str]:
        reasons = []
        if self.weak_predikat:
            year = f" {self.predikat_year}" if self.predikat_year else ""
            reasons.append(f"predikat kinerja{year} {Predikat(self.weak_predikat).label}")
        if self.perilaku_below_year:
            reasons.append(
                f"rating perilaku kerja {self.perilaku_below_year} {Rating.DIBAWAH.label}"
            )
        return reasons


def active_programs() -> list[TrainingProgram]:
    """Active programs with their competencies (two queries)."""
    return list(
        TrainingProgram.objects.filter(is_active=True)
        .prefetch_related(
            Prefetch(
                "competencies", queryset=ProgramCompetency.objects.select_related("competency")
            )
        )
        .order_by("name")
    )


def analyse(
    employees: QuerySet[Employee], *, programs: list[TrainingProgram] | None = None
) -> list[EmployeeNeeds]:
    """Needs of every employee in the queryset, in a fixed number of queries:
    employees, definitive placements, required competencies, assessments, leadership
    trainings, annual evaluations, and (unless given) programs + their competencies."""
    on = today()
    people = list(employees.select_related("unit").order_by("name", "pk"))
    ids = employees.values("pk")
    placements = {
        p.employee_id: p
        for p in Placement.objects.on(on)
        .filter(kind=Placement.Kind.DEFINITIF, employee__in=ids)
        .select_related("position")
        .order_by("start_date")
    }
    required: dict[int, list[PositionCompetency]] = {}
    for pc in PositionCompetency.objects.filter(
        position_id__in={p.position_id for p in placements.values()}
    ).select_related("competency"):
        required.setdefault(pc.position_id, []).append(pc)
    assessed: dict[tuple[int, int], int] = {}
    for emp_id, comp_id, level in (
        EmployeeCompetency.objects.filter(employee__in=ids)
        .order_by("assessed_on", "pk")
        .values_list("employee_id", "competency_id", "level")
    ):
        assessed[(emp_id, comp_id)] = level  # ordered by date: the latest wins
    held: dict[int, int] = {}
    for emp_id, kind in LeadershipTraining.objects.filter(employee__in=ids).values_list(
        "employee_id", "kind"
    ):
        held[emp_id] = max(held.get(emp_id, 0), LEADERSHIP_RANK.get(kind, 0))
    perilaku: dict[int, tuple[int, str]] = {}
    for emp_id, year, rating in (
        Evaluation.objects.filter(
            skp__employee__in=ids,
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__superseded_at__isnull=True,
        )
        .order_by("skp__year")
        .values_list("skp__employee_id", "skp__year", "rating_perilaku")
    ):
        perilaku[emp_id] = (year, rating)  # ordered by year: the latest year wins
    if programs is None:
        programs = active_programs()

    result = []
    for emp in people:
        placement = placements.get(emp.pk)
        position = placement.position if placement else None
        needs = EmployeeNeeds(employee=emp, position=position)
        if position is not None:
            for pc in required.get(position.pk, []):
                current = assessed.get((emp.pk, pc.competency_id))
                if current is None or current < pc.level:
                    needs.gaps.append(Gap(pc.competency, pc.level, current))
            needed = position.required_leadership
            if needed and held.get(emp.pk, 0) < LEADERSHIP_RANK[needed]:
                needs.missing_leadership = needed
        if emp.latest_predikat in WEAK_PREDIKAT:
            needs.weak_predikat = emp.latest_predikat
            needs.predikat_year = emp.latest_predikat_year
        latest = perilaku.get(emp.pk)
        if latest and latest[1] == Rating.DIBAWAH:
            needs.perilaku_below_year = latest[0]
        needs.recommendations = recommend(needs, programs)
        result.append(needs)
    return result


def recommend(needs: EmployeeNeeds, programs: list[TrainingProgram]) -> list[Recommendation]:
    """Programs that develop what the employee lacks, ranked, each with its reason."""
    gaps = {gap.competency.pk: gap for gap in needs.gaps}
    found = []
    for program in programs:
        rec = Recommendation(program=program)
        covered = []
        for pc in program.competencies.all():
            gap = gaps.get(pc.competency_id)
            if gap is None or pc.target_level <= (gap.current or 0):
                continue
            reached = min(pc.target_level, gap.required)
            rec.gaps_covered += 1
            rec.levels_covered += reached - (gap.current or 0)
            covered.append(f"{gap.competency.code} ({gap.current_label} → {reached})")
            rec.tags.append(gap.competency.code)
        if covered:
            rec.reasons.append(f"menutup kesenjangan {join_words(covered)}")
        if needs.missing_leadership and program.category == needs.missing_leadership:
            rec.covers_leadership = True
            jenis = Position.Jenis(needs.position.jenis).label if needs.position else ""
            rec.reasons.append(
                f"belum memiliki {needs.missing_leadership_label} yang disyaratkan jabatan {jenis}"
            )
            rec.tags.append(f"belum {needs.missing_leadership_label}")
        if needs.weak_performance and program.category in PERFORMANCE_CATEGORIES:
            rec.covers_performance = True
            rec.reasons.extend(needs.performance_reasons())
            rec.tags.append("kinerja")
        if rec.reasons:
            found.append(rec)
    found.sort(key=lambda r: r.rank_key)
    return found[:MAX_RECOMMENDATIONS]


@dataclass
class ProgramNeed:
    """One program's row in a unit's aggregated needs."""

    program: TrainingProgram
    people: int = 0
    first_priority: int = 0
    tags: Counter[str] = field(default_factory=Counter)

    @property
    def total_jp(self) -> int:
        return self.people * self.program.jp

    @property
    def summary(self) -> str:
        return ", ".join(f"{tag} ({n})" for tag, n in self.tags.most_common())


def aggregate(analysis: list[EmployeeNeeds]) -> list[ProgramNeed]:
    """How many people need which program (any of their top recommendations), most first."""
    rows: dict[int, ProgramNeed] = {}
    for needs in analysis:
        for index, rec in enumerate(needs.recommendations):
            row = rows.setdefault(rec.program.pk, ProgramNeed(program=rec.program))
            row.people += 1
            row.first_priority += int(index == 0)
            row.tags.update(rec.tags)
    return sorted(rows.values(), key=lambda r: (-r.first_priority, -r.people, r.program.name))


def unit_employees(unit: OrgUnit) -> QuerySet[Employee]:
    """Active employees whose unit kerja lies in the unit's subtree."""
    return Employee.objects.filter(unit__path__startswith=unit.path, status=Employee.Status.AKTIF)


# --- Assessments import ----------------------------------------------------------------------

IMPORT_COLUMNS = ["NIP", "Kode kompetensi", "Level", "Tanggal penilaian", "Sumber"]
DEFAULT_SOURCE = "Assessment center"
MAX_IMPORT_BYTES: int | None = None  # the portal-wide IMPORT_MAX_BYTES


@dataclass
class ImportRow:
    row: int
    nip: str
    code: str
    level: int | None = None
    assessed_on: dt.date | None = None
    source: str = DEFAULT_SOURCE
    employee: Employee | None = None
    competency: Competency | None = None
    errors: list[str] = field(default_factory=list)


_text = spreadsheets.cell_text
_parse_date = spreadsheets.parse_date


def _parse_level(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value)
    return int(text) if re.fullmatch(r"\d+", text) else None


def read_assessment_rows(upload: Any) -> list[ImportRow]:
    """The rows of the first sheet, through the upload gate (size, ZIP, header first, row cap);
    raises ValidationError for a problem with the whole file."""
    with spreadsheets.open_xlsx(upload, max_file_bytes=MAX_IMPORT_BYTES) as sheet:
        if sheet.is_empty:
            raise ValidationError("Berkas kosong: baris pertama harus berisi judul kolom.")
        index = spreadsheets.header_positions(
            sheet.header, {name.lower(): name for name in IMPORT_COLUMNS}, _header_text
        )
        for name in IMPORT_COLUMNS:
            if name not in index and name != "Sumber":
                raise ValidationError(
                    f"Kolom \u201c{name}\u201d tidak ditemukan di baris judul. Kolom yang "
                    f"diperlukan: {', '.join(IMPORT_COLUMNS)}."
                )
        rows = [_assessment_row(number, line, index) for number, line in sheet.rows()]
    if not rows:
        raise ValidationError("Berkas tidak berisi baris data di bawah baris judul.")
    return rows


def _header_text(value: Any) -> str:
    return _text(value).lower()


def _assessment_row(number: int, line: tuple[Any, ...], index: dict[str, int]) -> ImportRow:
    def cell(name: str) -> Any:
        i = index.get(name)
        return line[i] if i is not None and i < len(line) else None

    row = ImportRow(row=number, nip=_text(cell("NIP")), code=_text(cell("Kode kompetensi")))
    row.source = _text(cell("Sumber")) or DEFAULT_SOURCE
    raw_level, raw_date = cell("Level"), cell("Tanggal penilaian")
    row.level = _parse_level(raw_level)
    row.assessed_on = _parse_date(raw_date)
    if row.level is None or not 1 <= row.level <= 5:
        row.errors.append(f"Level \u201c{_text(raw_level)}\u201d harus bilangan bulat 1–5.")
    if row.assessed_on is None:
        row.errors.append(
            f"Tanggal penilaian \u201c{_text(raw_date)}\u201d tidak dapat dibaca "
            "(gunakan format DD-MM-YYYY)."
        )
    elif row.assessed_on > today():
        row.errors.append("Tanggal penilaian tidak boleh di masa depan.")
    if len(row.source) > 100:
        row.errors.append("Sumber paling banyak 100 karakter.")
    return row


def assessment_error_report(rows: list[ImportRow]) -> bytes:
    """Every problem of every row, for download when the page shows only the first ones."""
    return spreadsheets.error_report((r.row, r.nip, r.errors) for r in rows if r.errors)


def validate_assessment_rows(rows: list[ImportRow], user: User) -> list[ImportRow]:
    """Resolve NIPs and competency codes (two queries) and add every row-level problem."""
    employees = {
        e.nip: e
        for e in Employee.objects.filter(nip__in={r.nip for r in rows}).select_related("unit")
    }
    competencies = {c.code.upper(): c for c in Competency.objects.all()}
    scopes = scopes_for(user)
    seen: dict[tuple[str, str, dt.date | None], int] = {}
    for row in rows:
        row.employee = employees.get(row.nip)
        if not row.nip:
            row.errors.insert(0, "NIP kosong.")
        elif row.employee is None:
            row.errors.insert(0, f"NIP {row.nip} tidak terdaftar.")
        elif not user.is_superuser and not (
            row.employee.unit and scopes.can_write_path(row.employee.unit.path)
        ):
            row.errors.insert(0, f"Pegawai NIP {row.nip} di luar lingkup kewenangan Anda.")
        row.competency = competencies.get(row.code.upper())
        if row.competency is None:
            row.errors.append(f"Kode kompetensi \u201c{row.code}\u201d tidak dikenal.")
        key = (row.nip, row.code.upper(), row.assessed_on)
        if key in seen:
            row.errors.append(f"Duplikat baris {seen[key]} (NIP, kompetensi dan tanggal sama).")
        else:
            seen[key] = row.row
    return rows


@transaction.atomic
def import_assessments(rows: list[ImportRow]) -> dict[str, int]:
    """Write validated rows; the same employee, competency and date updates, never duplicates."""
    if any(row.errors for row in rows):
        raise ValidationError("Masih ada baris bermasalah; tidak ada yang disimpan.")
    created = updated = 0
    for row in rows:
        _, was_created = EmployeeCompetency.objects.update_or_create(
            employee=row.employee,
            competency=row.competency,
            assessed_on=row.assessed_on,
            defaults={"level": row.level, "source": row.source},
        )
        created += was_created
        updated += not was_created
    return {"rows": len(rows), "created": created, "updated": updated}


def _header(sheet: Any, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    spreadsheets.style_header(sheet, widths, wrap=False)


_bytes = spreadsheets.workbook_bytes


def assessment_template() -> bytes:
    """Import template: the columns, one example row, and the competency codes."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Penilaian"
    _header(sheet, IMPORT_COLUMNS, [22, 18, 8, 18, 30])
    sheet.append(["198506152010011001", "M.1", 3, today().strftime("%d-%m-%Y"), DEFAULT_SOURCE])
    for col in range(1, 6):
        sheet.cell(row=2, column=col).font = Font(italic=True, color="666666")
    for row in range(2, 1002):
        sheet[f"A{row}"].number_format = "@"  # keep 18-digit NIPs as text
    codes = workbook.create_sheet("Kode kompetensi")
    _header(codes, ["Kode", "Nama", "Jenis"], [12, 50, 18])
    for c in Competency.objects.order_by("kind", "code"):
        codes.append([c.code, c.name, c.get_kind_display()])
    return _bytes(workbook)


# --- Development plans -----------------------------------------------------------------------


@transaction.atomic
def create_plan(unit: OrgUnit, year: int, *, created_by: User) -> DevelopmentPlan:
    """A draft plan with one item per employee for their top recommended program."""
    if not (created_by.is_superuser or scopes_for(created_by).can_write_path(unit.path)):
        raise PermissionDenied
    exists = ValidationError(f"Rencana pengembangan {unit} tahun {year} sudah ada.")
    if DevelopmentPlan.objects.filter(unit=unit, year=year).exists():
        raise exists
    try:
        with transaction.atomic():
            plan = DevelopmentPlan.objects.create(unit=unit, year=year)
    except IntegrityError:  # a second tab created it since the check above
        raise exists from None
    PlanItem.objects.bulk_create(
        PlanItem(
            plan=plan,
            employee=needs.employee,
            program=needs.top.program,
            reason=needs.top.reason[:300],
            priority=1,
        )
        for needs in analyse(unit_employees(unit))
        if needs.top is not None
    )
    return plan


def _check_draft(plan: DevelopmentPlan) -> None:
    if plan.status != DevelopmentPlan.Status.DRAFT:
        raise ValidationError("Rencana sudah disetujui dan tidak dapat diubah.")


def add_plan_item(
    plan: DevelopmentPlan,
    *,
    employee: Employee,
    program: TrainingProgram,
    reason: str,
    priority: int = 1,
) -> PlanItem:
    _check_draft(plan)
    if not (employee.unit and employee.unit.path.startswith(plan.unit.path)):
        raise ValidationError("Pegawai tidak berada di unit rencana ini.")
    if plan.items.filter(employee=employee, program=program).exists():
        raise ValidationError("Pegawai ini sudah direncanakan mengikuti program tersebut.")
    return PlanItem.objects.create(
        plan=plan, employee=employee, program=program, reason=reason, priority=priority
    )


def remove_plan_item(plan: DevelopmentPlan, item_id: int) -> None:
    _check_draft(plan)
    deleted, _ = plan.items.filter(pk=item_id).delete()
    if not deleted:
        raise ValidationError("Butir rencana tidak ditemukan.")


def approve_plan(plan: DevelopmentPlan, *, approved_by: User) -> DevelopmentPlan:
    _check_draft(plan)
    if not plan.items.exists():
        raise ValidationError("Rencana tanpa butir tidak dapat disetujui.")
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.approved_by = approved_by
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    return plan


def plan_items(plan: DevelopmentPlan) -> list[PlanItem]:
    """Items with everything the page and the export show (one query)."""
    return list(
        plan.items.select_related("employee__unit", "program").order_by(
            "program__name", "priority", "employee__name"
        )
    )


def plan_workbook(plan: DevelopmentPlan, items: list[PlanItem]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Rencana"
    _header(
        sheet,
        ["Program", "Pegawai", "NIP", "Unit kerja", "Alasan", "Prioritas"],
        [40, 32, 22, 32, 70, 10],
    )
    summary: dict[int, list[Any]] = {}
    for item in items:
        sheet.append(
            [
                item.program.name,
                item.employee.full_name,
                item.employee.nip,
                item.employee.unit.name if item.employee.unit else "",
                item.reason,
                item.priority,
            ]
        )
        row = summary.setdefault(
            item.program_id,
            [
                item.program.code,
                item.program.name,
                item.program.get_category_display(),
                0,
                item.program.jp,
                0,
            ],
        )
        row[3] += 1
        row[5] += item.program.jp
    totals = workbook.create_sheet("Ringkasan")
    _header(
        totals,
        ["Kode", "Program", "Kategori", "Jumlah pegawai", "JP per orang", "Total JP"],
        [14, 40, 24, 16, 14, 12],
    )
    for row in summary.values():
        totals.append(row)
    totals.append(["", f"{plan} ({plan.get_status_display()})"])
    return _bytes(workbook)
