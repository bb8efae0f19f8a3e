"""Read-only questions about performance data that pages across apps ask (the home pages,
the report form). Each returns a QuerySet or a plain value; access checks stay in the views.

Read logic that filters one model is a QuerySet method (docs/architecture.md, "Inside an
app"); these live here because they answer a question about one person or the whole instansi
rather than filter one model."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Count, Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from positions.models import Employee, OrgUnit, Placement, Predikat, scopes_for, today

from .annual import annual_predikat
from .models import (
    RHK,
    SKP,
    CurveRule,
    Evaluation,
    OrganisationPerformance,
    Realisation,
    ReportDocument,
    ReportDocumentQuerySet,
    evaluation_periods,
)


def documents_for_employee(employee: Employee) -> ReportDocumentQuerySet:
    """The employee's finished yearly evaluation PDFs, the latest one per year, newest year
    first. One query; each row has `job` loaded (`doc.job.year`, `doc.filename`). Download
    each with `performance:report_document` (pk)."""
    latest_of_year = (
        ReportDocument.objects.filter(
            employee_id=OuterRef("employee_id"),
            job__year=OuterRef("job__year"),
            state=ReportDocument.State.DONE,
        )
        .order_by("-rendered_at", "-pk")
        .values("pk")[:1]
    )
    return (
        ReportDocument.objects.filter(employee=employee, state=ReportDocument.State.DONE)
        .filter(pk=Subquery(latest_of_year))
        .select_related("job", "employee")
        .order_by("-job__year")
    )


def final_years_without_document(employee: Employee, *, printed: set[int]) -> list[int]:
    """Years (newest first) in which the employee has a final akhir (TW IV) evaluation but no
    printed yearly document among `printed`: the pegawai may print it from the home page.
    One query."""
    years = (
        Evaluation.objects.final_annual()
        .filter(skp__employee=employee)
        .order_by("-skp__year")
        .values_list("skp__year", flat=True)
        .distinct()
    )
    return [year for year in years if year not in printed]


def latest_final_evaluation_year(unit: OrgUnit | None = None) -> int | None:
    """The latest year with at least one final akhir (TW IV) evaluation (in the unit's
    subtree when given), or None. The report form's default year."""
    finals = Evaluation.objects.final_annual()
    if unit is not None:
        finals = finals.filter(skp__position__unit__path__startswith=unit.path)
    return finals.order_by("-skp__year").values_list("skp__year", flat=True).first()


# --- Home page questions (pegawai, penilai) ----------------------------------------------


@dataclass(frozen=True)
class OpenPeriod:
    """The evaluation period whose realisasi is being entered now."""

    year: int
    period: str
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return Evaluation.Period(self.period).label


def open_period(today: dt.date) -> OpenPeriod:
    """The period open for realisasi on `today`: the triwulan containing it (TW IV doubles as
    the annual evaluation). With EVALUATION_PERIODS=tahunan it is the whole year. No query."""
    periods = evaluation_periods()
    if periods == [Evaluation.Period.TW4.value]:
        return OpenPeriod(
            today.year, periods[0], dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        )
    quarter = (today.month - 1) // 3  # 0..3
    start = dt.date(today.year, quarter * 3 + 1, 1)
    end_month = quarter * 3 + 3
    end = dt.date(today.year, end_month, calendar.monthrange(today.year, end_month)[1])
    return OpenPeriod(today.year, periods[quarter], start, end)


def realisasi_period(year: int, on: dt.date) -> str:
    """The period in which the pegawai enters realisasi of their SKP of `year` on `on`: the
    open period when it is of that year, else TW IV (the annual evaluation)."""
    current = open_period(on)
    return current.period if current.year == year else Evaluation.Period.TW4.value


def _held_position_ids(employee: Employee) -> QuerySet:
    """Posts the employee holds today (definitif, Plt or Plh), as a subquery."""
    return Placement.objects.on(today()).filter(employee=employee).values("position_id")


def _as_employee(user_or_employee: Any) -> Employee | None:
    if isinstance(user_or_employee, Employee):
        return user_or_employee
    if not getattr(user_or_employee, "is_authenticated", False):
        return None
    return Employee.objects.filter(user=user_or_employee).first()


