"""Server-rendered charts: inline SVG that the strict CSP allows (presentation attributes
only: no `style` attribute, no <style>, no script), with the same numbers as a table.

A chart is a small dataclass built by a selector and rendered by the template with
`{{ chart }}` (Django calls `__html__`). Each chart is a <figure> whose drawing has
`role="img"` and `aria-labelledby` pointing at its visible title and a text description; the
numbers follow in a <details> table for screen readers and for anyone who wants them.

Horizontal bars put their labels and values in HTML (Bootstrap grid) and only the bar in SVG,
so the text stays at the page's font size from 390 px to 1366 px; the line chart is one SVG
with a viewBox, drawn at width 100 %.

Colours (WCAG 2.1 AA): every fill has at least 3:1 contrast on white (1.4.11), text is
#212529 or #495057 on white (at least 7:1). Adjacent segments of a stacked bar are separated
by a white gap, and each segment's name and number are in the legend and the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

EMPTY_TEXT = "Belum ada data"

# Contrast against white: 7.6, 5.3, 4.6, 6.1, 11.0 (all >= 3:1 for graphics).
GREEN = "#0b5d3b"
BLUE = "#1f5fa8"
ORANGE = "#a85400"
RED = "#b02a37"
GREY = "#3d3d3d"
TRACK = "#e9ecef"  # the empty part of a bar: decoration, the value is in the text
TEXT = "#212529"
MUTED = "#495057"
GRID = "#ced4da"
PALETTE = (GREEN, BLUE, ORANGE, RED, GREY)


def _number(value: float | int | Decimal) -> str:
    """12 -> "12", 12.5 -> "12,5" (Indonesian decimal comma)."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{float(value):,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _share(value: float, total: float) -> float:
    """Percent of `total`, 0 when total is 0; the unit of every bar's width (viewBox 0..100)."""
    return round(value * 100 / total, 2) if total else 0.0


def _empty(chart_id: str, title: str, text: str = EMPTY_TEXT) -> SafeString:
    return format_html(
        '<figure class="mb-0" id="{}"><figcaption class="fw-semibold small mb-1">{}</figcaption>'
        '<p class="text-muted small mb-0" data-testid="chart-empty">{}</p></figure>',
        chart_id,
        title,
        text,
    )


def _linked(label: str, url: str) -> str:
    return format_html('<a href="{}">{}</a>', url, label) if url else label


def _table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> SafeString:
    head = format_html_join("", '<th scope="col">{}</th>', ((h,) for h in headers))
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        (
            (
                format_html(
                    '<th scope="row">{}</th>{}',
                    row[0],
                    format_html_join(
                        "", '<td class="text-end">{}</td>', ((cell,) for cell in row[1:])
                    ),
                ),
            )
            for row in rows
        ),
    )
    return format_html(
        '<details class="mt-2 small"><summary>Lihat angka dalam tabel</summary>'
        '<div class="table-responsive" tabindex="0" role="region" aria-label="{}">'
        '<table class="table table-sm mb-0" data-testid="chart-table">'
        '<caption class="visually-hidden">{}</caption>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div></details>",
        caption,
        caption,
        head,
        body,
    )


def _bar_svg(segments: Sequence[tuple[float, str]]) -> SafeString:
    """One bar, 100 units wide, stretched to the column: (width in percent, colour) segments."""
    parts = [f'<rect x="0" y="0" width="100" height="10" fill="{TRACK}"></rect>']
    x = 0.0
    for width, colour in segments:
        if width <= 0:
            continue
        # A 0.4-unit white gap after each segment separates neighbouring colours.
        drawn = max(width - 0.4, 0.3) if x + width < 99.9 else width
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{drawn:.2f}" height="10" fill="{colour}"'
            f' data-value-width="{width:.2f}"></rect>'
        )
        x += width
    return mark_safe(  # nosec B308 B703  # numbers and constants only, no user text
        '<svg class="d-block w-100" viewBox="0 0 100 10" preserveAspectRatio="none" height="14"'
        ' aria-hidden="true" focusable="false">' + "".join(parts) + "</svg>"
    )


# --- Horizontal bar chart ------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: float | int | Decimal
    display: str = ""  # the text beside the bar; the value (with the unit) when empty
    note: str = ""  # a second line under the label, e.g. "12 dari 40 pegawai"
    url: str = ""


