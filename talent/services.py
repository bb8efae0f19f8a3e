"""Writes of manajemen talenta (docs/domain.md §6): start a talent-grid calculation, mark a
jabatan kritikal, approve a daftar suksesor (a new version each time, the old ones kept) and
put a successor's development action into the existing rencana pengembangan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from positions.models import Employee, OrgUnit, Position, scopes_for, today
from training.models import DevelopmentPlan, PlanItem, TrainingProgram

from . import tasks
from .models import CriticalPost, PlannedMove, SuccessionCandidate, SuccessionPlan, TalentRun
from .succession import latest_run_for, opd_of, propose_successors

if TYPE_CHECKING:
    from asnportal.models import User

RUN_SETTINGS = (
    "above_min_sangat_baik",
    "below_min_years",
    "single_year_counts",
    "weight_kompetensi",
    "weight_kualifikasi",
    "weight_rekam_jejak",
    "threshold_tinggi",
    "threshold_menengah",
)


def _require_write(user: User, path: str) -> None:
    if not scopes_for(user).can_write_path(path):
        raise PermissionDenied


def settings_for(unit: OrgUnit) -> dict[str, Any]:
    """The rule and weights of the latest run over the unit (or above it): the defaults of
    the next calculation; the model defaults when none."""
    previous = TalentRun.objects.covering(unit).first()
    if previous is None:
        defaults = TalentRun()
        return {name: getattr(defaults, name) for name in RUN_SETTINGS}
    return {name: getattr(previous, name) for name in RUN_SETTINGS}


@transaction.atomic
def start_run(unit: OrgUnit, *, year: int, started_by: User, **rule: Any) -> TalentRun:
    """A pending calculation over the unit subtree with the given rule and weights (stored
    with it); the computation runs as a task after commit."""
    _require_write(started_by, unit.path)
    unknown = set(rule) - set(RUN_SETTINGS)
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    weights = (
        rule.get("weight_kompetensi", 50),
        rule.get("weight_kualifikasi", 20),
        rule.get("weight_rekam_jejak", 30),
    )
    if sum(weights) != 100:
        raise ValidationError(f"Jumlah bobot potensial harus 100% (sekarang {sum(weights)}%).")
    if rule.get("threshold_menengah", 55) >= rule.get("threshold_tinggi", 75):
        raise ValidationError("Batas potensial menengah harus di bawah batas tinggi.")
    run = TalentRun.objects.create(unit=unit, year=year, created_by=started_by, **rule)
    transaction.on_commit(lambda: tasks.compute_talent_run.delay(run.pk))
    return run


@transaction.atomic
def mark_critical(position: Position, *, marked_by: User) -> CriticalPost:
    _require_write(marked_by, position.unit.path)
    if CriticalPost.objects.filter(position=position).exists():
        raise ValidationError(f"{position} sudah ditetapkan sebagai jabatan kritikal.")
    return CriticalPost.objects.create(position=position, marked_by=marked_by)


@transaction.atomic
def unmark_critical(position: Position, *, user: User) -> None:
    _require_write(user, position.unit.path)
    deleted, _ = CriticalPost.objects.filter(position=position).delete()
    if not deleted:
        raise ValidationError(f"{position} bukan jabatan kritikal.")


@transaction.atomic
def approve_succession(position: Position, *, approved_by: User, note: str = "") -> SuccessionPlan:
    """Approve the proposed successors as the next version of the post's rencana suksesi."""
    _require_write(approved_by, position.unit.path)
    if not CriticalPost.objects.filter(position=position).exists():
        raise ValidationError("Tetapkan jabatan ini sebagai jabatan kritikal terlebih dahulu.")
    proposals = propose_successors(position, user=approved_by)
    if not proposals:
        raise ValidationError(
            "Belum ada suksesor yang diusulkan (Kotak 7, 8, 9 yang memenuhi aturan karier)."
        )
    # Lock the post's versions: two approvals at once get consecutive versions.
    Position.objects.select_for_update().filter(pk=position.pk).first()
    last = SuccessionPlan.objects.filter(position=position).aggregate(v=Max("version"))["v"]
    plan = SuccessionPlan.objects.create(
        position=position,
        run=latest_run_for(position),
        version=(last or 0) + 1,
        approved_by=approved_by,
        note=note,
    )
    SuccessionCandidate.objects.bulk_create(
        SuccessionCandidate(
            plan=plan,
            employee=proposal.employee,
            rank=rank,
            kotak=proposal.result.kotak or 0,
            readiness=proposal.readiness,
            gaps=proposal.gaps_text[:300],
        )
        for rank, proposal in enumerate(proposals, start=1)
    )
    return plan


@transaction.atomic
def add_development_action(
    position: Position, *, employee: Employee, program: TrainingProgram, added_by: User
) -> PlanItem:
    """Put a successor's development action into the draft rencana pengembangan of their
    perangkat daerah for next year (created empty when there is none yet)."""
    _require_write(added_by, position.unit.path)
    if employee.unit is None:
        raise ValidationError("Pegawai belum memiliki unit kerja.")
    _require_write(added_by, employee.unit.path)
    year = today().year + 1
    opd = opd_of(employee.unit)
    plan, _ = DevelopmentPlan.objects.get_or_create(unit=opd, year=year)
    if plan.status != DevelopmentPlan.Status.DRAFT:
        raise ValidationError(
            f"Rencana pengembangan {opd} {year} sudah disetujui dan tidak dapat diubah."
        )
    if plan.items.filter(employee=employee, program=program).exists():
        raise ValidationError(
            f"{employee.full_name} sudah direncanakan mengikuti {program.name} pada {year}."
        )
    return PlanItem.objects.create(
        plan=plan,
        employee=employee,
        program=program,
        reason=f"Rencana suksesi {position}"[:300],
        priority=1,
    )


@transaction.atomic
def plan_move(
    position: Position, *, employee: Employee, move_date: Any, note: str, user: User
) -> PlannedMove:
    """Record that a holder of the post will leave it on `move_date` (a planned mutasi or
    promosi): the vacancy forecast counts the post as falling vacant then (docs/domain.md §6)."""
    _require_write(user, position.unit.path)
    holds = position.placements.open().filter(kind="definitif", employee=employee).exists()
    if not holds:
        raise ValidationError("Pegawai ini bukan pemangku definitif jabatan ini.")
    if move_date <= today():
        raise ValidationError("Tanggal rencana mutasi harus sesudah hari ini.")
    if PlannedMove.objects.filter(employee=employee, position=position).exists():
        raise ValidationError("Rencana mutasi pegawai ini dari jabatan ini sudah ada; hapus dulu.")
    move = PlannedMove(employee=employee, position=position, move_date=move_date, note=note)
    move.full_clean()
    move.save()
    return move


@transaction.atomic
def cancel_move(move: PlannedMove, *, user: User) -> None:
    _require_write(user, move.position.unit.path)
    move.delete()