class _InSubquery(Func):
    """`column IN (subquery)` written `column = ANY(ARRAY(subquery))` on PostgreSQL: the array
    is computed once (an InitPlan) and the column's index is then usable, also as one arm of
    an OR (a BitmapOr). `IN (subquery)` inside an OR becomes a hashed subplan tested on every
    row: a sequential scan of all SKP (120,000 rows, ~180 ms at province scale, against
    0.3 ms). Other databases get the plain `IN`."""

    output_field = BooleanField()

    def __init__(self, column: str, queryset: QuerySet) -> None:
        super().__init__(F(column), Subquery(queryset))

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, tuple]:
        column, subquery = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        subquery_sql, subquery_params = compiler.compile(subquery)  # "(SELECT ...)"
        params = (*column_params, *subquery_params)
        if connection.vendor == "postgresql":
            return f"{column_sql} = ANY(ARRAY{subquery_sql})", params
        return f"{column_sql} IN {subquery_sql}", params


def _rated_by(employee: Employee, prefix: str = "") -> Q:
    """SKP the employee rates: as the named penilai or as holder today of the penilai post
    (so a Plt/Plh sees what waits for the post), as is_penilai_of decides. Both arms use an
    index (see _InSubquery)."""
    return Q(**{f"{prefix}penilai": employee}) | Q(
        _InSubquery(f"{prefix}penilai_position_id", _held_position_ids(employee))
    )


def skps_awaiting_approval(user_or_employee: Any) -> QuerySet[SKP]:
    """Current SKP diajukan to this person (a User or an Employee), oldest submission first,
    with employee and position loaded. `.count()` is one query (two when given a User: the
    Employee is looked up first); listing is one query."""
    employee = _as_employee(user_or_employee)
    if employee is None:
        return SKP.objects.none()
    return (
        SKP.objects.current()
        .filter(_rated_by(employee), status=SKP.Status.DIAJUKAN)
        .exclude(employee=employee)
        .select_related("employee", "position__unit")
        .order_by("submitted_at", "pk")
    )


def evaluations_awaiting_rating(employee: Employee) -> QuerySet[Evaluation]:
    """Draft evaluations of current, approved SKP the employee rates where the pegawai has
    sent the realisasi ("Simpan dan kirim ke penilai") or entered at least one realisasi;
    the ones sent first come first. Rows load skp and skp.employee; link each with
    `get_absolute_url()`."""
    has_realisation = Realisation.objects.filter(evaluation=OuterRef("pk")).filter(
        Q(value__isnull=False) | ~Q(text="")
    )
    return (
        Evaluation.objects.filter(
            _rated_by(employee, "skp__"),
            status=Evaluation.Status.DRAFT,
            skp__status=SKP.Status.DISETUJUI,
            skp__superseded_at__isnull=True,
        )
        .exclude(skp__employee=employee)
        .filter(Q(realisasi_sent_at__isnull=False) | Exists(has_realisation))
        .select_related("skp__employee")
        .order_by(F("realisasi_sent_at").asc(nulls_last=True), "skp__employee__name", "period")
    )


def subordinates_without_skp(employee: Employee, year: int) -> QuerySet[Employee]:
    """Direct subordinates (definitive holders today of posts under a post the employee holds)
    who have no current SKP for the year, by name. One query. "No SKP" is a NOT EXISTS per
    subordinate (an index probe on the SKP's employee); `pk NOT IN (every SKP of the year)`
    made PostgreSQL hash the whole year's SKP and scan all employees (~250 ms at 120,000)."""
    subordinates = (
        Placement.objects.on(today())
        .filter(kind=Placement.Kind.DEFINITIF, position__parent_id__in=_held_position_ids(employee))
        .values("employee_id")
    )
    has_skp = SKP.objects.current().filter(year=year, employee=OuterRef("pk"))
    return (
        Employee.objects.filter(pk__in=subordinates, status=Employee.Status.AKTIF)
        .exclude(pk=employee.pk)
        .filter(~Exists(has_skp))
        .order_by("name")
    )


