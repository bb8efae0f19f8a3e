"""The hand-built needs case shared by the needs-analysis and development-plan tests (a helper
module: test modules import from here, never from one another)."""

import datetime as dt
from dataclasses import dataclass

from positions.models import EmployeeCompetency, Placement, PositionCompetency
from tests.factories import EmployeeFactory, PlacementFactory, TrainingProgramFactory, competency
from training.models import TrainingProgram

__all__ = ["Case", "add_nurses", "build_case", "competency", "program", "self_report_data"]


def program(code: str, category: str, jp: int, covers: dict[str, int] | None = None, **kw):
    """A klasikal program by BPSDM named by its code, raising `covers` ({code: level})."""
    return TrainingProgramFactory(
        code=code, name=code, category=category, jp=jp, covers=covers or {}, **kw
    )


@dataclass
class Case:
    pka: TrainingProgram
    both_gaps: TrainingProgram
    managerial: TrainingProgram
    performance_only: TrainingProgram


def build_case(world) -> Case:
    """The Kabid Yankes (Administrator): M.4 assessed 2 (required 3), M.8 never assessed
    (required 3), M.1 meets its standard, no PKA, predikat 2025 Butuh Perbaikan."""
    kabid = world.kabid
    for code, level in [("M.1", 2), ("M.4", 3), ("M.8", 3)]:
        PositionCompetency.objects.create(position=kabid, competency=competency(code), level=level)
    emp = world.manager_emp
    EmployeeCompetency.objects.create(
        employee=emp, competency=competency("M.4"), level=1, assessed_on=dt.date(2023, 3, 1)
    )
    EmployeeCompetency.objects.create(
        employee=emp, competency=competency("M.4"), level=2, assessed_on=dt.date(2025, 3, 1)
    )
    EmployeeCompetency.objects.create(
        employee=emp, competency=competency("M.1"), level=2, assessed_on=dt.date(2025, 3, 1)
    )
    emp.latest_predikat, emp.latest_predikat_year = "butuh_perbaikan", 2025
    emp.save(update_fields=["latest_predikat", "latest_predikat_year"])
    built = Case(
        pka=program("PKA", "pka", 200),
        both_gaps=program("Manajemen Strategis", "teknis", 40, {"M.4": 3, "M.8": 4}),
        managerial=program("Pelayanan Prima", "manajerial", 24, {"M.4": 4}),
        performance_only=program("Budaya Kerja", "sosial_kultural", 16),
    )
    program("Tidak naik", "teknis", 8, {"M.4": 2})  # target not above the current level
    program("Nonaktif", "teknis", 8, {"M.4": 3, "M.8": 3}, is_active=False)
    program("PKP", "pkp", 100)  # not the leadership kind the post requires
    return built


def add_nurses(world, n: int) -> None:
    comp = competency("T.KES.1", "teknis")
    PositionCompetency.objects.get_or_create(
        position=world.perawat, competency=comp, defaults={"level": 3}
    )
    for _ in range(n):
        emp = EmployeeFactory(unit=world.yankes, latest_predikat="kurang")
        PlacementFactory(employee=emp, position=world.perawat, kind=Placement.Kind.DEFINITIF)
        EmployeeCompetency.objects.create(
            employee=emp, competency=comp, level=1, assessed_on=dt.date(2025, 1, 1)
        )


def self_report_data(**fields: str) -> dict[str, str]:
    """The riwayat form's POST data (training.forms_ledger.SelfReportForm): a klasikal seminar on
    one day, no JP, minutes or certificate number; `fields` set what a test varies."""
    return {
        "title": "Seminar",
        "category": "seminar",
        "method": "klasikal",
        "start_date": "2026-03-02",
        "end_date": "2026-03-02",
        "jp": "",
        "minutes": "",
        "certificate_number": "",
        **fields,
    }
