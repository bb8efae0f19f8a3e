"""The pimpinan (sekda, kepala dinas reading) dashboard: figures per perangkat daerah for the
user's read scopes, as charts with tables (core.charts).

Per perangkat daerah = the units one level below the scope root; with several roots (a
superuser sees every instansi) each root is a row. Every figure is one grouped aggregate over
the scope's indexed path prefixes, keyed by the unit path and rolled up to the rows in Python
(as positions.peta.counts_per_group does), so the query count does not grow with the number of
units: 17 queries, 6 of them for the five years of kesesuaian penempatan.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.db.models import Count, F, Q, Sum
from django.urls import reverse

from core import figures
from core.charts import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    RED,
    Bar,
    BarChart,
    LineChart,
    Point,
    Series,
    StackedBarChart,
    StackedRow,
)
from performance.models import SKP, CurveRule, Evaluation, OrganisationPerformance
from positions.bup import leaving_within
from positions.models import (
    Employee,
    OrgUnit,
    Placement,
    Position,
    Scopes,
    _outermost,
    today,
)
from positions.peta import holders_with_problems
from training.models import JP_TARGET, counted_jp_subquery

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from asnportal.models import User

TOP_N = 10  # rows per chart on the home page; the detail pages list every unit
KESESUAIAN_YEARS = 5

PREDIKAT_SERIES = [
    Series("sangat_baik", "Sangat Baik", GREEN),
    Series("baik", "Baik", BLUE),
    Series("butuh_perbaikan", "Butuh Perbaikan", ORANGE),
    Series("kurang", "Kurang/Misconduct", RED),
    Series("sangat_kurang", "Sangat Kurang", GREY),
]
SKP_SERIES = [
    Series("disetujui", "Disetujui", GREEN),
    Series("diajukan", "Diajukan", BLUE),
    Series("draf", "Draf/dikembalikan", ORANGE),
    Series("belum", "Belum ada SKP", GREY),
]
POSITION_SERIES = [
    Series("terisi", "Terisi", GREEN),
    Series("lowong", "Lowong", ORANGE),
    Series("lebih", "Melebihi kebutuhan", RED),
]


@dataclass
class Group:
    """One row of the dashboard: a perangkat daerah (or a scope root) and its figures."""

    unit: OrgUnit
    employees: int = 0
    jp_compliant: int = 0
    skp: Counter[str] = field(default_factory=Counter)
    evaluations: int = 0
    evaluations_final: int = 0
    predikat: Counter[str] = field(default_factory=Counter)
    kebutuhan: int = 0
    bezetting: int = 0
    vacant_positions: int = 0
    retiring: int = 0
    curve: str = ""  # the curve check in words, with every violation
    curve_short: str = ""  # the same in a few words, under the unit's name in the chart

    @property
    def skp_approved_share(self) -> float:
        return self.skp["disetujui"] * 100 / self.employees if self.employees else 0.0

    @property
    def jp_share(self) -> float:
        return round(self.jp_compliant * 100 / self.employees, 1) if self.employees else 0.0


def scope_roots(user: User, scopes: Scopes) -> list[OrgUnit]:
    """The outermost units of the user's read scopes (every instansi for a superuser)."""
    if user.is_superuser:
        return list(OrgUnit.objects.get_root_nodes())
    return list(OrgUnit.objects.filter(path__in=_outermost(scopes.read_paths)).order_by("path"))


def dashboard_groups(roots: list[OrgUnit]) -> list[OrgUnit]:
    """The rows: the active children of a single root, else the roots themselves."""
    if len(roots) != 1:
        return roots
    root = roots[0]
    return list(OrgUnit.objects.active().filter(path__startswith=root.path, depth=root.depth + 1))


class _Rollup:
    """Maps a unit path to its group (the longest group path it starts with). Staff of the
    root unit itself belong to no group: they count in the totals only."""

    def __init__(self, groups: list[OrgUnit]) -> None:
        self.rows = {unit.path: Group(unit) for unit in groups}
        self._prefixes = sorted(self.rows, key=len, reverse=True)

    def __call__(self, path: str | None) -> Group | None:
        if not path:
            return None
        prefix = next((p for p in self._prefixes if path.startswith(p)), None)
        return self.rows[prefix] if prefix else None


def _scope_q(paths: list[str], lookup: str) -> Q:
    return Scopes(write_paths=paths).path_q(lookup)