@dataclass(frozen=True)
class NextStep:
    """The pegawai's next step on their SKP of a year. `key` is one of create, complete,
    ajukan, revise, wait, realisasi, done; `url` is ready to use in a template."""

    skp: SKP | None
    key: str
    label: str
    url_name: str
    args: tuple[Any, ...] = ()
    detail: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.args)


def my_skp_next_step(employee: Employee, year: int) -> NextStep:
    """The employee's current SKP of the year (the latest period when they moved mid-year)
    and the one button the home page shows. At most 5 queries (SKP; for a draft the RHK, IKI
    and the penilai's SKP; for an approved SKP the open period's evaluation)."""
    mine = SKP.objects.filter(employee=employee, year=year)
    skp = mine.select_related("position").latest_current()
    if skp is None:
        return NextStep(None, "create", f"Buat SKP {year}", "performance:skp_create")
    detail = ("performance:skp_detail", (skp.pk,))
    if skp.status == SKP.Status.DIKEMBALIKAN:
        return NextStep(skp, "revise", "Perbaiki SKP", *detail, detail=skp.return_note)
    if skp.status == SKP.Status.DRAFT:
        from .services import missing_items  # services imports nothing from here

        missing = missing_items(skp)
        if missing:
            return NextStep(skp, "complete", "Lengkapi SKP", *detail, detail=missing[0])
        return NextStep(skp, "ajukan", "Ajukan SKP", *detail)
    if skp.status == SKP.Status.DIAJUKAN:
        return NextStep(skp, "wait", "Lihat SKP (menunggu persetujuan)", *detail)
    period = realisasi_period(year, today())
    evaluation = Evaluation.objects.filter(skp=skp, period=period).only("status").first()
    if evaluation is not None and evaluation.status == Evaluation.Status.FINAL:
        label = f"Lihat evaluasi {Evaluation.Period(period).label}"
        return NextStep(skp, "done", label, "performance:evaluation", (skp.pk, period))
    label = f"Isi realisasi {Evaluation.Period(period).label}"
    return NextStep(skp, "realisasi", label, "performance:evaluation", (skp.pk, period))


# --- Kurva distribusi and pantauan kinerja ------------------------------------------------------

PREDIKAT_ORDER = [p.value for p in Predikat]
BAR_CLASS = {
    "sangat_baik": "bg-success",
    "baik": "bg-primary",
    "butuh_perbaikan": "bg-warning",
    "kurang": "bg-danger",
    "sangat_kurang": "bg-dark",
}


def organisation_performance_over(unit: OrgUnit, year: int) -> OrganisationPerformance | None:
    """The organisation predikat of the year that governs `unit`: its own, else the nearest
    unit above it that has one (one query)."""
    prefixes = OrgUnit.lineage_paths(unit.path)
    return (
        OrganisationPerformance.objects.filter(year=year, unit__path__in=prefixes)
        .select_related("unit")
        .order_by("-unit__depth")
        .first()
    )


def predikat_bars(counts: Counter[str]) -> list[dict[str, Any]]:
    """One bar per predikat, best first, with its count and share of the total."""
    total = sum(counts.values())
    return [
        {
            "code": code,
            "label": Predikat(code).label,
            "count": counts.get(code, 0),
            "pct": round(counts.get(code, 0) * 100 / total) if total else 0,
            "css": BAR_CLASS[code],
        }
        for code in PREDIKAT_ORDER
    ]


def curve_rules(org: OrganisationPerformance | None, counts: Counter[str]) -> list[dict[str, Any]]:
    """The distribution rules of the organisation predikat, each with its violation (or "").
    The same rule objects as services.curve_violations, so each rule shows its state."""
    if org is None:
        return []
    return [
        {"rule": rule, "violation": rule.violation(counts)}
        for rule in CurveRule.objects.filter(org_predikat=org.predikat)
    ]


