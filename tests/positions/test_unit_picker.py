"""The one unit picker (positions.selectors.unit_choices / picker_units) and the one GET
filter of the unit-and-year pages (positions.forms.UnitYearFilterForm)."""

from __future__ import annotations

from django.http import QueryDict

from core.params import this_year
from positions.forms import UnitYearFilterForm
from positions.models import scopes_for
from positions.selectors import picker_units, unit_choices
from tests.factories import make_unit


def _deep(world):
    seksi = make_unit("Seksi Keperawatan", world.yankes)
    subseksi = make_unit("Subseksi Rawat Inap", seksi)
    return seksi, subseksi


def test_two_levels_below_the_outermost_scope_indented_in_one_query(
    world, hr_admin, django_assert_num_queries
):
    seksi, _ = _deep(world)
    scopes_for(hr_admin)  # the scopes (cached on the user) are counted on every page already
    with django_assert_num_queries(1):
        choices = unit_choices(hr_admin)
    assert choices == [
        (world.pemprov.pk, "Pemerintah Provinsi Uji"),
        (world.dinkes.pk, "\u2003Dinas Kesehatan"),
        (world.yankes.pk, "\u2003\u2003Bidang Pelayanan Kesehatan"),
        (world.dishub.pk, "\u2003Dinas Perhubungan"),
    ]
    assert seksi.pk not in dict(choices)


def test_the_selected_deeper_unit_is_added_but_not_one_outside_the_scope(
    world, hr_dinkes, hr_dishub
):
    _, subseksi = _deep(world)
    assert subseksi.pk not in dict(unit_choices(hr_dinkes))
    assert subseksi.pk in dict(unit_choices(hr_dinkes, selected=str(subseksi.pk)))
    assert subseksi.pk in dict(unit_choices(hr_dinkes, selected=subseksi))
    assert [u.pk for u in picker_units(hr_dishub, selected=world.yankes.pk)] == [world.dishub.pk]
    assert unit_choices(hr_dishub, selected="abc") == [(world.dishub.pk, "Dinas Perhubungan")]


def test_the_filter_resolves_unit_and_year_the_one_way(world, hr_dinkes, hr_dishub):
    form = UnitYearFilterForm(QueryDict(""), user=hr_dinkes)
    assert form.unit == world.dinkes  # no ?unit=: the outermost unit of the scope
    assert form.year == this_year() and not form.unit_unknown
    form = UnitYearFilterForm(QueryDict(f"unit={world.yankes.pk}&tahun=2016"), user=hr_dinkes)
    assert (form.unit, form.year) == (world.yankes, 2016)
    assert form.initial == {"unit": world.yankes.pk, "tahun": 2016}
    for raw in ("abc", str(world.dishub.pk), "9" * 40):
        form = UnitYearFilterForm(QueryDict(f"unit={raw}&tahun=1999"), user=hr_dinkes)
        assert form.unit is None and form.unit_unknown, raw
        assert form.year == this_year()  # out of the default bounds: the default
    assert not UnitYearFilterForm(QueryDict(""), user=hr_dishub).unit_unknown


def test_the_filter_keeps_each_pages_bounds_labels_and_all_option(world, hr_dinkes):
    form = UnitYearFilterForm(
        QueryDict("tahun=2099"), user=hr_dinkes, year_default=2030, first=2000, last=2100
    )
    assert form.year == 2099
    assert form.fields["tahun"].widget.input_type == "number"
    form = UnitYearFilterForm(
        QueryDict(""), user=hr_dinkes, all_label="Seluruh lingkup saya", with_year=False
    )
    assert form.unit is None and not form.unit_unknown and form.year is None
    assert "tahun" not in form.fields
    assert form.fields["unit"].choices[0] == ("", "Seluruh lingkup saya")
    html = str(UnitYearFilterForm(QueryDict("tahun=2024"), user=hr_dinkes, years=[2025, 2024]))
    assert '<option value="2024" selected>' in html
    assert f'<option value="{world.dinkes.pk}" selected>' in html