def _url(name: str, args: list[Any] | None = None, **query: Any) -> str:
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query)}" if query else url


# --- Figures -------------------------------------------------------------------------------


def latest_rated_year(paths: list[str], year: int) -> int | None:
    """The latest year up to `year` with a final akhir (TW IV) evaluation in the scope."""
    return (
        Evaluation.objects.filter(
            _scope_q(paths, "skp__position__unit__path"),
            period=Evaluation.Period.TW4,
            status=Evaluation.Status.FINAL,
            skp__superseded_at__isnull=True,
            skp__year__lte=year,
        )
        .order_by("-skp__year")
        .values_list("skp__year", flat=True)
        .first()
    )


def _add_predikat(rollup: _Rollup, paths: list[str], year: int) -> None:
    """Annual predikat per person, by the rule of performance.annual.annual_results (the SKP
    covering most of the year decides; a moved employee counts once), in the perangkat daerah
    of that SKP's position. One query of plain tuples; annual_results does not return the
    unit, hence the few repeated lines."""
    rows = (
        Evaluation.objects.filter(
            _scope_q(paths, "skp__position__unit__path"),
            period=Evaluation.Period.TW4,
            skp__year=year,
            skp__superseded_at__isnull=True,
        )
        .exclude(predikat="")
        .order_by()
        .values_list(
            "skp__employee_id",
            "skp__period_start",
            "skp__period_end",
            "predikat",
            "skp__position__unit__path",
        )
    )
    best: dict[int, tuple[tuple[int, dt.date], str, str]] = {}
    for employee_id, start, end, predikat, path in rows:
        key = ((end - start).days + 1, start)
        if employee_id not in best or key > best[employee_id][0]:
            best[employee_id] = (key, predikat, path)
    for _, predikat, path in best.values():
        if (group := rollup(path)) is not None:
            group.predikat[predikat] += 1


def _add_curve(groups: list[Group], year: int) -> None:
    """The curve check of each row against its predikat kinerja organisasi: two queries."""
    org = dict(
        OrganisationPerformance.objects.filter(
            unit__in=[g.unit for g in groups], year=year
        ).values_list("unit_id", "predikat")
    )
    rules: dict[str, list[CurveRule]] = {}
    for rule in CurveRule.objects.all():
        rules.setdefault(rule.org_predikat, []).append(rule)
    labels = dict(OrganisationPerformance._meta.get_field("predikat").choices or [])
    for group in groups:
        predikat = org.get(group.unit.pk)
        if not sum(group.predikat.values()):
            group.curve = group.curve_short = ""
        elif predikat is None:
            group.curve = group.curve_short = "Predikat organisasi belum ditetapkan"
        else:
            violations = [
                v for rule in rules.get(predikat, []) if (v := rule.violation(group.predikat))
            ]
            label = labels.get(predikat, predikat)
            group.curve = (
                f"Sesuai kurva (organisasi {label})"
                if not violations
                else f"Tidak sesuai kurva (organisasi {label}): " + " ".join(violations)
            )
            group.curve_short = (
                f"Sesuai kurva ({label})"
                if not violations
                else f"Tidak sesuai kurva: {len(violations)} catatan"
            )


def _count_into(
    rollup: _Rollup, totals: MutableMapping[str, int], path: str, figures: dict[str, int]
) -> None:
    """Add `figures` (a Group attribute → a count of one unit's row) to the totals and to the
    dashboard row that unit rolls up to (none when it lies outside the listed rows)."""
    group = rollup(path)
    for key, value in figures.items():
        totals[key] += value
        if group is not None:
            setattr(group, key, getattr(group, key) + value)


def _add_employees(rollup: _Rollup, paths: list[str], year: int) -> dict[str, int]:
    """Active staff and those with at least 20 counted JP in `year`, per unit: one query."""
    rows = (
        Employee.objects.active()
        .filter(_scope_q(paths, "unit__path"))
        .annotate(jp=counted_jp_subquery(year))
        .values("unit__path")
        .annotate(n=Count("pk"), compliant=Count("pk", filter=Q(jp__gte=JP_TARGET)))
        .order_by()
    )
    totals = {"employees": 0, "jp_compliant": 0}
    for row in rows:
        figures = {"employees": row["n"], "jp_compliant": row["compliant"]}
        _count_into(rollup, totals, row["unit__path"], figures)
    return totals


