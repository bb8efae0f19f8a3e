"""The Pola Distribusi figure of the printed forms (docs/domain.md §1.7, §1.10a part 2): the kurva
distribusi of the organisation's predikat drawn as inline SVG, which WeasyPrint renders.

The x axis runs as on the official curve, from Sangat Kurang to Sangat Baik. For each predikat
(or pair of neighbouring predikat that one rule names together) a hatched band shows the share
the curve rules allow; a bar shows the share of the employees rated so far; a line joins the
bar tops (the actual curve); the employee's own predikat is marked. Shares are of the rated
employees, so the bar heights are proportional to the counts.

Presentation attributes only (no style attribute, no <style>): the same rule as core/charts.py,
so the drawing could also go on a web page under the strict CSP. Text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from positions.models import Predikat

if TYPE_CHECKING:
    from .models import CurveRule

# Left to right as on the official curve (docs/domain.md §1.6).
CURVE_ORDER = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)

# Drawing units (the viewBox); the SVG is scaled to the width the template gives it.
WIDTH = 640
PLOT_LEFT = 46
PLOT_RIGHT = 630
PLOT_TOP = 34
PLOT_HEIGHT = 150  # 100 % of the rated employees
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT
HEIGHT = PLOT_BOTTOM + 44
COLUMN = (PLOT_RIGHT - PLOT_LEFT) / len(CURVE_ORDER)
BAR = 40

INK = "#111111"
BAR_FILL = "#6b6b6b"
OWN_FILL = "#111111"
BAND_FILL = "#d9d9d9"
GRID = "#bdbdbd"
FONT = "DejaVu Sans"


@dataclass(frozen=True)
class Band:
    """The allowed range of one rule, as shares 0..1 of the rated employees."""

    columns: tuple[int, ...]  # indexes in CURVE_ORDER, neighbours
    low: float
    high: float
    label: str


def _pct(share: Decimal | float) -> str:
    return f"{float(share) * 100:.0f}%"


def bands(rules: Iterable[CurveRule]) -> list[Band]:
    """One band per curve rule: at most x % is 0..x, at least x % is x..100 %, at least n
    people is drawn as a label over the full height (the rule counts people, not a share)."""
    result = []
    for rule in rules:
        columns = tuple(sorted(CURVE_ORDER.index(Predikat(p)) for p in rule.predikat_list))
        if not columns:
            continue
        low, high, words = 0.0, 1.0, []
        if rule.min_share is not None:
            low = float(rule.min_share)
            words.append(f"min. {_pct(rule.min_share)}")
        if rule.max_share is not None:
            high = float(rule.max_share)
            words.append("tidak boleh ada" if high == 0 else f"maks. {_pct(rule.max_share)}")
        if rule.min_count is not None:
            words.append(f"min. {rule.min_count} orang")
        result.append(Band(columns, low, high, ", ".join(words)))
    return result


def _y(share: float) -> float:
    return PLOT_BOTTOM - share * PLOT_HEIGHT


def _centre(column: int) -> float:
    return PLOT_LEFT + COLUMN * (column + 0.5)


def pola_distribusi_svg(
    counts: dict[str, int],
    rules: Iterable[CurveRule],
    *,
    own: str = "",
    title: str = "Pola distribusi predikat kinerja pegawai",
) -> SafeString:
    """The figure as an <svg> element. `counts` is {predikat code: rated employees}; `own`
    the predikat code to mark (the employee of the form), '' for none."""
    total = sum(counts.get(p, 0) for p in CURVE_ORDER)
    parts: list[SafeString] = []
    # Hatching for the allowed bands (a pattern keeps the bars readable on top of them).
    parts.append(
        format_html(
            '<defs><pattern id="band" width="6" height="6" patternUnits="userSpaceOnUse"'
            ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-width="3"/></pattern></defs>',
            BAND_FILL,
        )
    )
    for tick in (0, 25, 50, 75, 100):
        y = _y(tick / 100)
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.6"/>'
                '<text x="{}" y="{}" font-family="{}" font-size="10" text-anchor="end"'
                ' fill="{}">{}%</text>',
                PLOT_LEFT,
                f"{y:.1f}",
                PLOT_RIGHT,
                f"{y:.1f}",
                GRID,
                PLOT_LEFT - 4,
                f"{y + 3.5:.1f}",
                FONT,
                INK,
                tick,
            )
        )
    for band in bands(rules):
        x = PLOT_LEFT + COLUMN * band.columns[0] + 4
        width = COLUMN * len(band.columns) - 8
        top, bottom = _y(band.high), _y(band.low)
        parts.append(
            format_html(
                '<rect class="band" data-columns="{}" x="{}" y="{}" width="{}" height="{}"'
                ' fill="url(#band)" stroke="{}" stroke-width="0.8" stroke-dasharray="4 2"/>'
                '<text x="{}" y="{}" font-family="{}" font-size="10" text-anchor="middle"'
                ' fill="{}">{}</text>',
                " ".join(CURVE_ORDER[c] for c in band.columns),
                f"{x:.1f}",
                f"{top:.1f}",
                f"{width:.1f}",
                f"{bottom - top:.1f}",
                INK,
                f"{x + width / 2:.1f}",
                PLOT_TOP - 16,
                FONT,
                INK,
                band.label,
            )
        )
    shares = [counts.get(code, 0) / total if total else 0.0 for code in CURVE_ORDER]
    # The actual curve first, so the bars and their numbers are drawn over it.
    parts.append(
        format_html(
            '<polyline class="curve" points="{}" fill="none" stroke="{}" stroke-width="1.4"/>',
            " ".join(f"{_centre(c):.1f},{_y(share):.1f}" for c, share in enumerate(shares)),
            INK,
        )
    )
    for column, code in enumerate(CURVE_ORDER):
        count = counts.get(code, 0)
        share = shares[column]
        height = share * PLOT_HEIGHT
        centre = _centre(column)
        mine = code == own
        number = f"{count} ({_pct(share)})" if total else "0"
        parts.append(
            format_html(
                '<rect class="bar{}" data-predikat="{}" data-count="{}" x="{}" y="{}"'
                ' width="{}" height="{}" fill="{}"/>'
                '<rect x="{}" y="{}" width="{}" height="12" fill="#ffffff"/>'
                '<text x="{}" y="{}" font-family="{}" font-size="10" text-anchor="middle"'
                ' fill="{}">{}</text>',
                " own" if mine else "",
                code,
                count,
                f"{centre - BAR / 2:.1f}",
                f"{_y(share):.3f}",
                BAR,
                f"{height:.3f}",
                OWN_FILL if mine else BAR_FILL,
                f"{centre - 3.2 * len(number):.1f}",
                f"{_y(share) - 15:.1f}",
                f"{6.4 * len(number):.1f}",
                f"{centre:.1f}",
                f"{_y(share) - 5:.1f}",
                FONT,
                INK,
                number,
            )
        )
        label = Predikat(code).label.split("/")
        for line, word in enumerate(label):
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-family="{}" font-size="10.5" text-anchor="middle"'
                    ' font-weight="{}" fill="{}">{}{}</text>',
                    f"{centre:.1f}",
                    PLOT_BOTTOM + 14 + 12 * line,
                    FONT,
                    "bold" if mine else "normal",
                    INK,
                    word,
                    "/" if line < len(label) - 1 else "",
                )
            )
        if mine:
            parts.append(
                format_html(
                    '<text class="own-mark" x="{}" y="{}" font-family="{}" font-size="9.5"'
                    ' text-anchor="middle" font-weight="bold" fill="{}">'
                    "\u25b2 predikat pegawai ini</text>",
                    f"{centre:.1f}",
                    PLOT_BOTTOM + 14 + 12 * len(label),
                    FONT,
                    INK,
                )
            )
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>',
            PLOT_LEFT,
            PLOT_BOTTOM,
            PLOT_RIGHT,
            PLOT_BOTTOM,
            INK,
        )
    )
    return format_html(
        '<svg class="pola-distribusi" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}"'
        ' role="img" aria-label="{}">{}</svg>',
        WIDTH,
        HEIGHT,
        title,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