def annual_evaluations_not_final(unit: OrgUnit, year: int) -> int:
    """Current annual (TW IV) evaluations of the year in the unit's subtree not yet final."""
    return (
        Evaluation.objects.filter(
            period=Evaluation.Period.TW4,
            skp__year=year,
            skp__superseded_at__isnull=True,
            skp__position__unit__path__startswith=unit.path,
        )
        .exclude(status=Evaluation.Status.FINAL)
        .count()
    )


def subordinate_rows(
    headed_position_ids: list[int], year: int, *, viewer: Any
) -> list[dict[str, Any]]:
    """Direct subordinates (holders today of posts under a post the user holds) with their
    current SKP of the year, its latest evaluation and the penilai's next click: three
    queries whatever the count. Never the viewer (a Plh of their own superior's post does
    not act on their own SKP: services.is_penilai_of)."""
    placements = (
        Placement.objects.on(today())
        .filter(position__parent_id__in=headed_position_ids)
        .exclude(employee__user=viewer)
        .select_related("employee", "position")
        .order_by("employee__name")
    )
    people: dict[int, Placement] = {}
    for placement in placements:
        people.setdefault(placement.employee_id, placement)
    skps: dict[int, SKP] = {}
    for skp in (
        SKP.objects.current().filter(year=year, employee_id__in=people).order_by("period_start")
    ):
        skps[skp.employee_id] = skp
    latest: dict[int, Evaluation] = {}
    for evaluation in Evaluation.objects.filter(skp__in=list(skps.values())).order_by("period"):
        latest[evaluation.skp_id] = evaluation
    rows = []
    for employee_id, placement in people.items():
        skp = skps.get(employee_id)
        evaluation = latest.get(skp.pk) if skp else None
        rows.append(
            {
                "employee": placement.employee,
                "position": placement.position,
                "skp": skp,
                "evaluation": evaluation,
                "action": next_action(skp, evaluation),
            }
        )
    return rows


def next_action(skp: SKP | None, evaluation: Evaluation | None) -> tuple[str, str] | None:
    """(label, url) of the one click the penilai needs next, or None. `evaluation` is the
    SKP's latest: a draft whose realisasi was sent waits for them; otherwise the period the
    pegawai fills in now (the one their home points to, realisasi_period), or the final one
    to look at. (Opening an evaluation page makes a draft: an unsent one waits for nobody.)"""
    if skp is None:
        return None
    if skp.status == SKP.Status.DIAJUKAN:
        return "Tinjau dan setujui", reverse("performance:skp_detail", args=[skp.pk])
    if skp.status != SKP.Status.DISETUJUI:
        return "Lihat SKP", reverse("performance:skp_detail", args=[skp.pk])
    period = realisasi_period(skp.year, today())
    label = f"Evaluasi {Evaluation.Period(period).label}"
    if evaluation is not None and evaluation.is_sent_draft:
        period, label = evaluation.period, f"Evaluasi {evaluation.get_period_display()}"
    elif evaluation is not None and evaluation.period == period:  # final: nothing to do
        label = f"Lihat evaluasi {evaluation.get_period_display()}"
    return label, reverse("performance:evaluation", args=[skp.pk, period])


def _child_key(unit: OrgUnit, path: str) -> str:
    """The child of `unit` a descendant path belongs to (the unit itself for direct staff)."""
    return path[: len(unit.path) + OrgUnit.steplen] if len(path) > len(unit.path) else unit.path


def _bucket(rows: dict[str, dict[str, Any]], unit: OrgUnit, path: str) -> dict[str, Any]:
    # Staff of a closed child unit count under the chosen unit itself.
    return rows.get(_child_key(unit, path), rows[unit.path])


