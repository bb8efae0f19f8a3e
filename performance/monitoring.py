"""The "Pantauan kinerja" overview for HR and pimpinan: totals at the top, the units that
have staff sorted by least SKP progress first, paged, and the annual predikat of all units in
one chart (one row per unit) instead of five bars per unit.

Works on the per-unit summary of selectors.unit_summary (no query of its own)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.paginator import Page, Paginator

from core.charts import BLUE, GREEN, GREY, ORANGE, RED, Series, StackedBarChart, StackedRow
from positions.models import Predikat

from .models import SKP

UNITS_PER_PAGE = 20
PREDIKAT_COLOURS = {
    "sangat_baik": GREEN,
    "baik": BLUE,
    "butuh_perbaikan": ORANGE,
    "kurang": RED,
    "sangat_kurang": GREY,
}


def _progress(row: dict[str, Any]) -> int:
    """Share of the unit's active staff with an approved SKP, in percent."""
    approved = row["status"].get(SKP.Status.DISETUJUI, 0)
    return min(round(approved * 100 / row["employees"]), 100) if row["employees"] else 0


def overview(summary: dict[str, Any], *, year: int, page: str | None) -> dict[str, Any]:
    """Totals, one page of staffed units (least progress first) and the predikat chart."""
    rows = [row for row in summary["rows"] if row["employees"]]
    for row in rows:
        row["approved"] = row["status"].get(SKP.Status.DISETUJUI, 0)
        row["progress"] = _progress(row)
    rows.sort(key=lambda r: (r["progress"], -r["no_skp"], r["unit"].name))
    status: Counter[str] = Counter()
    predikat: Counter[str] = Counter()
    for row in rows:
        status.update(row["status"])
        predikat.update(row["predikat"])
    employees = sum(row["employees"] for row in rows)
    approved = status.get(SKP.Status.DISETUJUI, 0)
    totals = {
        "units": len(rows),
        "employees": employees,
        "no_skp": sum(row["no_skp"] for row in rows),
        "draft": status.get(SKP.Status.DRAFT, 0) + status.get(SKP.Status.DIKEMBALIKAN, 0),
        "submitted": status.get(SKP.Status.DIAJUKAN, 0),
        "approved": approved,
        "approved_share": round(approved * 100 / employees) if employees else 0,
        "pending": sum(row["pending"] for row in rows),
        "rated": sum(predikat.values()),
        "behind": sum(1 for row in rows if row["progress"] < 50),
    }
    rated_rows = sorted(
        (r for r in rows if r["rated"]), key=lambda r: (-r["rated"], r["unit"].name)
    )
    chart = StackedBarChart(
        chart_id="chart-monitoring-predikat",
        title=f"Predikat tahunan {year} per unit",
        series=[Series(p.value, p.label, PREDIKAT_COLOURS[p.value]) for p in Predikat],
        rows=[StackedRow(r["unit"].name, dict(r["predikat"])) for r in rated_rows],
    )
    unit_page: Page = Paginator(rows, UNITS_PER_PAGE).get_page(page)
    return {"totals": totals, "units": unit_page, "predikat_chart": chart}