def _add_skp_progress(rollup: _Rollup, paths: list[str], year: int) -> Counter[str]:
    """Active staff per state of their current SKP of `year` (one query) and the year's
    evaluations, final or not (one query)."""
    skp_rows = (
        SKP.objects.current()
        .filter(_scope_q(paths, "employee__unit__path"), year=year)
        .filter(employee__status=Employee.Status.AKTIF)
        .values("employee__unit__path", "status")
        .annotate(n=Count("employee", distinct=True))
        .order_by()
    )
    totals: Counter[str] = Counter()
    for row in skp_rows:
        key = {"dikembalikan": "draf", "draft": "draf"}.get(row["status"], row["status"])
        totals[key] += row["n"]
        if (group := rollup(row["employee__unit__path"])) is not None:
            group.skp[key] += row["n"]
    evaluation_rows = (
        Evaluation.objects.filter(
            _scope_q(paths, "skp__employee__unit__path"),
            skp__year=year,
            skp__superseded_at__isnull=True,
        )
        .values("skp__employee__unit__path")
        .annotate(n=Count("pk"), final=Count("pk", filter=Q(status=Evaluation.Status.FINAL)))
        .order_by()
    )
    for row in evaluation_rows:
        figures = {"evaluations": row["n"], "evaluations_final": row["final"]}
        _count_into(rollup, totals, row["skp__employee__unit__path"], figures)
    return totals


def _add_positions(rollup: _Rollup, paths: list[str]) -> dict[str, int]:
    """Kebutuhan, bezetting and posts below kebutuhan per unit: one query."""
    rows = (
        Position.objects.active()
        .filter(_scope_q(paths, "unit__path"))
        .with_bezetting()
        .values("unit__path")
        .annotate(
            kebutuhan_sum=Sum("kebutuhan"),
            bezetting_sum=Sum("bezetting"),
            vacant=Count("pk", filter=Q(bezetting__lt=F("kebutuhan"))),
        )
        .order_by()
    )
    totals = {"kebutuhan": 0, "bezetting": 0, "vacant_positions": 0}
    for row in rows:
        figures = {
            "kebutuhan": row["kebutuhan_sum"] or 0,
            "bezetting": row["bezetting_sum"] or 0,
            "vacant_positions": row["vacant"],
        }
        _count_into(rollup, totals, row["unit__path"], figures)
    return totals


def retiring_employees(paths: list[str], on: dt.date) -> Any:
    """Active employees in the scope who leave by BUP or contract end within 12 months of `on`
    (positions.bup.leaving_within, docs/domain.md §4.5)."""
    return leaving_within(Employee.objects.filter(_scope_q(paths, "unit__path")), on, 12)


def _add_retirements(rollup: _Rollup, paths: list[str], on: dt.date) -> int:
    rows = retiring_employees(paths, on).values("unit__path").annotate(n=Count("pk")).order_by()
    totals = {"retiring": 0}
    for row in rows:
        _count_into(rollup, totals, row["unit__path"], {"retiring": row["n"]})
    return totals["retiring"]


def kesesuaian_by_year(paths: list[str], years: list[int], on: dt.date) -> list[dict[str, Any]]:
    """Share of definitive holders whose post fits them (no finding of the mismatch report:
    education field and level, golongan, leadership training), from the placements in force
    on 31 December of each year (today for the current year).

    One COUNT per year for the holders, and one query for the mismatched holders of all the
    years: the report's rules run once per placement, not once per year (at the province's
    19,000 staff five yearly runs took 2.8 s, one run 0.6 s). Education, golongan and
    trainings are today's records, so an earlier year is judged with what the holder has
    now: the trend shows placement decisions, not later study."""
    dates = {year: min(dt.date(year, 12, 31), on) for year in years}
    holders = {
        year: Placement.objects.on(date)
        .filter(
            _scope_q(paths, "position__unit__path"),
            kind=Placement.Kind.DEFINITIF,
            position__is_active=True,
        )
        .count()
        for year, date in dates.items()
    }
    mismatched: Counter[int] = Counter()
    if any(holders.values()):
        spans = (
            holders_with_problems(paths, min(dates.values()), until=max(dates.values()))
            .order_by()
            .values_list("start_date", "end_date")
        )
        for start, end in spans:
            for year, date in dates.items():
                if start <= date and (end is None or end >= date):
                    mismatched[year] += 1
    result = []
    for year in years:
        fitting = holders[year] - mismatched[year]
        result.append(
            {
                "year": year,
                "holders": holders[year],
                "fitting": fitting,
                "share": round(fitting * 100 / holders[year], 1) if holders[year] else None,
            }
        )
    return result