@dataclass
class BarChart:
    """Horizontal bars, one per row, widths proportional to `value` (against `max_value`,
    default the largest value; pass 100 for percentages)."""

    chart_id: str
    title: str
    bars: list[Bar]
    unit: str = ""
    max_value: float | None = None
    colour: str = BLUE
    description: str = ""
    value_header: str = "Nilai"
    empty_text: str = EMPTY_TEXT

    @property
    def is_empty(self) -> bool:
        return not self.bars

    def _display(self, bar: Bar) -> str:
        return bar.display or f"{_number(bar.value)}{self.unit}"

    def widths(self) -> list[float]:
        top = self.max_value or max((float(b.value) for b in self.bars), default=0)
        return [min(_share(float(b.value), top), 100.0) for b in self.bars]

    def __str__(self) -> str:
        # Templates call str() before escaping: return the SafeString, not the repr.
        return self.__html__()

    def __html__(self) -> str:
        if self.is_empty:
            return _empty(self.chart_id, self.title, self.empty_text)
        rows = []
        for bar, width in zip(self.bars, self.widths(), strict=True):
            label = bar.label  # links go in the table: role="img" hides its children
            note = format_html('<div class="text-muted">{}</div>', bar.note) if bar.note else ""
            rows.append(
                format_html(
                    '<div class="row g-2 align-items-center mb-1" data-testid="chart-row">'
                    '<div class="col-5 small lh-sm text-break">{}{}</div>'
                    '<div class="col-4">{}</div>'
                    '<div class="col-3 small text-end text-nowrap">{}</div></div>',
                    label,
                    note,
                    _bar_svg([(width, self.colour)]),
                    self._display(bar),
                )
            )
        description = self.description or "; ".join(
            f"{b.label}: {self._display(b)}" for b in self.bars
        )
        table = _table(
            self.title,
            ["", self.value_header],
            [
                (_linked(b.label, b.url), self._display(b) + (f" ({b.note})" if b.note else ""))
                for b in self.bars
            ],
        )
        drawn_rows = format_html_join("", "{}", ((row,) for row in rows))
        return _figure(self.chart_id, self.title, description, drawn_rows, table)


def _figure(
    chart_id: str, title: str, description: str, drawing: SafeString, table: SafeString
) -> SafeString:
    return format_html(
        '<figure class="mb-0" id="{id}" data-testid="chart">'
        '<figcaption class="fw-semibold small mb-2" id="{id}-t">{title}</figcaption>'
        '<p class="visually-hidden" id="{id}-d">{description}</p>'
        '<div role="img" aria-labelledby="{id}-t {id}-d">{drawing}</div>{table}</figure>',
        id=chart_id,
        title=title,
        description=description,
        drawing=drawing,
        table=table,
    )


# --- Stacked bar chart ---------------------------------------------------------------------


@dataclass
class Series:
    key: str
    label: str
    colour: str


@dataclass
class StackedRow:
    label: str
    counts: dict[str, int]
    note: str = ""  # under the label, e.g. the curve check in short: "Sesuai kurva"
    url: str = ""
    detail: str = ""  # the table's note column when longer than `note` (the violations)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class StackedBarChart:
    """One 100 % bar per row split into series (e.g. predikat), with a legend; rows whose
    total is 0 are still listed (as an empty bar) so a missing unit is visible."""

    chart_id: str
    title: str
    series: list[Series]
    rows: list[StackedRow]
    description: str = ""
    notes_header: str = "Keterangan"
    empty_text: str = EMPTY_TEXT

    @property
    def is_empty(self) -> bool:
        return not any(row.total for row in self.rows)

    def widths(self, row: StackedRow) -> list[float]:
        return [_share(row.counts.get(s.key, 0), row.total) for s in self.series]

    def __str__(self) -> str:
        # Templates call str() before escaping: return the SafeString, not the repr.
        return self.__html__()

    def __html__(self) -> str:
        if self.is_empty:
            return _empty(self.chart_id, self.title, self.empty_text)
        legend = format_html_join(
            "",
            '<li class="list-inline-item me-3"><svg width="12" height="12" viewBox="0 0 12 12"'
            ' aria-hidden="true" focusable="false"><rect width="12" height="12" fill="{}"></rect>'
            "</svg> {}</li>",
            ((s.colour, s.label) for s in self.series),
        )
        rows = []
        for row in self.rows:
            segments = list(zip(self.widths(row), [s.colour for s in self.series], strict=True))
            label = row.label
            note = format_html('<div class="text-muted">{}</div>', row.note) if row.note else ""
            rows.append(
                format_html(
                    '<div class="row g-2 align-items-center mb-1" data-testid="chart-row">'
                    '<div class="col-5 small lh-sm text-break">{}{}</div>'
                    '<div class="col-5">{}</div>'
                    '<div class="col-2 small text-end text-nowrap">{}</div></div>',
                    label,
                    note,
                    _bar_svg(segments),
                    format_html("{} org", _number(row.total)),
                )
            )
        drawing = format_html(
            '<ul class="list-inline small mb-2">{}</ul>{}',
            legend,
            format_html_join("", "{}", ((row,) for row in rows)),
        )
        description = self.description or "; ".join(
            f"{row.label}: "
            + ", ".join(f"{s.label} {row.counts.get(s.key, 0)}" for s in self.series)
            for row in self.rows
        )
        headers = ["", *(s.label for s in self.series), "Jumlah"]
        with_notes = any(row.note for row in self.rows)
        if with_notes:
            headers.append(self.notes_header)
        table_rows = []
        for row in self.rows:
            cells: list[object] = [
                _linked(row.label, row.url),
                *(row.counts.get(s.key, 0) for s in self.series),
            ]
            cells.append(row.total)
            if with_notes:
                cells.append(row.detail or row.note)
            table_rows.append(cells)
        return _figure(
            self.chart_id, self.title, description, drawing, _table(self.title, headers, table_rows)
        )


