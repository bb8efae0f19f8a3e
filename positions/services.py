"""Multi-model writes of the personnel core. Callers pass validated data; the rules that keep
the register consistent are re-checked here because several entry points (forms, import,
admin, seed) reach them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from core import figures

from .matching import invalidation
from .models import (
    Employee,
    JptSelection,
    OrgUnit,
    Placement,
    Position,
    WorkloadTask,
    jpt_placement_error,
    kebutuhan_from_minutes,
    today,
)

if TYPE_CHECKING:
    from asnportal.models import User


class OverKebutuhan(ValidationError):
    """The position would hold more definitive holders than its kebutuhan: needs confirming."""


@transaction.atomic
def place_employee(
    employee: Employee,
    *,
    position: Position,
    kind: str,
    start_date: dt.date,
    sk_number: str,
    sk_date: dt.date,
    confirm_over_kebutuhan: bool = False,
    placed_by: User | None = None,
    selection: JptSelection | None = None,
) -> Placement:
    """Place an employee in a position (definitif, Plt or Plh).

    A definitive placement closes the employee's previous open definitive placement on the
    day before the new TMT and moves the employee's unit kerja: at once when the TMT has come,
    else on the TMT (`move_units_to_current_posts`, daily). A structural position never
    gets a second open definitive holder; a JF/pelaksana position over its kebutuhan needs
    `confirm_over_kebutuhan`. A definitive JPT placement needs the `selection` the PPK decided
    and its SK (positions/selection.py, docs/domain.md §3.8).
    """
    # Lock the employee row so two HR tabs placing the same person serialise here.
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    position = Position.objects.select_for_update().get(pk=position.pk)
    if employee.status != Employee.Status.AKTIF:
        raise ValidationError("Hanya pegawai berstatus aktif yang dapat ditempatkan.")
    if not position.is_active:
        raise ValidationError({"position": "Jabatan ini tidak aktif."})
    if sk_date > start_date + dt.timedelta(days=366):
        raise ValidationError({"sk_date": "Tanggal SK terlalu jauh setelah TMT."})
    jpt_error = jpt_placement_error(
        position, employee, kind=kind, selection=selection, sk_number=sk_number, sk_date=sk_date
    )
    if jpt_error:
        raise ValidationError({"position": jpt_error})

    previous = None
    if kind == Placement.Kind.DEFINITIF:
        previous = employee.placements.open().filter(kind=Placement.Kind.DEFINITIF).first()
        if previous is not None:
            if previous.position_id == position.pk:
                raise ValidationError({"position": "Pegawai sudah menjabat jabatan ini."})
            if previous.start_date >= start_date:
                raise ValidationError(
                    {
                        "start_date": "TMT baru harus setelah TMT jabatan sebelumnya "
                        f"({previous.start_date:%d-%m-%Y})."
                    }
                )
        holders = position.placements.open().filter(kind=Placement.Kind.DEFINITIF)
        if position.is_structural:
            holder = holders.select_related("employee").first()
            if holder is not None:
                raise ValidationError(
                    {
                        "position": f"Jabatan struktural ini sudah dijabat secara definitif oleh "
                        f"{holder.employee.full_name} sejak {holder.start_date:%d-%m-%Y}. "
                        "Akhiri penempatan itu dahulu, atau tunjuk sebagai Plt/Plh."
                    }
                )
        elif holders.count() >= position.kebutuhan and not confirm_over_kebutuhan:
            raise OverKebutuhan(
                f"Jabatan ini sudah terisi {holders.count()} dari kebutuhan {position.kebutuhan}. "
                "Centang konfirmasi untuk tetap menempatkan (kelebihan pegawai)."
            )
    else:
        overlapping = employee.placements.open().filter(position=position, kind=kind)
        if overlapping.exists():
            raise ValidationError({"position": "Penugasan yang sama masih berlaku."})

    if previous is not None:
        previous.end_date = start_date - dt.timedelta(days=1)
        previous.end_reason = Placement.EndReason.MUTASI
        previous.save(update_fields=["end_date", "end_reason"])

    placement = Placement(
        employee=employee,
        position=position,
        kind=kind,
        start_date=start_date,
        sk_number=sk_number,
        sk_date=sk_date,
        is_structural=position.is_structural,
    )
    try:
        with transaction.atomic():
            placement.save()
    except IntegrityError:
        # A concurrent request won the race the checks above could not see.
        raise ValidationError(
            "Penempatan bertabrakan dengan perubahan lain yang baru saja disimpan. Muat ulang "
            "halaman dan periksa kembali."
        ) from None
    if (
        kind == Placement.Kind.DEFINITIF
        and start_date <= today()
        and employee.unit_id != position.unit_id
    ):
        employee.unit_id = position.unit_id
        employee.save(update_fields=["unit"])
    return placement


def move_units_to_current_posts(on: dt.date | None = None) -> int:
    """Employees whose definitive post on `on` sits in another unit, while their unit kerja is
    still that of the post before it, move to the post's unit: a placement recorded ahead of
    its TMT (in the form or an import) moves the unit, and with it who may see and manage the
    person, only from that day. A unit HR set by hand since is left alone. Each move is saved
    with its history (Jejak audit, user "sistem"); idempotent; returns how many moved. Run
    daily by Celery beat (positions.move_units_to_current_posts)."""
    on = on or today()
    definitif = Placement.Kind.DEFINITIF
    current: dict[int, Placement] = {}  # employee id -> their latest definitive post on `on`
    for placement in (
        Placement.objects.on(on)
        .filter(kind=definitif)
        .exclude(employee__unit_id=F("position__unit_id"))
        .select_related("employee", "position")
        .order_by("employee_id", "-start_date")
    ):
        current.setdefault(placement.employee_id, placement)
    # The unit of each one's post before it, in one query (ascending: the last kept wins).
    before: dict[int, int] = {}
    for employee_id, start, unit_id in (
        Placement.objects.filter(employee_id__in=current, kind=definitif)
        .order_by("employee_id", "start_date")
        .values_list("employee_id", "start_date", "position__unit_id")
    ):
        if start < current[employee_id].start_date:
            before[employee_id] = unit_id
    moved = 0
    for employee_id, placement in current.items():
        employee = placement.employee
        if before.get(employee_id, employee.unit_id) != employee.unit_id:
            continue  # HR put the person in another unit since: theirs to keep
        with transaction.atomic():
            employee.unit_id = placement.position.unit_id
            employee.save(update_fields=["unit"])
        moved += 1
    if moved:
        invalidation.invalidate()  # a cached candidate pool is scoped by unit
        figures.invalidate()  # the dashboards count staff per unit
    return moved


END_REASON_STATUS: dict[str, str] = {
    Placement.EndReason.PENSIUN: Employee.Status.PENSIUN,
    Placement.EndReason.MUTASI_KELUAR: Employee.Status.MUTASI_KELUAR,
    Placement.EndReason.BERHENTI: Employee.Status.BERHENTI,
    Placement.EndReason.MENINGGAL: Employee.Status.MENINGGAL,
}


@transaction.atomic
def end_placement(
    placement: Placement, *, end_date: dt.date, reason: str, ended_by: User | None = None
) -> Placement:
    """End a placement. Ending a definitive placement for pensiun, mutasi keluar, berhenti or
    meninggal also ends the employee's other open assignments and sets their status."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.end_date is not None:
        raise ValidationError("Penempatan ini sudah berakhir.")
    if end_date < placement.start_date:
        tmt = f"{placement.start_date:%d-%m-%Y}"
        raise ValidationError({"end_date": f"Tanggal berakhir tidak boleh sebelum TMT ({tmt})."})
    placement.end_date = end_date
    placement.end_reason = reason
    placement.save(update_fields=["end_date", "end_reason"])
    new_status = END_REASON_STATUS.get(reason)
    if placement.kind == Placement.Kind.DEFINITIF and new_status:
        for other in placement.employee.placements.open().exclude(pk=placement.pk):
            other.end_date = max(end_date, other.start_date)
            other.end_reason = reason
            other.save(update_fields=["end_date", "end_reason"])
        employee = placement.employee
        employee.status = new_status
        employee.save(update_fields=["status"])
    return placement


