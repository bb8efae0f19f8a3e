"""What each home section shows: the pegawai's to-dos, the penilai's counts, the HR deadlines.
Each function answers for one person with a fixed number of queries (pinned in
tests/home/test_home.py); access is decided by the view, which only calls the sections the
user's roles allow.

Read logic that filters one model is a QuerySet method (docs/architecture.md, "Inside an
app"); these sections gather several apps' answers for one person, which belongs to no single
model, hence a module of their own (as performance.selectors)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.urls import reverse

from core import figures
from performance import selectors as performance_selectors
from performance.models import SKP, Evaluation, ReportJob
from positions.models import Employee, ImportBatch, OrgUnit, Scopes
from training import ledger
from training import selectors as training_selectors
from training.models import JP_TARGET

from . import calendar
from .models import Announcement

if TYPE_CHECKING:
    from asnportal.models import User

ANNOUNCEMENTS_SHOWN = 5
RECENT_SHOWN = 5
WITHOUT_SKP_SHOWN = 8
UNITS_SHOWN = 10


def announcements_for(user: User, on: dt.date) -> list[Announcement]:
    """Current pengumuman addressed to the user, newest first (one query)."""
    return list(
        Announcement.objects.visible_to(user)
        .current(on)
        .select_related("unit", "author")
        .order_by("-starts_on", "-pk")[:ANNOUNCEMENTS_SHOWN]
    )


# --- Pegawai -------------------------------------------------------------------------------


@dataclass
class PegawaiTodo:
    year: int
    next_step: performance_selectors.NextStep
    period: performance_selectors.OpenPeriod
    realisasi_url: str  # "" while no approved SKP of the year exists
    jp: int
    events: list[Any]
    documents: list[Any]
    printable_years: list[int]  # final evaluation, no printed document yet
    jp_target: int = JP_TARGET

    @property
    def jp_percent(self) -> int:
        return min(round(self.jp * 100 / self.jp_target), 100)

    @property
    def jp_short(self) -> int:
        return max(self.jp_target - self.jp, 0)


def pegawai_todo(employee: Employee, on: dt.date) -> PegawaiTodo:
    year = on.year
    step = performance_selectors.my_skp_next_step(employee, year)
    period = performance_selectors.open_period(on)
    documents = list(performance_selectors.documents_for_employee(employee))
    realisasi_url = ""
    if step.skp is not None and step.skp.status == SKP.Status.DISETUJUI:
        realisasi_url = reverse("performance:evaluation", args=[step.skp.pk, period.period])
    return PegawaiTodo(
        year=year,
        next_step=step,
        period=period,
        realisasi_url=realisasi_url,
        jp=ledger.counted_jp(employee, year),
        # Events are offered within the employee's instansi: none without a unit on record.
        events=training_selectors.open_events_for(employee) if employee.unit_id else [],
        documents=documents,
        printable_years=performance_selectors.final_years_without_document(
            employee, printed={doc.job.year for doc in documents}
        ),
    )


# --- Penilai -------------------------------------------------------------------------------


@dataclass
class PenilaiTodo:
    year: int
    skps_waiting: int
    evaluations_waiting: int
    evaluations: list[Evaluation]  # the first few, each linking to its evaluation page
    without_skp: list[Employee]

    @property
    def without_skp_shown(self) -> list[Employee]:
        return self.without_skp[:WITHOUT_SKP_SHOWN]

    @property
    def without_skp_more(self) -> bool:
        return len(self.without_skp) > WITHOUT_SKP_SHOWN


def penilai_todo(employee: Employee, on: dt.date) -> PenilaiTodo:
    evaluations = performance_selectors.evaluations_awaiting_rating(employee)
    return PenilaiTodo(
        year=on.year,
        skps_waiting=performance_selectors.skps_awaiting_approval(employee).count(),
        evaluations_waiting=evaluations.count(),
        evaluations=list(evaluations[:RECENT_SHOWN]),
        # One row more than shown tells whether to link to the full list.
        without_skp=list(
            performance_selectors.subordinates_without_skp(employee, on.year)[
                : WITHOUT_SKP_SHOWN + 1
            ]
        ),
    )


# --- Pengelola kepegawaian ---------------------------------------------------------------------


@dataclass
class UnitProgress:
    unit: OrgUnit
    employees: int = 0
    skp_submitted: int = 0  # diajukan, waiting for the penilai
    skp_approved: int = 0
    skp_approved_due: int = 0  # approved SKP of the due evaluation's year
    evaluated: int = 0  # final evaluation of the due period

    @property
    def skp_not_submitted(self) -> int:
        return max(self.employees - self.skp_submitted - self.skp_approved, 0)

    @property
    def evaluations_open(self) -> int:
        """Approved SKP of the due period's year whose evaluation is not final yet."""
        return max(self.skp_approved_due - self.evaluated, 0)


@dataclass
class HrOverview:
    year: int
    skp_deadline: calendar.Deadline
    evaluation_deadline: calendar.Deadline
    roots: list[OrgUnit]
    rows: list[UnitProgress]
    compliance: list[ledger.Compliance]
    jobs: list[ReportJob]
    batches: list[ImportBatch]
    # What waits for this user's decision (live, not cached): join requests of events they
    # organise and self-reported activities to verify, never their own.
    join_requests: int = 0
    self_reports: int = 0
    as_of: figures.Figures[Any] | None = None  # when `rows` and `compliance` were computed
    totals: UnitProgress = field(init=False)

    @property
    def rows_shown(self) -> list[UnitProgress]:
        """The units with the most outstanding work first (the BKD has ~40 perangkat daerah:
        the rest is one click away on the monitoring page)."""
        ordered = sorted(
            self.rows,
            key=lambda r: (
                -(r.skp_not_submitted + r.skp_submitted + r.evaluations_open),
                r.unit.path,
            ),
        )
        return ordered[:UNITS_SHOWN]

    def __post_init__(self) -> None:
        self.totals = UnitProgress(unit=None)  # type: ignore[arg-type]
        for row in self.rows:
            self.totals.employees += row.employees
            self.totals.skp_submitted += row.skp_submitted
            self.totals.skp_approved += row.skp_approved
            self.totals.skp_approved_due += row.skp_approved_due
            self.totals.evaluated += row.evaluated


