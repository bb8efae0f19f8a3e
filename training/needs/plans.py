"""Rencana pengembangan kompetensi: a unit's yearly plan drafted from the needs analysis, edited
while a draft, approved, and exported as a workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import openpyxl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import spreadsheets
from positions.access import can_write_path
from positions.models import Employee, OrgUnit

from ..models import DevelopmentPlan, PlanItem, TrainingProgram
from .analysis import analyse, unit_employees
from .assessments import write_header

if TYPE_CHECKING:
    from asnportal.models import User


@transaction.atomic
def create_plan(unit: OrgUnit, year: int, *, created_by: User) -> DevelopmentPlan:
    """A draft plan with one item per employee for their top recommended program."""
    if not can_write_path(created_by, unit.path):
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
    write_header(
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
    write_header(
        totals,
        ["Kode", "Program", "Kategori", "Jumlah pegawai", "JP per orang", "Total JP"],
        [14, 40, 24, 16, 14, 12],
    )
    for row in summary.values():
        totals.append(row)
    totals.append(["", f"{plan} ({plan.get_status_display()})"])
    return spreadsheets.workbook_bytes(workbook)