# --- The dashboard -------------------------------------------------------------------------


def pimpinan_dashboard(user: User, scopes: Scopes, year: int) -> dict[str, Any]:
    """Everything the pimpinan home shows for the user's read scopes (a superuser: every
    instansi) in `year`: figures, charts (render with `{{ chart }}`) and links."""
    roots = scope_roots(user, scopes)
    if not roots:
        return {"roots": [], "year": year, "empty": True}
    paths = [root.path for root in roots]
    on = today()
    units = dashboard_groups(roots)
    rollup = _Rollup(units)
    groups = list(rollup.rows.values())
    root = roots[0] if len(roots) == 1 else None

    people = _add_employees(rollup, paths, year)
    skp = _add_skp_progress(rollup, paths, year)
    positions = _add_positions(rollup, paths)
    retiring = _add_retirements(rollup, paths, on)
    rated_year = latest_rated_year(paths, year)
    if rated_year is not None:
        _add_predikat(rollup, paths, rated_year)
        _add_curve(groups, rated_year)
    years = list(range(year - KESESUAIAN_YEARS + 1, year + 1))
    kesesuaian = kesesuaian_by_year(paths, years, on)

    def monitoring_url(unit: OrgUnit, tahun: int = year) -> str:
        return _url("performance:monitoring", unit=unit.pk, tahun=tahun)

    root_query = {"unit": root.pk} if root else {}
    links = {
        "monitoring": _url("performance:monitoring", tahun=year, **root_query),
        "curve": _url("performance:curve", tahun=rated_year or year, **root_query),
        "compliance": _url("training:compliance", tahun=year, **root_query),
        "mismatch": _url("positions:mismatch_report", **root_query),
        "peta": _url("positions:peta_jabatan", args=[root.pk]) if root else "",
        "retirements": _url("positions:employee_list", urut="lahir", **root_query),
    }

    staffed = [g for g in groups if g.employees]
    predikat_rows = sorted(
        (g for g in groups if sum(g.predikat.values())), key=lambda g: -sum(g.predikat.values())
    )[:TOP_N]
    progress_rows = sorted(staffed, key=lambda g: (g.skp_approved_share, g.unit.path))[:TOP_N]
    jp_rows = sorted(staffed, key=lambda g: (g.jp_share, g.unit.path))[:TOP_N]
    position_rows = sorted(
        (g for g in groups if g.kebutuhan or g.bezetting),
        key=lambda g: (-(g.kebutuhan - min(g.bezetting, g.kebutuhan)), g.unit.path),
    )[:TOP_N]
    retiring_rows = sorted(
        (g for g in groups if g.retiring), key=lambda g: (-g.retiring, g.unit.path)
    )[:TOP_N]

    charts = {
        "predikat": StackedBarChart(
            chart_id="chart-predikat",
            title=f"Distribusi predikat kinerja {rated_year or ''} per perangkat daerah".replace(
                "  ", " "
            ),
            series=PREDIKAT_SERIES,
            rows=[
                StackedRow(
                    g.unit.name,
                    dict(g.predikat),
                    note=g.curve_short,
                    detail=g.curve,
                    url=_url("performance:curve", unit=g.unit.pk, tahun=rated_year),
                )
                for g in predikat_rows
            ],
            notes_header="Kurva distribusi",
        ),
        "progress": StackedBarChart(
            chart_id="chart-skp",
            title=f"SKP {year}: progres paling rendah lebih dulu",
            series=SKP_SERIES,
            rows=[
                StackedRow(
                    g.unit.name,
                    {
                        "disetujui": g.skp["disetujui"],
                        "diajukan": g.skp["diajukan"],
                        "draf": g.skp["draf"],
                        "belum": max(g.employees - sum(g.skp.values()), 0),
                    },
                    note=(
                        f"Evaluasi final {g.evaluations_final} dari {g.evaluations}"
                        if g.evaluations
                        else "Belum ada evaluasi"
                    ),
                    url=monitoring_url(g.unit),
                )
                for g in progress_rows
            ],
            notes_header="Evaluasi",
        ),
        "jp": BarChart(
            chart_id="chart-jp",
            title=f"Kepatuhan {JP_TARGET} JP {year}: terendah lebih dulu",
            bars=[
                Bar(
                    g.unit.name,
                    g.jp_share,
                    note=f"{g.jp_compliant} dari {g.employees} pegawai",
                    url=_url("training:compliance", unit=g.unit.pk, tahun=year),
                )
                for g in jp_rows
            ],
            unit="%",
            max_value=100,
            colour=GREEN,
            value_header="Memenuhi 20 JP",
        ),
        "positions": StackedBarChart(
            chart_id="chart-bezetting",
            title="Kebutuhan dan bezetting: kekurangan terbanyak lebih dulu",
            series=POSITION_SERIES,
            rows=[
                StackedRow(
                    g.unit.name,
                    {
                        "terisi": min(g.bezetting, g.kebutuhan),
                        "lowong": max(g.kebutuhan - g.bezetting, 0),
                        "lebih": max(g.bezetting - g.kebutuhan, 0),
                    },
                    note=f"Kebutuhan {g.kebutuhan}, bezetting {g.bezetting}",
                    url=_url("positions:peta_jabatan", args=[g.unit.pk]),
                )
                for g in position_rows
            ],
            notes_header="Kebutuhan / bezetting",
        ),
        "retirements": BarChart(
            chart_id="chart-pensiun",
            title="Mencapai BUP dalam 12 bulan",
            bars=[
                Bar(
                    g.unit.name,
                    g.retiring,
                    display=f"{g.retiring} org",
                    url=_url("positions:employee_list", unit=g.unit.pk, urut="lahir"),
                )
                for g in retiring_rows
            ],
            colour=ORANGE,
            value_header="Pegawai",
            empty_text="Tidak ada pegawai yang mencapai BUP dalam 12 bulan ke depan.",
        ),
        "kesesuaian": LineChart(
            chart_id="chart-kesesuaian",
            title="Kesesuaian penempatan per tahun",
            points=[
                Point(
                    str(row["year"]),
                    row["share"],
                    note=f"{row['fitting']} dari {row['holders']} pemangku jabatan definitif",
                )
                for row in kesesuaian
            ],
            colour=GREEN,
            value_header="Sesuai",
        ),
    }
    rated = sum(sum(g.predikat.values()) for g in groups)
    return {
        "empty": False,
        "roots": roots,
        "year": year,
        "rated_year": rated_year,
        "groups": groups,
        "totals": {
            "employees": people["employees"],
            "jp_compliant": people["jp_compliant"],
            "jp_share": round(people["jp_compliant"] * 100 / people["employees"], 1)
            if people["employees"]
            else 0.0,
            "skp_approved": skp["disetujui"],
            "skp_submitted": skp["disetujui"] + skp["diajukan"],
            "skp_submitted_share": round(
                (skp["disetujui"] + skp["diajukan"]) * 100 / people["employees"], 1
            )
            if people["employees"]
            else 0.0,
            "evaluations": skp["evaluations"],
            "evaluations_final": skp["evaluations_final"],
            "kebutuhan": positions["kebutuhan"],
            "bezetting": positions["bezetting"],
            "vacant_positions": positions["vacant_positions"],
            "retiring": retiring,
            "rated": rated,
            "kesesuaian": kesesuaian[-1]["share"] if kesesuaian else None,
        },
        "kesesuaian": kesesuaian,
        "charts": charts,
        "links": links,
        "top_n": TOP_N,
        "unit_count": len(groups),
    }


def cached_dashboard(
    user: User, scopes: Scopes, on: dt.date, *, refresh: bool = False
) -> dict[str, Any]:
    """`pimpinan_dashboard` for today, shared for `FIGURES_CACHE_SECONDS` by every reader of
    the same scope roots (core/figures.py); `as_of` says when it was computed."""
    roots = ("*",) if user.is_superuser else tuple(sorted(_outermost(scopes.read_paths)))
    result = figures.cached(
        "pimpinan",
        (roots, on.isoformat()),
        lambda: pimpinan_dashboard(user, scopes, on.year),
        refresh=refresh,
    )
    return {**result.value, "as_of": result}
