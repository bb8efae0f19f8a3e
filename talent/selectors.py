"""Read questions of manajemen talenta for the pages: the grid of the latest calculation over
a unit (counts per Kotak and the people of one Kotak), critical posts with their status, and
the vacancy forecast. `remaining_bezetting` is the peta jabatan's entry point (docs/domain.md
§6)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from positions.models import (
    STRUCTURAL_JENIS,
    Employee,
    OrgUnit,
    Position,
    opd_name_of,
    scopes_for,
)

from .forecast import remaining_bezetting  # noqa: F401  (re-exported for the peta jabatan)
from .models import (
    KOTAK,
    CriticalPost,
    Kinerja,
    Potensial,
    SuccessionCandidate,
    SuccessionPlan,
    TalentResult,
    TalentRun,
)

JENJANG_GROUPS: dict[str, tuple[str, list[str]]] = {
    "jpt": ("Pimpinan tinggi", ["jpt_utama", "jpt_madya", "jpt_pratama"]),
    "administrator": ("Administrator", ["administrator"]),
    "pengawas": ("Pengawas", ["pengawas"]),
    "pelaksana": ("Pelaksana", ["pelaksana"]),
    "fungsional": ("Fungsional", ["fungsional"]),
}
# Proposed jabatan kritikal by default: every JPT and administrator post (docs/domain.md §6).
PROPOSED_CRITICAL_JENIS = STRUCTURAL_JENIS[:4]

# Row order of the grid as drawn: kinerja top to bottom, potensial left to right.
GRID_ROWS = [Kinerja.ATAS, Kinerja.SESUAI, Kinerja.BAWAH]
GRID_COLUMNS = [Potensial.RENDAH, Potensial.MENENGAH, Potensial.TINGGI]
KOTAK_HINT = {
    9: "Promosi/suksesi, pertahankan",
    8: "Rencana suksesi, pengayaan",
    7: "Rencana suksesi, pengembangan",
    6: "Bimbingan kinerja",
    5: "Pengembangan kompetensi",
    4: "Pengembangan potensi",
    3: "Bimbingan kinerja",
    2: "Pengembangan, penempatan sesuai",
    1: "Konseling kinerja",
}


def default_unit(user: Any) -> OrgUnit | None:
    """The outermost unit of the user's HR/pimpinan scope (the instansi for BKD)."""
    scopes = scopes_for(user)
    paths = sorted(scopes.write_paths + scopes.read_paths, key=len)
    if paths:
        return OrgUnit.objects.filter(path=paths[0]).first()
    if scopes.superuser:
        return OrgUnit.objects.filter(depth=1).order_by("path").first()
    return None


def grid_results(run: TalentRun, unit: OrgUnit, jenjang: str = "") -> QuerySet[TalentResult]:
    results = TalentResult.objects.filter(run=run)
    if unit.path != run.unit.path:
        results = results.filter(unit_path__startswith=unit.path)
    if jenjang in JENJANG_GROUPS:
        results = results.filter(jenis__in=JENJANG_GROUPS[jenjang][1])
    return results


@dataclass
class Cell:
    kotak: int
    kinerja: str
    potensial: str
    count: int
    hint: str


def grid_cells(results: QuerySet[TalentResult]) -> tuple[list[list[Cell]], int, int]:
    """(rows of cells as drawn, mapped total, not mapped) from one GROUP BY query."""
    counts = dict(
        results.order_by().values("kotak").annotate(n=Count("pk")).values_list("kotak", "n")
    )
    rows = [
        [
            Cell(
                KOTAK[(k, p)],
                k.label,
                p.label,
                counts.get(KOTAK[(k, p)], 0),
                KOTAK_HINT[KOTAK[(k, p)]],
            )
            for p in GRID_COLUMNS
        ]
        for k in GRID_ROWS
    ]
    unmapped = counts.get(None, 0)
    return rows, sum(counts.values()) - unmapped, unmapped


def box_people(results: QuerySet[TalentResult], kotak: int | None) -> QuerySet[TalentResult]:
    """The people of one Kotak (or the unmapped, `kotak=None`), best potential first."""
    chosen = results.filter(kotak=kotak) if kotak else results.filter(kotak__isnull=True)
    return chosen.select_related("employee", "position").order_by(
        "-potential_score", "employee__name", "pk"
    )


def critical_posts(user: Any, unit: OrgUnit) -> QuerySet[Position]:
    """Posts in the unit subtree that are critical or proposed as critical (JPT and
    administrator), visible to the user, annotated with `is_critical`, `has_plan` and
    `opd_name` (forty perangkat daerah each have a "Sekretaris" in a "Sekretariat")."""
    critical = CriticalPost.objects.filter(position=OuterRef("pk"))
    plans = SuccessionPlan.objects.filter(position=OuterRef("pk"))
    return (
        Position.objects.visible_to(user)
        .active()
        .in_subtree(unit)
        .annotate(
            is_critical=Exists(critical), has_plan=Exists(plans), opd_name=opd_name_of("unit__path")
        )
        .filter(Q(is_critical=True) | Q(jenis__in=PROPOSED_CRITICAL_JENIS))
        .select_related("unit")
        .order_by("-is_critical", "-kelas", "unit__path", "name")
    )


def succession_history(position: Position, user: Any) -> list[SuccessionPlan]:
    """Every approved version of the post's list, newest first. Each plan carries
    `visible_candidates` (the names the user may see: a list approved by a province-wide HR can
    name people outside a narrower pengelola's scope) and `n_candidates` (all of them)."""
    visible = (
        SuccessionCandidate.objects.filter(employee__in=Employee.objects.visible_to(user))
        .select_related("employee")
        .order_by("rank")
    )
    return list(
        SuccessionPlan.objects.filter(position=position)
        .select_related("approved_by")
        .annotate(n_candidates=Count("candidates"))
        .prefetch_related(Prefetch("candidates", queryset=visible, to_attr="visible_candidates"))
        .order_by("-version")
    )
