"""core.charts: bars proportional to the values, the same numbers in the table, an empty
chart says so, and nothing the strict CSP would block."""

import re

from django.template import Context, Template

from core import charts


def _widths(html):
    return [float(w) for w in re.findall(r'data-value-width="([0-9.]+)"', html)]


def _table_cells(html):
    table = html.split('data-testid="chart-table"', 1)[1]
    return re.findall(r'<td class="text-end">([^<]*)</td>', table)


def _no_inline_style_or_script(html):
    assert "style=" not in html
    assert "<style" not in html
    assert "<script" not in html
    assert " on" not in re.sub(r'"[^"]*"', '""', html)  # no onload=/onclick= attributes


def test_bar_widths_are_proportional_to_values_and_the_table_has_the_numbers():
    chart = charts.BarChart(
        "c1",
        "Pegawai per unit",
        [charts.Bar("Dinas A", 40), charts.Bar("Dinas B", 10), charts.Bar("Dinas C", 20)],
        unit=" org",
    )
    html = str(chart.__html__())
    assert _widths(html) == [100.0, 25.0, 50.0]
    assert _table_cells(html) == ["40 org", "10 org", "20 org"]
    assert 'role="img"' in html and 'aria-labelledby="c1-t c1-d"' in html
    assert 'id="c1-t"' in html and 'id="c1-d"' in html
    assert "Dinas B: 10 org" in html  # the text description
    _no_inline_style_or_script(html)


def test_percent_bars_use_the_given_maximum():
    chart = charts.BarChart(
        "c2", "JP", [charts.Bar("A", 50), charts.Bar("B", 12.5)], unit="%", max_value=100
    )
    html = str(chart.__html__())
    assert _widths(html) == [50.0, 12.5]
    assert _table_cells(html) == ["50%", "12,5%"]


def test_stacked_segments_are_shares_of_the_row_and_the_table_repeats_the_counts():
    series = [charts.Series("sb", "Sangat Baik", "#0b5d3b"), charts.Series("b", "Baik", "#1f5fa8")]
    chart = charts.StackedBarChart(
        "c3",
        "Predikat",
        series,
        [
            charts.StackedRow("Dinas A", {"sb": 1, "b": 3}, note="Sesuai kurva"),
            charts.StackedRow("B", {"b": 2}),
        ],
        notes_header="Kurva",
    )
    html = str(chart.__html__())
    assert _widths(html) == [25.0, 75.0, 100.0]
    assert _table_cells(html) == ["1", "3", "4", "Sesuai kurva", "0", "2", "2", ""]
    assert "Sangat Baik" in html and "Kurva" in html
    _no_inline_style_or_script(html)


def test_line_points_are_placed_by_value_and_gaps_stay_gaps():
    chart = charts.LineChart(
        "c4",
        "Kesesuaian",
        [
            charts.Point("2023", 50),
            charts.Point("2024", None),
            charts.Point("2025", 100),
            charts.Point("2026", 0),
        ],
    )
    coords = chart.coordinates()
    top, bottom = charts.LineChart.TOP, charts.LineChart.HEIGHT - charts.LineChart.BOTTOM
    assert coords[0][1] == (top + bottom) / 2
    assert coords[1][1] is None
    assert coords[2][1] == top and coords[3][1] == bottom
    html = str(chart.__html__())
    assert _table_cells(html) == ["50%", "—", "100%", "0%"]
    assert html.count("<circle") == 3
    assert 'viewBox="0 0 340 200"' in html
    _no_inline_style_or_script(html)


def test_empty_data_says_belum_ada_data():
    for chart in (
        charts.BarChart("e1", "Kosong", []),
        charts.StackedBarChart(
            "e2", "Kosong", [charts.Series("a", "A", "#000000")], [charts.StackedRow("X", {})]
        ),
        charts.LineChart("e3", "Kosong", [charts.Point("2025", None)]),
    ):
        html = str(chart.__html__())
        assert charts.EMPTY_TEXT in html
        assert "<svg" not in html and "<table" not in html


def test_labels_are_escaped_and_templates_render_the_chart():
    chart = charts.BarChart("c5", "Judul", [charts.Bar("<b>Dinas</b>", 3, url="/x?a=1&b=2")])
    html = Template("{{ chart }}").render(Context({"chart": chart}))
    assert "<b>Dinas</b>" not in html and "&lt;b&gt;Dinas&lt;/b&gt;" in html
    assert 'href="/x?a=1&amp;b=2"' in html
    assert "<svg" in html  # rendered, not escaped