# --- Organisation structure ---------------------------------------------------


@transaction.atomic
def create_unit(*, parent: OrgUnit, code: str, name: str, kind: str) -> OrgUnit:
    """Add a unit under a parent. The tree keeps its materialised paths consistent."""
    if parent.closed_at is not None:
        raise ValidationError({"parent": "Unit induk sudah ditutup."})
    return OrgUnit.objects.add_child(parent, {"code": code, "name": name, "kind": kind})


@transaction.atomic
def move_unit(unit: OrgUnit, *, target: OrgUnit) -> OrgUnit:
    """Move a unit (with its subtree, positions and employees) under another unit."""
    if target.path.startswith(unit.path):
        raise ValidationError({"target": "Unit tidak dapat dipindahkan ke dalam dirinya sendiri."})
    if target.closed_at is not None:
        raise ValidationError({"target": "Unit tujuan sudah ditutup."})
    OrgUnit.objects.move(unit, target, "sorted-child")
    unit.refresh_from_db()
    return unit


@transaction.atomic
def close_unit(unit: OrgUnit, *, closed_at: dt.date) -> OrgUnit:
    """Close a unit; refused while anything in its subtree is still in use."""
    subtree = OrgUnit.objects.subtree_of(unit)
    open_children = subtree.exclude(pk=unit.pk).filter(closed_at__isnull=True).count()
    if open_children:
        raise ValidationError(f"Unit masih memiliki {open_children} unit bawahan yang aktif.")
    holders = (
        Placement.objects.open()
        .filter(position__unit__in=subtree)
        .values("employee_id")
        .distinct()
        .count()
    )
    if holders:
        raise ValidationError(
            f"Unit masih memiliki {holders} pemangku jabatan aktif. Pindahkan atau akhiri "
            "penempatan mereka lebih dahulu."
        )
    unit.closed_at = closed_at
    unit.save(update_fields=["closed_at"])
    Position.objects.filter(unit=unit, is_active=True).update(is_active=False)
    return unit


# --- ABK ----------------------------------------------------------------------


@dataclass
class AbkResult:
    rows: list[tuple[WorkloadTask, Decimal]]
    total_minutes: Decimal
    jam_kerja_efektif: int
    exact: Decimal
    kebutuhan: int


def abk_result(tasks: list[WorkloadTask]) -> AbkResult:
    """The ABK arithmetic for a list of tasks: minutes per task, total, exact and rounded need."""
    jke = settings.JAM_KERJA_EFEKTIF_MENIT
    rows = [(task, task.volume * task.norma_waktu) for task in tasks]
    total = sum((minutes for _, minutes in rows), Decimal(0))
    exact = (total / Decimal(jke)).quantize(Decimal("0.001")) if jke else Decimal(0)
    return AbkResult(rows, total, jke, exact, kebutuhan_from_minutes(total, jke))


@transaction.atomic
def save_abk(position: Position, formset: Any) -> AbkResult:
    """Save the ABK tasks and set the position's kebutuhan from them (JF/pelaksana only:
    a structural position always has exactly one holder)."""
    formset.save()
    result = abk_result(list(position.workload_tasks.all()))
    if not position.is_structural and position.kebutuhan != result.kebutuhan:
        position.kebutuhan = result.kebutuhan
        position.save(update_fields=["kebutuhan"])
    return result