# --- Line chart ----------------------------------------------------------------------------


@dataclass
class Point:
    label: str  # the x value as shown, e.g. "2024"
    value: float | None  # None: no data for that x (a gap in the line)
    note: str = ""  # e.g. "812 dari 1.020 pemangku jabatan"


@dataclass
class LineChart:
    """One line over categorical x values (years), y from 0 to `max_value` (100 for %)."""

    chart_id: str
    title: str
    points: list[Point]
    unit: str = "%"
    max_value: float = 100.0
    colour: str = BLUE
    description: str = ""
    value_header: str = "Nilai"
    empty_text: str = EMPTY_TEXT

    WIDTH = 340
    HEIGHT = 200
    LEFT, RIGHT, TOP, BOTTOM = 44, 12, 26, 30
    INSET = 24

    @property
    def is_empty(self) -> bool:
        return all(p.value is None for p in self.points)

    def coordinates(self) -> list[tuple[float, float | None]]:
        """(x, y) in viewBox units for each point; y is None for a point without data."""
        # The first and last points sit INSET units inside the axis, clear of its labels.
        plot_w = self.WIDTH - self.LEFT - self.RIGHT - 2 * self.INSET
        plot_h = self.HEIGHT - self.TOP - self.BOTTOM
        step = plot_w / (len(self.points) - 1) if len(self.points) > 1 else 0
        result: list[tuple[float, float | None]] = []
        for index, point in enumerate(self.points):
            x = self.LEFT + self.INSET + (step * index if len(self.points) > 1 else plot_w / 2)
            if point.value is None:
                result.append((round(x, 2), None))
                continue
            share = min(max(float(point.value) / self.max_value, 0.0), 1.0)
            result.append((round(x, 2), round(self.TOP + plot_h * (1 - share), 2)))
        return result

    def _display(self, point: Point) -> str:
        return "—" if point.value is None else f"{_number(point.value)}{self.unit}"

    def __str__(self) -> str:
        # Templates call str() before escaping: return the SafeString, not the repr.
        return self.__html__()

    def __html__(self) -> str:
        if self.is_empty:
            return _empty(self.chart_id, self.title, self.empty_text)
        plot_h = self.HEIGHT - self.TOP - self.BOTTOM
        parts = []
        for tick in range(5):  # gridlines at 0, 25, 50, 75, 100 % of max_value
            grid_y = self.TOP + plot_h * (1 - tick / 4)
            value = self.max_value * tick / 4
            parts.append(
                f'<line x1="{self.LEFT}" x2="{self.WIDTH - self.RIGHT}" y1="{grid_y:.1f}" '
                f'y2="{grid_y:.1f}" stroke="{GRID}" stroke-width="1"></line>'
                f'<text x="{self.LEFT - 6}" y="{grid_y + 4:.1f}" text-anchor="end" font-size="12" '
                f'fill="{MUTED}">{escape(_number(value))}{escape(self.unit)}</text>'
            )
        coords = self.coordinates()
        segment: list[str] = []
        lines: list[str] = []
        for x, y in coords:
            if y is None:
                if len(segment) > 1:
                    lines.append(" ".join(segment))
                segment = []
                continue
            segment.append(f"{x},{y}")
        if len(segment) > 1:
            lines.append(" ".join(segment))
        for points in lines:
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{self.colour}" '
                f'stroke-width="3" stroke-linejoin="round"></polyline>'
            )
        for point, (x, y) in zip(self.points, coords, strict=True):
            parts.append(
                f'<text x="{x}" y="{self.HEIGHT - 8}" text-anchor="middle" font-size="13" '
                f'fill="{TEXT}">{escape(point.label)}</text>'
            )
            if y is None:
                continue
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="4.5" fill="{self.colour}" stroke="#ffffff" '
                f'stroke-width="1.5" data-value="{float(point.value or 0)}"></circle>'
                f'<text x="{x}" y="{max(y - 10, 12):.1f}" text-anchor="middle" font-size="13" '
                f'font-weight="600" fill="{TEXT}">{escape(self._display(point))}</text>'
            )
        svg = mark_safe(  # nosec B308 B703  # labels escaped above, the rest are numbers
            f'<svg class="d-block w-100" viewBox="0 0 {self.WIDTH} {self.HEIGHT}" '
            f'aria-hidden="true" focusable="false">{"".join(parts)}</svg>'
        )
        description = self.description or "; ".join(
            f"{p.label}: {self._display(p)}" for p in self.points
        )
        table = _table(
            self.title,
            ["", self.value_header],
            [(p.label, self._display(p) + (f" ({p.note})" if p.note else "")) for p in self.points],
        )
        return _figure(self.chart_id, self.title, description, svg, table)