def unit_summary(unit: OrgUnit, year: int) -> dict[str, Any]:
    """Counts per SKP status and predikat per child unit of `unit`: a handful of grouped
    queries, whatever the size of the subtree."""
    children = list(
        OrgUnit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1)
        .active()
        .only("pk", "name", "path")
    )
    subtree = {"unit__path__startswith": unit.path, "status": Employee.Status.AKTIF}
    rows: dict[str, dict[str, Any]] = {
        u.path: {
            "unit": u,
            "employees": 0,
            "status": Counter(),
            "pending": 0,
            "predikat": Counter(),
        }
        for u in [unit, *children]
    }
    for item in Employee.objects.filter(**subtree).values("unit__path").annotate(n=Count("pk")):
        _bucket(rows, unit, item["unit__path"])["employees"] += item["n"]
    skp_counts = (
        SKP.objects.current()
        .filter(year=year, employee__unit__path__startswith=unit.path)
        .filter(employee__status=Employee.Status.AKTIF)
        .values("employee__unit__path", "status")
        .annotate(n=Count("employee", distinct=True))
    )
    for item in skp_counts:
        _bucket(rows, unit, item["employee__unit__path"])["status"][item["status"]] += item["n"]
    evaluations = Evaluation.objects.filter(
        skp__year=year,
        skp__superseded_at__isnull=True,
        skp__employee__unit__path__startswith=unit.path,
    )
    pending = (
        evaluations.filter(status=Evaluation.Status.DRAFT)
        .values("skp__employee__unit__path")
        .annotate(n=Count("pk"))
    )
    for item in pending:
        _bucket(rows, unit, item["skp__employee__unit__path"])["pending"] += item["n"]
    predikat = (
        evaluations.filter(period=Evaluation.Period.TW4)
        .exclude(predikat="")
        .values("skp__employee__unit__path", "predikat")
        .annotate(n=Count("pk"))
    )
    for item in predikat:
        _bucket(rows, unit, item["skp__employee__unit__path"])["predikat"][item["predikat"]] += (
            item["n"]
        )
    result = []
    for row in rows.values():
        started = sum(row["status"].values())
        row["no_skp"] = max(row["employees"] - started, 0)
        row["statuses"] = [row["status"].get(s, 0) for s in SKP.Status.values]
        row["bars"] = predikat_bars(row["predikat"])
        row["rated"] = sum(row["predikat"].values())
        row["is_self"] = row["unit"].pk == unit.pk
        if row["employees"] or not row["is_self"]:
            result.append(row)
    return {"rows": result, "statuses": SKP.Status.labels}


def without_approved_skp(unit: OrgUnit, year: int) -> QuerySet[Employee]:
    """Active staff of the unit's subtree without an approved current SKP of the year, by
    unit then name (for the reminder list)."""
    approved = SKP.objects.current().filter(year=year, status=SKP.Status.DISETUJUI)
    return (
        Employee.objects.filter(unit__path__startswith=unit.path, status=Employee.Status.AKTIF)
        .exclude(pk__in=approved.values("employee_id"))
        .select_related("unit")
        .order_by("unit__path", "name")
    )


def skp_history(employee: Employee) -> list[dict[str, Any]]:
    """The employee's current SKPs per year, newest first, with the year's annual predikat."""
    skps = list(
        SKP.objects.current()
        .filter(employee=employee)
        .select_related("position")
        .prefetch_related("evaluations")
        .order_by("-year", "-period_start")
    )
    by_year: dict[int, list[SKP]] = {}
    for skp in skps:
        by_year.setdefault(skp.year, []).append(skp)
    labels = dict(Predikat.choices)
    return [
        {"year": year, "skps": items, "annual": labels.get(annual_predikat(items), "")}
        for year, items in by_year.items()
    ]


# --- Penilai pages ------------------------------------------------------------------------------


def penilai_q(user: Any) -> Q:
    """SKP the user rates: as the named penilai or as holder (incl. Plt/Plh) of the post."""
    q = Q(penilai__user=user)
    headed = scopes_for(user).headed_position_ids
    if headed:
        q |= Q(penilai_position_id__in=headed)
    return q


