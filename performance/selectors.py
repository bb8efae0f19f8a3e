"""Read-only questions about performance data that pages across apps ask (the home pages,
the report form). Each returns a QuerySet or a plain value; access checks stay in the views.

STYLE.md prefers QuerySet methods; these live here because they answer a question about one
person or the whole instansi rather than filter one model (the brief asked for this module)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse

from positions.models import Employee, OrgUnit, Placement, today

from .models import (
    SKP,
    Evaluation,
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


def latest_final_evaluation_year(unit: OrgUnit | None = None) -> int | None:
    """The latest year with at least one final akhir (TW IV) evaluation (in the unit's
    subtree when given), or None. The report form's default year."""
    finals = Evaluation.objects.filter(
        period=Evaluation.Period.TW4,
        status=Evaluation.Status.FINAL,
        skp__superseded_at__isnull=True,
    )
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


def _held_position_ids(employee: Employee) -> QuerySet:
    """Posts the employee holds today (definitif, Plt or Plh), as a subquery."""
    return Placement.objects.on(today()).filter(employee=employee).values("position_id")


def _as_employee(user_or_employee: Any) -> Employee | None:
    if isinstance(user_or_employee, Employee):
        return user_or_employee
    if not getattr(user_or_employee, "is_authenticated", False):
        return None
    return Employee.objects.filter(user=user_or_employee).first()


def _rated_by(employee: Employee, prefix: str = "") -> Q:
    """SKP the employee rates: as the named penilai or as holder today of the penilai post
    (so a Plt/Plh sees what waits for the post), as is_penilai_of decides."""
    return Q(**{f"{prefix}penilai": employee}) | Q(
        **{f"{prefix}penilai_position_id__in": _held_position_ids(employee)}
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
    sent the realisasi ("Kirim ke penilai") or entered at least one realisasi; the ones sent
    first come first. Rows load skp and skp.employee; link each with `get_absolute_url()`."""
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
    who have no current SKP for the year, by name. One query."""
    subordinates = (
        Placement.objects.on(today())
        .filter(kind=Placement.Kind.DEFINITIF, position__parent_id__in=_held_position_ids(employee))
        .values("employee_id")
    )
    return (
        Employee.objects.filter(pk__in=subordinates, status=Employee.Status.AKTIF)
        .exclude(pk=employee.pk)
        .exclude(pk__in=SKP.objects.current().filter(year=year).values("employee_id"))
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
    skp = (
        SKP.objects.current()
        .filter(employee=employee, year=year)
        .select_related("position")
        .order_by("-period_start")
        .first()
    )
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
    current = open_period(today())
    period = current.period if current.year == year else Evaluation.Period.TW4.value
    evaluation = Evaluation.objects.filter(skp=skp, period=period).only("status").first()
    if evaluation is not None and evaluation.status == Evaluation.Status.FINAL:
        label = f"Lihat evaluasi {Evaluation.Period(period).label}"
        return NextStep(skp, "done", label, "performance:evaluation", (skp.pk, period))
    label = f"Isi realisasi {Evaluation.Period(period).label}"
    return NextStep(skp, "realisasi", label, "performance:evaluation", (skp.pk, period))


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
        Evaluation.objects.filter(
            skp__employee__in=employee_ids,
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__superseded_at__isnull=True,
        )
        .order_by("skp__year")
        .values_list("skp__employee_id", "skp__year", "rating_hasil", "rating_perilaku")
    ):
        latest[employee_id] = LatestRating(year, hasil, perilaku)  # by year: the latest wins
    return latest