def _progress_rows(roots: list[OrgUnit], year: int, due: calendar.Deadline) -> list[UnitProgress]:
    """Per unit one level below each scope root (the perangkat daerah for the BKD, the bidang
    for a dinas): staff, SKP submitted/approved this year, and evaluations of the due period
    that are final. Grouped on the path prefix: four queries whatever the size of the scope
    (roots of one depth; staff of a root unit itself are left out of the rows, as on the
    monitoring page's per-unit table)."""
    if not roots:
        return []
    depth = min(root.depth for root in roots)
    roots = [root for root in roots if root.depth == depth]
    length = (depth + 1) * OrgUnit.steplen
    scope = Scopes(write_paths=[root.path for root in roots])
    units = list(
        OrgUnit.objects.filter(scope.path_q("path"), depth=depth + 1).active().order_by("path")
    )
    rows = {unit.path: UnitProgress(unit=unit) for unit in units}

    employees = (
        Employee.objects.active()
        .filter(scope.path_q("unit__path"))
        .annotate(group=Substr("unit__path", 1, length))
        .values("group")
        .annotate(n=Count("pk"))
    )
    for item in employees:
        if item["group"] in rows:
            rows[item["group"]].employees = item["n"]

    skps = (
        SKP.objects.current()
        .filter(scope.path_q("employee__unit__path"), employee__status=Employee.Status.AKTIF)
        .filter(Q(year=year) | Q(year=due.year))
        .annotate(group=Substr("employee__unit__path", 1, length))
        .values("group")
        .annotate(
            submitted=Count("employee", distinct=True, filter=Q(year=year, status="diajukan")),
            approved=Count("employee", distinct=True, filter=Q(year=year, status="disetujui")),
            approved_due=Count(
                "employee", distinct=True, filter=Q(year=due.year, status="disetujui")
            ),
        )
    )
    for item in skps:
        row = rows.get(item["group"])
        if row is not None:
            row.skp_submitted = item["submitted"]
            row.skp_approved = item["approved"]
            row.skp_approved_due = item["approved_due"]

    final = (
        Evaluation.objects.filter(
            scope.path_q("skp__employee__unit__path"),
            skp__year=due.year,
            skp__superseded_at__isnull=True,
            skp__status=SKP.Status.DISETUJUI,
            skp__employee__status=Employee.Status.AKTIF,
            period=due.period,
            status=Evaluation.Status.FINAL,
        )
        .annotate(group=Substr("skp__employee__unit__path", 1, length))
        .values("group")
        .annotate(n=Count("skp__employee", distinct=True))
    )
    for item in final:
        if item["group"] in rows:
            rows[item["group"]].evaluated = item["n"]
    return list(rows.values())


def _scope_figures(
    roots: list[OrgUnit], on: dt.date, due: calendar.Deadline
) -> tuple[list[UnitProgress], list[ledger.Compliance]]:
    """The progress rows and the 20 JP counts per root (the compliance without its lazy list of
    employees, which the home page does not show and a cache must not hold)."""
    compliance = [
        dataclasses.replace(ledger.compliance(root, on.year, today=on), below=None)
        for root in roots
    ]
    return _progress_rows(roots, on.year, due), compliance


def hr_overview(user: User, scopes: Scopes, on: dt.date, *, refresh: bool = False) -> HrOverview:
    """The HR section. Its scope-wide counts are shared for `FIGURES_CACHE_SECONDS` by every HR
    user of the same roots (core/figures.py); the jobs and imports are the user's own, live."""
    year = on.year
    paths = scopes.write_paths
    roots_qs = (
        OrgUnit.get_root_nodes() if user.is_superuser and not paths else OrgUnit.objects.all()
    )
    if paths:
        roots_qs = roots_qs.filter(path__in=paths)
    roots = list(roots_qs.order_by("path"))
    due = calendar.evaluation_due(on)  # the period the rows count, keyed: a setting decides it
    counts = figures.cached(
        "hr",
        (tuple(root.path for root in roots), on.isoformat(), due.year, due.period),
        lambda: _scope_figures(roots, on, due),
        refresh=refresh,
    )
    rows, compliance = counts.value
    jobs = list(
        ReportJob.objects.visible_to(user)
        .select_related("unit", "employee")
        .order_by("-created_at", "-pk")[:RECENT_SHOWN]
    )
    batches = list(
        ImportBatch.objects.filter(created_by=user)
        .select_related("unit")
        .defer("rows")
        .order_by("-created_at")[:RECENT_SHOWN]
    )
    return HrOverview(
        year=year,
        skp_deadline=calendar.skp_deadline(year),
        evaluation_deadline=due,
        roots=roots,
        rows=rows,
        compliance=compliance,
        jobs=jobs,
        batches=batches,
        join_requests=training_selectors.pending_join_requests(user)
        .exclude(employee__user=user)
        .count(),
        self_reports=ledger.pending_verifications_for(user).count(),
        as_of=counts,
    )


def pending_approvals(employee: Employee | None) -> int:
    """The navbar badge: SKP waiting for this penilai's approval (one COUNT query)."""
    if employee is None:
        return 0
    return performance_selectors.skps_awaiting_approval(employee).count()