def approval_inbox(user: Any, year: int) -> tuple[QuerySet[SKP], dict[str, int]]:
    """The current SKPs the user rates and waits on (diajukan, of any year: oldest first,
    with their RHK count), and in one aggregate their number and the counts per other status
    of the SKPs of `year` they rate (the cards said "Disetujui 5" for 4 subordinates: every
    year at once)."""
    mine = SKP.objects.current().filter(penilai_q(user)).exclude(employee__user=user)
    waiting = (
        mine.filter(status=SKP.Status.DIAJUKAN)
        .select_related("employee", "position")
        .annotate(rhk_count=Count("rhks"))
        .order_by("submitted_at")
    )
    counts = mine.aggregate(
        diajukan=Count("pk", filter=Q(status=SKP.Status.DIAJUKAN)),
        dikembalikan=Count("pk", filter=Q(status=SKP.Status.DIKEMBALIKAN, year=year)),
        disetujui=Count("pk", filter=Q(status=SKP.Status.DISETUJUI, year=year)),
        draft=Count("pk", filter=Q(status=SKP.Status.DRAFT, year=year)),
    )
    return waiting, counts


def role_matrix(user: Any, year: int) -> dict[str, Any]:
    """Matriks peran dan hasil: the user's own RHK of the year, each with the subordinates'
    RHK that intervene it (an utama RHK without any is flagged), the subordinates' utama RHK
    linked to none, and the direct subordinates without an SKP of the year."""
    own = (
        SKP.objects.filter(employee__user=user, year=year).prefetch_related("rhks").latest_current()
    )
    sub_skps = list(
        SKP.objects.current()
        .filter(penilai_q(user), year=year)
        .exclude(employee__user=user)
        .select_related("employee")
        .prefetch_related("rhks")
        .order_by("employee__name")
    )
    own_rhks = list(own.rhks.all()) if own else []
    supporters: dict[int, list[tuple[SKP, RHK]]] = {r.pk: [] for r in own_rhks}
    unlinked: list[tuple[SKP, RHK]] = []
    for sub in sub_skps:
        for rhk in sub.rhks.all():
            if rhk.parent_rhk_id in supporters:
                supporters[rhk.parent_rhk_id].append((sub, rhk))
            elif rhk.jenis == RHK.Jenis.UTAMA:
                unlinked.append((sub, rhk))
    # A superior's tambahan RHK is a personal assignment: only utama RHK need support.
    rows = [
        {
            "rhk": r,
            "supporters": supporters[r.pk],
            "flag": r.jenis == RHK.Jenis.UTAMA and not supporters[r.pk],
        }
        for r in own_rhks
    ]
    headed = scopes_for(user).headed_position_ids
    without_skp = (
        Employee.objects.filter(
            pk__in=Placement.objects.on(today())
            .filter(kind=Placement.Kind.DEFINITIF, position__parent_id__in=headed)
            .values("employee_id")
        )
        .exclude(pk__in=SKP.objects.current().filter(year=year).values("employee_id"))
        .exclude(user=user)
        .order_by("name")
        if headed
        else Employee.objects.none()
    )
    return {
        "own": own,
        "rows": rows,
        "unsupported": sum(1 for r in rows if r["flag"]),
        "unlinked": unlinked,
        "without_skp": without_skp,
        "sub_count": len(sub_skps),
    }


# --- Ratings other apps read (training's needs analysis) ----------------------------------


@dataclass(frozen=True)
class LatestRating:
    """An employee's rating in the final akhir (annual) evaluation of their latest rated year."""

    year: int
    rating_hasil: str
    rating_perilaku: str

    @property
    def perilaku_below(self) -> bool:
        from .models import Rating

        return self.rating_perilaku == Rating.DIBAWAH

    @property
    def perilaku_label(self) -> str:
        from .models import Rating

        return Rating(self.rating_perilaku).label if self.rating_perilaku else ""


def latest_ratings(employee_ids: Any) -> dict[int, LatestRating]:
    """{employee id: LatestRating} from the final akhir evaluations of current SKPs, the
    latest year winning; employees never rated are absent. `employee_ids` is an iterable of
    ids or a `.values("pk")` queryset (then a subquery). One query."""
    latest: dict[int, LatestRating] = {}
    for employee_id, year, hasil, perilaku in (
        Evaluation.objects.final_annual()
        .filter(skp__employee__in=employee_ids)
        .order_by("skp__year")
        .values_list("skp__employee_id", "skp__year", "rating_hasil", "rating_perilaku")
    ):
        latest[employee_id] = LatestRating(year, hasil, perilaku)  # by year: the latest wins
    return latest
